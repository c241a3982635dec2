import fp from 'fastify-plugin'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js'
import { runMigrations } from './migrate.js'
import { createTelemetryRepository, type TelemetryRepository } from './telemetry.repository.js'
import { applyTimescalePolicies, detectTimescale } from './timescale.js'

export interface Storage {
  pool: pg.Pool
  /** TimescaleDB in use: hypertables, compression, retention policy, 1-minute rollups. */
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
        await applyTimescalePolicies(client, {
          retentionDays: retention.retentionDays,
          compressAfterDays: retention.compressAfterDays,
          rollupRefreshS: retention.rollupRefreshS,
          lateDataDays: Math.ceil(ingest.maxAgeMs / DAY_MS),
        })
      }
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

  const telemetry = createTelemetryRepository(pool, { timescale, copyPool: pool })

  // Plain PostgreSQL has no retention policy: purge old rows ourselves.
  const purgeAbort = new AbortController()
  let purging: Promise<void> | undefined
  const purge = () => {
    if (purging !== undefined) return
    const cutoffMs = Date.now() - retention.retentionDays * DAY_MS
    purging = telemetry.purgeOlderThan(cutoffMs, purgeAbort.signal)
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
