import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GatewayProcess } from '../../bench/gateway-process.js'
import { rssMb } from '../../bench/proc-stats.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { AckedFleet } from '../durability/acked-fleet.js'
import { Fuzzer, type FuzzCase } from './generators.js'
import { authenticatedSocket, closedWithin, openSocket } from './raw-client.js'
import { withPlaceholder } from './corpus.js'
import pg from 'pg'

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const CASES = Number(process.env.FUZZ_CASES ?? 100_000)
const BUDGET_MS = 60_000
const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url))
const PAYLOAD_WORKERS = 4
const PACKET_WORKERS = 24
const PRECONNECT_WORKERS = 8
/** Protobuf payload cases are far cheaper than MQTT-level ones (which cost a reconnect each): they start after these. */
const MIN_MQTT_CASES = 10_000
const MQTT_PHASE_MAX_MS = 25_000
/** Vehicles the fuzzer never logs in as, but aims its foreign-topic publishes at. */
const BYSTANDERS = 4

let db: TestDatabase
let gw: GatewayProcess

beforeAll(async () => {
  db = await createTestDatabase()
  gw = await GatewayProcess.start({
    env: {
      DATABASE_URL: db.url,
      DEMO_VEHICLES: '0',
      LOG_LEVEL: 'error',
      // The fuzzer itself must not be throttled away: it connects thousands of times from one address.
      MQTT_CONN_BURST_PER_ADDR: '1000000',
      MQTT_CONN_PER_S_PER_ADDR: '100000',
      VEHICLE_MAX_MSGS_PER_S: '100000',
      VEHICLE_MAX_BYTES_PER_S: String(1 << 30),
      VEHICLE_MALFORMED_LIMIT: '100000',
      MQTT_CONNECT_TIMEOUT_MS: '1000',
      MQTT_MAX_PACKET_BYTES: '16384',
    },
  })
}, 120_000)
afterAll(async () => {
  await gw?.stop()
  await db?.drop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('fuzzing the live broker over TCP', () => {
  it(`survives ${CASES} random and mutated MQTT packets and protobuf payloads; well-behaved vehicles keep publishing`, async () => {
    process.stdout.write(`fuzz: seed ${SEED} (repeat with FUZZ_SEED=${SEED})\n`)
    const port = Number(new URL(gw.mqttUrl).port)
    const all = (await gw.provision(PAYLOAD_WORKERS + PACKET_WORKERS + PRECONNECT_WORKERS + 3 + BYSTANDERS)).map((l) => ({ id: l.username, password: l.password }))
    const bystanders = all.slice(-BYSTANDERS)
    const logins = all.slice(0, -BYSTANDERS)
    const good = await AckedFleet.connect(gw.mqttUrl, logins.slice(-3), { msgsPerSPerVehicle: 20, samplesPerMsg: 5 })
    good.start()
    await sleep(1000)
    const heapMetric = 'fleetwire_process_nodejs_heap_size_used_bytes'
    const baseline = { rssMb: rssMb(gw.pid) ?? 0, heapMb: ((await gw.metrics()).get(heapMetric) ?? 0) / 2 ** 20 }

    const counts = { preconnect: 0, packet: 0, payload: 0 }
    const recent: FuzzCase[] = []
    const started = Date.now()
    const total = () => counts.preconnect + counts.packet + counts.payload
    const running = () => total() < CASES && Date.now() - started < BUDGET_MS && gw.alive
    const record = (c: FuzzCase) => {
      counts[c.kind]++
      recent.push(c)
      if (recent.length > 500) recent.shift()
    }

    async function sessionWorker (i: number, kind: 'payload' | 'packet'): Promise<void> {
      const fz = new Fuzzer(SEED + i)
      const me = logins[i]!
      const other = bystanders[i % BYSTANDERS]!
      let s: Socket | undefined
      if (kind === 'payload') {
        while (running() && counts.packet + counts.preconnect < MIN_MQTT_CASES && Date.now() - started < MQTT_PHASE_MAX_MS) await sleep(100)
      }
      while (running()) {
        if (s === undefined || s.destroyed) {
          s = await authenticatedSocket(port, me.id, me.password).catch(() => undefined)
          if (s === undefined) { await sleep(5); continue }
        }
        // A mutated MQTT packet usually ends the connection, and the broker ignores what
        // follows it: one packet case at a time, so that every case counted was processed.
        const burst = kind === 'payload' ? 20 : 1
        for (let k = 0; k < burst && !s.destroyed; k++) {
          const c = kind === 'payload' ? fz.payloadCase(me.id) : fz.packetCase(me.id, other.id)
          record(c)
          if (!s.write(c.bytes)) await new Promise((resolve) => { s!.once('drain', resolve); s!.once('close', resolve) })
        }
        await new Promise((resolve) => setImmediate(resolve))
      }
      s?.destroy()
    }

    async function preconnectWorker (i: number): Promise<void> {
      const fz = new Fuzzer(SEED + 1000 + i)
      const me = logins[i]!
      while (running()) {
        const s = await openSocket(port).catch(() => undefined)
        if (s === undefined) { await sleep(5); continue }
        s.on('error', () => {})
        s.on('data', () => {})
        const c = fz.preconnectCase(me.id, me.password)
        record(c)
        s.write(c.bytes)
        await closedWithin(s, 20)
        s.destroy()
      }
    }

    // The well-behaved vehicles' acknowledgements, second by second: they must never stall.
    const ackedPerS: number[] = []
    const watchdog = (async () => {
      let last = good.ackedMsgs
      while (running()) {
        await sleep(1000)
        ackedPerS.push(good.ackedMsgs - last)
        last = good.ackedMsgs
      }
    })()
    await Promise.all([
      ...Array.from({ length: PAYLOAD_WORKERS }, (_, i) => sessionWorker(i, 'payload')),
      ...Array.from({ length: PACKET_WORKERS }, (_, i) => sessionWorker(PAYLOAD_WORKERS + i, 'packet')),
      ...Array.from({ length: PRECONNECT_WORKERS }, (_, i) => preconnectWorker(PAYLOAD_WORKERS + PACKET_WORKERS + i)),
      watchdog,
    ])
    const elapsedS = (Date.now() - started) / 1000

    if (!gw.alive) {
      // Keep what was in flight when it died: replayed by corpus.test.ts from now on.
      mkdirSync(CORPUS, { recursive: true })
      for (const [k, c] of recent.entries()) writeFileSync(path.join(CORPUS, `crash-${SEED}-${k}.json`), JSON.stringify({ kind: c.kind, hex: withPlaceholder(c.bytes, logins.map((l) => l.id)).toString('hex'), note: `found by seed ${SEED}` }) + '\n')
    }
    expect(gw.alive, `gateway died; last ${recent.length} cases saved to ${CORPUS}:\n${gw.logTail()}`).toBe(true)

    await good.stop()
    const result = await good.verify(db.url)
    await good.close()
    await sleep(3000)
    const after = { rssMb: rssMb(gw.pid) ?? 0, heapMb: ((await gw.metrics()).get(heapMetric) ?? 0) / 2 ** 20 }
    const ready = await gw.readyz()
    const m = await gw.metrics()
    process.stdout.write(`fuzz: ${total()} cases in ${elapsedS.toFixed(1)} s (${JSON.stringify(counts)}), seed ${SEED}; gateway alive, readyz ${ready.status}; ` +
      `heap ${baseline.heapMb.toFixed(0)} → ${after.heapMb.toFixed(0)} MB, rss ${baseline.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB; ` +
      `rejected ${m.get('fleetwire_mqtt_messages_rejected_total') ?? 0}, protocol violations ${m.get('fleetwire_mqtt_protocol_violations_total') ?? 0}; ` +
      `good vehicles: acked ${result.acked} samples, lost ${result.lost}, disconnects ${good.disconnects}, fewest acks in a second ${Math.min(...ackedPerS)}\n`)
    expect(total()).toBeGreaterThanOrEqual(CASES)
    expect(ready.status).toBe(200)
    expect(good.disconnects).toBe(0)
    expect(good.errors).toBe(0)
    expect(Math.min(...ackedPerS)).toBeGreaterThan(0)
    expect(result.acked).toBeGreaterThan(0)
    expect(result.lost).toBe(0)
    expect(after.heapMb).toBeLessThan(baseline.heapMb + 64)
    expect(after.rssMb).toBeLessThan(baseline.rssMb + 200)
    // Whatever it sent, the fuzzer wrote nothing for a vehicle it was not logged in as.
    expect(await rowsOf(bystanders.map((b) => b.id))).toEqual({})
  }, 180_000)
})

/**
 * Rows about these vehicles in every table keyed by vehicle (telemetry,
 * events, DTCs, commands, …; found in the catalog, so tables added later
 * count too), and any sign of a session on the vehicle row itself.
 */
async function rowsOf (ids: readonly string[]): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  try {
    const keys = (await c.query<{ vehicle_key: number }>('SELECT vehicle_key FROM vehicles WHERE vehicle_id = ANY($1)', [ids])).rows.map((r) => r.vehicle_key)
    expect(keys).toHaveLength(ids.length)
    const found: Record<string, number> = {}
    const tables = await c.query<{ table_name: string }>(`SELECT DISTINCT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'vehicle_key' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'vehicles'`)
    for (const { table_name: table } of tables.rows) {
      const n = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${c.escapeIdentifier(table)} WHERE vehicle_key = ANY($1::int[])`, [keys])).rows[0]?.n)
      if (n > 0) found[table] = n
    }
    const seen = await c.query<{ n: string }>('SELECT count(*) AS n FROM vehicles WHERE vehicle_key = ANY($1::int[]) AND (connected OR last_seen_at IS NOT NULL)', [keys])
    if (Number(seen.rows[0]?.n) > 0) found.vehicles = Number(seen.rows[0]?.n)
    return found
  } finally {
    await c.end()
  }
}
