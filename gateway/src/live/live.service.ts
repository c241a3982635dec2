import type { Log } from '../common/log.js'
import { type Result, fail, ok } from '../common/result.js'
import { type ClientQueue, type FragmentCache, type SignalValue, createClientQueue, drain, drainToJson, isEmpty, queueEvent, queueSignal } from './client-queue.core.js'
import { TOPIC_NAMES, parseLiveTopic, signalsTopic } from './topics.js'
import { reducePosition } from '../privacy/policy.core.js'
import { type VehicleScope, UNRESTRICTED, inScope, isUnrestricted } from '../api/auth/principal.js'

/** The bits of a WebSocket the hub needs (kept small so tests and other transports fit). */
export interface LiveSocket {
  send(text: string): void
  readonly bufferedAmount: number
  close(code: number, reason: string): void
}

export interface LiveClient {
  readonly socket: LiveSocket
  /** Which vehicles' data this client may receive (from its principal; replaced by rescope). */
  scope: VehicleScope
  /** Groups clients with the same scope (per-scope topics such as fleet/summary are computed once per group). */
  scopeKey: string
  /** Decimal places of lat/lon per subscribed vehicle, when its region reduces them. */
  readonly positionDecimals: Map<string, number>
  readonly subscriptions: Set<string>
  readonly queue: ClientQueue
  stalledSinceMs: number | undefined
  /** Re-verifies the client's token and scope now (set by the transport that authenticated it). */
  readonly recheck: (() => Promise<void>) | undefined
}

export interface LiveHubOptions {
  /** Flushes per second: the most messages a client gets per second per topic. */
  maxHz: number
  maxQueuedEvents: number
  /** Socket send buffer above which a client counts as not keeping up. */
  maxBufferedBytes: number
  /** A client not keeping up for this long is disconnected. */
  stallTimeoutMs: number
  log: Log
  now: () => number
}

/**
 * Who an event is for, beyond the topic's subscribers: the vehicle it is about
 * (clients whose scope excludes it get nothing), or one scope group. Without
 * an audience only unrestricted subscribers get it (fail closed).
 */
export type Audience = { vehicle: { readonly fleet: string, readonly region: string } } | { scopeKey: string }

/**
 * Another instance's view of what is published here (cluster): every signal
 * batch and event goes to the relay too, whether or not a client here watches.
 */
export interface LiveRelay {
  signals(vehicleId: string, signalIds: readonly number[], tsMs: readonly number[], values: readonly number[]): void
  event(topic: string, payload: unknown, audience: Audience | undefined): void
}

export const scopeKeyOf = (s: VehicleScope): string =>
  JSON.stringify([s.fleets === null ? null : [...s.fleets].sort(), s.regions === null ? null : [...s.regions].sort()])

/** WebSocket close code for a client dropped for not reading (RFC 6455 §7.4.2: 4000–4999 are ours). */
export const CLOSE_TOO_SLOW = 4008

/** Token re-checks run at once at most (each is a database query): a change must not stampede the pool. */
const RECHECK_CONCURRENCY = 16

/**
 * Fan-out to dashboards. Publishers only touch the queues of subscribed
 * clients; one timer flushes them at `maxHz`, so a client receives at most
 * the latest value per signal per tick, and a client whose socket does not
 * drain keeps a bounded queue, then is dropped.
 */
export function createLiveHub (o: LiveHubOptions) {
  const clients = new Set<LiveClient>()
  const byTopic = new Map<string, Set<LiveClient>>()
  let relay: LiveRelay | undefined

  function flush (withSignals = true): void {
    const t = o.now()
    const fragments: FragmentCache = new Map()
    for (const c of clients) {
      if (isEmpty(c.queue, withSignals)) continue
      if (c.socket.bufferedAmount > o.maxBufferedBytes) {
        c.stalledSinceMs ??= t
        if (t - c.stalledSinceMs > o.stallTimeoutMs) {
          o.log.warn({ bufferedAmount: c.socket.bufferedAmount }, 'live client dropped: not reading')
          c.socket.close(CLOSE_TOO_SLOW, 'too slow')
          remove(c)
        }
        continue
      }
      c.stalledSinceMs = undefined
      c.socket.send(withSignals ? drainToJson(c.queue, fragments) : JSON.stringify(drain(c.queue, false)))
    }
  }
  const timer = setInterval(() => flush(), Math.max(1, Math.round(1000 / o.maxHz)))
  timer.unref()
  // Events (an alert opened) are not coalesced and should not wait for the
  // next tick: they go out at the end of this turn of the event loop,
  // together with whatever else is queued by then.
  let eventFlush: NodeJS.Immediate | undefined
  const flushSoon = (): void => {
    eventFlush ??= setImmediate(() => {
      eventFlush = undefined
      flush(false)
    })
  }

  function leave (c: LiveClient, topic: string): void {
    const set = byTopic.get(topic)
    set?.delete(c)
    if (set?.size === 0) byTopic.delete(topic)
  }

  function remove (c: LiveClient): void {
    clients.delete(c)
    for (const topic of c.subscriptions) leave(c, topic)
  }

  /** This instance's clients only (what publish* does after relaying, and what the relay receives). */
  function deliverSignals (vehicleId: string, signalIds: readonly number[], tsMs: readonly number[], values: readonly number[]): void {
    const subscribers = byTopic.get(signalsTopic(vehicleId))
    if (subscribers === undefined || subscribers.size === 0) return
    // One object per value, shared by every subscriber's queue: the flush serializes it once (drainToJson).
    const shared: SignalValue[] = new Array(signalIds.length)
    for (let i = 0; i < signalIds.length; i++) shared[i] = { signalId: signalIds[i] as number, tsMs: tsMs[i] as number, value: values[i] as number }
    for (const c of subscribers) {
      const decimals = c.positionDecimals.get(vehicleId)
      if (decimals === undefined) {
        for (const v of shared) queueSignal(c.queue, vehicleId, v)
      } else {
        // A region that reduces position precision: this client gets its own, rounded copies.
        for (const v of shared) queueSignal(c.queue, vehicleId, { ...v, value: reducePosition(v.signalId, v.value, decimals) })
      }
    }
  }

  function deliverEvent (topic: string, payload: unknown, audience?: Audience): void {
    const subscribers = byTopic.get(topic)
    if (subscribers === undefined) return
    for (const c of subscribers) {
      if (audience === undefined ? !isUnrestricted(c.scope) : 'scopeKey' in audience ? c.scopeKey !== audience.scopeKey : !inScope(c.scope, audience.vehicle)) continue
      queueEvent(c.queue, { topic, payload }, o.maxQueuedEvents)
    }
    flushSoon()
  }

  // Changes that arrive while a round of re-checks runs are folded into one more round after it.
  let rechecking: Promise<void> | undefined
  let recheckAgain = false
  async function recheckRounds (): Promise<void> {
    do {
      recheckAgain = false
      const due: Array<() => Promise<void>> = []
      for (const c of clients) if (c.recheck !== undefined) due.push(c.recheck)
      for (let i = 0; i < due.length; i += RECHECK_CONCURRENCY) {
        await Promise.all(due.slice(i, i + RECHECK_CONCURRENCY).map(async (r) => r().catch((err: unknown) => o.log.warn({ err }, 'live token re-check failed'))))
      }
    } while (recheckAgain)
  }

  return {
    add (socket: LiveSocket, scope: VehicleScope = UNRESTRICTED, recheck?: () => Promise<void>): LiveClient {
      const c: LiveClient = { socket, scope, scopeKey: scopeKeyOf(scope), subscriptions: new Set(), queue: createClientQueue(), stalledSinceMs: undefined, positionDecimals: new Map(), recheck }
      clients.add(c)
      return c
    },

    remove,

    subscribe (c: LiveClient, topic: string): Result<string, 'GW_LIVE_BAD_TOPIC'> {
      if (parseLiveTopic(topic) === undefined) return fail('GW_LIVE_BAD_TOPIC', `unknown topic ${JSON.stringify(topic)}: use ${TOPIC_NAMES.join(', ')}`)
      c.subscriptions.add(topic)
      let set = byTopic.get(topic)
      if (set === undefined) {
        set = new Set()
        byTopic.set(topic, set)
      }
      set.add(c)
      return ok(topic)
    },

    /**
     * Tenants, users or tokens changed (here or on another instance): every
     * client re-checks its token and scope now rather than at its next
     * periodic re-check. Resolves when the round covering this call is done.
     */
    recheckAll (): Promise<void> {
      if (rechecking !== undefined) {
        recheckAgain = true
        return rechecking
      }
      rechecking = recheckRounds().finally(() => { rechecking = undefined })
      return rechecking
    },

    /** The principal's scope changed (a tenant lost a fleet): later events are filtered by the new one. */
    rescope (c: LiveClient, scope: VehicleScope): void {
      c.scope = scope
      c.scopeKey = scopeKeyOf(scope)
    },

    unsubscribe (c: LiveClient, topic: string): void {
      c.subscriptions.delete(topic)
      leave(c, topic)
    },

    /** Cluster: what is published here also goes to `r` (cluster/live-relay.ts); what it receives comes in through deliver*. */
    setRelay (r: LiveRelay | undefined): void {
      relay = r
    },

    /** Vehicles whose signals a client here watches (cluster: other instances relay only these). */
    watchedVehicles (): string[] {
      const out: string[] = []
      for (const [topic, set] of byTopic) {
        const t = set.size > 0 ? parseLiveTopic(topic) : undefined
        if (t?.kind === 'signals') out.push(t.vehicleId)
      }
      return out
    },

    /** Cheap when nobody watches the vehicle: one Map lookup. */
    publishSignals (vehicleId: string, signalIds: readonly number[], tsMs: readonly number[], values: readonly number[]): void {
      relay?.signals(vehicleId, signalIds, tsMs, values)
      deliverSignals(vehicleId, signalIds, tsMs, values)
    },

    publishEvent (topic: string, payload: unknown, audience?: Audience): void {
      relay?.event(topic, payload, audience)
      deliverEvent(topic, payload, audience)
    },

    deliverSignals,
    deliverEvent,

    /** The distinct scopes among a topic's subscribers (to compute a per-scope event once per group). */
    subscriberScopes (topic: string): Array<{ scopeKey: string, scope: VehicleScope }> {
      const groups = new Map<string, VehicleScope>()
      for (const c of byTopic.get(topic) ?? []) groups.set(c.scopeKey, c.scope)
      return [...groups].map(([scopeKey, scope]) => ({ scopeKey, scope }))
    },

    clientCount: (): number => clients.size,
    flush,

    close (): void {
      clearInterval(timer)
      if (eventFlush !== undefined) clearImmediate(eventFlush)
      for (const c of clients) c.socket.close(1001, 'server shutting down')
      clients.clear()
      byTopic.clear()
    },
  }
}

export type LiveHub = ReturnType<typeof createLiveHub>
