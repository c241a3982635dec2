/**
 * `npm run cluster [-- N]`: Fleetwire as a cluster on this machine — Debian's
 * redis-server and haproxy, the embedded PostgreSQL, and N gateway instances
 * (default 3) behind the balancer. Installs nothing; prints the one address
 * to use. State (PostgreSQL, the signing key, each instance's spool) lives
 * under DATA_DIR/cluster (default .data/cluster) and survives restarts.
 */
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { startEmbeddedPostgres } from '../src/storage/embedded-postgres.js'
import { freePort } from '../test/support/free-port.js'
import { LocalCluster } from './cluster/harness.js'

const missing = ['redis-server', 'haproxy'].filter((bin) => {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' })
    return false
  } catch {
    return true
  }
})
if (missing.length > 0) {
  process.stderr.write(`npm run cluster needs Debian's ${missing.join(' and ')}; install with:\n  sudo apt-get install -y redis-server haproxy\n`)
  process.exit(1)
}

const instances = Number(process.argv[2] ?? process.env.CLUSTER_INSTANCES ?? 3)
if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
  process.stderr.write('usage: npm run cluster [-- <instances 1..16>]\n')
  process.exit(2)
}
const root = path.resolve(process.env.DATA_DIR ?? '.data', 'cluster')
await mkdir(root, { recursive: true })
const log = pino({ level: 'warn' })

/** A file under the cluster directory, created once (the signing key, the admin token). */
async function once (name: string, make: () => string): Promise<{ value: string, created: boolean }> {
  const file = path.join(root, name)
  try {
    return { value: (await readFile(file, 'utf8')).trim(), created: false }
  } catch {
    const value = make()
    await writeFile(file, value + '\n', { mode: 0o600 })
    return { value, created: true }
  }
}
const signingKey = process.env.OTA_SIGNING_KEY ?? (await once('ota-signing-key.b64', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'))).value
const admin = process.env.ADMIN_TOKEN === undefined ? await once('admin-token', () => randomBytes(24).toString('base64url')) : { value: process.env.ADMIN_TOKEN, created: false }

const pg = await startEmbeddedPostgres({ dataDir: root, port: await freePort(), log })
const dataDirs = Array.from({ length: instances }, (_, i) => path.join(root, `gw-${i + 1}`))
for (const d of dataDirs) await mkdir(d, { recursive: true })
const cluster = await LocalCluster.start({
  instances,
  databaseUrl: pg.url,
  dataDirs,
  signingKey,
  adminToken: admin.value,
  bind: {
    host: process.env.CLUSTER_BIND ?? '127.0.0.1',
    mqttPort: Number(process.env.CLUSTER_MQTT_PORT ?? 1883),
    httpPort: Number(process.env.CLUSTER_HTTP_PORT ?? 8080),
  },
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
}).catch(async (err: unknown) => {
  await pg.stop()
  throw err
})

process.stdout.write([
  '',
  `Fleetwire cluster: ${instances} gateway instances behind HAProxy, Redis ${cluster.redis.url}, embedded PostgreSQL`,
  `  use              ${cluster.httpUrl}/   (REST + docs at /docs, MQTT over WebSocket at /mqtt)`,
  `  MQTT over TCP    ${cluster.mqttUrl}`,
  ...cluster.gateways.map((g, i) => `  instance gw-${i + 1}    ${g.httpUrl}  (log: ${dataDirs[i]}/gateway.log)`),
  admin.created ? `  admin API token (stored in ${root}/admin-token): ${admin.value}` : `  admin API token  in ${root}/admin-token`,
  '  Ctrl-C stops everything.',
  '',
].join('\n') + '\n')

let stopping = false
async function shutdown (): Promise<void> {
  if (stopping) return
  stopping = true
  await cluster.stop()
  await pg.stop()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
