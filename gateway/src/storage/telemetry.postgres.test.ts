import pg from 'pg'
import pino from 'pino'
import { createTestDatabase } from '../../test/support/postgres.js'
import { runMigrations } from './migrate.js'
import { telemetryRepositoryContract } from './telemetry.contract.js'
import { telemetryRollupContract } from './telemetry-rollup.contract.js'
import { ensurePartitions } from './telemetry-partitions.js'

async function plainPostgres (partitions: boolean) {
  const database = await createTestDatabase()
  const pool = new pg.Pool({ connectionString: database.url, max: 3 })
  const client = await pool.connect()
  try {
    await runMigrations(client, { log: pino({ level: 'silent' }), timescale: true })
    // Daily partitions around the contract's T0 (2026-01-05); everything else lands in the default one.
    if (partitions) await ensurePartitions(client, Date.UTC(2026, 0, 3), Date.UTC(2026, 0, 8))
  } finally {
    client.release()
  }
  return {
    db: pool,
    timescale: false,
    async close () {
      await pool.end()
      await database.drop()
    },
  }
}

telemetryRepositoryContract('PostgreSQL (embedded server, default partition only)', () => plainPostgres(false))
telemetryRepositoryContract('PostgreSQL (embedded server, daily partitions)', () => plainPostgres(true))
telemetryRollupContract('PostgreSQL (embedded server, daily partitions)', () => plainPostgres(true))
