import fp from 'fastify-plugin'
import type { WebSocket } from 'ws'
import { createLiveHub, type LiveHub } from './live.service.js'
import { parseLiveTopic } from './topics.js'
import { inScope, scopeOf, type Principal } from '../api/auth/index.js'

export type { Audience, LiveHub } from './live.service.js'
export { ALERTS_TOPIC, FLEET_SUMMARY_TOPIC, campaignTopic, presenceTopic, signalsTopic } from './topics.js'

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub
  }
}

const AUTH_TIMEOUT_MS = 5000
const MAX_HZ = 10

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
  const hub = createLiveHub({ maxHz: MAX_HZ, maxQueuedEvents: 1000, maxBufferedBytes: 1 << 20, stallTimeoutMs: 10_000, log, now: Date.now })
  app.decorate('live', hub)

  app.get('/live', { websocket: true, config: { public: true }, schema: { hide: true } as object }, (socket: WebSocket) => {
    const reply = (m: object) => socket.send(JSON.stringify([m]))
    let client: ReturnType<LiveHub['add']> | undefined
    let principal: Principal | undefined
    const authTimer = setTimeout(() => socket.close(4001, 'authenticate first'), AUTH_TIMEOUT_MS)
    // A client may send its subscriptions right behind the auth message: they wait for the verdict.
    let authenticating: Promise<void> | undefined
    const handle = (m: Inbound | undefined): void => {
      if (m === undefined) return reply({ type: 'error', code: 'GW_LIVE_BAD_MESSAGE', message: 'expected {"type":"auth"|"subscribe"|"unsubscribe", …}' })
      if (client === undefined) {
        if (m.type !== 'auth') return reply({ type: 'error', code: 'GW_LIVE_UNAUTHENTICATED', message: 'send {"type":"auth","token":…} first' })
        authenticating = app.auth.verify(m.token).then((p) => {
          clearTimeout(authTimer)
          authenticating = undefined
          if (p === undefined) return socket.close(4001, 'invalid token')
          principal = p
          client = hub.add(socket, scopeOf(p))
          reply({ type: 'ready', role: p.role })
        })
        return
      }
      if (m.type === 'subscribe') {
        const c = client
        const subscribe = () => {
          const r = hub.subscribe(c, m.topic)
          reply(r.ok ? { type: 'subscribed', topic: m.topic } : { type: 'error', code: r.error.code, topic: m.topic, message: r.error.detail })
        }
        // A vehicle outside the caller's scope does not exist for them (as on the REST API: 404, not 403).
        const t = parseLiveTopic(m.topic)
        if (principal === undefined || (t?.kind !== 'signals' && t?.kind !== 'presence') || (principal.fleets === null && principal.regions === null)) return subscribe()
        const scope = scopeOf(principal)
        const vehicleId = t.vehicleId
        authenticating = app.vehicles.get(vehicleId).then((v) => {
          authenticating = undefined
          if (v !== undefined && inScope(scope, v)) return subscribe()
          reply({ type: 'error', code: 'GW_VEHICLE_NOT_FOUND', topic: m.topic, message: `vehicle ${vehicleId} not found` })
        }, (err: unknown) => {
          authenticating = undefined
          log.error({ err }, 'live subscribe: vehicle lookup failed')
          reply({ type: 'error', code: 'GW_ERR_INTERNAL', topic: m.topic, message: 'internal error' })
        })
      } else if (m.type === 'unsubscribe') {
        hub.unsubscribe(client, m.topic)
        reply({ type: 'unsubscribed', topic: m.topic })
      }
    }
    socket.on('message', (raw) => {
      const m = parseInbound(String(raw))
      if (authenticating === undefined) handle(m)
      else authenticating = authenticating.then(() => handle(m))
    })
    socket.on('close', () => {
      clearTimeout(authTimer)
      if (client !== undefined) hub.remove(client)
    })
  })

  app.addHook('preClose', async () => hub.close())
  // app.vehicles (scope checks) is used only once the app is running: vehicles registers after live.
}, { name: 'live', dependencies: ['auth', '@fastify/websocket'] })
