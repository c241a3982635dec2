import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../src/config/load.js'
import { buildApp } from '../src/app.js'
import { freePort } from '../test/support/free-port.js'

/**
 * The gateway inside the bench's own process (its own embedded PostgreSQL
 * in a temp dir, or DATABASE_URL), listening on free ports, for benches
 * whose simulated vehicles run elsewhere (a worker thread, forked
 * processes). `env` adds to and overrides the defaults. BENCH_LOG=info
 * shows the gateway's own log.
 */
export async function startInProcessGateway (name: string, env: Record<string, string>, log: (msg: string) => void): Promise<{ app: FastifyInstance, httpUrl: string, adminToken: string }> {
  const adminToken = randomBytes(24).toString('base64url')
  const all: Record<string, string> = {
    HTTP_PORT: '0', MQTT_PORT: '0', LOG_LEVEL: 'error', DATA_DIR: mkdtempSync(join(tmpdir(), `fleetwire-${name}-bench-`)), EMBEDDED_PG_PORT: String(await freePort()),
    ADMIN_TOKEN: adminToken, DB_POOL_SIZE: '16', RULES_ENABLED: 'false',
    ...env,
  }
  if (process.env.DATABASE_URL !== undefined) all.DATABASE_URL = process.env.DATABASE_URL
  const loaded = loadConfig(all)
  if (!loaded.ok) throw new Error(loaded.error.detail)
  log(`starting gateway (${all.DATABASE_URL === undefined ? 'embedded PostgreSQL' : 'DATABASE_URL'})`)
  const app = await buildApp({ config: loaded.value, logger: pino({ level: process.env.BENCH_LOG ?? 'error' }) })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  return { app, httpUrl: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`, adminToken }
}
