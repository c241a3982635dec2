import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { GatewayProcess } from '../../bench/gateway-process.js'
import { freePort } from '../../test/support/free-port.js'
import { HaproxyProcess } from './haproxy.js'
import { RedisServer } from './redis-server.js'

export interface ClusterOptions {
  instances: number
  databaseUrl: string
  /** Extra gateway environment (every instance). */
  env?: Record<string, string>
  /** Where the balancer listens; default loopback on free ports. */
  bind?: { host: string, mqttPort?: number, httpPort?: number }
  /** Per-instance state directories (spools); default fresh temporary ones. */
  dataDirs?: string[]
  signingKey?: string
  adminToken?: string
}

/**
 * A whole cluster on this machine: Debian's redis-server and haproxy, N
 * gateway instances as child processes (so one can be killed with -9) on one
 * PostgreSQL database. Used by `npm run cluster`, the cluster tests and
 * `npm run bench:cluster`.
 */
export class LocalCluster {
  private constructor (
    readonly redis: RedisServer,
    readonly haproxy: HaproxyProcess,
    readonly gateways: GatewayProcess[],
    private readonly startOne: (i: number) => Promise<GatewayProcess>,
    readonly adminToken: string,
    private readonly ownedDirs: string[],
  ) {}

  get mqttUrl (): string {
    return `mqtt://127.0.0.1:${this.haproxy.ports.mqttPort}`
  }

  get httpUrl (): string {
    return `http://127.0.0.1:${this.haproxy.ports.httpPort}`
  }

  static async start (opts: ClusterOptions): Promise<LocalCluster> {
    const redis = await RedisServer.start()
    const signingKey = opts.signingKey ?? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
    const adminToken = opts.adminToken ?? randomBytes(24).toString('base64url')
    const ports: Array<{ http: number, mqtt: number }> = []
    for (let i = 0; i < opts.instances; i++) ports.push({ http: await freePort(), mqtt: await freePort() })
    // Each instance keeps its state directory (its spool) across a kill and restart.
    const ownedDirs: string[] = []
    const dataDirs: string[] = []
    for (let i = 0; i < opts.instances; i++) {
      const given = opts.dataDirs?.[i]
      if (given !== undefined) dataDirs.push(given)
      else {
        const d = await mkdtemp(path.join(tmpdir(), `fleetwire-gw${i + 1}-`))
        ownedDirs.push(d)
        dataDirs.push(d)
      }
    }
    // The balancer's ports first: offers carry download URLs that every vehicle must reach through it.
    const front = { bindHost: opts.bind?.host ?? '127.0.0.1', mqttPort: opts.bind?.mqttPort ?? await freePort(), httpPort: opts.bind?.httpPort ?? await freePort() }
    const startOne = (i: number) => GatewayProcess.start({
      ports: ports[i]!,
      dataDir: dataDirs[i]!,
      env: {
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: redis.url,
        INSTANCE_ID: `gw-${i + 1}`,
        OTA_SIGNING_KEY: signingKey,
        ADMIN_TOKEN: adminToken,
        PROXY_PROTOCOL: 'true',
        TRUST_PROXY: '127.0.0.1',
        // A cluster on one machine for development and tests: the balancer speaks plain http.
        OTA_PUBLIC_URL: `http://${front.bindHost === '0.0.0.0' ? '127.0.0.1' : front.bindHost}:${front.httpPort}`,
        DEV_MODE: 'true',
        DEMO_VEHICLES: '0',
        ...opts.env,
      },
    })
    // The first applies the migrations; the others then start together.
    const gateways: GatewayProcess[] = []
    try {
      gateways.push(await startOne(0))
      const rest = await Promise.allSettled(Array.from({ length: opts.instances - 1 }, (_, i) => startOne(i + 1)))
      for (const r of rest) if (r.status === 'fulfilled') gateways.push(r.value)
      const failed = rest.find((r) => r.status === 'rejected')
      if (failed !== undefined) throw (failed as PromiseRejectedResult).reason
      const haproxy = await HaproxyProcess.start(front,
        ports.map((p, i) => ({ name: `gw-${i + 1}`, host: '127.0.0.1', mqttPort: p.mqtt, httpPort: p.http })))
      return new LocalCluster(redis, haproxy, gateways, startOne, adminToken, ownedDirs)
    } catch (err) {
      for (const g of gateways) await g.stop()
      await redis.close()
      throw err
    }
  }

  /** kill -9 of one instance (its lease then expires; its vehicles reconnect through HAProxy elsewhere). */
  async kill (i: number): Promise<void> {
    const g = this.gateways[i]!
    g.child.kill('SIGKILL')
    await g.exited()
  }

  /** Starts instance i again on its ports (same INSTANCE_ID). */
  async restart (i: number): Promise<GatewayProcess> {
    this.gateways[i] = await this.startOne(i)
    return this.gateways[i]
  }

  async stop (): Promise<void> {
    await this.haproxy.stop()
    for (const g of this.gateways) await g.stop()
    await this.redis.close()
    for (const d of this.ownedDirs) await rm(d, { recursive: true, force: true })
  }
}
