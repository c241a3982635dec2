import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteTimescale, type TimescaleTestDb } from '../../test/support/pglite.js'
import type { Queryable } from './db.js'
import { loadMigrations, rollbackLast, runMigrations } from './migrate.js'
import { columns, telemetryRepositoryContract } from './telemetry.contract.js'
import { createTelemetryRepository } from './telemetry.repository.js'
import { applyTimescalePolicies, detectTimescale, rollupStartOffsetS } from './timescale.js'

const log = pino({ level: 'silent' })
const DAY_MS = 86_400_000
const refreshRollup = async (conn: Queryable) => { await conn.query("CALL refresh_continuous_aggregate('telemetry_1m', NULL, NULL)") }

async function migratedTimescale (): Promise<TimescaleTestDb> {
  const t = await createPgliteTimescale()
  await runMigrations(t.conn, { log, timescale: true })
  return t
}

telemetryRepositoryContract('TimescaleDB (PGlite, hypertable + rollup path)', async () => {
  const t = await migratedTimescale()
  return { db: t.conn, timescale: true, refresh: () => refreshRollup(t.conn), close: t.close }
})

describe('TimescaleDB schema and policies (PGlite)', () => {
  let t: TimescaleTestDb
  const one = async <R>(sql: string, params?: unknown[]) => (await t.conn.query<R>(sql, params)).rows

  beforeAll(async () => { t = await migratedTimescale() })
  afterAll(async () => { await t?.close() })

  it('turns the time-series tables into hypertables with compression and a real-time rollup', async () => {
    expect(await detectTimescale(t.conn)).toBe(true)
    expect(await one('SELECT name FROM schema_migrations ORDER BY version'))
      .toEqual((await loadMigrations()).map((m) => ({ name: m.name })))
    expect(await one('SELECT hypertable_name, compression_enabled FROM timescaledb_information.hypertables ORDER BY 1')).toEqual([
      { hypertable_name: 'alert_events', compression_enabled: false },
      { hypertable_name: 'diagnostic_events', compression_enabled: false },
      { hypertable_name: 'ota_update_events', compression_enabled: false },
      { hypertable_name: 'telemetry', compression_enabled: true },
      { hypertable_name: 'vehicle_events', compression_enabled: false },
    ])
    expect(await one("SELECT view_name, materialized_only FROM timescaledb_information.continuous_aggregates"))
      .toEqual([{ view_name: 'telemetry_1m', materialized_only: false }])
  })

  it('applies the configured policies and re-applies them idempotently', async () => {
    const jobs = () => one<{ job_id: number, proc_name: string, schedule_interval: string, config: Record<string, unknown> }>(`
      SELECT job_id, proc_name, schedule_interval::text, config FROM timescaledb_information.jobs
      WHERE hypertable_name IN ('telemetry', 'telemetry_1m') ORDER BY proc_name`)
    const policies = { retentionDays: 365, compressAfterDays: 7, rollupRefreshS: 60, lateDataDays: 30 }
    await applyTimescalePolicies(t.conn, policies)
    const first = await jobs()
    expect(first.map((j) => j.proc_name)).toEqual(['policy_compression', 'policy_refresh_continuous_aggregate', 'policy_retention'])
    expect(first[0]!.config).toMatchObject({ compress_after: '7 days' })
    expect(first[2]!.config).toMatchObject({ drop_after: '365 days' })
    expect(first[1]!.schedule_interval).toBe('00:01:00')
    expect(rollupStartOffsetS(policies)).toBe(30 * 86_400 + 3600)

    await applyTimescalePolicies(t.conn, policies)
    expect(await jobs()).toEqual(first)

    await applyTimescalePolicies(t.conn, { ...policies, compressAfterDays: 3, rollupRefreshS: 300 })
    const changed = await jobs()
    expect(changed).toHaveLength(3)
    expect(changed[0]!.config).toMatchObject({ compress_after: '3 days' })
    expect(changed[0]!.job_id).not.toBe(first[0]!.job_id)
    expect(changed[1]!.schedule_interval).toBe('00:05:00')
    expect(changed[2]).toEqual(first[2]) // retention unchanged, job kept

    // Background workers never run in PGlite; the refresh job runs on demand.
    await t.conn.query('CALL run_job($1)', [changed[1]!.job_id])
  })

  it('answers history, latest and replays from compressed chunks', async () => {
    const repo = createTelemetryRepository(t.conn, { timescale: true })
    const day = Math.floor((Date.now() - 10 * DAY_MS) / DAY_MS) * DAY_MS
    const samples = Array.from({ length: 240 }, (_, i) => ({ v: 9, s: 1 + (i % 2), t: day + 3_600_000 + i * 15_000, x: i }))
    expect(await repo.insertColumns(columns(samples))).toBe(240)
    await refreshRollup(t.conn)
    const rawBefore = await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS })
    const bucketsBefore = await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS, bucketS: 600 })

    const compressed = await one<{ c: string }>(
      "SELECT compress_chunk(c)::text AS c FROM show_chunks('telemetry', older_than => now() - interval '5 days') c")
    expect(compressed.length).toBeGreaterThan(0)
    expect(await one(`SELECT count(*)::int AS n FROM timescaledb_information.chunks
      WHERE hypertable_name = 'telemetry' AND is_compressed`)).toEqual([{ n: compressed.length }])

    expect(await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS })).toEqual(rawBefore)
    await refreshRollup(t.conn)
    expect(await repo.history({ vehicleKey: 9, signalId: 1, fromMs: day, toMs: day + DAY_MS, bucketS: 600 })).toEqual(bucketsBefore)
    expect(bucketsBefore.points.reduce((n, p) => n + (p.count ?? 0), 0)).toBe(120)
    expect(await repo.latest(9)).toEqual([
      { signalId: 1, tsMs: samples[238]!.t, value: 238 },
      { signalId: 2, tsMs: samples[239]!.t, value: 239 },
    ])
    expect(await repo.insertColumns(columns(samples))).toBe(0)
    expect(await repo.insertColumns(columns([samples[0]!, { ...samples[0]!, t: samples[0]!.t + 1 }]))).toBe(1)
  })

  it('rolls migration 0003 back to plain tables and re-applies it', async () => {
    const before = await one('SELECT count(*)::int AS n FROM telemetry')
    // Later migrations come off first; stop once 0003 is rolled back.
    const rolledBack: string[] = []
    while (rolledBack.at(-1) !== '0003_timescale') rolledBack.push(await rollbackLast(t.conn) ?? 'nothing left')
    expect(await detectTimescale(t.conn)).toBe(false)
    expect(await one('SELECT count(*)::int AS n FROM telemetry')).toEqual(before)
    expect(await runMigrations(t.conn, { log, timescale: true })).toEqual(rolledBack.reverse())
    expect(await detectTimescale(t.conn)).toBe(true)
    expect(await one('SELECT count(*)::int AS n FROM telemetry')).toEqual(before)
  })
})
