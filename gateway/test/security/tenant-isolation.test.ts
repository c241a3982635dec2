import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Role } from '../../src/api/auth/principal.js'
import { type TestGateway, provision, startGateway } from '../helper.js'
import { ACCESS_MATRIX } from './access-matrix.js'
import { PASSWORD, call, createUser, login, serviceToken } from './support.js'

/**
 * OWASP API1 (broken object-level authorisation): a fleet owner, a support
 * engineer limited to a region and a tenant's service token asking for an
 * object outside their scope get 404, exactly as for an object that does
 * not exist, on every route that takes an id.
 */
let gw: TestGateway
const a = { vin: '', alert: '', command: '' }
const b = { vin: '', alert: '', command: '' }
let ownerA: string
let supportEu: string
let serviceB: string

async function raiseAlert (vin: string): Promise<string> {
  const v = await gw.app.vehicles.get(vin)
  if (v === undefined) throw new Error('no vehicle')
  const t = Date.now() - 60_000
  await gw.app.alerts.service.applyRuleTransitions({ key: v.key, id: v.id }, [{ ruleId: 'isolation-test', severity: 'major', kind: 'raise', atMs: t, confirmedAtMs: t, value: 1, detail: { reason: 'test', threshold: 0, observed: 1 } }])
  const list = await call(gw, 'GET', `/alerts?vehicle=${vin}`)
  return (list.body as { items: Array<{ id: string }> }).items[0]?.id as string
}

/** A diagnostic command waiting for the (offline) vehicle, so routes taking a command id have one. */
async function queueCommand (vin: string): Promise<string> {
  const res = await call(gw, 'POST', `/vehicles/${vin}/diagnostics/read-dtcs`, { body: { queue: { expiresInS: 600 } } })
  return (res.body as { commandId: string }).commandId
}

beforeAll(async () => {
  gw = await startGateway()
  a.vin = (await provision(gw, { fleet: 'iso-a1', region: 'EU' })).id
  b.vin = (await provision(gw, { fleet: 'iso-b1', region: 'LATAM' })).id
  a.alert = await raiseAlert(a.vin)
  b.alert = await raiseAlert(b.vin)
  a.command = await queueCommand(a.vin)
  b.command = await queueCommand(b.vin)
  await createUser(gw, { username: 'iso-owner-a', password: PASSWORD, role: 'fleet_owner', tenantId: 'iso-tenant-a', fleets: ['iso-a1'] })
  await createUser(gw, { username: 'iso-owner-b', password: PASSWORD, role: 'fleet_owner', tenantId: 'iso-tenant-b', fleets: ['iso-b1'] })
  await createUser(gw, { username: 'iso-support-eu', password: PASSWORD, role: 'support', regions: ['EU'] })
  ownerA = await login(gw, 'iso-owner-a', PASSWORD)
  supportEu = await login(gw, 'iso-support-eu', PASSWORD)
  serviceB = (await serviceToken(gw, { tenantId: 'iso-tenant-b' })).token
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

/** Every route of the matrix that takes a vehicle or alert id and that `role` may call. */
function idRoutes (role: Role): Array<{ method: string, url: string }> {
  return Object.entries(ACCESS_MATRIX)
    .filter(([k, who]) => who !== 'public' && who.includes(role) && /^\S+ \/(vehicles|alerts)\/:id/.test(k))
    .map(([k]) => { const [method, url] = k.split(' ') as [string, string]; return { method, url } })
}

function concrete (url: string, target: { vin: string, alert: string, command: string }): string {
  const id = url.startsWith('/alerts') ? target.alert : target.vin
  const from = new Date(Date.now() - 3_600_000).toISOString()
  const to = new Date().toISOString()
  return url.replace(':id', id).replace(':signal', 'Vehicle.Speed').replace(':commandId', target.command) + (url.endsWith('/history') ? `?from=${from}&to=${to}` : '')
}

const BODIES: Array<[suffix: string, body: object]> = [
  ['/acknowledge', {}],
  ['/resolve', { note: 'n' }],
  ['/notes', { note: 'n' }],
  ['read-data', { did: 0xf190 }],
  ['/ota-preferences', { language: 'de', quietHours: '22:00-07:00' }],
]
const bodyFor = (method: string, url: string) => (method === 'GET' ? undefined : BODIES.find(([suffix]) => url.endsWith(suffix))?.[1] ?? {})

describe('tenant and region isolation (OWASP API1)', () => {
  it.each([
    ['fleet owner of tenant A', 'fleet_owner' as Role, () => ownerA, b, a],
    ['support engineer limited to EU', 'support' as Role, () => supportEu, b, a],
    ['service token of tenant B', 'service' as Role, () => serviceB, a, b],
  ])('%s: 404 on every id route for an object out of scope, not 404 for its own', async (_name, role, token, foreign, own) => {
    const routes = idRoutes(role)
    expect(routes.length).toBeGreaterThanOrEqual(role === 'fleet_owner' ? 10 : 6)
    const leaks: string[] = []
    for (const r of routes) {
      const res = await call(gw, r.method, concrete(r.url, foreign), { token: token(), body: bodyFor(r.method, r.url) })
      if (res.status !== 404) leaks.push(`${r.method} ${r.url} → ${res.status}`)
      else expect(['GW_VEHICLE_NOT_FOUND', 'GW_ALERT_NOT_FOUND']).toContain(res.body.code)
    }
    expect(leaks).toEqual([])
    // Reads of its own objects succeed: the 404s above come from the scope, not from a blanket refusal.
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const res = await call(gw, 'GET', concrete(r.url, own), { token: token() })
      expect(res.status, `${r.url} on its own object`).toBe(200)
    }
  })

  it('a foreign object answers exactly like a missing one (no existence oracle)', async () => {
    const foreign = await call(gw, 'GET', `/vehicles/${b.vin}`, { token: ownerA })
    const missing = await call(gw, 'GET', '/vehicles/WVWZZZ1JZXW999998', { token: ownerA })
    expect(foreign.status).toBe(missing.status)
    expect(Object.keys(foreign.body)).toEqual(Object.keys(missing.body))
    expect(foreign.body.code).toBe(missing.body.code)
  })

  it('lists hold only the caller\'s vehicles and alerts, whatever the filters ask for', async () => {
    const vehicles = await call(gw, 'GET', '/vehicles', { token: ownerA })
    expect(vehicles.body.items.map((v: { id: string }) => v.id)).toEqual([a.vin])
    expect((await call(gw, 'GET', '/vehicles?fleet=iso-b1', { token: ownerA })).body).toEqual({ total: 0, items: [] })
    const alerts = await call(gw, 'GET', '/alerts', { token: ownerA })
    expect(alerts.body.items.map((x: { id: string }) => x.id)).toEqual([a.alert])
    expect((await call(gw, 'GET', `/alerts?vehicle=${b.vin}`, { token: ownerA })).body.items).toEqual([])
    expect((await call(gw, 'GET', '/vehicles', { token: supportEu })).body.items.map((v: { region: string }) => v.region)).toEqual(['EU'])
    expect((await call(gw, 'GET', '/vehicles', { token: serviceB })).body.items.map((v: { id: string }) => v.id)).toEqual([b.vin])
    // the admin sees both
    expect((await call(gw, 'GET', '/vehicles')).body.total).toBe(2)
  })

  it('a fleet owner cannot act on another tenant\'s alert, and its own alert changes', async () => {
    expect((await call(gw, 'POST', `/alerts/${b.alert}/acknowledge`, { token: ownerA, body: {} })).status).toBe(404)
    expect((await call(gw, 'GET', `/alerts/${b.alert}`)).body.alert.state).toBe('open')
    expect((await call(gw, 'POST', `/alerts/${a.alert}/acknowledge`, { token: ownerA, body: {} })).body).toEqual({ state: 'acknowledged' })
  })

  it('/auth/me tells the fleet owner its tenant and fleets', async () => {
    const me = await call(gw, 'GET', '/auth/me', { token: ownerA })
    expect(me.body).toMatchObject({ username: 'iso-owner-a', role: 'fleet_owner', tenantId: 'iso-tenant-a', fleets: ['iso-a1'], regions: null })
  })
})
