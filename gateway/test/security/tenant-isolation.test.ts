import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Role } from '../../src/api/auth/principal.js'
import { type TestGateway, provision, startGateway } from '../helper.js'
import { ACCESS_MATRIX } from './access-matrix.js'
import { PASSWORD, call, createUser, login, serviceToken } from './support.js'
import { startOtaVehicle, type OtaVehicle } from '../../../firmware-sim/src/ota/ota-vehicle.js'
import { BMS, createCampaign, plan, publicKey, uploadArtifact } from '../ota/ota-helper.js'

/**
 * OWASP API1 (broken object-level authorisation): a fleet owner, a support
 * engineer limited to a region and a tenant's service token asking for an
 * object outside their scope get 404, exactly as for an object that does
 * not exist, on every route that takes an id.
 */
let gw: TestGateway
let aPassword = ''
let bPassword = ''
const a = { vin: '', alert: '', command: '' }
const b = { vin: '', alert: '', command: '' }
let ownerA: string
let ownerB: string
let supportEu: string
let serviceB: string
/** OTA campaigns over vehicle a (EU) and vehicle b (LATAM). */
const campaignOf = { a: '', b: '' }
let units: OtaVehicle[] = []

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
  gw = await startGateway({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.1' }) // a receiver address that passes the destination check
  const pa = await provision(gw, { fleet: 'iso-a1', region: 'EU' })
  const pb = await provision(gw, { fleet: 'iso-b1', region: 'LATAM' })
  a.vin = pa.id
  b.vin = pb.id
  aPassword = pa.password
  bPassword = pb.password
  a.alert = await raiseAlert(a.vin)
  b.alert = await raiseAlert(b.vin)
  a.command = await queueCommand(a.vin)
  b.command = await queueCommand(b.vin)
  await createUser(gw, { username: 'iso-owner-a', password: PASSWORD, role: 'fleet_owner', tenantId: 'iso-tenant-a', fleets: ['iso-a1'] })
  await createUser(gw, { username: 'iso-owner-b', password: PASSWORD, role: 'fleet_owner', tenantId: 'iso-tenant-b', fleets: ['iso-b1'] })
  await createUser(gw, { username: 'iso-support-eu', password: PASSWORD, role: 'support', regions: ['EU'] })
  ownerA = await login(gw, 'iso-owner-a', PASSWORD)
  ownerB = await login(gw, 'iso-owner-b', PASSWORD)
  supportEu = await login(gw, 'iso-support-eu', PASSWORD)
  serviceB = (await serviceToken(gw, { tenantId: 'iso-tenant-b' })).token
  // The vehicles' telematics units report their ECUs (birth), so campaigns can target them.
  const key = await publicKey(gw)
  for (const [vin, password] of [[a.vin, aPassword], [b.vin, bPassword]] as const) units.push(await startOtaVehicle({ url: gw.mqttUrl, vehicleId: vin, password, publicKeyRaw: key, ecus: [BMS] }))
  for (const vin of [a.vin, b.vin]) {
    for (let i = 0; (await gw.app.vehicles.get(vin))?.ecus.length === 0; i++) {
      if (i > 200) throw new Error(`no birth from ${vin}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  const artifact = (await uploadArtifact(gw, Buffer.from('isolation test package'))).artifact.id
  campaignOf.a = await createCampaign(gw, { name: 'iso-eu', artifactIds: [artifact], target: { vins: [a.vin] }, plan: plan() })
  campaignOf.b = await createCampaign(gw, { name: 'iso-latam', artifactIds: [artifact], target: { vins: [b.vin] }, plan: plan() })
})
afterAll(async () => {
  await Promise.all(units.map((u) => u.stop()))
  units = []
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
  ['/verdict', { outcome: 'not-verified' }],
]
const bodyFor = (method: string, url: string) => (method === 'GET' ? undefined : BODIES.find(([suffix]) => url.endsWith(suffix))?.[1] ?? {})

/**
 * Every matrix route that takes an object id, and where its object-level
 * check is tested. A new id route fails here until it is given a scope test
 * (or a reason it has none): nothing slips past the isolation tests.
 */
const ID_ROUTE_CHECKS: ReadonlyArray<[pattern: RegExp, check: string]> = [
  [/^\S+ \/(vehicles|alerts)\/:id/, 'scoped: 404 outside the scope (the it.each below)'],
  [/^\S+ \/ota\/campaigns\/:id/, 'scoped: campaign visibility below, and campaign-scope.test.ts (spanning regions)'],
  [/^PUT \/owner\/campaigns\/:id\/consent$/, 'scoped: another tenant\'s campaign answers 404 (below)'],
  [/^\S+ \/webhooks\/:id/, 'scoped: tenant webhooks (below)'],
  [/^\S+ \/(users|tokens|tenants)\/:id/, 'admin only: the matrix test refuses every other role'],
  [/^\S+ \/rules\/:id/, 'fleet-wide rule catalog, no per-tenant object (staff only; writes admin only)'],
  [/^\S+ \/models\/:id/, 'fleet-wide model catalog (limits, parts, service schedule), no per-tenant object (staff read, admin write)'],
  [/^\S+ \/service-centers\/:id/, "the manufacturer's service network, not per tenant; a technician gets 404 for another centre (test/work-orders/work-order-flow.test.ts)"],
  [/^\S+ \/work-orders\/:id/, 'scoped: 404 for a fleet owner of another tenant and a technician of another centre (test/work-orders/work-order-flow.test.ts)'],
  [/^GET \/ota\/artifacts\/:id$/, 'software packages are not per-tenant (staff only)'],
  [/^\S+ \/incidents\/:id/, 'scoped: another fleet\'s owner gets 404 on the incident and its report, counts only its own vehicles; close is admin only (test/incidents/incident-flow.test.ts)'],
  [/^GET \/ota\/download\/:artifactId$/, 'vehicle credentials + a URL signed for that vehicle (test/ota download tests)'],
]

describe('tenant and region isolation (OWASP API1)', () => {
  it('every id route of the matrix has an object-level check', () => {
    const idRoutes = Object.keys(ACCESS_MATRIX).filter((k) => /\/:[a-zA-Z]+/.test(k))
    const unchecked = idRoutes.filter((k) => !ID_ROUTE_CHECKS.some(([re]) => re.test(k)))
    expect(unchecked).toEqual([])
    expect(idRoutes.length).toBeGreaterThanOrEqual(35)
  })

  it('a fleet owner cannot record consent on a campaign without its vehicles (404, nothing recorded)', async () => {
    const res = await call(gw, 'PUT', `/owner/campaigns/${campaignOf.b}/consent`, { token: ownerA, body: { decision: 'opted_out', fleet: 'iso-a1' } })
    expect([res.status, res.body.code]).toEqual([404, 'GW_OTA_CAMPAIGN_NOT_FOUND'])
    const mine = await call(gw, 'PUT', `/owner/campaigns/${campaignOf.b}/consent`, { token: ownerB, body: { decision: 'opted_in', vehicleIds: [a.vin] } })
    expect(mine.status).toBe(404) // naming another tenant's vehicle in its own campaign
    expect((await call(gw, 'GET', `/ota/campaigns/${campaignOf.b}`)).body.events.filter((e: { kind: string }) => e.kind.startsWith('consent.'))).toEqual([])
  })

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

  it('support limited to EU: campaigns without an EU vehicle (or an EU target) are absent from the list and 404 on every campaign route', async () => {
    const listed = (await call(gw, 'GET', '/ota/campaigns', { token: supportEu })).body.items.map((c: { id: string }) => c.id)
    expect(listed).toEqual([campaignOf.a])
    expect((await call(gw, 'GET', '/ota/campaigns')).body.items.map((c: { id: string }) => c.id).sort()).toEqual([campaignOf.a, campaignOf.b].sort())
    const routes = Object.entries(ACCESS_MATRIX).filter(([k, who]) => who !== 'public' && who.includes('support') && /^\S+ \/ota\/campaigns\/:id/.test(k)).map(([k]) => k.split(' ') as [string, string])
    expect(routes.length).toBeGreaterThanOrEqual(3)
    const leaks: string[] = []
    for (const [method, url] of routes) {
      const path = url.replace(':id', campaignOf.b).replace(':control', 'pause')
      const res = await call(gw, method, path, { token: supportEu, body: method === 'GET' ? undefined : {} })
      if (res.status !== 404 || res.body.code !== 'GW_OTA_CAMPAIGN_NOT_FOUND') leaks.push(`${method} ${url} → ${res.status}`)
      if (method === 'GET') expect((await call(gw, 'GET', url.replace(':id', campaignOf.a), { token: supportEu })).status, `${url} on its own campaign`).toBe(200)
    }
    expect(leaks).toEqual([])
    expect((await call(gw, 'GET', `/ota/campaigns/${campaignOf.b}`)).body.state).toBe('draft') // the refused pause changed nothing
    const missing = await call(gw, 'GET', '/ota/campaigns/00000000-0000-4000-8000-000000000000', { token: supportEu })
    const foreign = await call(gw, 'GET', `/ota/campaigns/${campaignOf.b}`, { token: supportEu })
    expect([foreign.status, Object.keys(foreign.body), foreign.body.code]).toEqual([missing.status, Object.keys(missing.body), missing.body.code])
  })

  it('support limited to EU creates and previews campaigns only over EU vehicles', async () => {
    const artifact = (await call(gw, 'GET', '/ota/artifacts')).body.items[0].id as string
    const body = (target: object) => ({ name: 'eu-support', artifactIds: [artifact], target, plan: plan() })
    const preview = await call(gw, 'POST', '/ota/campaigns/preview', { token: supportEu, body: body({ vins: [a.vin, b.vin] }) })
    expect(preview.body.waves[0].vehicleIds).toEqual([a.vin])
    expect((await call(gw, 'POST', '/ota/campaigns', { token: supportEu, body: body({ regions: ['LATAM'] }) })).status).toBe(422)
    const created = await call(gw, 'POST', '/ota/campaigns', { token: supportEu, body: body({ models: ['FW-E1'] }) })
    expect(created.status).toBe(201)
    expect((await call(gw, 'GET', `/ota/campaigns/${created.body.id as string}`, { token: supportEu })).body.target).toEqual({ models: ['FW-E1'], regions: ['EU'] })
  })

  it('a fleet owner\'s webhook is invisible to another tenant, and lists hold only its own', async () => {
    const hook = await call(gw, 'POST', '/webhooks', { token: ownerA, body: { url: 'https://127.0.0.1:9/hook', events: ['ota.reminder', 'alert.opened'] } })
    expect(hook.status).toBe(201)
    expect((await call(gw, 'GET', '/webhooks', { token: ownerB })).body).toEqual([])
    expect((await call(gw, 'GET', `/webhooks/${hook.body.id as string}/deliveries`, { token: ownerB })).status).toBe(404)
    expect((await call(gw, 'DELETE', `/webhooks/${hook.body.id as string}`, { token: ownerB })).status).toBe(404)
    expect((await call(gw, 'GET', '/webhooks', { token: ownerA })).body.map((w: { id: string, tenantId: string }) => [w.id, w.tenantId])).toEqual([[hook.body.id, 'iso-tenant-a']])
    expect((await call(gw, 'DELETE', `/webhooks/${hook.body.id as string}`, { token: ownerA })).status).toBe(204)
  })
})
