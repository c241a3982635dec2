import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'
import { PASSWORD, call, createUser, login } from './support.js'

const DAY = 86_400_000
let gw: TestGateway
let eu: { id: string, password: string }
let latam: { id: string, password: string }
let cars: MqttClient[] = []
let owner: string
let seq = 1

async function send (v: { id: string }, car: MqttClient, samples: Array<[number, number]>): Promise<void> {
  await publish(car, v.id, 'telemetry', telemetryPayload(seq++, Date.now() - 600_000 + seq, samples))
}

const latest = async (vin: string) => Object.fromEntries(((await call(gw, 'GET', `/vehicles/${vin}/signals/latest`)).body as Array<{ signalId: number, value: number }>).map((s) => [s.signalId, s.value]))

beforeAll(async () => {
  gw = await startGateway({
    DATA_POLICY: '{"EU":{"telemetryDays":60,"positionDays":30,"auditDays":90,"positionDecimals":3}}',
    DIAG_TIMEOUT_MS: '200',
  })
  eu = await provision(gw, { fleet: 'dp-eu', region: 'EU' })
  latam = await provision(gw, { fleet: 'dp-latam', region: 'LATAM' })
  cars = [await connectVehicle(gw.mqttUrl, eu), await connectVehicle(gw.mqttUrl, latam)]
  await send(eu, cars[0] as MqttClient, [[3, 52.520_008], [4, 13.404_954], [1, 88.5]])
  await send(latam, cars[1] as MqttClient, [[3, 19.432_608], [4, -99.133_209], [1, 61.25]])
  await createUser(gw, { username: 'dp-owner', password: PASSWORD, role: 'fleet_owner', tenantId: 'dp-tenant', fleets: ['dp-eu'] })
  owner = await login(gw, 'dp-owner', PASSWORD)
  // records the law keeps: an alert and a diagnostic command (times out: the test vehicle does not answer)
  const v = await gw.app.vehicles.get(eu.id)
  const t = Date.now() - 60_000
  if (v !== undefined) await gw.app.alerts.service.applyRuleTransitions({ key: v.key, id: v.id }, [{ ruleId: 'dp-rule', severity: 'minor', kind: 'raise', atMs: t, confirmedAtMs: t, value: 1, detail: { reason: 'test', threshold: 0, observed: 1 } }])
  expect((await call(gw, 'POST', `/vehicles/${eu.id}/diagnostics/read-data`, { body: { did: 0xf190 } })).status).toBe(504)
})
afterAll(async () => {
  for (const c of cars) c.end(true)
  await gw.close()
  await gw.dropDatabase()
})

describe('position precision per region (applied on read)', () => {
  it('rounds latitude/longitude to the region\'s decimals on REST reads; other regions and signals unchanged', async () => {
    expect(await latest(eu.id)).toEqual({ 1: 88.5, 3: 52.52, 4: 13.405 })
    expect(await latest(latam.id)).toEqual({ 1: 61.25, 3: 19.432_608, 4: -99.133_209 })
    const from = new Date(Date.now() - 3_600_000).toISOString()
    const h = await call(gw, 'GET', `/vehicles/${eu.id}/signals/Vehicle.CurrentLocation.Longitude/history?from=${from}&to=${new Date().toISOString()}`)
    expect(h.body.points.map((p: { value: number }) => p.value)).toEqual([13.405])
  })
})

describe('export and erasure on request', () => {
  it('exports the vehicle\'s data as one JSON document (the owner may ask)', async () => {
    const res = await fetch(`${gw.httpUrl}/vehicles/${eu.id}/export`, { headers: { authorization: `Bearer ${owner}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('content-disposition')).toContain(`${eu.id}-export.json`)
    const doc = await res.json() as Record<string, any>
    expect(doc.format).toBe('fleetwire.vehicle-export.v1')
    expect(doc.vehicle).toMatchObject({ id: eu.id, region: 'EU', fleet: 'dp-eu' })
    expect(doc.positionDecimals).toBe(3)
    expect(doc.telemetry.map((s: { signal: string, value: number }) => [s.signal, s.value])).toEqual([
      ['Vehicle.Speed', 88.5], ['Vehicle.CurrentLocation.Latitude', 52.52], ['Vehicle.CurrentLocation.Longitude', 13.405]])
    expect(doc.alerts).toHaveLength(1)
    expect(doc.alerts[0].history[0].kind).toBe('opened')
    expect(doc.diagnosticCommands).toMatchObject([{ kind: 'read_data', status: 'timed_out' }])
    expect(Array.isArray(doc.dtcEvents) && Array.isArray(doc.presenceEvents)).toBe(true)
    const other = await fetch(`${gw.httpUrl}/vehicles/${latam.id}/export`, { headers: { authorization: `Bearer ${owner}` } })
    expect(other.status).toBe(404)
  })

  it('erasure removes telemetry and positions and keeps alerts, diagnostic records and the audit trail', async () => {
    const r = await call(gw, 'DELETE', `/vehicles/${eu.id}/data`)
    expect(r.status).toBe(200)
    expect(r.body.erased).toMatchObject({ telemetry: 1, positions: 2 })
    expect(r.body.kept).toEqual(expect.arrayContaining(['alerts', 'diagnostic commands', 'audit trail']))
    expect(await latest(eu.id)).toEqual({})
    const doc = await (await fetch(`${gw.httpUrl}/vehicles/${eu.id}/export`, { headers: { authorization: `Bearer ${owner}` } })).json() as Record<string, any>
    expect(doc.telemetry).toEqual([])
    expect(doc.presenceEvents).toEqual([])
    expect(doc.alerts).toHaveLength(1)
    expect(doc.diagnosticCommands).toHaveLength(1)
    // the other vehicle is untouched
    expect(Object.keys(await latest(latam.id))).toHaveLength(3)
    const audit = (await call(gw, 'GET', `/audit?target=vehicle:${eu.id}`)).body.items.map((i: { action: string }) => i.action)
    expect(audit).toEqual(expect.arrayContaining(['privacy.erase', 'privacy.export', 'diagnostics.read_data']))
    expect((await call(gw, 'GET', '/audit/verify')).body.valid).toBe(true)
    // only an admin erases
    expect((await call(gw, 'DELETE', `/vehicles/${eu.id}/data`, { token: owner })).status).toBe(403)
  })
})

describe('retention per region', () => {
  it('removes positions, then other telemetry, of each region after its period (clock moved forward)', async () => {
    await send(eu, cars[0] as MqttClient, [[3, 48.857], [4, 2.352], [1, 30]])
    await waitFor(async () => Object.keys(await latest(eu.id)).length === 3 || undefined, 5000, 'EU telemetry stored')
    const now = Date.now()
    expect(await gw.app.privacy.applyRetention(now + 10 * DAY)).toMatchObject({ telemetry: 0, positions: 0 })
    expect(await gw.app.privacy.applyRetention(now + 45 * DAY)).toMatchObject({ telemetry: 0, positions: 2 })
    expect(await latest(eu.id)).toEqual({ 1: 30 })
    expect(Object.keys(await latest(latam.id))).toHaveLength(3)
    expect(await gw.app.privacy.applyRetention(now + 70 * DAY)).toMatchObject({ telemetry: 1, positions: 0 })
    expect(await latest(eu.id)).toEqual({})
    expect(Object.keys(await latest(latam.id))).toHaveLength(3)
  })

  it('erases the personal fields of audit rows after the region\'s audit period; the chain still verifies', async () => {
    const now = Date.now()
    const before = (await call(gw, 'GET', `/audit?target=vehicle:${eu.id}`)).body.items.length
    expect(before).toBeGreaterThan(2)
    const report = await gw.app.privacy.applyRetention(now + 100 * DAY)
    expect(report.auditRedacted).toBe(before)
    const rows = (await call(gw, 'GET', '/audit?limit=1000')).body.items as Array<{ actor: string | null, target: string | null, redacted: boolean, action: string }>
    expect(rows.filter((r) => r.redacted)).toHaveLength(before)
    expect(rows.filter((r) => r.redacted).every((r) => r.actor === null && r.target === null)).toBe(true)
    // rows without an EU vehicle (log-ins, users) keep the default period
    expect(rows.find((r) => r.action === 'auth.login')?.redacted).toBe(false)
    expect(await gw.app.audit.verify(now + 100 * DAY)).toMatchObject({ valid: true, redacted: before })
    // seen from today, these rows were redacted before their period ended: reported
    expect((await call(gw, 'GET', '/audit/verify')).body.problems[0]).toMatchObject({ problem: 'redacted_early' })
    // LATAM has the default period (TELEMETRY_RETENTION_DAYS, 365)
    expect(await gw.app.privacy.applyRetention(now + 366 * DAY)).toMatchObject({ telemetry: 1, positions: 2 })
    expect(await latest(latam.id)).toEqual({})
  })
})
