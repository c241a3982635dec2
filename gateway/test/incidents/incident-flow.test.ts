import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOtaVehicle, type OtaVehicle } from '../../../firmware-sim/src/ota/ota-vehicle.js'
import { api, provision, startGateway, waitFor, type TestGateway } from '../helper.js'
import { BMS, createCampaign, control, otaEnv, ownerToken, plan, publicKey, uploadArtifact } from '../ota/ota-helper.js'

/**
 * A safety incident end to end over real MQTT: the notice reaches exactly
 * the affected vehicles (model, software version, two countries), in each
 * driver's language; a critical one is shown inside the driver's quiet
 * hours, a warning waits for their end; an offline vehicle gets it on its
 * return; the drivers' confirmations and the fix by the linked OTA update
 * are in the report, whose counts match the database.
 */
interface Car { readonly id: string, readonly unit: OtaVehicle, readonly password: string }

let gw: TestGateway
let db: pg.Client
let key: Uint8Array
const cars: Record<string, Car> = {}

const hhmm = (minute: number) => `${String(Math.floor(((minute + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((minute + 1440) % 1440) % 60).padStart(2, '0')}`
/** Quiet hours (UTC vehicles) from an hour ago to an hour ahead: now is inside them, at any time of day. */
const quietAroundNow = () => {
  const d = new Date()
  const m = d.getUTCHours() * 60 + d.getUTCMinutes()
  return `${hhmm(m - 60)}-${hhmm(m + 60)}`
}

async function car (name: string, o: { model?: string, country: string, language: string, quiet?: string, version?: string }): Promise<void> {
  const p = await provision(gw, { model: o.model ?? 'FW-E1', fleet: 'fleet-crisis', country: o.country })
  const prefs = await api(gw, `/vehicles/${p.id}/ota-preferences`, { method: 'PUT', body: JSON.stringify({ language: o.language, quietHours: o.quiet ?? '00:00-00:00' }) })
  expect(prefs.status).toBe(204)
  const unit = await startOtaVehicle({ url: gw.mqttUrl, vehicleId: p.id, password: p.password, publicKeyRaw: key, ecus: [{ ...BMS, softwareVersion: o.version ?? '1.0.0' }], noticeReadMs: 50 })
  cars[name] = { id: p.id, unit, password: p.password }
}

const unit = (name: string) => (cars[name] as Car).unit
const incidentBody = (over: Record<string, unknown> = {}) => ({
  title: { en: 'Battery fire risk', de: 'Brandgefahr der Batterie', fr: 'Risque d\'incendie de la batterie' },
  message: { en: 'Park outside and stop charging.', de: 'Im Freien parken und nicht laden.', fr: 'Garez-vous dehors et ne rechargez pas.' },
  severity: 'critical',
  requiredAction: 'install_update',
  affected: { models: ['FW-E1'], software: [{ ecu: 'BMS', versions: ['1.0.0'] }], countries: ['DE', 'FR'] },
  ...over,
})
async function createIncident (body: Record<string, unknown>): Promise<{ id: string, vehicles: number }> {
  const res = await api(gw, '/incidents', { method: 'POST', body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`create incident: ${res.status} ${await res.text()}`)
  const r = await res.json() as { incident: { id: string }, vehicles: number }
  return { id: r.incident.id, vehicles: r.vehicles }
}
const states = async (incidentId: string) => new Map((await db.query<{ vehicle_id: string, state: string, resolved_by: string | null }>(
  'SELECT vehicle_id, state, resolved_by FROM incident_vehicles WHERE incident_id = $1', [incidentId])).rows.map((r) => [r.vehicle_id, r]))

beforeAll(async () => {
  gw = await startGateway(otaEnv({ INCIDENT_TICK_MS: '100', OTA_SOAK_S: '0' }))
  db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
  key = await publicKey(gw)
  await car('berlin', { country: 'DE', language: 'de' })
  await car('paris', { country: 'FR', language: 'fr', quiet: quietAroundNow() })
  await car('madrid', { country: 'ES', language: 'es' })
  await car('updated', { country: 'DE', language: 'de', version: '1.1.0' })
  await car('otherModel', { model: 'FW-P1', country: 'FR', language: 'fr' })
  await car('away', { country: 'DE', language: 'de' })
  const ids = Object.values(cars).map((c) => c.id)
  await waitFor(async () => {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM vehicles WHERE vehicle_id = ANY($1) AND connected AND power_state = 'awake'", [ids])
    return rows[0]?.n === ids.length || undefined
  }, 15_000, 'births (each vehicle\'s software is known from its birth certificate)')
  // One vehicle goes away before the incident: its notice waits for its return.
  await unit('away').stop()
  await waitFor(async () => (await db.query('SELECT 1 FROM vehicles WHERE vehicle_id = $1 AND NOT connected', [cars.away?.id])).rowCount === 1 || undefined, 10_000, 'the vehicle went offline')
}, 120_000)
afterAll(async () => {
  await Promise.all(Object.values(cars).map((c) => c.unit.stop()))
  await db?.end()
  await gw?.close()
  await gw?.dropDatabase()
})

describe('a critical safety incident', () => {
  let incidentId: string

  it('reaches exactly the affected vehicles, in their language, inside quiet hours', async () => {
    const created = await createIncident(incidentBody())
    incidentId = created.id
    expect(created.vehicles).toBe(3)
    expect([...(await states(incidentId)).keys()].sort()).toEqual([cars.berlin, cars.paris, cars.away].map((c) => c?.id).sort())

    await waitFor(async () => (unit('berlin').notices.acknowledged.has(incidentId) && unit('paris').notices.acknowledged.has(incidentId)) || undefined, 15_000, 'both online drivers confirmed')
    expect(unit('berlin').notices.shown[0]).toMatchObject({ noticeId: incidentId, language: 'de', title: 'Brandgefahr der Batterie', severity: 'critical', requiredAction: 'install_update' })
    expect(unit('paris').notices.shown[0]).toMatchObject({ language: 'fr', title: 'Risque d\'incendie de la batterie' })
    // Each unaffected vehicle was left out for one reason: country, software version, model.
    for (const name of ['madrid', 'updated', 'otherModel']) expect(unit(name).notices.shown).toEqual([])
    await waitFor(async () => {
      const s = await states(incidentId)
      return (s.get(cars.berlin?.id as string)?.state === 'acknowledged' && s.get(cars.paris?.id as string)?.state === 'acknowledged') || undefined
    }, 10_000, 'receipts recorded')
  })

  it('reaches the offline vehicle when it connects', async () => {
    const away = cars.away as Car
    expect((await states(incidentId)).get(away.id)?.state).toBe('pending')
    const u = await startOtaVehicle({ url: gw.mqttUrl, vehicleId: away.id, password: away.password, publicKeyRaw: key, ecus: [BMS], noticeReadMs: 50 })
    cars.away = { ...away, unit: u }
    await waitFor(async () => ((await states(incidentId)).get(away.id)?.state === 'acknowledged') || undefined, 15_000, 'the returning vehicle confirmed')
    expect(u.notices.shown[0]).toMatchObject({ noticeId: incidentId, language: 'de' })
  })

  it('is resolved per vehicle by the linked update, and the report matches the database', async () => {
    const artifact = (await uploadArtifact(gw, randomBytes(2048))).artifact
    const campaignId = await createCampaign(gw, { name: 'bms-fix', artifactIds: [artifact.id], target: { vins: [cars.berlin?.id] }, plan: plan() })
    const linked = await createIncident(incidentBody({ severity: 'warning', requiredAction: 'install_update', campaignId, affected: { vinRanges: [{ from: cars.berlin?.id, to: cars.berlin?.id }] } }))
    expect((await control(gw, campaignId, 'start')).status).toBe(200)
    await waitFor(async () => ((await states(linked.id)).get(cars.berlin?.id as string)?.resolved_by === 'ota') || undefined, 30_000, 'resolved by the update')

    const res = await api(gw, `/incidents/${incidentId}/report`)
    expect(res.status).toBe(200)
    const report = await res.json() as { summary: { affected: number, acknowledged: number, byCountry: Array<{ country: string, affected: number, byState: Record<string, number> }> }, unresolved: Array<{ vehicleId: string }> }
    const { rows } = await db.query<{ country: string, state: string, n: number }>('SELECT country, state, count(*)::int AS n FROM incident_vehicles WHERE incident_id = $1 AND resolved_at IS NULL GROUP BY 1, 2', [incidentId])
    expect(report.summary.affected).toBe(3)
    for (const r of rows) expect(report.summary.byCountry.find((c) => c.country === r.country)?.byState[r.state]).toBe(r.n)
    expect(report.summary.byCountry.map((c) => [c.country, c.affected])).toEqual([['DE', 2], ['FR', 1]])
    expect(report.unresolved.map((v) => v.vehicleId).sort()).toEqual([cars.berlin, cars.paris, cars.away].map((c) => c?.id).sort())

    const linkedReport = await (await api(gw, `/incidents/${linked.id}/report`)).json() as { summary: { resolved: number }, unresolved: unknown[] }
    expect(linkedReport.summary.resolved).toBe(1)
    expect(linkedReport.unresolved).toEqual([])

    const csv = await api(gw, `/incidents/${incidentId}/report?format=csv`)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await csv.text()).split('\r\n')
    expect(lines).toContain('country,affected,pending,sent,delivered,displayed,acknowledged,rejected,resolved,completion,acknowledged_share')
    expect(lines).toContain('DE,2,0,0,0,0,2,0,0,0,1')
  }, 60_000)
})

describe('a warning incident', () => {
  it('waits for the end of the driver\'s quiet hours, and is shown at once where it is not quiet', async () => {
    // By model and country only: the Berlin car runs the updated software by now.
    const { id } = await createIncident(incidentBody({ severity: 'warning', requiredAction: 'visit_centre', affected: { models: ['FW-E1'], countries: ['DE', 'FR'] } }))
    await waitFor(async () => unit('berlin').notices.acknowledged.has(id) || undefined, 15_000, 'the driver outside quiet hours confirmed')
    await gw.app.incidents.tick()
    const { rows } = await db.query<{ state: string, not_before: Date }>('SELECT state, not_before FROM incident_vehicles WHERE incident_id = $1 AND vehicle_id = $2', [id, cars.paris?.id])
    expect(rows[0]?.state).toBe('pending')
    // Held until the quiet hours end: 60 minutes from their start an hour ago, give or take the minute.
    expect(Math.abs((rows[0]?.not_before.getTime() ?? 0) - Date.now() - 3_600_000)).toBeLessThan(120_000)
    const detail = await (await api(gw, `/incidents/${id}`)).json() as { timeline: Array<{ kind: string }> }
    expect(detail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'notices_sent', 'held_for_quiet_hours']))
  })
})

describe('who sees an incident', () => {
  it('a fleet owner sees the incidents reaching their fleet, and nothing of another fleet\'s', async () => {
    const { id } = await createIncident(incidentBody({ severity: 'info', requiredAction: 'none', affected: { fleets: ['fleet-crisis'] } }))
    const as = (token: string, path: string) => fetch(`${gw.httpUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
    const owner = await ownerToken(gw, ['fleet-crisis'])
    const stranger = await ownerToken(gw, ['fleet-elsewhere'])
    expect((await (await as(owner, '/incidents')).json() as Array<{ id: string }>).map((i) => i.id)).toContain(id)
    expect(await (await as(stranger, '/incidents')).json()).toEqual([])
    expect((await as(stranger, `/incidents/${id}`)).status).toBe(404)
    expect((await as(stranger, `/incidents/${id}/report`)).status).toBe(404)
    const seen = await (await as(owner, `/incidents/${id}`)).json() as { summary: { affected: number } }
    expect(seen.summary.affected).toBe(Object.keys(cars).length)
    expect((await fetch(`${gw.httpUrl}/incidents`, { method: 'POST', headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' }, body: JSON.stringify(incidentBody()) })).status).toBe(403)
  })
})

describe('bad input', () => {
  it('says what is wrong and creates nothing', async () => {
    const noEnglish = await api(gw, '/incidents', { method: 'POST', body: JSON.stringify(incidentBody({ title: { de: 'Nur Deutsch' } })) })
    expect(noEnglish.status).toBe(400)
    expect((await noEnglish.json() as { message: string }).message).toContain('English text ("en") is required')
    const nothing = await api(gw, '/incidents', { method: 'POST', body: JSON.stringify(incidentBody({ affected: { countries: ['JP'] } })) })
    expect(nothing.status).toBe(422)
    expect(await nothing.json()).toMatchObject({ code: 'GW_INCIDENT_NO_VEHICLES' })
    const everyone = await api(gw, '/incidents', { method: 'POST', body: JSON.stringify(incidentBody({ affected: {} })) })
    expect(everyone.status).toBe(400)
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE affected->'countries' = '[\"JP\"]'")
    expect(rows[0]?.n).toBe(0)
  })
})
