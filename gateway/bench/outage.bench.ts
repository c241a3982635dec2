/**
 * `npm run bench:outage [-- --vehicles 200 --rate 2000 --samples 25 --outage 60
 *   --before 10 --after 15 --workers 2]`
 *
 * MQTT vehicles publish QoS 1 telemetry at a steady (open-loop) rate to a
 * gateway process whose PostgreSQL server (its own, started here, fsync on)
 * is stopped for `--outage` seconds and started again. The generators
 * record every batch the gateway acknowledged; afterwards the database is
 * checked sample by sample: lost = acknowledged but not stored (must be 0),
 * duplicated = stored more than once (must be 0), drain = from the
 * database's restart until the gateway's spool is empty again (load still
 * running for `--after` seconds of it). Progress goes to stderr; the last
 * stdout line is one JSON object. Exits 0 when a target is missed; 1 only
 * when the bench itself could not run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import pino from 'pino'
import { SIGNALS } from '@fleetwire/proto'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/storage/embedded-postgres.js'
import { freePort } from '../test/support/free-port.js'
import { GatewayProcess } from './gateway-process.js'
import { GeneratorPool } from './generator-pool.js'
import { positiveArg, progress, round, sleep } from './measure.js'
import type { AckedBatches } from './generator-protocol.js'

const { values: args } = parseArgs({
  options: {
    vehicles: { type: 'string', default: '200' },
    rate: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '25' },
    outage: { type: 'string', default: '60' },
    before: { type: 'string', default: '10' },
    after: { type: 'string', default: '15' },
    workers: { type: 'string', default: '2' },
  },
})
const opts = {
  vehicles: positiveArg('vehicles', args.vehicles),
  rate: positiveArg('rate', args.rate),
  samples: positiveArg('samples', args.samples),
  outageS: positiveArg('outage', args.outage),
  beforeS: positiveArg('before', args.before),
  afterS: positiveArg('after', args.after),
  workers: positiveArg('workers', args.workers),
}
const DRAIN_TIMEOUT_S = 600

/** Checks every acknowledged sample against the stored samples, in the database (millions of keys). */
async function verify (url: string, acked: AckedBatches[]): Promise<{ ackedSamples: number, lost: number, duplicated: number, stored: number }> {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    const { rows: keys } = await db.query<{ vehicle_id: string, vehicle_key: number }>('SELECT vehicle_id, vehicle_key FROM vehicles')
    const keyOf = new Map(keys.map((r) => [r.vehicle_id, r.vehicle_key]))
    await db.query('CREATE TEMP TABLE acked (vehicle_key int4 NOT NULL, base_ms int8 NOT NULL)')
    let batches = 0
    for (const v of acked) {
      const key = keyOf.get(v.vehicleId)
      if (key === undefined) throw new Error(`vehicle ${v.vehicleId} not in the database`)
      for (let i = 0; i < v.bases.length; i += 50_000) {
        const chunk = v.bases.slice(i, i + 50_000)
        await db.query('INSERT INTO acked SELECT $1, unnest($2::int8[])', [key, chunk])
        batches += chunk.length
      }
    }
    // One row per stored sample, indexed: the view cannot be probed by sample time.
    await db.query('CREATE TEMP TABLE stored AS SELECT vehicle_key, signal_id, ts FROM telemetry_samples')
    await db.query('CREATE INDEX ON stored (vehicle_key, signal_id, ts)')
    // Sample j of a batch: signal SIGNALS[j mod n] at base + j ms (load-generator.ts).
    const { rows: [lost] } = await db.query<{ n: string }>(`
      SELECT count(*) AS n
      FROM acked a CROSS JOIN generate_series(0, $1::int - 1) AS j
      WHERE NOT EXISTS (
        SELECT 1 FROM stored t
        WHERE t.vehicle_key = a.vehicle_key
          AND t.signal_id = ($2::int2[])[(j % array_length($2::int2[], 1)) + 1]
          AND t.ts = timestamptz 'epoch' + (a.base_ms + j) * interval '1 millisecond')`,
    [opts.samples, SIGNALS.map((s) => s.id)])
    // Messages are stored as rows keyed by their content: a sample stored
    // twice (a resend the gateway did not recognise) counts here.
    const { rows: [dup] } = await db.query<{ n: string, stored: string }>(`
      SELECT count(*) - count(DISTINCT (vehicle_key, signal_id, ts)) AS n, count(*) AS stored FROM stored`)
    return { ackedSamples: batches * opts.samples, lost: Number(lost?.n), duplicated: Number(dup?.n), stored: Number(dup?.stored) }
  } finally {
    await db.end()
  }
}

async function main (): Promise<number> {
  const pgDir = mkdtempSync(path.join(tmpdir(), 'fleetwire-outage-pg-'))
  const pgPort = await freePort()
  const log = pino({ level: 'warn' })
  const startPg = () => startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, log })
  let server: EmbeddedPostgres | undefined
  let gw: GatewayProcess | undefined
  const pool = GeneratorPool.start(opts.workers)
  try {
    progress('starting PostgreSQL (own server, fsync on) and the gateway')
    server = await startPg()
    const url = server.url
    gw = await GatewayProcess.start({ env: { DATABASE_URL: url, DEMO_VEHICLES: '0', RULES_ENABLED: 'false', VEHICLE_MAX_MSGS_PER_S: '1000', VEHICLE_MAX_BYTES_PER_S: String(64 << 20) } })
    const logins = await gw.provision(opts.vehicles)
    progress(`${await pool.connect(gw.mqttUrl, logins, opts.samples)} vehicles connected; offering ${opts.rate} QoS 1 msgs/s (${opts.rate * opts.samples} samples/s)`)
    pool.setLoad({ mode: 'open', qos: 1, msgsPerS: opts.rate, window: 8 })

    const gateway = gw
    let spoolPeak = 0
    const report = async (phase: string, seconds: number) => {
      for (let t = 0; t < seconds; t += 5) {
        await sleep(Math.min(5, seconds - t) * 1000)
        const snap = await pool.snapshot()
        const spool = (await gateway.metrics()).get('fleetwire_spool_bytes') ?? 0
        spoolPeak = Math.max(spoolPeak, spool)
        progress(`  ${phase}: acked ${round(snap.completedPerS)} msgs/s, p99 ${round(snap.p99Ms)} ms, disconnects ${snap.disconnects}, spool ${round(spool / 2 ** 20)} MB`)
      }
    }
    await report('before', opts.beforeS)
    progress(`stopping PostgreSQL for ${opts.outageS} s`)
    const ackedBeforeOutage = pool.completedTotal
    await server.stop()
    server = undefined
    await report('outage', opts.outageS)
    const ackedDuringOutage = pool.completedTotal - ackedBeforeOutage
    progress('starting PostgreSQL again')
    server = await startPg()
    const restartedAt = performance.now()
    await report('after', opts.afterS)
    const unacked = await pool.stopLoad()
    await pool.snapshot()
    progress(`load stopped (${unacked} publishes unacknowledged); waiting for the spool to drain`)
    let spool = Number.POSITIVE_INFINITY
    while (spool > 0 && performance.now() - restartedAt < DRAIN_TIMEOUT_S * 1000) {
      spool = (await gw.metrics()).get('fleetwire_spool_bytes') ?? 0
      if (spool > 0) await sleep(250)
    }
    const drainS = (performance.now() - restartedAt) / 1000
    progress(spool > 0 ? `spool not empty after ${DRAIN_TIMEOUT_S} s` : `spool drained ${round(drainS)} s after the restart`)
    const acked = await pool.acked()
    progress('checking every acknowledged sample against the database')
    const v = await verify(url, acked)
    const m = await gw.metrics()
    const line = {
      bench: 'outage',
      outage_s: opts.outageS,
      acked: v.ackedSamples,
      lost: v.lost,
      duplicated: v.duplicated,
      drain_s: spool > 0 ? null : round(drainS),
      acked_msgs: acked.reduce((s, a) => s + a.bases.length, 0),
      acked_msgs_during_outage: ackedDuringOutage,
      offered_msgs_per_s: opts.rate,
      samples_per_msg: opts.samples,
      vehicles: opts.vehicles,
      client_disconnects: pool.disconnectsTotal,
      spool_peak_mb: round(spoolPeak / 2 ** 20),
      spooled_samples: m.get('fleetwire_spool_samples_total') ?? 0,
      replayed_samples: m.get('fleetwire_spool_replayed_samples_total') ?? 0,
      // Written again and recognised as already stored (resends, replays of a spool segment cut by the crash).
      recognised_replay_samples: m.get('fleetwire_ingest_samples_duplicate_total') ?? 0,
      stored_counter_samples: m.get('fleetwire_ingest_samples_stored_total') ?? 0,
      stored_rows: v.stored,
      gateway_crashed: !gw.alive,
      gateway_log_problems: gw.logProblems(),
    }
    process.stdout.write(JSON.stringify(line) + '\n')
    return 0
  } catch (err) {
    progress(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
    if (gw !== undefined && !gw.alive) progress(`gateway died:\n${gw.logTail(40).split("\n").map((l) => l.slice(0, 3000)).join("\n")}`)
    process.stdout.write(JSON.stringify({ bench: 'outage', error: err instanceof Error ? err.message : String(err) }) + '\n')
    return 1
  } finally {
    pool.close()
    await gw?.stop()
    await server?.stop()
    rmSync(pgDir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
