import fp from 'fastify-plugin'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js'
import { runMigrations } from './migrate.js'
import { ensureEmbeddedRuntimeLogin, grantRuntimeRole, runtimeIsLeastPrivileged } from './roles.js'
import { createTelemetryRepository, type TelemetryRepository } from './telemetry.repository.js'
import { applyTimescalePolicies, detectTimescale } from './timescale.js'
import { ensurePartitions } from './telemetry-partitions.js'
import { startTelemetryUpkeep } from './telemetry-upkeep.js'
import { legacyTelemetryRows, migrateLegacyTelemetry } from './telemetry-legacy.js'
import type { Log } from '../common/log.js'

export interface Storage {
  pool: pg.Pool
  /**
   * Connections as the table owner, for the DDL the runtime role may not run:
   * creating and dropping telemetry partitions or chunks. The pool itself when
   * one role does both.
   */
  ownerPool: pg.Pool
  /** TimescaleDB in use: hypertables, compression, retention policy. */
  timescale: boolean
  telemetry: TelemetryRepository
  /** Database reachable and migrated (for /readyz); never throws. */
  ready(): Promise<boolean>
}

declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage
  }
}

const READY_TIMEOUT_MS = 2_000
const DAY_MS = 86_400_000

/**
 * PostgreSQL for the gateway: the embedded server unless DATABASE_URL is set,
 * a pool, migrations, TimescaleDB policies when available, and the telemetry
 * upkeep jobs (telemetry-upkeep.ts).
 */
export default fp(async (app) => {
  const { db, telemetry: retention, ingest } = app.config
  const log = app.log.child({ module: 'storage' })

  const embedded: EmbeddedPostgres | undefined = db.url === undefined
    ? await startEmbeddedPostgres({ dataDir: db.dataDir, port: db.embeddedPort, log })
    : undefined
  // Least privilege (docs/ARCHITECTURE.md, "Database roles"): migrations as the owner, the pool as a
  // member of fleetwire_runtime. The embedded server has both; an external one when MIGRATION_DATABASE_URL is set.
  const ownerUrl = embedded?.url ?? db.migrationUrl
  let runtimeUrl = db.url ?? embedded?.url
  let timescale = false
  let schemaVersion = 0
  if (ownerUrl !== undefined) {
    const owner = new pg.Client({ connectionString: ownerUrl, application_name: 'fleetwire-migrate' })
    try {
      await owner.connect()
      ;({ timescale, schemaVersion } = await migrate(owner))
      if (embedded !== undefined) runtimeUrl = await ensureEmbeddedRuntimeLogin(owner, embedded.url, db.dataDir)
      else if (db.url !== undefined) await grantRuntimeRole(owner, db.url, log)
    } catch (err) {
      await embedded?.stop()
      throw err
    } finally {
      await owner.end().catch(() => undefined)
    }
  }
  const pool = new pg.Pool({
    connectionString: runtimeUrl,
    max: db.poolSize,
    application_name: 'fleetwire-gateway',
  })
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', (err) => log.warn({ err }, 'idle database connection lost'))
  // Metrics are optional here: the storage plugin also runs on its own (tests, migrations).
  if (app.hasDecorator('metrics')) app.metrics.probes.dbPoolWaiting = () => pool.waitingCount

  let leastPrivilege: boolean
  try {
    if (ownerUrl === undefined) {
      const client = await pool.connect()
      try {
        ;({ timescale, schemaVersion } = await migrate(client))
      } finally {
        client.release()
      }
    }
    leastPrivilege = await runtimeIsLeastPrivileged(pool)
  } catch (err) {
    await pool.end().catch(() => undefined)
    await embedded?.stop()
    throw err
  }
  if (!leastPrivilege) {
    log.warn(ownerUrl === undefined
      ? 'least privilege not in effect: DATABASE_URL both migrates and runs the gateway, so it may alter and drop tables and rewrite the audit trail; set MIGRATION_DATABASE_URL to the owner role and DATABASE_URL to a member of fleetwire_runtime'
      : 'least privilege not in effect: the DATABASE_URL role owns the tables or is a superuser; use a role that is only a member of fleetwire_runtime')
  }
  log.info({ timescale, schemaVersion, embedded: embedded !== undefined, leastPrivilege }, 'storage ready')

  async function migrate (conn: pg.ClientBase): Promise<{ timescale: boolean, schemaVersion: number }> {
    await runMigrations(conn, { log, timescale: true })
    const ts = await detectTimescale(conn)
    if (ts) {
      await applyTimescalePolicies(conn, { retentionDays: retention.retentionDays, compressAfterDays: retention.compressAfterDays })
    } else {
      // Today's neighbours now; the rest of the late-data window and the week ahead in the hourly job.
      await ensurePartitions(conn, Date.now() - DAY_MS, Date.now() + 2 * DAY_MS)
    }
    await migrateLegacyAtStart(conn, retention.migrateAtStartRows, log)
    return { timescale: ts, schemaVersion: await currentSchemaVersion(conn) }
  }

  const ownerPool = ownerUrl === undefined
    ? pool
    : new pg.Pool({ connectionString: ownerUrl, max: 1, idleTimeoutMillis: 10_000, application_name: 'fleetwire-maintenance' })
  if (ownerPool !== pool) ownerPool.on('error', (err) => log.warn({ err }, 'idle maintenance connection lost'))
  const telemetry = createTelemetryRepository(pool, { timescale, ddl: ownerPool })

  const upkeep = startTelemetryUpkeep({ pool, ownerPool, telemetry, timescale, log, retentionDays: retention.retentionDays, rollupRefreshS: retention.rollupRefreshS, maxAgeMs: ingest.maxAgeMs })

  app.decorate('storage', {
    pool,
    ownerPool,
    timescale,
    telemetry,
    ready: () => isReady(pool, schemaVersion),
  })

  app.addHook('onClose', async () => {
    await upkeep.stop()
    await pool.end()
    if (ownerPool !== pool) await ownerPool.end()
    await embedded?.stop()
  })
}, { name: 'storage', dependencies: ['config'] })

/**
 * Samples left in the pre-0030 per-sample layout are moved now (bounded
 * steps) when there are few; with many, start-up would take too long, so the
 * gateway refuses to start and names the command that moves them.
 */
async function migrateLegacyAtStart (conn: pg.ClientBase, maxRows: number, log: Log): Promise<void> {
  const left = await legacyTelemetryRows(conn, maxRows + 1)
  if (left === null) return
  if (left > maxRows) {
    throw new Error(`telemetry holds more than ${maxRows} samples in the old per-sample layout (table telemetry_legacy). ` +
      'Move them to the batch layout first with `npm run migrate:telemetry` (same DATABASE_URL/DATA_DIR; bounded steps, safe to interrupt and re-run), ' +
      'or raise TELEMETRY_MIGRATE_AT_START_ROWS to move them during start-up. Nothing has been deleted.')
  }
  const moved = await migrateLegacyTelemetry(conn, { onStep: (n) => log.info({ moved: n }, 'moving old-layout telemetry') })
  log.info({ moved }, 'old-layout telemetry moved to the batch layout')
}

async function currentSchemaVersion (conn: pg.ClientBase): Promise<number> {
  const { rows } = await conn.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations')
  return rows[0]?.version ?? 0
}

async function isReady (pool: pg.Pool, schemaVersion: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS) })
  const check = pool.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations')
    .then(({ rows }) => (rows[0]?.version ?? 0) >= schemaVersion, () => false)
  try {
    return await Promise.race([check, timeout])
  } finally {
    clearTimeout(timer)
  }
}
