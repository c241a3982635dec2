import type { Redis } from 'ioredis'
import type { Log } from '../common/log.js'

/** A cross-instance notification: JSON, fire and forget, never the only copy of anything (PostgreSQL is). */
export interface ClusterBus {
  /** Sends to every other instance; dropped (false) while Redis is unreachable. */
  publish(channel: BusChannel, message: unknown): Promise<boolean>
  /** Messages from other instances on this channel (never this instance's own). */
  subscribe(channel: BusChannel, handler: (message: unknown, origin: string) => void): void
}

/** Every channel in one place, so two features never share one by accident. */
export type BusChannel =
  | 'vehicle.credentials'   // { vehicleId }: revoked or rotated
  | 'diag.response'         // { vehicleId, vehicleKey, payload(base64) }: a cmd/res whose command waits on another instance
  | 'cache.rules'           // {}: rules created, edited, enabled or deleted
  | 'cache.scopes'          // {}: tenants, users or tokens changed (live dashboards recheck their scope)
  | 'cache.models'          // { id }: a vehicle model was catalogued (rules read its limits)
  | 'live.batch'            // serialised live fan-out of one instance's flush
  | 'diag.queued'           // { vehicleKey }: a command was queued for a vehicle
  | 'live.interest'         // { vehicles }: vehicles whose signals a dashboard on the sender watches

const PREFIX = 'fw:bus:'

/** The bus of a single node: nobody else to tell. */
export const singleNodeBus: ClusterBus = {
  publish: async () => true,
  subscribe: () => {},
}

export function createRedisBus (pub: Redis, sub: Redis, instanceId: string, log: Log): ClusterBus {
  const handlers = new Map<string, Array<(message: unknown, origin: string) => void>>()
  sub.on('messageBuffer', (channel: Buffer, raw: Buffer) => {
    const list = handlers.get(channel.toString())
    if (list === undefined) return
    let envelope: { o: string, m: unknown }
    try {
      envelope = JSON.parse(raw.toString()) as { o: string, m: unknown }
    } catch (err) {
      log.warn({ channel: channel.toString(), err: (err as Error).message }, 'unreadable cluster message dropped')
      return
    }
    if (envelope.o === instanceId) return
    for (const h of list) {
      try {
        h(envelope.m, envelope.o)
      } catch (err) {
        log.error({ err, channel: channel.toString() }, 'cluster message handler failed')
      }
    }
  })
  return {
    async publish (channel, message) {
      try {
        await pub.publish(PREFIX + channel, JSON.stringify({ o: instanceId, m: message }))
        return true
      } catch {
        return false
      }
    },
    subscribe (channel, handler) {
      const key = PREFIX + channel
      let list = handlers.get(key)
      if (list === undefined) {
        handlers.set(key, list = [])
        sub.subscribe(key).catch((err: Error) => log.warn({ channel, err: err.message }, 'cluster subscribe deferred until Redis returns'))
      }
      list.push(handler)
    },
  }
}
