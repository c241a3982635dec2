import fp from 'fastify-plugin'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js'
import { runMigrations } from './migrate.js'
import { createTelemetryRepository, type TelemetryRepository } from './telemetry.repository.js'
import { applyTimescalePolicies, detectTimescale } from './timescale.js'
import { ensurePartitions } from './telemetry-partitions.js'
import { legacyTelemetryRows, migrateLegacyTelemetry } from './telemetry-legacy.js'
import type { Log } from '../shared/log.js'

export interface Storage {
  pool: pg.Pool
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

const PURGE_EVERY_MS = 3_600_000
const FIRST_PURGE_AFTER_MS = 60_000
const READY_TIMEOUT_MS = 2_000
const PARTITIONS_AHEAD_MS = 7 * 86_400_000
const DAY_MS = 86_400_000

/**
 * PostgreSQL for the gateway: the embedded server unless DATABASE_URL is set,
 * a pool, migrations, TimescaleDB policies when available and otherwise an
 * hourly retention purge.
 */
export default fp(async (app) => {
  const { db, telemetry: retention, ingest } = app.config
  const log = app.log.child({ module: 'storage' })

  const embedded: EmbeddedPostgres | undefined = db.url === undefined
    ? await startEmbeddedPostgres({ dataDir: db.dataDir, port: db.embeddedPort, log })
    : undefined
  const pool = new pg.Pool({
    connectionString: db.url ?? embedded?.url,
    max: db.poolSize,
    application_name: 'fleetwire-gateway',
  })
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', (err) => log.warn({ err }, 'idle database connection lost'))
  // Metrics are optional here: the storage plugin also runs on its own (tests, migrations).
  if (app.hasDecorator('metrics')) app.metrics.probes.dbPoolWaiting = () => pool.waitingCount

  let timescale: boolean
  let schemaVersion: number
  try {
    const client = await pool.connect()
    try {
      await runMigrations(client, { log, timescale: true })
      timescale = await detectTimescale(client)
      if (timescale) {
        await applyTimescalePolicies(client, { retentionDays: retention.retentionDays, compressAfterDays: retention.compressAfterDays })
      } else {
        // Today's neighbours now; the rest of the late-data window and the week ahead in the hourly job.
        await ensurePartitions(client, Date.now() - DAY_MS, Date.now() + 2 * DAY_MS)
      }
      await migrateLegacyAtStart(client, retention.migrateAtStartRows, log)
      schemaVersion = await currentSchemaVersion(client)
    } finally {
      client.release()
    }
  } catch (err) {
    await pool.end().catch(() => undefined)
    await embedded?.stop()
    throw err
  }
  log.info({ timescale, schemaVersion, embedded: embedded !== undefined }, 'storage ready')

  const telemetry = createTelemetryRepository(pool, { timescale })

  // Plain PostgreSQL has no retention policy: purge old rows ourselves.
  const purgeAbort = new AbortController()
  let purging: Promise<void> | undefined
  const purge = () => {
    if (purging !== undefined) return
    // Partitions exist before their samples arrive (else those land in the default partition).
    const ahead = ensurePartitions(pool, Date.now() - ingest.maxAgeMs, Date.now() + PARTITIONS_AHEAD_MS)
      .catch((err: unknown) => log.error({ err }, 'creating telemetry partitions failed'))
    const cutoffMs = Date.now() - retention.retentionDays * DAY_MS
    purging = ahead.then(() => telemetry.purgeOlderThan(cutoffMs, purgeAbort.signal))
      .then((deleted) => { if (deleted > 0) log.info({ deleted, cutoff: new Date(cutoffMs) }, 'old telemetry purged') })
      .catch((err: unknown) => { if (!purgeAbort.signal.aborted) log.error({ err }, 'telemetry purge failed') })
      .finally(() => { purging = undefined })
  }
  const timers = timescale
    ? []
    : [setTimeout(purge, FIRST_PURGE_AFTER_MS).unref(), setInterval(purge, PURGE_EVERY_MS).unref()]

  app.decorate('storage', {
    pool,
    timescale,
    telemetry,
    ready: () => isReady(pool, schemaVersion),
  })

  app.addHook('onClose', async () => {
    for (const t of timers) clearTimeout(t)
    purgeAbort.abort()
    await purging
    await pool.end()
    await embedded?.stop()
  })
}, { name: 'storage', dependencies: ['config'] })

/**
 * Samples left in the pre-0030 per-sample layout are moved now (bounded
 * steps) when there are few; with many, start-up would take too long, so the
 * gateway refuses to start and names the command that moves them.
 */
async function migrateLegacyAtStart (conn: pg.PoolClient, maxRows: number, log: Log): Promise<void> {
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

async function currentSchemaVersion (conn: pg.PoolClient): Promise<number> {
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
