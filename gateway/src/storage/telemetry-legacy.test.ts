import Fastify from 'fastify'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js'
import { createPgliteTimescale, type TimescaleTestDb } from '../../test/support/pglite.js'
import { loadConfig } from '../config/load.js'
import configPlugin from '../config/plugin.js'
import type { Queryable } from './db.js'
import storage from './index.js'
import { loadMigrations, runMigrations } from './migrate.js'
import { migrateLegacyTelemetry } from './telemetry-legacy.js'

const log = pino({ level: 'silent' })
const T0 = Date.UTC(2026, 0, 5)

/** The schema as it was before the batch layout (migrations before 0030), with old-layout rows. */
async function oldLayout (conn: Queryable, vehicles: number): Promise<void> {
  const migrations = (await loadMigrations()).filter((m) => m.version < 30)
  await runMigrations(conn, { log, timescale: true, migrations })
  // Per vehicle: 5 signals, 200 samples each, 1.5 s apart, across ~5 minutes and a day boundary.
  await conn.query(`
    INSERT INTO telemetry (vehicle_key, signal_id, ts, value)
    SELECT v, s, to_timestamp(($1::float8 - 150000 + i * 1500 + s) / 1000), v * 1000 + s + i / 4.0
    FROM generate_series(1, $2::int) v, generate_series(1, 5) s, generate_series(0, 199) i`, [T0, vehicles])
}

const OLD = `SELECT vehicle_key AS k, signal_id AS s, (extract(epoch FROM ts) * 1000)::float8 AS t, value AS v
  FROM telemetry_legacy ORDER BY 1, 2, 3`
const NEW = `SELECT b.vehicle_key AS k, u.s, (extract(epoch FROM b.ts) * 1000)::float8 + u.o AS t, u.v
  FROM telemetry_batches b, unnest(b.signal_ids, b.offsets_ms, b.vals) AS u(s, o, v) ORDER BY 1, 2, 3`

describe('old-layout telemetry on plain PostgreSQL', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    await oldLayout(c, 30)
    await c.end()
  })
  afterAll(async () => { await db.drop() })

  const build = async (env: Record<string, string>) => {
    const config = loadConfig({ DATABASE_URL: db.url, ...env })
    if (!config.ok) throw new Error(config.error.detail)
    const app = Fastify({ logger: { level: 'silent' } })
    await app.register(configPlugin, { config: config.value })
    await app.register(storage)
    await app.ready()
    return app
  }

  it('refuses to start with more old rows than it migrates at start-up, names the command and keeps every row', async () => {
    await expect(build({ TELEMETRY_MIGRATE_AT_START_ROWS: '1000' }))
      .rejects.toThrow(/more than 1000 samples in the old per-sample layout.*npm run migrate:telemetry.*Nothing has been deleted/)
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    try {
      expect((await c.query('SELECT count(*)::int AS n FROM telemetry_legacy')).rows).toEqual([{ n: 30_000 }])
    } finally {
      await c.end()
    }
  })

  it('moves every sample at start-up when there are few, and serves them', async () => {
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    const before = (await c.query(OLD)).rows
    await c.end()
    expect(before).toHaveLength(30_000)

    const app = await build({ TELEMETRY_MIGRATE_AT_START_ROWS: '30000' })
    try {
      const pool = app.storage.pool
      expect((await pool.query(NEW)).rows).toEqual(before)
      expect((await pool.query("SELECT to_regclass('telemetry_legacy') AS t")).rows).toEqual([{ t: null }])
      // Latest values and history come from the new layout.
      const latest = await app.storage.telemetry.latest(7)
      expect(latest.map((l) => l.signalId)).toEqual([1, 2, 3, 4, 5])
      expect(latest[2]).toEqual({ signalId: 3, tsMs: T0 - 150_000 + 199 * 1500 + 3, value: 7003 + 199 / 4 })
      const h = await app.storage.telemetry.history({ vehicleKey: 7, signalId: 2, fromMs: T0 - 200_000, toMs: T0 + 200_000 })
      expect(h.points).toHaveLength(200)
      // A fresh message lands beside the migrated ones.
      expect(await app.storage.telemetry.insertColumns({ vehicleKeys: [7], signalIds: [2], tsMs: [T0 + 150_000], values: [1] })).toBe(1)
    } finally {
      await app.close()
    }
  })
})

describe('old-layout telemetry on TimescaleDB (PGlite)', () => {
  let t: TimescaleTestDb
  beforeAll(async () => { t = await createPgliteTimescale() })
  afterAll(async () => { await t?.close() })

  it('moves every sample in bounded steps, from compressed chunks too, and drops the old hypertable', async () => {
    await oldLayout(t.conn, 6)
    await t.conn.query("SELECT compress_chunk(c) FROM show_chunks('telemetry') c")
    await runMigrations(t.conn, { log, timescale: true })
    const before = (await t.conn.query(OLD)).rows
    expect(before).toHaveLength(6000)
    const steps: number[] = []
    expect(await migrateLegacyTelemetry(t.conn, { stepRows: 1000, onStep: (n) => steps.push(n) })).toBe(6000)
    expect(steps).toEqual([1000, 2000, 3000, 4000, 5000, 6000])
    expect((await t.conn.query(NEW)).rows).toEqual(before)
    expect((await t.conn.query("SELECT to_regclass('telemetry_legacy') AS t")).rows).toEqual([{ t: null }])
    expect(await migrateLegacyTelemetry(t.conn)).toBe(0)
  })
})
