import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteTimescale, type TimescaleTestDb } from '../../test/support/pglite.js'
import { loadMigrations, rollbackLast, runMigrations } from './migrate.js'
import { columns, telemetryRepositoryContract } from './telemetry.contract.js'
import { telemetryRollupContract } from './telemetry-rollup.contract.js'
import { createTelemetryRepository } from './telemetry.repository.js'
import { applyTimescalePolicies, detectTimescale } from './timescale.js'

const log = pino({ level: 'silent' })
const DAY_MS = 86_400_000

async function migratedTimescale (): Promise<TimescaleTestDb> {
  const t = await createPgliteTimescale()
  await runMigrations(t.conn, { log, timescale: true })
  return t
}

telemetryRepositoryContract('TimescaleDB (PGlite, hypertable path)', async () => {
  const t = await migratedTimescale()
  return { db: t.conn, timescale: true, close: t.close }
})

telemetryRollupContract('TimescaleDB (PGlite, hypertable path)', async () => {
  const t = await migratedTimescale()
  return { db: t.conn, timescale: true, close: t.close }
})

describe('TimescaleDB schema and policies (PGlite)', () => {
  let t: TimescaleTestDb
  const one = async <R>(sql: string, params?: unknown[]) => (await t.conn.query<R>(sql, params)).rows

  beforeAll(async () => { t = await migratedTimescale() })
  afterAll(async () => { await t?.close() })

  it('turns the time-series tables into hypertables, the batch table with compression', async () => {
    expect(await detectTimescale(t.conn)).toBe(true)
    expect(await one('SELECT name FROM schema_migrations ORDER BY version'))
      .toEqual((await loadMigrations()).map((m) => ({ name: m.name })))
    expect(await one('SELECT hypertable_name, compression_enabled FROM timescaledb_information.hypertables ORDER BY 1')).toEqual([
      { hypertable_name: 'alert_events', compression_enabled: false },
      { hypertable_name: 'diagnostic_events', compression_enabled: false },
      { hypertable_name: 'ota_update_events', compression_enabled: false },
      { hypertable_name: 'telemetry_batches', compression_enabled: true },
      // The old per-sample table, until the gateway moves its rows (storage/telemetry-legacy.ts).
      { hypertable_name: 'telemetry_legacy', compression_enabled: true },
      { hypertable_name: 'vehicle_events', compression_enabled: false },
    ])
    expect(await one('SELECT view_name FROM timescaledb_information.continuous_aggregates')).toEqual([])
    expect(await one("SELECT to_regclass('telemetry_legacy')::text AS t")).toEqual([{ t: 'telemetry_legacy' }])
  })

  it('applies the configured policies and re-applies them idempotently', async () => {
    const jobs = () => one<{ job_id: number, proc_name: string, schedule_interval: string, config: Record<string, unknown> }>(`
      SELECT job_id, proc_name, schedule_interval::text, config FROM timescaledb_information.jobs
      WHERE hypertable_name = 'telemetry_batches' ORDER BY proc_name`)
    const policies = { retentionDays: 365, compressAfterDays: 7 }
    await applyTimescalePolicies(t.conn, policies)
    const first = await jobs()
    expect(first.map((j) => j.proc_name)).toEqual(['policy_compression', 'policy_retention'])
    expect(first[0]!.config).toMatchObject({ compress_after: '7 days' })
    expect(first[1]!.config).toMatchObject({ drop_after: '365 days' })

    await applyTimescalePolicies(t.conn, policies)
    expect(await jobs()).toEqual(first)

    await applyTimescalePolicies(t.conn, { ...policies, compressAfterDays: 3 })
    const changed = await jobs()
    expect(changed).toHaveLength(2)
    expect(changed[0]!.config).toMatchObject({ compress_after: '3 days' })
    expect(changed[0]!.job_id).not.toBe(first[0]!.job_id)
    expect(changed[1]).toEqual(first[1]) // retention unchanged, job kept

    // Background workers never run in PGlite; the compression job runs on demand.
    await t.conn.query('CALL run_job($1)', [changed[0]!.job_id])
  })

  it('answers history, latest and replays from compressed chunks', async () => {
    const repo = createTelemetryRepository(t.conn, { timescale: true })
    const day = Math.floor((Date.now() - 10 * DAY_MS) / DAY_MS) * DAY_MS
    const samples = Array.from({ length: 240 }, (_, i) => ({ v: 9, s: 1 + (i % 2), t: day + 3_600_000 + i * 15_000, x: i }))
    expect(await repo.insertColumns(columns(samples))).toBe(240)
    const rawBefore = await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS })
    const bucketsBefore = await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS, bucketS: 600 })

    const compressed = await one<{ c: string }>(
      "SELECT compress_chunk(c)::text AS c FROM show_chunks('telemetry_batches', older_than => now() - interval '5 days') c")
    expect(compressed.length).toBeGreaterThan(0)
    expect(await one(`SELECT count(*)::int AS n FROM timescaledb_information.chunks
      WHERE hypertable_name = 'telemetry_batches' AND is_compressed`)).toEqual([{ n: compressed.length }])

    expect(await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS })).toEqual(rawBefore)
    expect(await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS, bucketS: 600 })).toEqual(bucketsBefore)
    expect(bucketsBefore.points.reduce((n, p) => n + (p.count ?? 0), 0)).toBe(120)
    expect(await repo.latest(9)).toEqual([
      { signalId: 1, tsMs: samples[238]!.t, value: 238 },
      { signalId: 2, tsMs: samples[239]!.t, value: 239 },
    ])
    expect(await repo.insertColumns(columns(samples))).toBe(0) // a replay into a compressed chunk
    expect(await repo.insertColumns(columns([{ ...samples[0]!, t: samples[0]!.t + 1 }]))).toBe(1)
  })

  it('rolls migration 0003 back to plain tables and re-applies it', async () => {
    const count = 'SELECT coalesce(sum(cardinality(signal_ids)), 0)::int AS n FROM telemetry_batches'
    const before = await one(count)
    expect(before[0]).toMatchObject({ n: 241 })
    // Later migrations come off first; stop once 0003 is rolled back.
    const rolledBack: string[] = []
    while (rolledBack.at(-1) !== '0003_timescale') rolledBack.push(await rollbackLast(t.conn) ?? 'nothing left')
    expect(await detectTimescale(t.conn)).toBe(false)
    expect(await one('SELECT count(*)::int AS n FROM telemetry')).toEqual(before) // per-sample rows again
    expect(await runMigrations(t.conn, { log, timescale: true })).toEqual(rolledBack.reverse())
    expect(await detectTimescale(t.conn)).toBe(true)
    expect(await one('SELECT count(*)::int AS n FROM telemetry_legacy')).toEqual(before) // moved by the gateway at start-up
  })
})
