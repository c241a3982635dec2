import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import { connectRedis } from '../cluster/redis.js'
import type { Role } from './auth/principal.js'

const BODY_TIMEOUT = JSON.stringify({ code: 'GW_ERR_REQUEST_TIMEOUT', message: 'request body not received within HTTP_REQUEST_TIMEOUT_MS' })

/** A registered route as the access matrix test sees it. */
export interface RegisteredRoute {
  readonly method: string
  readonly url: string
  readonly public: boolean
  /** Declared roles; undefined = admin only. */
  readonly access: readonly Role[] | undefined
  readonly websocket: boolean
}

export interface HttpSecurity {
  /** Every route registered after this plugin (all of them: it is registered first). */
  routes(): readonly RegisteredRoute[]
  /**
   * Browser origin check for WebSocket upgrades (browsers do not apply CORS
   * to WebSockets, so a page on another site could otherwise open /live with
   * a token it holds): no Origin (not a browser), the gateway's own origin,
   * or one of HTTP_CORS_ORIGINS.
   */
  originAllowed(origin: string | undefined, host: string | undefined): boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    httpSecurity: HttpSecurity
  }
  interface FastifyRequest {
    /**
     * Rate-limit key for a caller authenticated without a bearer token (a
     * vehicle's Basic credentials on the OTA download). A route sets it in
     * its own preHandler, after the credentials passed; unset = per address.
     */
    rateLimitKey: string | undefined
  }
}

/**
 * HTTP hardening, registered before every route: security headers (helmet),
 * CORS limited to configured origins, a request rate limit per token (per
 * address without one), and the registry of routes the access matrix test
 * enumerates. Request size limits: bodyLimit in app.ts (1 MiB) and smaller
 * ones on the auth routes.
 */
export default fp(async (app) => {
  const { corsOrigins, rateLimitPerMin } = app.config.http
  const allowed = new Set(corsOrigins)
  const routes: RegisteredRoute[] = []

  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method]
    for (const method of methods) {
      // HEAD routes are fastify's copies of GET routes, with the same config.
      if (method === 'HEAD') continue
      const config = (r.config ?? {}) as { public?: boolean, access?: readonly Role[] }
      routes.push({ method, url: r.url, public: config.public === true, access: config.access, websocket: (r as { websocket?: boolean }).websocket === true })
    }
  })

  function originAllowed (origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true
    if (allowed.has(origin)) return true
    try {
      return host !== undefined && new URL(origin).host === host
    } catch {
      return false
    }
  }

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The dashboard talks to this origin over HTTP and WebSocket only.
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        // The gateway serves plain HTTP on loopback by default (TLS is a reverse proxy's job):
        // upgrading sub-resources to https would break the dashboard there.
        upgradeInsecureRequests: null,
      },
    },
    // Tokens travel in headers, never cookies; no referrer leaks vehicle ids to other sites.
    referrerPolicy: { policy: 'no-referrer' },
  })

  await app.register(cors, {
    // Same-origin requests need no CORS; other origins only when configured.
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  })

  app.decorateRequest('rateLimitKey', undefined)
  // Cluster: one counter per key across instances (Redis); while Redis is down each request is let through.
  const redis = app.config.cluster.redisUrl === undefined ? undefined : connectRedis(app.config.cluster.redisUrl, 'cmd', app.log.child({ module: 'rate-limit' }))
  if (redis !== undefined) app.addHook('onClose', async () => { redis.disconnect() })
  await app.register(rateLimit, {
    ...(redis === undefined ? {} : { redis, skipOnError: true, nameSpace: 'fw:rl:' }),
    global: true,
    // After authentication (onRequest), so the key is the token, not the address behind a NAT.
    hook: 'preHandler',
    max: rateLimitPerMin,
    timeWindow: 60_000,
    keyGenerator: (req) => {
      if (req.principal?.tokenId !== undefined) return `token:${req.principal.tokenId}`
      // Never a value the caller merely claims (a VIN in the query): a verified identity, or the address.
      // OTA downloads set a per-vehicle key after checking the vehicle (many vehicles share a carrier NAT address).
      return req.rateLimitKey ?? `ip:${req.ip}`
    },
    // Vehicles' MQTT over WebSocket has the broker's own connection limits.
    allowList: (req) => req.routeOptions.url === '/mqtt',
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'GW_ERR_RATE_LIMITED', message: `rate limit exceeded: ${ctx.max} requests per minute; retry in ${ctx.after}` }),
  })

  // A deadline for the whole request body. Node's own requestTimeout stops watching a request once its
  // headers are in, so a client trickling a body a byte at a time (slow loris) would hold the socket, and
  // whatever the route buffers, indefinitely. The answer is 408 and the connection is closed.
  const { requestTimeoutMs } = app.config.http
  app.addHook('onRequest', (req, reply, done) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
    if (!hasBody || req.raw.complete) return done()
    const timer = setTimeout(() => {
      if (req.raw.complete) return
      req.log.warn({ url: req.url, timeoutMs: requestTimeoutMs }, 'request body not received in time: connection closed')
      const socket = req.raw.socket
      if (!reply.raw.headersSent) socket.end(`HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${BODY_TIMEOUT.length}\r\n\r\n${BODY_TIMEOUT}`)
      socket.destroySoon()
    }, requestTimeoutMs)
    reply.raw.once('close', () => clearTimeout(timer))
    done()
  })

  app.decorate('httpSecurity', { routes: () => routes, originAllowed })
}, { name: 'http-hardening', dependencies: ['config'] })
