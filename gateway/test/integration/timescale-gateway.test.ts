import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { type TestGateway, api, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'
import { createPgliteTimescale, type TimescaleTestDb } from '../support/pglite.js'
import { type PgliteWireServer, servePglite } from '../support/pglite-wire.js'

/**
 * The gateway itself on TimescaleDB: PGlite with TimescaleDB compiled to
 * WebAssembly (the only TimescaleDB on the build machines) behind a small
 * wire-protocol front end (support/pglite-wire.ts), so `pg` connects over
 * TCP as it would to a TimescaleDB server.
 */
const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
let ts: TimescaleTestDb
let server: PgliteWireServer
let gw: TestGateway

beforeAll(async () => {
  ts = await createPgliteTimescale()
  server = await servePglite(ts.db)
  gw = await startGateway({ DB_POOL_SIZE: '3', RULES_ENABLED: 'true', DEMO_VEHICLES: '0' }, server.url())
}, 90_000)
afterAll(async () => {
  await gw?.close()
  await server?.close()
  await ts?.close()
}, 60_000)

type History = { resolution: string, points: Array<{ ts: string, value?: number, min?: number, max?: number, avg?: number }> }
const history = async (id: string, fromMs: number, toMs: number, extra = ''): Promise<History> =>
  await (await api(gw, `/vehicles/${id}/signals/${encodeURIComponent(COOLANT)}/history?from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}${extra}`)).json() as History

describe('gateway on TimescaleDB (PGlite over the wire protocol)', () => {
  it('takes MQTT telemetry into the hypertable, raises an alert, serves history and applies retention', async () => {
    expect(gw.app.storage.timescale).toBe(true)
    const rule = { id: 'ts-coolant-hot', name: 'Coolant too hot (TimescaleDB)', enabled: true, severity: 'critical', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 110, clear: 100, forS: 60, clearForS: 60 } }
    expect((await api(gw, '/rules', { method: 'POST', body: JSON.stringify(rule) })).status).toBe(201)
    const v = await provision(gw)
    const car = await connectVehicle(gw.mqttUrl, v)
    const t0 = Date.now() - 3_600_000
    const coolant = signalId(COOLANT)
    const hot = telemetryPayload(2, t0 + 60_000, [0, 60_000, 120_000, 180_000].map((o) => [coolant, 115, o] as [number, number, number]))
    await publish(car, v.id, 'telemetry', telemetryPayload(1, t0, [[coolant, 90]]))
    await publish(car, v.id, 'telemetry', hot)
    await publish(car, v.id, 'telemetry', hot) // a resend: stored once
    // A late batch: sequence 3 carries samples older than the ones already stored.
    await publish(car, v.id, 'telemetry', telemetryPayload(3, t0 + 30_000, [[coolant, 95]]))
    car.end(true)

    const alerts = await waitFor(async () => {
      const body = await (await api(gw, `/alerts?vehicle=${v.id}`)).json() as { items: Array<{ ruleId: string, evidence: { observed: number } }> }
      return body.items.some((a) => a.ruleId === rule.id) ? body.items : undefined
    }, 20_000, 'alert raised')
    expect(alerts.find((a) => a.ruleId === rule.id)?.evidence.observed).toBe(115)

    const raw = await waitFor(async () => {
      const h = await history(v.id, t0 - 1000, t0 + 600_000)
      return h.points.length >= 6 ? h : undefined
    }, 20_000, 'all samples stored')
    expect(raw.resolution).toBe('raw')
    expect(raw.points.map((p) => p.value)).toEqual([90, 95, 115, 115, 115, 115])

    const buckets = await history(v.id, t0 - 1000, t0 + 600_000, '&bucket=300')
    expect(buckets.resolution).toBe('bucket')
    const all = buckets.points.filter((p) => p.max !== undefined)
    expect(Math.min(...all.map((p) => p.min ?? Infinity))).toBe(90)
    expect(Math.max(...all.map((p) => p.max ?? -Infinity))).toBe(115)

    const ht = await gw.app.storage.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM timescaledb_information.hypertables WHERE hypertable_name = 'telemetry_batches'")
    expect(ht.rows[0]?.n).toBe(1)
    const chunks = await gw.app.storage.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM timescaledb_information.chunks WHERE hypertable_name = 'telemetry_batches'")
    expect(chunks.rows[0]?.n).toBeGreaterThan(0)

    // Retention: everything older than an hour from now goes.
    expect(await gw.app.storage.telemetry.purgeOlderThan(Date.now() + 3_600_000)).toBe(6)
    expect((await history(v.id, t0 - 1000, t0 + 600_000)).points).toEqual([])
  }, 60_000)
})
