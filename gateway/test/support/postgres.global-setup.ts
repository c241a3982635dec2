import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres } from '../../src/storage/embedded-postgres.js'
import { freePort } from './free-port.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres` database of the run's embedded server; tests create their own databases. */
    pgAdminUrl: string
  }
}

/** One embedded PostgreSQL for the whole run, in a fresh temp dir on a free port. */
export default async function setup (project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fleetwire-test-pg-'))
  const log = pino({ level: process.env.TEST_PG_LOG_LEVEL ?? 'warn' })
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log, ephemeral: true })
  project.provide('pgAdminUrl', server.adminUrl)
  return async () => {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

