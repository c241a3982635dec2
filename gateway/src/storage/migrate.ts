import { readFile, readdir } from 'node:fs/promises'
import type { Log } from '../common/log.js'
import type { Queryable } from './db.js'

export interface Migration {
  version: number
  name: string
  requiresTimescale: boolean
  up: string
  down: string
}

export interface MigrateOptions {
  log: Log
  /**
   * Whether migrations marked `-- fleetwire:requires timescaledb` may run.
   * They run only if the extension is also available on the server; when
   * skipped they stay unrecorded and apply on a later start.
   */
  timescale: boolean
  /** Defaults to the SQL files in ./migrations. */
  migrations?: Migration[]
}

// Fixed pg_advisory_lock key shared by every gateway process ("fleetwire migrate").
const LOCK_KEY = 727_465_300_001
const REQUIRES_TIMESCALE = '-- fleetwire:requires timescaledb'
const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

/** Reads the numbered `NNNN_name.up.sql` / `.down.sql` pairs, in order. */
export async function loadMigrations (dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = await readdir(dir)
  const ups = files.filter((f) => /^\d{4}_[a-z0-9_]+\.up\.sql$/.test(f)).sort()
  return Promise.all(ups.map(async (file) => {
    const base = file.slice(0, -'.up.sql'.length)
    const up = await readFile(new URL(file, dir), 'utf8')
    const down = await readFile(new URL(`${base}.down.sql`, dir), 'utf8').catch(() => {
      throw new Error(`migration ${base} has no ${base}.down.sql`)
    })
    return {
      version: Number(base.slice(0, 4)),
      name: base,
      requiresTimescale: up.split('\n', 1)[0]?.trim() === REQUIRES_TIMESCALE,
      up,
      down,
    }
  }))
}

/**
 * Applies pending migrations, each in its own transaction. `conn` must be a
 * single session (a checked-out client, not a pool): the advisory lock that
 * serialises concurrent gateways is held by the session.
 */
export async function runMigrations (conn: Queryable, opts: MigrateOptions): Promise<string[]> {
  const { log } = opts
  const migrations = opts.migrations ?? await loadMigrations()
  return withMigrationLock(conn, async () => {
    const applied = await appliedVersions(conn)
    const timescale = opts.timescale && await timescaleAvailable(conn)
    const done: string[] = []
    for (const m of migrations) {
      if (applied.has(m.version)) continue
      if (m.requiresTimescale && !timescale) {
        log.info({ migration: m.name }, 'migration skipped: timescaledb not available')
        continue
      }
      await inTransaction(conn, m.name, async () => {
        if (m.requiresTimescale) await conn.query('CREATE EXTENSION IF NOT EXISTS timescaledb')
        await conn.query(m.up)
        await conn.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      })
      log.info({ migration: m.name }, 'migration applied')
      done.push(m.name)
    }
    return done
  })
}

/** Reverts the most recently applied migration; returns its name, or undefined if none. */
export async function rollbackLast (conn: Queryable, opts: { log?: Log, migrations?: Migration[] } = {}): Promise<string | undefined> {
  const migrations = opts.migrations ?? await loadMigrations()
  return withMigrationLock(conn, async () => {
    const { rows } = await conn.query<{ version: number }>('SELECT max(version) AS version FROM schema_migrations')
    const version = rows[0]?.version
    if (version === null || version === undefined) return undefined
    const m = migrations.find((x) => x.version === version)
    if (m === undefined) throw new Error(`cannot roll back migration ${version}: no such migration file`)
    await inTransaction(conn, m.name, async () => {
      await conn.query(m.down)
      await conn.query('DELETE FROM schema_migrations WHERE version = $1', [m.version])
    })
    opts.log?.info({ migration: m.name }, 'migration rolled back')
    return m.name
  })
}

async function withMigrationLock<T> (conn: Queryable, fn: () => Promise<T>): Promise<T> {
  await conn.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
  try {
    // Under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide.
    await conn.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    return await fn()
  } finally {
    // If the session broke, the lock went with it; keep the original error.
    await conn.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined)
  }
}

async function appliedVersions (conn: Queryable): Promise<Set<number>> {
  const { rows } = await conn.query<{ version: number }>('SELECT version FROM schema_migrations')
  return new Set(rows.map((r) => r.version))
}

async function timescaleAvailable (conn: Queryable): Promise<boolean> {
  const { rows } = await conn.query("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")
  return rows.length > 0
}

async function inTransaction (conn: Queryable, name: string, fn: () => Promise<void>): Promise<void> {
  await conn.query('BEGIN')
  try {
    await fn()
    await conn.query('COMMIT')
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined)
    throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err })
  }
}
