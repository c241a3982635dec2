import pg from 'pg'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js'
import { runMigrations } from './migrate.js'
import { PARTITION_LOCK_TIMEOUT_MS, ensurePartitions, listPartitions } from './telemetry-partitions.js'
import { createTelemetryRepository } from './telemetry.repository.js'

const DAY_MS = 86_400_000
const TODAY = Date.UTC(2026, 0, 5)
const LATE_DAY = TODAY - 3 * DAY_MS

describe('telemetry partitions (embedded PostgreSQL)', () => {
  let database: TestDatabase
  let pool: pg.Pool

  beforeEach(async () => {
    database = await createTestDatabase()
    pool = new pg.Pool({ connectionString: database.url, max: 4 })
    const c = await pool.connect()
    try {
      await runMigrations(c, { log: pino({ level: 'silent' }), timescale: true })
    } finally {
      c.release()
    }
    await ensurePartitions(pool, TODAY, TODAY + DAY_MS)
  })
  afterEach(async () => {
    await pool.end()
    await database.drop()
  })

  const insert = (tsMs: number, value: number) =>
    createTelemetryRepository(pool, { timescale: false }).insertColumns({ vehicleKeys: [7], signalIds: [1], tsMs: [tsMs], values: [value] })
  const rowsIn = async (table: string) => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n

  it('moves a late day out of the default partition when that day gets its own', async () => {
    await insert(LATE_DAY + 1000, 1)
    expect(await rowsIn('telemetry_batches_default')).toBe(1)

    expect(await ensurePartitions(pool, LATE_DAY, LATE_DAY + DAY_MS)).toEqual(['telemetry_batches_p20260102'])

    expect(await rowsIn('telemetry_batches_default')).toBe(0)
    expect(await rowsIn('telemetry_batches_p20260102')).toBe(1)
    // A replay of the moved batch still adds nothing: the new partition has the key.
    expect(await insert(LATE_DAY + 1000, 1)).toBe(0)
  })

  it('never stops ingest: a partition waiting for a reader of the default one gives up, and is made later', async () => {
    const reader = await pool.connect()
    try {
      // A long reader of the default partition (as the rollup catching up is).
      await reader.query('BEGIN')
      await reader.query('SELECT count(*) FROM telemetry_batches_default')
      const t0 = Date.now()
      const making = ensurePartitions(pool, LATE_DAY, LATE_DAY + DAY_MS).then(
        () => 'made',
        (err: { code?: string }) => err.code,
      )

      // Today's samples go in while the partition waits (CREATE TABLE ... PARTITION OF would hold the whole table).
      expect(await insert(TODAY + 1000, 2)).toBe(1)
      expect(Date.now() - t0).toBeLessThan(PARTITION_LOCK_TIMEOUT_MS)

      expect(await making).toBe('55P03')
      expect(Date.now() - t0).toBeGreaterThanOrEqual(PARTITION_LOCK_TIMEOUT_MS)
      expect((await listPartitions(pool)).map((p) => p.name)).not.toContain('telemetry_batches_p20260102')
    } finally {
      await reader.query('COMMIT')
      reader.release()
    }
    expect(await ensurePartitions(pool, LATE_DAY, LATE_DAY + DAY_MS)).toEqual(['telemetry_batches_p20260102'])
    expect(await rowsIn('telemetry_batches_p20260105')).toBe(1)
  })
})
