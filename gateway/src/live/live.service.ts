import type { Log } from '../shared/log.js'
import { type Result, fail, ok } from '../shared/result.js'
import { type ClientQueue, createClientQueue, drain, isEmpty, queueEvent, queueSignal } from './client-queue.core.js'
import { parseLiveTopic, signalsTopic } from './topics.js'
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
  readonly subscriptions: Set<string>
  readonly queue: ClientQueue
  stalledSinceMs: number | undefined
  /** Which vehicles' events the client may receive (its principal's scope). */
  readonly scope: VehicleScope
  /** Decimal places of lat/lon per subscribed vehicle, when its region reduces them. */
  readonly positionDecimals: Map<string, number>
}

/** The vehicle an event is about, so it reaches only clients whose scope covers it. */
export interface Audience {
  readonly fleet: string
  readonly region: string
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

/** WebSocket close code for a client dropped for not reading (RFC 6455 §7.4.2: 4000–4999 are ours). */
export const CLOSE_TOO_SLOW = 4008

/**
 * Fan-out to dashboards. Publishers only touch the queues of subscribed
 * clients; one timer flushes them at `maxHz`, so a client receives at most
 * the latest value per signal per tick, and a client whose socket does not
 * drain keeps a bounded queue, then is dropped.
 */
export function createLiveHub (o: LiveHubOptions) {
  const clients = new Set<LiveClient>()
  const byTopic = new Map<string, Set<LiveClient>>()

  function flush (withSignals = true): void {
    const t = o.now()
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
      c.socket.send(JSON.stringify(drain(c.queue, withSignals)))
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

  function remove (c: LiveClient): void {
    clients.delete(c)
    for (const topic of c.subscriptions) byTopic.get(topic)?.delete(c)
  }

  return {
    add (socket: LiveSocket, scope: VehicleScope = UNRESTRICTED): LiveClient {
      const c: LiveClient = { socket, subscriptions: new Set(), queue: createClientQueue(), stalledSinceMs: undefined, scope, positionDecimals: new Map() }
      clients.add(c)
      return c
    },

    remove,

    subscribe (c: LiveClient, topic: string): Result<string, 'GW_LIVE_BAD_TOPIC'> {
      if (parseLiveTopic(topic) === undefined) return fail('GW_LIVE_BAD_TOPIC', `unknown topic ${JSON.stringify(topic)}: use alerts, vehicle/{id}/signals or vehicle/{id}/presence`)
      c.subscriptions.add(topic)
      let set = byTopic.get(topic)
      if (set === undefined) {
        set = new Set()
        byTopic.set(topic, set)
      }
      set.add(c)
      return ok(topic)
    },

    unsubscribe (c: LiveClient, topic: string): void {
      c.subscriptions.delete(topic)
      byTopic.get(topic)?.delete(c)
    },

    /** Cheap when nobody watches the vehicle: one Map lookup. */
    publishSignals (vehicleId: string, signalIds: readonly number[], tsMs: readonly number[], values: readonly number[]): void {
      const subscribers = byTopic.get(signalsTopic(vehicleId))
      if (subscribers === undefined || subscribers.size === 0) return
      for (const c of subscribers) {
        const decimals = c.positionDecimals.get(vehicleId) ?? null
        for (let i = 0; i < signalIds.length; i++) {
          const signalId = signalIds[i] as number
          queueSignal(c.queue, vehicleId, { signalId, tsMs: tsMs[i] as number, value: reducePosition(signalId, values[i] as number, decimals) })
        }
      }
    },

    /** Without an audience only unrestricted clients get the event (fail closed). */
    publishEvent (topic: string, payload: unknown, audience?: Audience): void {
      const subscribers = byTopic.get(topic)
      if (subscribers === undefined) return
      for (const c of subscribers) {
        if (!isUnrestricted(c.scope) && (audience === undefined || !inScope(c.scope, audience))) continue
        queueEvent(c.queue, { topic, payload }, o.maxQueuedEvents)
      }
      flushSoon()
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
