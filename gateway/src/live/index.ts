import fp from 'fastify-plugin'
import type { WebSocket } from 'ws'
import { createLiveHub, type LiveHub } from './live.service.js'
import { parseLiveTopic } from './topics.js'
import { type Principal, inScope, isUnrestricted, scopeOf, scopeOfRequest } from '../api/auth/index.js'
import { policyFor } from '../privacy/policy.core.js'
import { createOtaCampaignsRepository } from '../storage/ota-campaigns.repository.js'

export type { Audience, LiveHub } from './live.service.js'
export { ALERTS_TOPIC, FLEET_SUMMARY_TOPIC, campaignTopic, presenceTopic, signalsTopic } from './topics.js'

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub
  }
}

const AUTH_TIMEOUT_MS = 5000
const MAX_HZ = 10
/** Messages received but not yet handled, per connection; beyond it the connection is closed. */
const MAX_PENDING_MESSAGES = 64
/** WebSocket close code for a client flooding the channel (RFC 6455 §7.4.2: 4000–4999 are ours). */
const CLOSE_TOO_MANY_MESSAGES = 4009

type Inbound = { type: 'auth', token: string } | { type: 'subscribe' | 'unsubscribe', topic: string }

function parseInbound (data: string): Inbound | undefined {
  try {
    const m = JSON.parse(data) as Partial<{ type: string, token: unknown, topic: unknown }>
    if (m.type === 'auth' && typeof m.token === 'string') return { type: 'auth', token: m.token }
    if ((m.type === 'subscribe' || m.type === 'unsubscribe') && typeof m.topic === 'string') return { type: m.type, topic: m.topic }
  } catch {
    // not JSON: answered below like any other unknown message
  }
  return undefined
}

/**
 * The dashboards' live channel: one WebSocket per browser tab at `/live`.
 * The first message authenticates (`{"type":"auth","token":…}`: browsers
 * cannot set headers on a WebSocket, and a token in the URL would end up in
 * logs); then `subscribe` / `unsubscribe` to topics (live/topics.ts).
 */
export default fp(async (app) => {
  const log = app.log.child({ module: 'live' })
  const { maxSubscriptions } = app.config.live
  const campaigns = createOtaCampaignsRepository(app.storage.pool)
  const hub = createLiveHub({ maxHz: MAX_HZ, maxQueuedEvents: 1000, maxBufferedBytes: 1 << 20, stallTimeoutMs: 10_000, log, now: Date.now })
  app.decorate('live', hub)
  // A tenant, user or token changed (here or, clustered, anywhere): open connections follow at once.
  app.auth.onScopesChanged(() => { void hub.recheckAll() })

  /**
   * A vehicle topic is granted when the caller's scope covers the vehicle;
   * otherwise the answer is the same as for a vehicle that does not exist.
   */
  async function grant (principal: Principal, topic: string): Promise<{ ok: true, decimals: number | null, vehicleId: string | null } | { ok: false, what: string }> {
    const t = parseLiveTopic(topic)
    // A campaign's progress only for a campaign the caller may see (as GET /ota/campaigns/:id).
    if (t?.kind === 'campaign') {
      return await campaigns.get(t.campaignId, scopeOfRequest(principal)) === undefined ? { ok: false, what: 'campaign' } : { ok: true, decimals: null, vehicleId: null }
    }
    // Topics not about one vehicle are filtered per event by the hub (alerts, summaries per scope group).
    if (t === undefined || (t.kind !== 'signals' && t.kind !== 'presence')) return { ok: true, decimals: null, vehicleId: null }
    const v = await app.vehicles.get(t.vehicleId)
    const scope = scopeOf(principal)
    if (v === undefined) return isUnrestricted(scope) ? { ok: true, decimals: null, vehicleId: t.vehicleId } : { ok: false, what: 'vehicle' }
    if (!inScope(scope, v)) return { ok: false, what: 'vehicle' }
    return { ok: true, decimals: policyFor(app.config.dataPolicy, v.region, v.country).positionDecimals, vehicleId: v.id }
  }

  app.get('/live', {
    websocket: true,
    config: { public: true },
    schema: { hide: true } as object,
    // Browsers send Origin on WebSocket upgrades but apply no CORS to them: refuse other sites' pages here.
    preValidation: async (req, reply) => {
      if (!app.httpSecurity.originAllowed(req.headers.origin, req.headers.host)) {
        log.warn({ origin: req.headers.origin }, 'live connection refused: origin not allowed')
        return reply.code(403).send({ code: 'GW_LIVE_ORIGIN_REFUSED', message: 'this origin may not open the live channel (HTTP_CORS_ORIGINS)' })
      }
    },
  }, (socket: WebSocket) => {
    const reply = (m: object) => { if (socket.readyState === socket.OPEN) socket.send(JSON.stringify([m])) }
    let client: ReturnType<LiveHub['add']> | undefined
    let principal: Principal | undefined
    let recheck: NodeJS.Timeout | undefined
    let authAttempted = false
    let closed = false
    const authTimer = setTimeout(() => socket.close(4001, 'authenticate first'), AUTH_TIMEOUT_MS)

    /**
     * The periodic re-check: a revoked or expired token (logout, admin revoke,
     * role change) ends the connection; a narrowed scope (a tenant lost a
     * fleet, a role change) re-filters events and drops the subscriptions that
     * left it, telling the client which.
     */
    async function recheckScope (token: string): Promise<void> {
      if (closed) return
      const still = await app.auth.verify(token)
      if (closed || client === undefined) return
      if (still === undefined) return socket.close(4001, 'token revoked or expired')
      principal = still
      hub.rescope(client, scopeOf(still))
      const dropped: string[] = []
      for (const topic of [...client.subscriptions]) {
        if ((await grant(still, topic)).ok) continue
        hub.unsubscribe(client, topic)
        dropped.push(topic)
      }
      if (dropped.length > 0) {
        log.info({ dropped: dropped.length }, 'live subscriptions dropped: out of scope')
        reply({ type: 'dropped', topics: dropped, code: 'GW_LIVE_OUT_OF_SCOPE', message: 'no longer in your scope' })
      }
    }

    const handle = async (m: Inbound | undefined): Promise<void> => {
      if (closed) return // queued behind a message that closed the socket: nothing to do
      if (m === undefined) return reply({ type: 'error', code: 'GW_LIVE_BAD_MESSAGE', message: 'expected {"type":"auth"|"subscribe"|"unsubscribe", …}' })
      if (client === undefined || principal === undefined) {
        if (m.type !== 'auth') return reply({ type: 'error', code: 'GW_LIVE_UNAUTHENTICATED', message: 'send {"type":"auth","token":…} first' })
        const p = await app.auth.verify(m.token)
        if (closed) return
        if (p === undefined) return socket.close(4001, 'invalid token')
        principal = p
        const token = m.token
        // In line with the client's messages: a subscribe is granted either before the re-check (and
        // re-judged by it) or after it (under the new scope), never on a scope the re-check just replaced.
        const recheckInLine = async (): Promise<void> => {
          const run = queue.then(async () => recheckScope(token))
          queue = run.catch((err: unknown) => log.warn({ err }, 'live token re-check failed'))
          return queue
        }
        client = hub.add(socket, scopeOf(p), recheckInLine)
        recheck = setInterval(() => { void recheckInLine() }, app.config.auth.liveRecheckMs)
        recheck.unref()
        return reply({ type: 'ready', role: p.role })
      }
      if (m.type === 'auth') return reply({ type: 'error', code: 'GW_LIVE_ALREADY_AUTHENTICATED', message: 'this connection is already authenticated' })
      if (m.type === 'subscribe') {
        if (!client.subscriptions.has(m.topic) && client.subscriptions.size >= maxSubscriptions) {
          return reply({ type: 'error', code: 'GW_LIVE_TOO_MANY_SUBSCRIPTIONS', topic: m.topic, message: `at most ${maxSubscriptions} subscriptions per connection (LIVE_MAX_SUBSCRIPTIONS)` })
        }
        const g = await grant(principal, m.topic)
        if (!g.ok) return reply({ type: 'error', code: 'GW_LIVE_NOT_FOUND', topic: m.topic, message: `no such ${g.what} for topic ${JSON.stringify(m.topic)}` })
        const r = hub.subscribe(client, m.topic)
        if (r.ok && g.vehicleId !== null && g.decimals !== null) client.positionDecimals.set(g.vehicleId, g.decimals)
        reply(r.ok ? { type: 'subscribed', topic: m.topic } : { type: 'error', code: r.error.code, topic: m.topic, message: r.error.detail })
      } else if (m.type === 'unsubscribe') {
        hub.unsubscribe(client, m.topic)
        reply({ type: 'unsubscribed', topic: m.topic })
      }
    }
    // Messages are handled one at a time in arrival order: a subscription sent
    // right behind the auth message waits for the verdict, an unsubscribe for
    // the subscribe. The queue is bounded: a client that sends faster than its
    // messages can be handled is disconnected instead of growing it.
    let queue: Promise<void> = Promise.resolve()
    let pending = 0
    socket.on('message', (raw) => {
      const m = parseInbound(String(raw))
      // One log-in attempt per connection: each costs a token hash and a query.
      if (m?.type === 'auth' && client === undefined) {
        if (authAttempted) return socket.close(4001, 'one authentication attempt per connection')
        authAttempted = true
        // The deadline is for sending the token, not for our verifying it (slow under load).
        clearTimeout(authTimer)
      }
      if (++pending > MAX_PENDING_MESSAGES) {
        log.warn({ pending }, 'live client dropped: too many unhandled messages')
        return socket.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages')
      }
      queue = queue.then(() => handle(m)).catch((err: unknown) => {
        log.error({ err }, 'live message handling failed')
        reply({ type: 'error', code: 'GW_ERR_INTERNAL', message: 'internal error' })
      }).finally(() => { pending-- })
    })
    socket.on('close', () => {
      closed = true
      clearTimeout(authTimer)
      clearInterval(recheck)
      if (client !== undefined) hub.remove(client)
    })
  })

  app.addHook('preClose', async () => hub.close())
}, { name: 'live', dependencies: ['storage', 'auth', 'http-hardening', '@fastify/websocket'] })
