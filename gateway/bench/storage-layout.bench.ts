/**
 * `npm run bench:storage-layout [-- --samples 50000000 --layout batch|per-sample]`
 *
 * The storage layout on its own, without MQTT or the gateway: writes of 400
 * messages × 25 samples (10,000 samples) from 3 connections, 20,000 vehicles
 * in random order, time moving forward, into a fresh embedded PostgreSQL.
 * Reports the rate of each tenth of the run (does the cost per sample stay
 * flat as the table grows?) and bytes on disk per sample. `per-sample` is
 * the layout before migration 0030 (one row per sample, primary key
 * (vehicle, signal, ts)), written with the same multi-row INSERT.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import pino from 'pino'
import { startEmbeddedPostgres } from '../src/storage/embedded-postgres.js'
import { runMigrations } from '../src/storage/migrate.js'
import { ensurePartitions } from '../src/storage/telemetry-partitions.js'
import { createTelemetryRepository, type TelemetryColumns } from '../src/storage/telemetry.repository.js'
import { freePort } from '../test/support/free-port.js'
import { positiveArg, progress, round } from './measure.js'

const { values: args } = parseArgs({ options: { samples: { type: 'string', default: '50000000' }, layout: { type: 'string', default: 'batch' } } })
const total = positiveArg('samples', args.samples)
if (args.layout !== 'batch' && args.layout !== 'per-sample') throw new Error(`--layout must be batch or per-sample, got ${args.layout}`)
const VEHICLES = 20_000
const PER_MSG = 25
const MSGS_PER_WRITE = 400
const WRITERS = 3

const dir = mkdtempSync(path.join(tmpdir(), 'fleetwire-layout-'))
const log = pino({ level: 'warn' })
const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), log })
const db = new pg.Pool({ connectionString: server.url, max: WRITERS + 1 })
try {
  const c = await db.connect()
  await runMigrations(c, { log, timescale: false })
  c.release()
  await ensurePartitions(db, Date.now() - 86_400_000, Date.now() + 2 * 86_400_000)
  const repo = createTelemetryRepository(db, { timescale: false })
  const perSample = args.layout === 'per-sample'
  const write = perSample
    ? async (b: TelemetryColumns) => (await db.query(`INSERT INTO telemetry_legacy SELECT * FROM unnest($1::int4[], $2::int2[], $3::timestamptz[], $4::float8[]) ON CONFLICT DO NOTHING`,
      [b.vehicleKeys, b.signalIds, b.tsMs.map((t) => new Date(t)), b.values])).rowCount ?? 0
    : (b: TelemetryColumns) => repo.insertColumns(b)

  // Each vehicle's clock moves 1 s per message; the order of vehicles is random.
  const nextTs = new Float64Array(VEHICLES + 1).fill(Date.now() - 3_600_000)
  const batch = (): TelemetryColumns => {
    const b: TelemetryColumns = { vehicleKeys: [], signalIds: [], tsMs: [], values: [], messageSizes: [] }
    for (let m = 0; m < MSGS_PER_WRITE; m++) {
      const v = 1 + Math.floor(Math.random() * VEHICLES)
      const t = nextTs[v]!
      nextTs[v] = t + 1000
      for (let j = 0; j < PER_MSG; j++) {
        b.vehicleKeys.push(v); b.signalIds.push(j + 1); b.tsMs.push(t + j * 40); b.values.push(Math.round(Math.random() * 10_000) / 100)
      }
      b.messageSizes!.push(PER_MSG)
    }
    return b
  }

  let written = 0
  const tenths: number[] = []
  const start = performance.now()
  let tenthStart = start
  let lastReport = start
  const writer = async () => {
    while (written < total) {
      const b = batch()
      written += b.vehicleKeys.length
      await write(b)
      const now = performance.now()
      if (written >= (tenths.length + 1) * total / 10 && tenths.length < 10) {
        tenths.push((total / 10) / ((now - tenthStart) / 1000))
        tenthStart = now
      }
      if (now - lastReport > 5000) {
        lastReport = now
        progress(`${round(written / 1e6)}M samples, ${round(written / ((now - start) / 1000))} samples/s overall`)
      }
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, writer))
  const seconds = (performance.now() - start) / 1000
  const table = perSample ? "'telemetry_legacy'::regclass" : 'i.inhrelid'
  const size = await db.query<{ bytes: number }>(perSample
    ? `SELECT pg_total_relation_size(${table})::float8 AS bytes`
    : `SELECT (sum(pg_total_relation_size(${table})) + pg_total_relation_size('telemetry_latest'))::float8 AS bytes FROM pg_inherits i WHERE i.inhparent = 'telemetry_batches'::regclass`)
  const bytes = size.rows[0]?.bytes ?? Number.NaN
  process.stdout.write(JSON.stringify({
    bench: 'storage_layout', layout: args.layout, samples: written, samples_per_s: round(written / seconds),
    tenths_samples_per_s: tenths.map(round), flatness: round(tenths.at(-1)! / tenths[0]!), bytes_per_sample: round(bytes / written),
  }) + '\n')
} finally {
  await db.end()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
