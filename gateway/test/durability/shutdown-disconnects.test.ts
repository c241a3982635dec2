import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { MqttClient } from 'mqtt'
import pg from 'pg'
import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { fleetwire } from '@fleetwire/proto'
import { buildApp, SHUTDOWN_GRACE_MS } from '../../src/app.js'
import { loadConfig } from '../../src/config/load.js'
import { ADMIN_TOKEN, connectVehicle, publish, testVin, waitFor } from '../helper.js'
import { startEmbeddedPostgres } from '../../src/storage/embedded-postgres.js'
import { freePort } from '../support/free-port.js'

/**
 * Graceful shutdown with many vehicles connected: their disconnects are
 * written (batched) within the shutdown grace. Measured before the change with
 * 10,000 vehicles: 350 "disconnect update failed" errors on SIGTERM, the
 * vehicles left online in the database.
 */
const VEHICLES = 300
let dataDir: string | undefined
afterAll(async () => {
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
})

describe('graceful shutdown with vehicles connected', () => {
  it(`writes every disconnect within the shutdown grace (${VEHICLES} vehicles), logging no error`, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fw-shutdown-'))
    const lines: Array<{ level: number, msg: string }> = []
    const sink = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(String(chunk)) as { level: number, msg: string }); done() } })
    const port = await freePort()
    const loaded = loadConfig({ EMBEDDED_PG_PORT: String(port), DB_POOL_SIZE: '2', HTTP_PORT: '0', MQTT_PORT: '0', ADMIN_TOKEN, DATA_DIR: dataDir, LOG_LEVEL: 'info', DEMO_VEHICLES: '0', MQTT_CONN_PER_S_PER_ADDR: '10000' })
    if (!loaded.ok) throw new Error(loaded.error.detail)
    const app = await buildApp({ config: loaded.value, logger: pino({ level: 'info' }, sink) })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const url = `mqtt://127.0.0.1:${app.broker.tcpAddress().port}`
    const clients: MqttClient[] = []
    for (let i = 0; i < VEHICLES; i += 50) {
      clients.push(...await Promise.all(Array.from({ length: Math.min(50, VEHICLES - i) }, async () => {
        const id = testVin()
        const r = await app.vehicles.register({ id, model: 'FW-E1', region: 'EU', fleet: 'shutdown', timeZone: 'UTC' })
        if (!r.ok) throw new Error(r.error.detail)
        const c = await connectVehicle(url, { id, password: r.value.credentials.password }, { reconnectPeriod: 0 })
        await publish(c, id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: 1 }).finish()))
        return c
      })))
    }
    // The embedded server, as `npm start` runs it: it stops right after the pool closes.
    const online = async (db: pg.Pool | pg.Client) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM vehicles WHERE connected')).rows[0]?.n)
    await waitFor(async () => (await online(app.storage.pool)) === VEHICLES || undefined, 30_000, 'every vehicle online')
    // A slow database (0.2 s per statement that sets `connected`, a test-only trigger). Written one
    // statement per vehicle, the disconnects take 30 s here, past the grace a SIGTERM gives close()
    // (the process exits then and the rest is lost; with 10,000 vehicles the embedded server was
    // already stopping under them). Written in batches, they are a few statements.
    const owner = new pg.Client({ connectionString: `postgres://postgres:${(await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim()}@127.0.0.1:${port}/fleetwire` })
    await owner.connect()
    await owner.query(`CREATE FUNCTION test_slow_offline() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.2); RETURN NULL; END $$;
      CREATE TRIGGER test_slow_offline AFTER UPDATE OF connected ON vehicles FOR EACH STATEMENT EXECUTE FUNCTION test_slow_offline()`)
    await owner.end()
    // What SIGTERM runs (server.ts, close-with-grace): close(), or exit once the grace is over.
    const closing = app.close()
    const outcome = await Promise.race([closing.then(() => 'closed'), sleep(SHUTDOWN_GRACE_MS).then(() => 'grace over, process exits')])
    await closing
    expect(outcome).toBe('closed')
    for (const c of clients) c.end(true)
    // Read the stopped gateway's database with the server alone (a gateway start would mark everyone offline itself).
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: pino({ level: 'silent' }) })
    const check = new pg.Client({ connectionString: server.url })
    await check.connect()
    try {
      expect(await online(check)).toBe(0)
      const offline = await check.query<{ power_state: string, n: string }>('SELECT power_state, count(*) AS n FROM vehicles GROUP BY 1')
      expect(offline.rows.map((r) => [r.power_state, Number(r.n)])).toEqual([['offline', VEHICLES]])
      expect(lines.filter((l) => l.msg === 'disconnect update failed' || l.level >= 50).map((l) => l.msg)).toEqual([])
    } finally {
      await check.end()
      await server.stop()
    }
  }, 180_000)
})
