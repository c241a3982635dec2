import pg from 'pg'
import pino from 'pino'
import { loadConfig } from '../config/load.js'
import { startEmbeddedPostgres } from './embedded-postgres.js'
import { runMigrations } from './migrate.js'
import { legacyTelemetryRows, migrateLegacyTelemetry } from './telemetry-legacy.js'

/**
 * `npm run migrate:telemetry`: moves telemetry of the old per-sample layout
 * into the batch layout, in bounded steps, with the gateway's configuration
 * (DATABASE_URL or the embedded server in DATA_DIR). Each step commits on
 * its own: interrupting it loses nothing, running it again resumes. A
 * gateway may serve meanwhile (on another DATABASE_URL setup, or after this
 * finishes when embedded: the embedded server belongs to one process).
 */
const loaded = loadConfig(process.env)
if (!loaded.ok) {
  process.stderr.write(`fleetwire: invalid configuration\n${loaded.error.detail}\n`)
  process.exit(2)
}
const { db } = loaded.value
const log = pino({ level: 'info' })
const embedded = db.url === undefined
  ? await startEmbeddedPostgres({ dataDir: db.dataDir, port: db.embeddedPort, log })
  : undefined
const client = new pg.Client({ connectionString: db.url ?? embedded?.url, application_name: 'fleetwire-migrate-telemetry' })
await client.connect()
try {
  await runMigrations(client, { log, timescale: true })
  const left = await legacyTelemetryRows(client, Number.MAX_SAFE_INTEGER)
  log.info({ samples: left ?? 0 }, 'old-layout telemetry to move')
  const started = Date.now()
  const moved = await migrateLegacyTelemetry(client, {
    onStep: (n) => log.info({ moved: n, perSecond: Math.round(n / ((Date.now() - started) / 1000)) }, 'moving'),
  })
  log.info({ moved, seconds: (Date.now() - started) / 1000 }, 'done: every old-layout sample is in telemetry_batches')
} finally {
  await client.end()
  await embedded?.stop()
}
