import mqemitter from 'mqemitter'
import type { MQEmitter, Message } from 'mqemitter'
import { routeOf } from './topic-route.core.js'

type Listener = (message: Message, done: () => void) => void

export interface RouteEmitterStats {
  /** Downlink messages sent through Redis (no local subscriber). */
  remoteEmitted: number
  /** Downlink messages that could not go through Redis (down): lost like a publish to an offline vehicle. */
  remoteDropped: number
}

/**
 * aedes' message bus (its `mq` option) for a cluster: an in-process
 * mqemitter for this instance, plus mqemitter-redis (aedes' own cluster
 * emitter) for what must cross instances — see topic-route.core.ts.
 *
 * Subscriptions to downlink topics register on both, so a message published
 * here for a vehicle connected here never touches Redis, and one published
 * elsewhere arrives through Redis. Registration on Redis is not awaited: a
 * vehicle's SUBACK must not wait for Redis (while it is down, ioredis
 * re-subscribes on reconnect).
 */
export function createRouteEmitter (remote: MQEmitter, onError: (err: Error) => void): MQEmitter & { stats: RouteEmitterStats } {
  const local = mqemitter({ concurrency: 0, matchEmptyLevels: true })
  /** Downlink topics (exact: vehicles may not subscribe with wildcards) with a subscriber here. */
  const localDownlink = new Map<string, number>()
  const stats: RouteEmitterStats = { remoteEmitted: 0, remoteDropped: 0 }

  const emitter = {
    stats,
    get current () { return local.current },
    get concurrent () { return local.concurrent },
    on (topic: string, listener: Listener, done?: () => void) {
      const route = routeOf(topic)
      if (route === 'cluster') {
        remote.on(topic, listener)
        if (done !== undefined) setImmediate(done)
        return emitter
      }
      if (route === 'downlink') {
        localDownlink.set(topic, (localDownlink.get(topic) ?? 0) + 1)
        remote.on(topic, listener)
      }
      local.on(topic, listener, done)
      return emitter
    },
    removeListener (topic: string, listener: Listener, done?: () => void) {
      const route = routeOf(topic)
      if (route !== 'local') remote.removeListener(topic, listener)
      if (route === 'downlink') {
        const n = (localDownlink.get(topic) ?? 1) - 1
        if (n > 0) localDownlink.set(topic, n)
        else localDownlink.delete(topic)
      }
      if (route === 'cluster') {
        if (done !== undefined) setImmediate(done)
        return
      }
      local.removeListener(topic, listener, done)
    },
    emit (message: Message, done?: (err?: Error) => void) {
      const route = routeOf(message.topic)
      if (route === 'local' || (route === 'downlink' && localDownlink.has(message.topic))) {
        local.emit(message, done)
        return
      }
      if (route === 'downlink') stats.remoteEmitted++
      remote.emit(message, (err?: Error) => {
        if (err !== undefined && err !== null) {
          if (route === 'downlink') stats.remoteDropped++
          onError(err)
        }
        // Not an error to the publisher: a message for a vehicle that is not
        // reachable is lost as it is on a single node when the vehicle is offline.
        done?.()
      })
    },
    close (cb: () => void) {
      local.close(() => remote.close(cb))
    },
  }
  return emitter as unknown as MQEmitter & { stats: RouteEmitterStats }
}
