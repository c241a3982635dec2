import { reconnectDelayMs } from './backoff.core.js'
import { createStore } from './store.js'

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline'

/** What the gateway's /live channel sends (gateway/src/live: client-queue.core.ts OutboundMessage, plus control replies). */
export type LiveMessage =
  | { type: 'ready', role?: string }
  | { type: 'subscribed' | 'unsubscribed', topic: string }
  | { type: 'error', code: string, topic?: string, message: string }
  | { type: 'signals', vehicleId: string, values: Array<{ signalId: number, tsMs: number, value: number }> }
  | { type: 'event', topic: string, payload: unknown }
  | { type: 'gap', topic: string, dropped: number }

export type TopicHandler = (m: LiveMessage) => void

/** Close codes after which reconnecting cannot help (gateway live/index.ts: 4001 = bad token). */
const CLOSE_UNAUTHORIZED = 4001

/**
 * The tab's one WebSocket to `/live`. Views subscribe to topics through it
 * (reference-counted: two views on one topic share one subscription); after
 * a drop it reconnects with jittered exponential backoff, authenticates
 * again and re-sends every subscription, and its state store drives the
 * "live / reconnecting" badge.
 */
export function createLiveClient (url: string, tokenOf: () => string | undefined, onUnauthorized: () => void) {
  const state = createStore<LiveState>('offline')
  const handlers = new Map<string, Set<TopicHandler>>()
  let ws: WebSocket | undefined
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let wanted = false

  const send = (m: object) => { if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m)) }

  function deliver (topic: string, m: LiveMessage): void {
    for (const h of handlers.get(topic) ?? []) h(m)
  }

  function connect (): void {
    const token = tokenOf()
    if (!wanted || token === undefined) return
    state.set(attempt === 0 ? 'connecting' : 'reconnecting')
    const socket = new WebSocket(url)
    ws = socket
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'auth', token }))
      for (const topic of handlers.keys()) socket.send(JSON.stringify({ type: 'subscribe', topic }))
    }
    socket.onmessage = (e) => {
      let batch: LiveMessage[]
      try {
        batch = JSON.parse(String(e.data)) as LiveMessage[]
      } catch {
        return
      }
      for (const m of batch) {
        if (m.type === 'ready') {
          attempt = 0
          state.set('live')
        } else if (m.type === 'signals') deliver(`vehicle/${m.vehicleId}/signals`, m)
        else if (m.type === 'event' || m.type === 'gap') deliver(m.topic, m)
        else if (m.type === 'error' && m.topic !== undefined) deliver(m.topic, m)
      }
    }
    socket.onclose = (e) => {
      if (ws !== socket) return
      ws = undefined
      if (e.code === CLOSE_UNAUTHORIZED) {
        state.set('offline')
        wanted = false
        onUnauthorized()
        return
      }
      if (!wanted) return state.set('offline')
      state.set('reconnecting')
      timer = setTimeout(connect, reconnectDelayMs(attempt++, Math.random()))
    }
  }

  return {
    state,
    start (): void {
      if (wanted) return
      wanted = true
      attempt = 0
      connect()
    },
    stop (): void {
      wanted = false
      clearTimeout(timer)
      const s = ws
      ws = undefined
      s?.close(1000, 'signed out')
      state.set('offline')
    },
    /** Subscribes `handler` to `topic`; returns the unsubscribe function. */
    subscribe (topic: string, handler: TopicHandler): () => void {
      let set = handlers.get(topic)
      if (set === undefined) {
        set = new Set()
        handlers.set(topic, set)
        send({ type: 'subscribe', topic })
      }
      set.add(handler)
      return () => {
        const s = handlers.get(topic)
        s?.delete(handler)
        if (s?.size === 0) {
          handlers.delete(topic)
          send({ type: 'unsubscribe', topic })
        }
      }
    },
    /** Test and debugging hook: drops the socket as a network failure would. */
    dropForTest (): void { ws?.close(4999, 'dropped') },
  }
}

export type LiveClient = ReturnType<typeof createLiveClient>
