import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import type { PGlite as ElectricPGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { type TestGateway, api, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'
import { createPgliteTimescale, type TimescaleTestDb } from '../support/pglite.js'
import { freePort } from '../support/free-port.js'

/**
 * The gateway itself on TimescaleDB: PGlite with TimescaleDB compiled to
 * WebAssembly (the only TimescaleDB on the build machines) behind
 * pglite-socket, so `pg` connects to it over TCP. PGlite is one session:
 * the socket server queues the gateway's connections' queries onto it.
 */
const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
let ts: TimescaleTestDb
let server: PGLiteSocketServer
let gw: TestGateway

beforeAll(async () => {
  ts = await createPgliteTimescale()
  // The fork's PGlite has the upstream class's interface.
  server = new PGLiteSocketServer({ db: ts.db as unknown as ElectricPGlite, port: await freePort(), host: '127.0.0.1', maxConnections: 8 })
  await server.start()
  gw = await startGateway({ DB_POOL_SIZE: '2', INGEST_WRITERS: '1', RULES_ENABLED: 'true', DEMO_VEHICLES: '0' }, `postgres://postgres@${server.getServerConn()}/postgres`)
}, 120_000)
afterAll(async () => {
  const t0 = Date.now()
  await gw?.close()
  process.stderr.write(`gateway closed after ${Date.now() - t0} ms\n`)
  await server?.stop()
  process.stderr.write(`socket server stopped after ${Date.now() - t0} ms\n`)
  await ts?.close()
}, 120_000)

describe('gateway on TimescaleDB (PGlite over pglite-socket)', () => {
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
    car.end(true)

    const alerts = await waitFor(async () => {
      const body = await (await api(gw, `/alerts?vehicle=${v.id}`)).json() as { total: number, items: Array<{ ruleId: string, evidence: { observed: number } }> }
      return body.items.some((a) => a.ruleId === rule.id) ? body.items : undefined
    }, 15_000, 'alert raised')
    expect(alerts.find((a) => a.ruleId === rule.id)?.evidence.observed).toBe(115)

    const raw = await (await api(gw, `/vehicles/${v.id}/signals/${encodeURIComponent(COOLANT)}/history?from=${new Date(t0 - 1000).toISOString()}&to=${new Date(t0 + 600_000).toISOString()}`)).json() as { points: Array<{ value: number }> }
    expect(raw.points.map((p) => p.value)).toEqual([90, 115, 115, 115, 115])
    const chunks = await gw.app.storage.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM timescaledb_information.chunks WHERE hypertable_name = 'telemetry_batches'")
    expect(chunks.rows[0]?.n).toBeGreaterThan(0)

    // Retention: everything older than an hour from now goes.
    expect(await gw.app.storage.telemetry.purgeOlderThan(Date.now() + 3_600_000)).toBe(5)
    const after = await (await api(gw, `/vehicles/${v.id}/signals/${encodeURIComponent(COOLANT)}/history?from=${new Date(t0 - 1000).toISOString()}&to=${new Date(t0 + 600_000).toISOString()}`)).json() as { points: unknown[] }
    expect(after.points).toEqual([])
  }, 120_000)
})
