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
