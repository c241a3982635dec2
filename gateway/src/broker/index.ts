import fp from 'fastify-plugin'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { Duplex } from 'node:stream'
import { Aedes, type Client } from 'aedes'
import { createWebSocketStream } from 'ws'
import type { AuthenticatedVehicle } from '../vehicles/index.js'
import { PacketSizeGuard } from './packet-size-guard.js'
import { adaptAuthenticate, adaptAuthorizePublish, adaptAuthorizeSubscribe } from './hooks/adapt.js'
import { createAuthenticate } from './hooks/authenticate.js'
import { createAuthorizePublish } from './hooks/authorize-publish.js'
import { createAuthorizeSubscribe } from './hooks/authorize-subscribe.js'
import { createConnectionLimiter } from './connection-limiter.core.js'
import { createTlsListener, remoteAddressOf } from './tls-listener.js'
import { readProxyHeader } from './proxy-v2-reader.js'
import type { PublishGate } from './hooks/authorize-publish.js'
import { vehicleTopic, type DownlinkChannel } from '@fleetwire/proto'

export interface Broker {
  readonly aedes: Aedes
  /** Where MQTT over TCP listens (the resolved port when configured as 0); throws when MQTT_TCP_ENABLED=false. */
  tcpAddress(): AddressInfo
  /** Where MQTT over TLS listens; undefined when TLS is not configured. */
  tlsAddress(): AddressInfo | undefined
  /** A downlink message to one vehicle, QoS 1, not retained; resolves once aedes has routed it. */
  publishToVehicle(vehicleId: string, channel: DownlinkChannel, payload: Uint8Array): Promise<void>
  /** Closes the vehicle's connection, if it has one. */
  disconnect(vehicleId: string): boolean
  /** Replaces the per-address connection limiter's clock (tests drive bans past their end with it). */
  useClock(now: () => number): void
}

declare module 'fastify' {
  interface FastifyInstance {
    broker: Broker
  }
}

/** Graceful shutdown: longest wait for publishes in flight to become durable and be acknowledged. */
const SHUTDOWN_FLUSH_MS = 5000
const LIMITER_SWEEP_MS = 30_000

/**
 * The embedded MQTT broker: aedes over TCP and over WebSocket (`/mqtt` on the
 * HTTP server). Authentication and ACLs come from hooks/; ingest does the
 * rest. Every connection passes the packet-size guard first and gets
 * TCP_NODELAY (Nagle/delayed ACK put p99 at ~40 ms at 10k msgs/s; with it, a few ms).
 */
export default fp(async (app) => {
  const { config, vehicles, ingest, metrics } = app
  const log = app.log.child({ module: 'broker' })
  const sessions = new WeakMap<Client, AuthenticatedVehicle>()
  const clientsByVehicle = new Map<string, Client>()
  /** Verified client-certificate CN per connection (mutual TLS only). */
  const certificates = new WeakMap<object, string>()
  const gate: PublishGate = { closing: false, inflight: 0 }
  const limiter = createConnectionLimiter(config.mqtt.connLimit)
  const clock = { now: Date.now }
  const sweep = setInterval(() => limiter.sweep(clock.now()), LIMITER_SWEEP_MS).unref()

  const aedes = await Aedes.createBroker({
    // Unbounded mqemitter concurrency: with the default (100) aedes 1.2 dies
    // with a stack overflow under overload (aedes #193, measured past ~30-50k msgs/s). Intake is
    // bounded before this point instead (ingest rate limits + back-pressure).
    concurrency: 0,
    // Cluster: downlink reaches the instance holding the vehicle through Redis, and a
    // client id connecting here closes its older session on any other instance.
    ...(app.cluster.mq === undefined ? {} : { mq: app.cluster.mq, id: app.cluster.instanceId }),
    connectTimeout: config.mqtt.connectTimeoutMs,
    // A subscriber that stops reading (e.g. a vehicle whose cmd topic we
    // publish to) is dropped after this, instead of stalling its publishers.
    drainTimeout: config.mqtt.drainTimeoutMs,
    maxTopicLevels: config.mqtt.maxTopicLevels,
    maxClientsIdLength: 64,
    authenticate: adaptAuthenticate(createAuthenticate({
      vehicles,
      certificateOf: (client) => certificates.get(client.conn),
      isQuarantined: (key) => ingest.isQuarantined(key),
      sessions,
      onRefused: (reason) => metrics.connectionsRefused.inc({ reason }),
    })),
    authorizePublish: adaptAuthorizePublish(createAuthorizePublish({ sessions, ingest, gate })),
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

  function handle (conn: Duplex, certificateCn?: string): void {
    const guarded = new PacketSizeGuard(conn, config.mqtt.maxPacketBytes, (violation) => {
      metrics.protocolViolations.inc({ reason: violation })
      if (violation === 'keepalive_timeout') log.debug('connection closed: keep-alive expired')
      else log.warn({ violation, maxPacketBytes: config.mqtt.maxPacketBytes }, 'connection closed: MQTT framing violation')
    })
    if (certificateCn !== undefined) certificates.set(guarded, certificateCn)
    aedes.handle(guarded)
  }

  /**
   * Per-address connection rate, checked before any MQTT byte is read (or TLS
   * handshake done). Behind HAProxy the address is the vehicle's, from the
   * PROXY header: the balancer's own would put the whole fleet in one bucket.
   */
  function admitted (socket: Socket, address = remoteAddressOf(socket)): boolean {
    const a = limiter.admit(address, clock.now())
    if (a.ok) return true
    metrics.connectionsRefused.inc({ reason: a.reason === 'banned' ? 'GW_MQTT_ADDRESS_BANNED' : 'GW_MQTT_CONNECTION_RATE' })
    if (a.reason === 'rate_limited') log.warn({ address, untilMs: a.untilMs }, 'address connects too often: refused for a while')
    socket.destroy()
    return false
  }

  /** With PROXY_PROTOCOL every MQTT connection starts with HAProxy's header; one without it is refused. */
  async function proxiedAddress (socket: Socket): Promise<string | undefined> {
    if (!config.cluster.proxyProtocol) return remoteAddressOf(socket)
    const r = await readProxyHeader(socket)
    if (r.ok) return r.address
    metrics.connectionsRefused.inc({ reason: 'GW_MQTT_PROXY_HEADER' })
    log.warn({ peer: remoteAddressOf(socket), reason: r.reason }, 'connection refused: PROXY protocol header expected')
    socket.destroy()
    return undefined
  }

  // MQTT_TCP_ENABLED=false (TLS configured): no plain listener, so no vehicle secret crosses the network in clear.
  const tcp: Server | undefined = config.mqtt.tcpEnabled
    ? createServer({ noDelay: true }, (socket) => {
      socket.setNoDelay(true)
      void proxiedAddress(socket).then((address) => {
        if (address === undefined || !admitted(socket, address)) return
        handle(socket)
      })
    })
    : undefined
  if (tcp !== undefined) await listen(tcp, config.mqtt.port, config.mqtt.host, log)

  const tlsConfig = config.mqtt.tls
  const tls = tlsConfig === undefined
    ? undefined
    : await createTlsListener(tlsConfig, (socket, cn) => {
      socket.setNoDelay(true)
      handle(socket, cn)
    }, (socket, reason) => {
      metrics.connectionsRefused.inc({ reason: 'GW_AUTH_BAD_CERTIFICATE' })
      log.warn({ address: remoteAddressOf(socket), reason }, 'TLS client refused')
      socket.destroy()
    })
  let tlsFront: Server | undefined
  if (tls !== undefined && tlsConfig !== undefined) {
    // 'connection' is the raw TCP socket, before the (costly) handshake.
    tls.on('tlsClientError', (err) => log.debug({ err: err.message }, 'TLS handshake failed'))
    if (config.cluster.proxyProtocol) {
      // TLS passthrough behind HAProxy: the PROXY header precedes the ClientHello, so a
      // plain TCP listener reads it and hands the rest of the stream to the TLS server.
      const front = createServer({ noDelay: true }, (socket) => {
        void proxiedAddress(socket).then((address) => {
          if (address === undefined || !admitted(socket, address)) return
          tls.emit('connection', Duplex.from({ readable: socket, writable: socket }))
        })
      })
      await listen(front, tlsConfig.port, config.mqtt.host, log)
      tlsFront = front
    } else {
      tls.on('connection', (socket: Socket) => { admitted(socket) })
      await listen(tls, tlsConfig.port, config.mqtt.host, log)
    }
  }

  app.get('/mqtt', { websocket: true, config: { public: true }, schema: { hide: true } as object }, (socket, req) => {
    // req.ip: the vehicle's address from X-Forwarded-For when the request came through a trusted proxy (TRUST_PROXY).
    if (!admitted(req.socket, req.ip)) return
    req.socket.setNoDelay(true)
    handle(createWebSocketStream(socket))
  })

  app.decorate('broker', {
    aedes,
    tcpAddress: () => {
      if (tcp === undefined) throw new Error('plain MQTT over TCP is turned off (MQTT_TCP_ENABLED=false)')
      return tcp.address() as AddressInfo
    },
    tlsAddress: () => (tlsFront ?? tls)?.address() as AddressInfo | undefined,
    publishToVehicle: (vehicleId, channel, payload) => new Promise<void>((resolve, reject) => {
      aedes.publish({ cmd: 'publish', topic: vehicleTopic(vehicleId, channel), payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), qos: 1, retain: false, dup: false }, (err) => err ? reject(err) : resolve())
    }),
    disconnect (vehicleId: string) {
      const c = clientsByVehicle.get(vehicleId)
      c?.close()
      return c !== undefined
    },
    useClock: (now) => { clock.now = now },
  })

  // Graceful shutdown, bounded: stop accepting connections and publishes
  // (a refused publish is unacknowledged, so its vehicle resends it), let
  // the publishes in flight become durable and be acknowledged, then close
  // every connection. Ingest flushes in its onClose, after this.
  app.addHook('preClose', async () => {
    gate.closing = true
    clearInterval(sweep)
    // server.close() only calls back once every connection is gone, which is what aedes.close() brings about.
    const listenersClosed = Promise.all([tcp, tlsFront ?? tls].map((srv) => srv === undefined ? undefined : new Promise<void>((resolve) => srv.close(() => resolve()))))
    const deadline = Date.now() + SHUTDOWN_FLUSH_MS
    while (gate.inflight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
    if (gate.inflight > 0) log.warn({ inflight: gate.inflight }, 'closing with publishes still in flight (unacknowledged: vehicles resend them)')
    await new Promise<void>((resolve) => aedes.close(() => resolve()))
    await listenersClosed
  })
}, { name: 'broker', dependencies: ['config', 'metrics', 'cluster', 'vehicles', 'ingest', '@fastify/websocket'] })

function listen (srv: Server, port: number, host: string, log: { error(o: object, msg: string): void }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(port, host, () => {
      srv.off('error', reject)
      srv.on('error', (err) => log.error({ err }, 'MQTT listener error'))
      resolve()
    })
  })
}
