/**
 * 30-day downsampled history of one signal of one vehicle that reported once
 * a second, read through the rollup and from raw rows, in a fresh embedded
 * PostgreSQL (daily partitions). The vehicle's messages are generated in SQL
 * (--signals samples each), the rollup filled by the job's own steps.
 *
 *   npm run bench:history-rollup -- [--days 30] [--signals 4] [--reads 40]
 *
 * Last line: {"samples", "rollupFillS", "rollupP50Ms", "rollupP99Ms", "rawP50Ms", "rawMaxMs"}.
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
import { createTelemetryRollupRepository } from '../src/storage/telemetry-rollup.repository.js'
import { createTelemetryRepository, type HistoryQuery } from '../src/storage/telemetry.repository.js'
import { freePort } from '../test/support/free-port.js'
import { positiveArg, progress, round } from './measure.js'

const { values: args } = parseArgs({ options: { days: { type: 'string', default: '30' }, signals: { type: 'string', default: '4' }, reads: { type: 'string', default: '40' } } })
const days = positiveArg('days', args.days)
const signals = positiveArg('signals', args.signals)
const reads = positiveArg('reads', args.reads)
const DAY_MS = 86_400_000
const end = Math.floor(Date.now() / DAY_MS) * DAY_MS
const start = end - days * DAY_MS

const dir = mkdtempSync(path.join(tmpdir(), 'fleetwire-rollup-'))
const log = pino({ level: 'warn' })
const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), log })
const db = new pg.Pool({ connectionString: server.url, max: 3 })
try {
  const c = await db.connect()
  await runMigrations(c, { log, timescale: false })
  c.release()
  await ensurePartitions(db, start - DAY_MS, end + DAY_MS)
  // One message a second, `signals` samples each, day by day.
  for (let d = 0; d < days; d++) {
    await db.query(`
      INSERT INTO telemetry_batches (vehicle_key, ts, digest, signal_ids, offsets_ms, vals)
      SELECT 1, to_timestamp(($1::float8 + s * 1000) / 1000), 0,
             (SELECT array_agg(i::int2) FROM generate_series(1, $2::int) i),
             array_fill(0, ARRAY[$2::int]),
             (SELECT array_agg(sin(s / 600.0 + i) * 100) FROM generate_series(1, $2::int) i)
      FROM generate_series(0, 86_399) s`, [start + d * DAY_MS, signals])
    progress(`day ${d + 1}/${days} written`)
  }
  await db.query('ANALYZE')
  const rollup = createTelemetryRollupRepository(db, { maxStepMs: 6 * 3_600_000 })
  const t0 = performance.now()
  for (let i = 0; ; i++) {
    const s = await rollup.step(end + 3 * 60_000)
    if (!s.more) break
    if (i % 20 === 0) progress(`rollup done to ${new Date(s.doneMs).toISOString()}`)
  }
  const rollupFillS = (performance.now() - t0) / 1000
  const q: HistoryQuery = { vehicleKey: 1, signalId: 1, fromMs: start, toMs: end, bucketS: 3 * 3600 }
  const time = async (f: () => Promise<unknown>) => { const a = performance.now(); await f(); return performance.now() - a }
  const viaRollup = createTelemetryRepository(db, { timescale: false })
  const rawOnly = createTelemetryRepository(db, { timescale: false, useRollup: false })
  const r: number[] = []
  for (let i = 0; i < reads; i++) r.push(await time(() => viaRollup.history(q)))
  const w: number[] = []
  for (let i = 0; i < 3; i++) w.push(await time(() => rawOnly.history(q)))
  r.sort((a, b) => a - b)
  const pct = (p: number) => r[Math.min(r.length - 1, Math.ceil(p * r.length) - 1)]!
  console.log(JSON.stringify({
    samples: days * 86_400 * signals,
    rollupFillS: round(rollupFillS),
    rollupP50Ms: round(pct(0.5)),
    rollupP99Ms: round(pct(0.99)),
    rawP50Ms: round(w.sort((a, b) => a - b)[1]!),
    rawMaxMs: round(w[2]!),
  }))
} finally {
  await db.end()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
