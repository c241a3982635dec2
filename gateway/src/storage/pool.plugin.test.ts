import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js'
import { loadConfig } from '../config/load.js'
import configPlugin from '../config/plugin.js'
import storage from './index.js'
import { freePort } from '../../test/support/free-port.js'

async function build (env: Record<string, string>): Promise<FastifyInstance> {
  const config = loadConfig(env)
  if (!config.ok) throw new Error(config.error.detail)
  const app = Fastify({ logger: { level: 'silent' } })
  await app.register(configPlugin, { config: config.value })
  await app.register(storage)
  await app.ready()
  return app
}


const sample = { vehicleKeys: [1], signalIds: [1], tsMs: [Date.UTC(2026, 0, 1)], values: [42] }

describe('storage plugin with DATABASE_URL', () => {
  let db: TestDatabase
  beforeAll(async () => { db = await createTestDatabase() })
  afterAll(async () => { await db.drop() })

  it('migrates, decorates app.storage and reports readiness until closed', async () => {
    const app = await build({ DATABASE_URL: db.url })
    expect(app.storage.timescale).toBe(false)
    expect(await app.storage.ready()).toBe(true)
    expect(await app.storage.telemetry.insertColumns(sample)).toBe(1)
    const { rows } = await app.storage.pool.query<{ application_name: string }>('SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()')
    expect(rows[0]?.application_name).toBe('fleetwire-gateway')
    await app.close()
    expect(await app.storage.ready()).toBe(false)
  })
})

describe('storage plugin with the embedded server', () => {
  let dataDir: string
  beforeAll(async () => { dataDir = await mkdtemp(path.join(tmpdir(), 'fleetwire-plugin-pg-')) })
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }) })

  it('initialises once and keeps data across restarts', async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) }
    const first = await build(env)
    expect(await first.storage.ready()).toBe(true)
    expect(await first.storage.telemetry.insertColumns(sample)).toBe(1)
    await first.close()

    const second = await build(env)
    expect(await second.storage.telemetry.latest(1)).toEqual([{ signalId: 1, tsMs: sample.tsMs[0], value: 42 }])
    await expect(build(env)).rejects.toThrow(/in use by a running server|already in use/)
    await second.close()
  })
})
