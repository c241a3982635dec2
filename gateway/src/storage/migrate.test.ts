import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js'
import { loadMigrations, rollbackLast, runMigrations, type Migration } from './migrate.js'
import { detectTimescale } from './timescale.js'

const log = pino({ level: 'silent' })
const PLAIN = (await loadMigrations()).filter((m) => !m.requiresTimescale).map((m) => m.name)

async function connect (url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}

async function recorded (c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version')
  return rows.map((r) => r.name)
}

async function tableExists (c: pg.Client, name: string): Promise<boolean> {
  const { rows } = await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name])
  return rows[0]?.t !== null
}

describe('runMigrations on plain PostgreSQL', () => {
  let db: TestDatabase
  let client: pg.Client

  beforeAll(async () => {
    db = await createTestDatabase()
    client = await connect(db.url)
  })
  afterAll(async () => {
    await client.end()
    await db.drop()
  })

  it('applies the plain migrations and skips the timescale one without recording it', async () => {
    expect(await runMigrations(client, { log, timescale: true })).toEqual(PLAIN)
    expect(await recorded(client)).toEqual(PLAIN)
    for (const t of ['vehicles', 'api_tokens', 'telemetry_batches', 'telemetry_latest', 'vehicle_events', 'diagnostic_events']) {
      expect(await tableExists(client, t)).toBe(true)
    }
    expect(await tableExists(client, 'telemetry_1m')).toBe(false)
    expect(await detectTimescale(client)).toBe(false)
  })

  it('is a no-op when run again', async () => {
    const before = await client.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')
    expect(await runMigrations(client, { log, timescale: true })).toEqual([])
    const after = await client.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')
    expect(after.rows).toEqual(before.rows)
  })

  it('0090 marks the samples after the old rollup bound of rows that started before it, and indexes the day partitions by time', async () => {
    expect(PLAIN.at(-1)).toBe('0090_telemetry_rollup_by_row_start')
    expect(await rollbackLast(client)).toBe('0090_telemetry_rollup_by_row_start')
    const done = Date.UTC(2026, 0, 5, 12, 0)
    await client.query("UPDATE telemetry_rollup_state SET at = to_timestamp($1::float8 / 1000)", [done])
    // Vehicle 1 reaches past the bound by 90 s, vehicle 2 ends before it, vehicle 3 starts after it.
    for (const [k, startMs, spanMs] of [[1, done - 60_000, 150_000], [2, done - 120_000, 30_000], [3, done + 1000, 5000]] as const) {
      await client.query(`INSERT INTO telemetry_batches (vehicle_key, ts, digest, signal_ids, offsets_ms, vals, span_ms)
        VALUES ($1, to_timestamp($2::float8 / 1000), 0, '{1,1}', ARRAY[0, $3::int], '{1,2}', $3)`, [k, startMs, spanMs])
    }
    expect(await runMigrations(client, { log, timescale: false })).toEqual(['0090_telemetry_rollup_by_row_start'])
    const { rows } = await client.query(`SELECT vehicle_key AS k, (extract(epoch FROM from_ts) * 1000)::float8 AS "from",
      (extract(epoch FROM to_ts) * 1000)::float8 AS "to" FROM telemetry_rollup_dirty`)
    expect(rows).toEqual([{ k: 1, from: done, to: done + 90_001 }])
    expect(await tableExists(client, 'telemetry_batches_ts_brin')).toBe(true)
    await client.query('TRUNCATE telemetry_batches, telemetry_rollup_dirty')
    await client.query("UPDATE telemetry_rollup_state SET at = '-infinity'")
  })

  it('rolls back and re-applies (down/up round trip)', async () => {
    await client.query(`INSERT INTO vehicles (vehicle_id, model, region, fleet, secret_salt, secret_hash)
      VALUES ('VIN0000000000001', 'm', 'eu', 'f', '\\x00', '\\x00')`)
    for (const name of [...PLAIN].reverse()) {
      if (name === '0001_core') expect(await tableExists(client, 'telemetry')).toBe(false)
      expect(await rollbackLast(client)).toBe(name)
    }
    expect(await tableExists(client, 'vehicles')).toBe(false)
    expect(await rollbackLast(client)).toBeUndefined()
    expect(await recorded(client)).toEqual([])

    expect(await runMigrations(client, { log, timescale: true })).toEqual(PLAIN)
    const { rows } = await client.query('SELECT count(*)::int AS n FROM vehicles')
    expect(rows[0]).toEqual({ n: 0 })
  })

  it('rolls a failing migration back as a whole and does not record it', async () => {
    const real = await loadMigrations()
    const broken: Migration = {
      version: 9999, name: '9999_broken', requiresTimescale: false,
      up: 'CREATE TABLE half_done (x int); SELECT no_such_function();', down: 'DROP TABLE half_done;',
    }
    await expect(runMigrations(client, { log, timescale: false, migrations: [...real, broken] }))
      .rejects.toThrow(/migration 9999_broken failed/)
    expect(await tableExists(client, 'half_done')).toBe(false)
    expect(await recorded(client)).toEqual(PLAIN)
    // The session is usable afterwards and the lock was released.
    expect(await runMigrations(client, { log, timescale: false })).toEqual([])
  })
})

describe('concurrent runners', () => {
  let db: TestDatabase

  beforeAll(async () => { db = await createTestDatabase() })
  afterAll(async () => { await db.drop() })

  it('serialise on the advisory lock: both succeed, each migration applies once', async () => {
    const [a, b] = await Promise.all([connect(db.url), connect(db.url)])
    try {
      const results = await Promise.all([
        runMigrations(a, { log, timescale: true }),
        runMigrations(b, { log, timescale: true }),
      ])
      expect([...results[0], ...results[1]].sort()).toEqual(PLAIN)
      expect(await recorded(a)).toEqual(PLAIN)
    } finally {
      await Promise.all([a.end(), b.end()])
    }
  })
})
