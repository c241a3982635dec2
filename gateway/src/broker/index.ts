import fp from 'fastify-plugin'
import { createServer, type AddressInfo, type Server } from 'node:net'
import type { Duplex } from 'node:stream'
import { Aedes, type Client } from 'aedes'
import { createWebSocketStream } from 'ws'
import type { AuthenticatedVehicle } from '../vehicles/index.js'
import { PacketSizeGuard } from './packet-size-guard.js'
import { adaptAuthenticate, adaptAuthorizePublish, adaptAuthorizeSubscribe } from './hooks/adapt.js'
import { createAuthenticate } from './hooks/authenticate.js'
import { createAuthorizePublish } from './hooks/authorize-publish.js'
import { createAuthorizeSubscribe } from './hooks/authorize-subscribe.js'

export interface Broker {
  readonly aedes: Aedes
  /** Where MQTT over TCP listens (the resolved port when configured as 0). */
  tcpAddress(): AddressInfo
  /** Closes the vehicle's connection, if it has one. */
  disconnect(vehicleId: string): boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    broker: Broker
  }
}

/** How long a subscriber may leave its socket unread before it is dropped. */
const DRAIN_TIMEOUT_MS = 10_000

/**
 * The embedded MQTT broker: aedes over TCP and over WebSocket (`/mqtt` on the
 * HTTP server). Authentication and ACLs come from hooks/; ingest does the
 * rest. Every connection passes the packet-size guard first and gets
 * TCP_NODELAY (p99 40 ms → a few ms, BRIEF §5).
 */
export default fp(async (app) => {
  const { config, vehicles, ingest, metrics } = app
  const log = app.log.child({ module: 'broker' })
  const sessions = new WeakMap<Client, AuthenticatedVehicle>()
  const clientsByVehicle = new Map<string, Client>()

  const aedes = await Aedes.createBroker({
    // Unbounded mqemitter concurrency: with the default (100) aedes 1.2 dies
    // with a stack overflow under overload (aedes #193, BRIEF §5). Intake is
    // bounded before this point instead (ingest rate limits + back-pressure).
    concurrency: 0,
    connectTimeout: config.mqtt.connectTimeoutMs,
    drainTimeout: DRAIN_TIMEOUT_MS,
    maxTopicLevels: config.mqtt.maxTopicLevels,
    maxClientsIdLength: 64,
    authenticate: adaptAuthenticate(createAuthenticate({
      vehicles,
      isQuarantined: (key) => ingest.isQuarantined(key),
      sessions,
      onRefused: (reason) => metrics.connectionsRefused.inc({ reason }),
    })),
    authorizePublish: adaptAuthorizePublish(createAuthorizePublish({ sessions, ingest })),
    authorizeSubscribe: adaptAuthorizeSubscribe(createAuthorizeSubscribe(sessions)),
  })

  aedes.on('clientReady', (client) => {
    const v = sessions.get(client)
    if (v === undefined) return
    clientsByVehicle.set(v.id, client)
    vehicles.connectionOpened(v.key)
    log.debug({ vehicleId: v.id }, 'vehicle connected')
  })
  aedes.on('clientDisconnect', (client) => {
    const v = sessions.get(client)
    if (v === undefined) return
    if (clientsByVehicle.get(v.id) === client) clientsByVehicle.delete(v.id)
    vehicles.connectionClosed(v.key)
    log.debug({ vehicleId: v.id }, 'vehicle disconnected')
  })
  aedes.on('clientError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'client error'))
  aedes.on('connectionError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'connection error'))
  metrics.probes.connectedVehicles = () => vehicles.connectedCount()

  vehicles.events.on('credentialsInvalidated', (id) => {
    const client = clientsByVehicle.get(id)
    if (client === undefined) return
    client.close()
    log.info({ vehicleId: id }, 'vehicle disconnected: credentials invalidated')
  })

  function handle (conn: Duplex): void {
    const guarded = new PacketSizeGuard(conn, config.mqtt.maxPacketBytes, (violation) => {
      metrics.protocolViolations.inc({ reason: violation })
      log.warn({ violation, maxPacketBytes: config.mqtt.maxPacketBytes }, 'connection closed: MQTT framing violation')
    })
    aedes.handle(guarded)
  }

  const tcp: Server = createServer({ noDelay: true }, (socket) => {
    socket.setNoDelay(true)
    handle(socket)
  })
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject)
    tcp.listen(config.mqtt.port, config.mqtt.host, () => {
      tcp.off('error', reject)
      resolve()
    })
  })
  tcp.on('error', (err) => log.error({ err }, 'MQTT listener error'))

  app.get('/mqtt', { websocket: true, config: { public: true }, schema: { hide: true } as object }, (socket, req) => {
    req.socket.setNoDelay(true)
    handle(createWebSocketStream(socket))
  })

  app.decorate('broker', {
    aedes,
    tcpAddress: () => tcp.address() as AddressInfo,
    disconnect (vehicleId: string) {
      const c = clientsByVehicle.get(vehicleId)
      c?.close()
      return c !== undefined
    },
  })

  app.addHook('preClose', async () => {
    // Stop accepting first; server.close() only calls back once every
    // connection is gone, which is what aedes.close() brings about.
    const listenerClosed = new Promise<void>((resolve) => tcp.close(() => resolve()))
    await new Promise<void>((resolve) => aedes.close(() => resolve()))
    await listenerClosed
  })
}, { name: 'broker', dependencies: ['config', 'metrics', 'vehicles', 'ingest', '@fastify/websocket'] })
