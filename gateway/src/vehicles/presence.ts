import type { EventEmitter } from 'node:events'
import type { Log } from '../common/log.js'
import type { Birth, PowerState, VehiclesRepository } from '../storage/vehicles.repository.js'
import { createMicroBatcher } from '../common/micro-batcher.js'
import type { VehicleEvents } from './vehicles.service.js'

/** What rules need to know about a vehicle right now (kept in memory, updated by presence). */
export interface VehiclePresence {
  powerState: PowerState
  ignitionOn: boolean
}

export interface PresenceEvents {
  /** The vehicle's last MQTT connection on this instance closed (cluster: its state moves with it). */
  sessionClosed: [vehicleKey: number]
  /** Birth, death or last connection closed. */
  presenceChanged: [vehicleKey: number, presence: VehiclePresence, previous: VehiclePresence | undefined]
  /** The vehicle is up again (awake or driving) after being away (offline, asleep or unknown): time to send it what waited. */
  vehicleReturned: [vehicleKey: number]
}

const isUp = (p: VehiclePresence | undefined) => p !== undefined && (p.powerState === 'awake' || p.powerState === 'driving')

const LAST_SEEN_FLUSH_MS = 5000
/** Births are rare in real fleets but come in storms after an outage: one statement per few ms. */
const BIRTH_FLUSH_MS = 5

/**
 * Presence: who is connected here, births and deaths, last seen, and the
 * session claims that keep a stale disconnect from overriding a newer
 * session on another instance. In memory for the hot path (rules read it per
 * message), written to the database in batches. It emits on the vehicles
 * service's emitter, so listeners find every vehicle event in one place.
 */
export function createPresence ({ repo, log, instanceId, events }: { repo: VehiclesRepository, log: Log, instanceId: string, events: EventEmitter<VehicleEvents> }) {
  const presence = new Map<number, VehiclePresence>()
  const lastBirth = new Map<number, string>()
  const births = createMicroBatcher<{ key: number, birth: Birth }>((batch) => repo.recordBirths(batch, instanceId), BIRTH_FLUSH_MS)
  /** Session epoch claimed in the database per connected vehicle (resolves once the claim is written). */
  const epochs = new Map<number, Promise<number | undefined>>()
  const lastSeen = new Map<number, number>()
  /** Open MQTT connections per vehicle: during a takeover the old and new overlap. */
  const openConnections = new Map<number, number>()

  function setPresence (key: number, p: VehiclePresence): void {
    const previous = presence.get(key)
    presence.set(key, p)
    events.emit('presenceChanged', key, p, previous)
    if (isUp(p) && !isUp(previous)) events.emit('vehicleReturned', key)
  }

  let flushing = false
  async function flushLastSeen (): Promise<void> {
    if (lastSeen.size === 0 || flushing) return
    flushing = true
    const batch = new Map(lastSeen)
    lastSeen.clear()
    try {
      await repo.touchLastSeen(batch)
    } catch (err) {
      log.error({ err, vehicles: batch.size }, 'last-seen update failed')
    } finally {
      flushing = false
    }
  }
  const flushTimer = setInterval(() => void flushLastSeen(), LAST_SEEN_FLUSH_MS)
  flushTimer.unref()

  // Closed connections are written together, one statement per event-loop turn: a shutdown that
  // closes thousands of connections at once writes them in a few statements, and close() writes
  // the rest before the pool (and an embedded server) goes away.
  // Each closed connection carries the session epoch its open claimed: the write marks the vehicle
  // offline only while that session is still the recorded one (not one opened since, here or on another instance).
  const disconnects = new Map<number, Promise<number | undefined>>()
  let disconnectWrite: Promise<void> = Promise.resolve()
  let disconnectScheduled = false
  function writeDisconnects (): Promise<void> {
    disconnectScheduled = false
    if (disconnects.size === 0) return disconnectWrite
    const closed = [...disconnects].sort((a, b) => a[0] - b[0])
    disconnects.clear()
    disconnectWrite = disconnectWrite
      .then(async () => repo.markDisconnectedMany(instanceId, await Promise.all(closed.map(async ([key, epoch]) => ({ key, epoch: await epoch })))))
      .catch((err: Error) => log.error({ err, vehicles: closed.length }, 'disconnect update failed'))
    return disconnectWrite
  }

  return {
    /** A vehicle's state as stored, learnt when its credentials are first read (before any birth here). */
    seed (key: number, p: VehiclePresence): void {
      if (!presence.has(key)) presence.set(key, p)
    },

    /** Resolves once the birth is committed; births arriving together share one statement. */
    async recordBirth (key: number, birth: Birth): Promise<void> {
      // A repeated status (same session, power state, ignition and software) changes nothing worth a write.
      const fingerprint = JSON.stringify([birth.session, birth.powerState, birth.ignitionOn, birth.ecus])
      if (lastBirth.get(key) === fingerprint) return
      await births.add({ key, birth })
      lastBirth.set(key, fingerprint)
      setPresence(key, { powerState: birth.powerState, ignitionOn: birth.ignitionOn })
    },

    async recordDeath (key: number, session: number | null, reason: string, atMs: number): Promise<boolean> {
      lastBirth.delete(key)
      const applied = await repo.recordDeath(key, session, reason, atMs, instanceId)
      if (applied) setPresence(key, { powerState: reason === 'going_to_sleep' ? 'asleep' : 'offline', ignitionOn: false })
      return applied
    },

    presenceOf (key: number): VehiclePresence {
      return presence.get(key) ?? { powerState: 'unknown', ignitionOn: false }
    },

    /** Cheap, called per message; written to the database in batches. */
    touch (key: number, atMs: number): void {
      const prev = lastSeen.get(key)
      if (prev === undefined || atMs > prev) lastSeen.set(key, atMs)
    },

    markAllDisconnected: () => repo.markAllDisconnected(),
    /** Cluster start-up: only this instance's previous sessions are dead; other instances' vehicles stay online. */
    markOwnDisconnected: () => repo.markInstanceDisconnected(instanceId),

    /**
     * Presence for a caller that may not hold the vehicle's session (a
     * command through another instance): the local view when connected
     * here, else the database's cluster-wide record.
     */
    async clusterPresenceOf (key: number): Promise<VehiclePresence & { connected: boolean }> {
      if (openConnections.has(key)) return { connected: true, ...(presence.get(key) ?? { powerState: 'unknown', ignitionOn: false }) }
      const p = await repo.presence(key)
      return p === undefined ? { connected: false, powerState: 'unknown', ignitionOn: false } : { connected: p.connected, powerState: p.powerState, ignitionOn: p.ignitionOn ?? false }
    },

    connectionOpened (key: number): void {
      disconnects.delete(key) // back before its disconnect was written: nothing to write
      openConnections.set(key, (openConnections.get(key) ?? 0) + 1)
      // The newest connection's claim wins: its close alone may mark the vehicle offline.
      epochs.set(key, repo.claimSession(key, instanceId).catch((err: Error) => {
        log.error({ err, vehicleKey: key }, 'session claim failed')
        return undefined
      }))
    },

    /** When the vehicle's last connection closes it is offline, whatever order will and close arrive in. */
    connectionClosed (key: number): void {
      const n = (openConnections.get(key) ?? 1) - 1
      if (n > 0) {
        openConnections.set(key, n)
        return
      }
      openConnections.delete(key)
      events.emit('sessionClosed', key)
      lastBirth.delete(key)
      const p = presence.get(key)
      if (p !== undefined && p.powerState !== 'asleep') setPresence(key, { powerState: 'offline', ignitionOn: false })
      disconnects.set(key, epochs.get(key) ?? Promise.resolve(undefined))
      epochs.delete(key)
      if (!disconnectScheduled) {
        disconnectScheduled = true
        setImmediate(() => void writeDisconnects())
      }
    },

    connectedCount: (): number => openConnections.size,
    isConnected: (key: number): boolean => openConnections.has(key),

    async close (): Promise<void> {
      clearInterval(flushTimer)
      await flushLastSeen()
      await writeDisconnects()
    },
  }
}
