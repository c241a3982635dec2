import pg from 'pg'
import pino from 'pino'
import { createTestDatabase } from '../../test/support/postgres.js'
import { runMigrations } from './migrate.js'
import { telemetryRepositoryContract } from './telemetry.contract.js'

async function plainPostgres (withCopy: boolean) {
  const database = await createTestDatabase()
  const pool = new pg.Pool({ connectionString: database.url, max: 3 })
  const client = await pool.connect()
  try {
    await runMigrations(client, { log: pino({ level: 'silent' }), timescale: true })
  } finally {
    client.release()
  }
  return {
    db: pool,
    timescale: false,
    ...(withCopy ? { copyPool: pool } : {}),
    async close () {
      await pool.end()
      await database.drop()
    },
  }
}

telemetryRepositoryContract('PostgreSQL (embedded server, plain path, INSERT)', () => plainPostgres(false))
telemetryRepositoryContract('PostgreSQL (embedded server, plain path, binary COPY)', () => plainPostgres(true))
