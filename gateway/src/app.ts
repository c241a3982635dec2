import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import websocket from '@fastify/websocket'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config/load.js'
import configPlugin from './config/plugin.js'
import metrics from './observability/metrics.plugin.js'
import storage from './storage/index.js'
import auth from './api/auth/index.js'
import systemRoutes from './api/system.routes.js'
import vehicles from './vehicles/index.js'
import ingest from './ingest/index.js'
import broker from './broker/index.js'
import live from './live/index.js'
import notify from './notify/index.js'
import alerts from './alerts/index.js'
import rules from './rules/index.js'
import models from './models/index.js'
import diagnostics from './diagnostics/index.js'
import dashboard from './dashboard/index.js'
import hardening from './api/hardening.plugin.js'
import audit from './audit/index.js'
import privacy from './privacy/index.js'
import ota from './ota/index.js'
import serviceNetwork from './service-network/index.js'
import parts from './parts/index.js'
import workOrders from './work-orders/index.js'
import incidents from './incidents/index.js'
import cluster from './cluster/index.js'
import clusterWiring from './cluster/wiring.js'

/**
 * How long a SIGTERM waits for app.close() before the process exits anyway:
 * whatever close() has not written by then (disconnects, ingest batches) is lost.
 */
export const SHUTDOWN_GRACE_MS = 10_000

export interface BuildOptions {
  config: Config
  logger: FastifyServerOptions['loggerInstance']
}

/** Registers the capabilities in dependency order; server.ts (or a test) listens. */
export async function buildApp ({ config, logger }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1 << 20,
    // Explicit limits against slow clients (fastify leaves both at 0, "never"): headers must arrive within
    // requestTimeout (Node answers 408; the body has the same deadline in api/hardening.plugin.ts), and a socket
    // idle for connectionTimeout is closed. Upgraded WebSockets (/live, /mqtt) are not affected by either; they
    // have their own keep-alive and stall checks.
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.connectionTimeoutMs,
    // Node checks requestTimeout on this period (default 30 s, which would let a slow body live that long past it).
    http: { connectionsCheckingInterval: Math.min(1000, config.http.requestTimeoutMs) },
    // Fail fast on graceful shutdown instead of waiting for keep-alive sockets.
    forceCloseConnections: true,
    // The embedded PostgreSQL's first initdb can take a while on a busy machine.
    pluginTimeout: 120_000,
    // Behind HAProxy: req.ip (rate limits, log-in throttle, MQTT over WebSocket limits) is the client's, from X-Forwarded-For of these proxies only.
    trustProxy: config.cluster.trustProxy.length > 0 ? [...config.cluster.trustProxy] : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()
  // Sockets past this count are closed by Node as they are accepted (every HTTP connection, WebSockets included).
  app.server.maxConnections = config.http.maxConnections

  // One error shape for every route; internals never leave the process.
  app.setErrorHandler((err: Error & { statusCode?: number, code?: string, validation?: unknown }, req, reply) => {
    const status = err.statusCode ?? 500
    if (status >= 500) {
      req.log.error({ err }, 'request failed')
      return reply.code(status).send({ code: err.code ?? 'GW_ERR_INTERNAL', message: 'internal error' })
    }
    return reply.code(status).send({ code: err.validation !== undefined ? 'GW_ERR_INVALID_INPUT' : (err.code ?? 'GW_ERR_REQUEST'), message: err.message })
  })

  await app.register(configPlugin, { config })
  // The API docs are public by their routes' config (the auth hook reads only that), set while
  // swagger-ui registers them; added before the hardening plugin's route registry reads it.
  let registeringDocs = false
  app.addHook('onRoute', (r) => { if (registeringDocs) r.config = { ...r.config, public: true } })
  await app.register(hardening)
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fleetwire gateway API', version: '0.1.0', description: 'Remote vehicle diagnostics and OTA gateway. Authenticate with `Authorization: Bearer <token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  })
  registeringDocs = true
  await app.register(swaggerUi, { routePrefix: '/docs' })
  registeringDocs = false
  // Serves both MQTT over WebSocket (broker) and the dashboards' live channel.
  await app.register(websocket, { options: { maxPayload: config.mqtt.maxPacketBytes + 16 } })
  await app.register(metrics)
  await app.register(storage)
  await app.register(cluster)
  await app.register(auth)
  await app.register(audit)
  await app.register(systemRoutes)
  await app.register(live)
  await app.register(vehicles)
  await app.register(notify)
  await app.register(alerts)
  await app.register(models)
  await app.register(rules)
  await app.register(diagnostics)
  await app.register(privacy)
  await app.register(ota)
  await app.register(serviceNetwork)
  await app.register(parts)
  await app.register(workOrders)
  await app.register(incidents)
  await app.register(ingest)
  await app.register(broker)
  await app.register(dashboard)
  // Cross-instance hooks (cache invalidation, forwarded responses, live fan-out): after everything they hook into.
  await app.register(clusterWiring)
  return app
}
