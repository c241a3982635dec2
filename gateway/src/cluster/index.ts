import fp from 'fastify-plugin'
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { MQEmitter } from 'mqemitter'
import MQEmitterRedis from 'mqemitter-redis'
import { type ClusterBus, createRedisBus, singleNodeBus } from './bus.js'
import { connectRedis } from './redis.js'
import { createRouteEmitter, type RouteEmitterStats } from './route-emitter.js'
import { createInstancesRepository, type InstancesRepository } from './instances.repository.js'

export type { ClusterBus, BusChannel } from './bus.js'

export interface Cluster {
  /** false = single node (REDIS_URL unset): no Redis, in-process routing, as before clustering existed. */
  readonly enabled: boolean
  readonly instanceId: string
  readonly bus: ClusterBus
  /** aedes' message bus for a cluster (local + Redis routing); undefined on a single node (aedes' own). */
  readonly mq: MQEmitter | undefined
  /** A general-purpose Redis connection (shared counters, rate limits); undefined on a single node. */
  readonly redis: Redis | undefined
  readonly instances: InstancesRepository
  /** 'off' on a single node. */
  redisState(): 'up' | 'down' | 'off'
  readonly routing: RouteEmitterStats | undefined
  /** Set by cluster/wiring.ts: awaited when a vehicle authenticates here, before its CONNACK. */
  onVehicleAuthenticated: ((vehicleKey: number) => Promise<void>) | undefined
  /** Set by cluster/wiring.ts: called on the one instance that removed the expired leases of `instanceIds`. */
  onInstancesExpired: ((instanceIds: readonly string[]) => Promise<void>) | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    cluster: Cluster
  }
}

/**
 * Cluster membership: this instance's id and lease in PostgreSQL (the source
 * of truth for who holds which vehicle), and the Redis connections for what
 * crosses instances — downlink routing (aedes' own mqemitter-redis), the
 * notification bus and shared counters. Redis holds nothing that cannot be
 * rebuilt; while it is down each instance goes on ingesting on its own.
 */
export default fp(async (app) => {
  const { config } = app
  const log = app.log.child({ module: 'cluster' })
  const instanceId = config.cluster.instanceId ?? `${hostname().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 32) || 'gw'}-${process.pid}-${randomBytes(3).toString('hex')}`
  const instances = createInstancesRepository(app.storage.pool)
  const url = config.cluster.redisUrl

  if (url === undefined) {
    app.decorate('cluster', { enabled: false, instanceId, bus: singleNodeBus, mq: undefined, redis: undefined, instances, redisState: () => 'off' as const, routing: undefined, onVehicleAuthenticated: undefined, onInstancesExpired: undefined })
    return
  }

  const connections = {
    busPub: connectRedis(url, 'pub', log),
    busSub: connectRedis(url, 'sub', log),
    mqPub: connectRedis(url, 'pub', log),
    mqSub: connectRedis(url, 'sub', log),
    cmd: connectRedis(url, 'cmd', log),
  }
  const remote = MQEmitterRedis({ pubConn: connections.mqPub, subConn: connections.mqSub })
  // mqemitter-redis reports connection errors on its `state` emitter; unheard, an 'error' event would end the process.
  ;(remote as unknown as { state: NodeJS.EventEmitter }).state.on('error', () => { /* logged by connectRedis */ })
  let lastRoutingWarnMs = 0
  const mq = createRouteEmitter(remote, (err) => {
    if (Date.now() - lastRoutingWarnMs > 10_000) log.warn({ err: err.message }, 'cross-instance downlink not delivered (Redis unreachable)')
    lastRoutingWarnMs = Date.now()
  })
  const bus = createRedisBus(connections.busPub, connections.busSub, instanceId, log)
  const redisState = () => Object.values(connections).every((c) => c.status === 'ready') ? 'up' as const : 'down' as const

  // The lease: renewed at a third of its length; expired instances' vehicles are marked lost by whoever sweeps first.
  const renew = async (): Promise<void> => {
    const created = await instances.renew(instanceId, config.cluster.leaseMs, { pid: process.pid, host: hostname() })
    if (created && started) log.warn('instance lease had expired (database unreachable?): renewed; this instance\'s vehicles show online again with their next birth')
  }
  let started = false
  await renew()
  started = true
  const expire = async (): Promise<void> => {
    const r = await instances.expire()
    if (r.instances.length === 0) return
    log.warn({ instances: r.instances, vehicles: r.vehicles }, 'instance lease expired: its vehicles are lost until they reconnect')
    await app.cluster.onInstancesExpired?.(r.instances)
  }
  const leaseTimer = setInterval(() => {
    renew().then(expire).catch((err: Error) => log.error({ err }, 'instance lease renewal failed'))
  }, Math.max(500, Math.floor(config.cluster.leaseMs / 3)))
  leaseTimer.unref()
  log.info({ instanceId, leaseMs: config.cluster.leaseMs }, 'cluster instance started')

  app.decorate('cluster', { enabled: true, instanceId, bus, mq, redis: connections.cmd, instances, redisState, routing: mq.stats, onVehicleAuthenticated: undefined, onInstancesExpired: undefined })

  app.addHook('onClose', async () => {
    clearInterval(leaseTimer)
    await instances.release(instanceId).catch((err: Error) => log.warn({ err: err.message }, 'lease release failed'))
    // mqemitter-redis quits its own two connections when aedes closes it.
    for (const c of [connections.busPub, connections.busSub, connections.cmd]) c.disconnect()
  })
}, { name: 'cluster', dependencies: ['config', 'storage'] })
