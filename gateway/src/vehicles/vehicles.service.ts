import { EventEmitter } from 'node:events'
import type { Log } from '../common/log.js'
import { isVehicleId } from '@fleetwire/proto'
import type { Birth, NewVehicle, PowerState, VehicleFilter, VehicleRecord, VehiclesRepository } from '../storage/vehicles.repository.js'
import { type Result, fail, ok } from '../common/result.js'
import { formatSecret, secretMatches, storeSecret } from './credentials.core.js'
import { createMicroBatcher } from '../common/micro-batcher.js'
import { type VehicleScope, inScope } from '../api/auth/principal.js'
import { isCountryCode } from '../common/country.js'

export interface IssuedCredentials {
  /** MQTT client id and username. */
  readonly username: string
  /** Shown once; only its salted hash is stored. */
  readonly password: string
}

export interface AuthenticatedVehicle {
  readonly id: string
  readonly key: number
  readonly model: string
}

/** What rules need to know about a vehicle right now (kept in memory, updated by presence). */
export interface VehiclePresence {
  powerState: PowerState
  ignitionOn: boolean
}

export type AuthFailure = 'GW_AUTH_BAD_IDENTIFIER' | 'GW_AUTH_BAD_CREDENTIALS' | 'GW_AUTH_REVOKED'
const badCountry = (c: string) => `country ${JSON.stringify(c)} is not an ISO 3166-1 alpha-2 code (e.g. DE, BR, TH)`

export type RegisterFailure = 'GW_VEHICLE_EXISTS' | 'GW_VEHICLE_BAD_ID' | 'GW_VEHICLE_BAD_COUNTRY'

interface VehicleEvents {
  /** A vehicle's credentials were revoked or rotated (here, or on another instance when `remote`): any open session must end. */
  credentialsInvalidated: [vehicleId: string, remote: boolean]
  /** The vehicle's last MQTT connection on this instance closed (cluster: its state moves with it). */
  sessionClosed: [vehicleKey: number]
  /** Birth, death or last connection closed. */
  presenceChanged: [vehicleKey: number, presence: VehiclePresence, previous: VehiclePresence | undefined]
  /** The vehicle is up again (awake or driving) after being away (offline, asleep or unknown): time to send it what waited. */
  vehicleReturned: [vehicleKey: number]
}

export interface VehiclesServiceDeps {
  repo: VehiclesRepository
  randomBytes: (n: number) => Buffer
  log: Log
  /** This gateway instance (cluster): recorded with the sessions it holds. */
  instanceId: string
  /** Cluster: awaited after a successful authentication, before CONNACK (e.g. to load the vehicle's rule state). */
  onAuthenticated?: (vehicleKey: number) => Promise<void>
}

const isUp = (p: VehiclePresence | undefined) => p !== undefined && (p.powerState === 'awake' || p.powerState === 'driving')

const LAST_SEEN_FLUSH_MS = 5000
/** Births are rare in real fleets but come in storms after an outage: one statement per few ms. */
const BIRTH_FLUSH_MS = 5

/**
 * Vehicle registry: provisioning and credentials, MQTT authentication
 * (with a small cache so reconnect storms don't hit the database for every
 * CONNECT), and presence (birth, death, last seen).
 */
export function createVehiclesService ({ repo, randomBytes, log, instanceId, onAuthenticated }: VehiclesServiceDeps) {
  const admitted = async (id: string, creds: { key: number, model: string }): Promise<Result<AuthenticatedVehicle, AuthFailure>> => {
    if (onAuthenticated !== undefined) await onAuthenticated(creds.key)
    return ok({ id, key: creds.key, model: creds.model })
  }
  const events = new EventEmitter<VehicleEvents>()
  const credentialCache = new Map<string, { key: number, model: string, salt: Buffer, hash: Buffer, revoked: boolean }>()
  const presence = new Map<number, VehiclePresence>()
  const lastBirth = new Map<number, string>()
  const births = createMicroBatcher<{ key: number, birth: Birth }>((batch) => repo.recordBirths(batch, instanceId), BIRTH_FLUSH_MS)
  /** Session epoch claimed in the database per connected vehicle (resolves once the claim is written). */
  const epochs = new Map<number, Promise<number | undefined>>()

  function setPresence (key: number, p: VehiclePresence): void {
    const previous = presence.get(key)
    presence.set(key, p)
    events.emit('presenceChanged', key, p, previous)
    if (isUp(p) && !isUp(previous)) events.emit('vehicleReturned', key)
  }
  const lastSeen = new Map<number, number>()
  /** Fleet and region are fixed at registration (no route changes them), so they can be cached. */
  const scopes = new Map<string, { fleet: string, region: string }>()
  /** Open MQTT connections per vehicle: during a takeover the old and new overlap. */
  const openConnections = new Map<number, number>()

  function issue (): { creds: string, salt: Buffer, hash: Buffer } {
    const creds = formatSecret(randomBytes(32))
    const stored = storeSecret(creds, randomBytes(16))
    return { creds, salt: stored.salt, hash: stored.hash }
  }

  async function credentialsOf (clientId: string) {
    let creds = credentialCache.get(clientId)
    if (creds === undefined) {
      const stored = await repo.credentials(clientId)
      if (stored === undefined) return undefined
      creds = stored
      credentialCache.set(clientId, creds)
      if (!presence.has(stored.key)) presence.set(stored.key, { powerState: stored.powerState, ignitionOn: stored.ignitionOn ?? false })
    }
    return creds
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
    events,

    async register (v: NewVehicle): Promise<Result<{ vehicle: VehicleRecord, credentials: IssuedCredentials }, RegisterFailure>> {
      if (!isVehicleId(v.id)) return fail('GW_VEHICLE_BAD_ID', `vehicle id ${JSON.stringify(v.id)} is not a VIN (17 characters A-Z/0-9 without I, O, Q)`)
      if (v.country != null && !isCountryCode(v.country)) return fail('GW_VEHICLE_BAD_COUNTRY', badCountry(v.country))
      const { creds, salt, hash } = issue()
      const vehicle = await repo.insert(v, salt, hash)
      if (vehicle === undefined) return fail('GW_VEHICLE_EXISTS', `vehicle ${v.id} is already registered`)
      log.info({ vehicleId: v.id, model: v.model, region: v.region, fleet: v.fleet }, 'vehicle registered')
      return ok({ vehicle, credentials: { username: v.id, password: creds } })
    },

    get: (id: string) => repo.get(id),
    /** Records the country the vehicle is sold into (its data policy follows it); null clears it. */
    async setCountry (id: string, country: string | null): Promise<Result<VehicleRecord, 'GW_VEHICLE_BAD_COUNTRY' | 'GW_VEHICLE_NOT_FOUND'>> {
      if (country !== null && !isCountryCode(country)) return fail('GW_VEHICLE_BAD_COUNTRY', badCountry(country))
      const v = await repo.setCountry(id, country)
      return v === undefined ? fail('GW_VEHICLE_NOT_FOUND', `vehicle ${id} not found`) : ok(v)
    },
    /** Fleet and region of a vehicle (whose dashboards may see it): hot path of live alert fan-out, cached. */
    async scopeOf (id: string): Promise<{ fleet: string, region: string } | undefined> {
      let s = scopes.get(id)
      if (s === undefined) {
        const v = await repo.get(id)
        if (v === undefined) return undefined
        s = { fleet: v.fleet, region: v.region }
        scopes.set(id, s)
      }
      return s
    },
    /** The vehicle if the caller's scope covers it; otherwise undefined, answered as 404 like a missing one (OWASP API1). */
    async getVisible (id: string, scope: VehicleScope): Promise<VehicleRecord | undefined> {
      const v = await repo.get(id)
      return v !== undefined && inScope(scope, v) ? v : undefined
    },
    list: (filter: VehicleFilter) => repo.list(filter),

    async rotateCredentials (id: string): Promise<IssuedCredentials | undefined> {
      const { creds, salt, hash } = issue()
      if (!await repo.setSecret(id, salt, hash)) return undefined
      credentialCache.delete(id)
      events.emit('credentialsInvalidated', id, false)
      log.info({ vehicleId: id }, 'vehicle credentials rotated')
      return { username: id, password: creds }
    },

    async revoke (id: string): Promise<boolean> {
      if (!await repo.revoke(id)) return false
      credentialCache.delete(id)
      events.emit('credentialsInvalidated', id, false)
      log.info({ vehicleId: id }, 'vehicle credentials revoked')
      return true
    },

    /** Another instance revoked or rotated the vehicle's credentials: forget the cached ones, end any session here. */
    credentialsChangedElsewhere (id: string): void {
      credentialCache.delete(id)
      events.emit('credentialsInvalidated', id, true)
    },

    async authenticate (clientId: string, username: string | undefined, password: Buffer | undefined): Promise<Result<AuthenticatedVehicle, AuthFailure>> {
      if (!isVehicleId(clientId)) return fail('GW_AUTH_BAD_IDENTIFIER', 'client id is not a vehicle id')
      if (username !== clientId || password === undefined) return fail('GW_AUTH_BAD_CREDENTIALS', 'username must equal the client id, with a password')
      const creds = await credentialsOf(clientId)
      if (creds === undefined) return fail('GW_AUTH_BAD_CREDENTIALS', 'unknown vehicle')
      if (!secretMatches(password.toString('utf8'), creds)) return fail('GW_AUTH_BAD_CREDENTIALS', 'wrong password')
      if (creds.revoked) return fail('GW_AUTH_REVOKED', 'credentials revoked')
      return admitted(clientId, creds)
    },

    /**
     * Mutual TLS: the broker has verified the client certificate against the
     * configured CA and checked that its CN is this client id. The vehicle
     * must still be registered and not revoked; a username, if sent, must be the id.
     */
    async authenticateCertificate (clientId: string, username: string | undefined): Promise<Result<AuthenticatedVehicle, AuthFailure>> {
      if (!isVehicleId(clientId)) return fail('GW_AUTH_BAD_IDENTIFIER', 'client id is not a vehicle id')
      if (username !== undefined && username !== clientId) return fail('GW_AUTH_BAD_CREDENTIALS', 'username must equal the client id')
      const creds = await credentialsOf(clientId)
      if (creds === undefined) return fail('GW_AUTH_BAD_CREDENTIALS', 'unknown vehicle')
      if (creds.revoked) return fail('GW_AUTH_REVOKED', 'credentials revoked')
      return admitted(clientId, creds)
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

export type VehiclesService = ReturnType<typeof createVehiclesService>
