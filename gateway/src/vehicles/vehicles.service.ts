import { EventEmitter } from 'node:events'
import type { Log } from '../common/log.js'
import { isVehicleId } from '@fleetwire/proto'
import type { NewVehicle, VehicleFilter, VehicleRecord, VehiclesRepository } from '../storage/vehicles.repository.js'
import { type Result, fail, ok } from '../common/result.js'
import { formatSecret, secretMatches, storeSecret } from './credentials.core.js'
import { createPresence, type PresenceEvents } from './presence.js'
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

export type { VehiclePresence } from './presence.js'

export type AuthFailure = 'GW_AUTH_BAD_IDENTIFIER' | 'GW_AUTH_BAD_CREDENTIALS' | 'GW_AUTH_REVOKED'
const badCountry = (c: string) => `country ${JSON.stringify(c)} is not an ISO 3166-1 alpha-2 code (e.g. DE, BR, TH)`

export type RegisterFailure = 'GW_VEHICLE_EXISTS' | 'GW_VEHICLE_BAD_ID' | 'GW_VEHICLE_BAD_COUNTRY'

export interface VehicleEvents extends PresenceEvents {
  /** A vehicle's credentials were revoked or rotated (here, or on another instance when `remote`): any open session must end. */
  credentialsInvalidated: [vehicleId: string, remote: boolean]
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

/**
 * Vehicle registry: provisioning and credentials, MQTT authentication
 * (with a small cache so reconnect storms don't hit the database for every
 * CONNECT), and presence (presence.ts: birth, death, last seen).
 */
export function createVehiclesService ({ repo, randomBytes, log, instanceId, onAuthenticated }: VehiclesServiceDeps) {
  const admitted = async (id: string, creds: { key: number, model: string }): Promise<Result<AuthenticatedVehicle, AuthFailure>> => {
    if (onAuthenticated !== undefined) await onAuthenticated(creds.key)
    return ok({ id, key: creds.key, model: creds.model })
  }
  const events = new EventEmitter<VehicleEvents>()
  const credentialCache = new Map<string, { key: number, model: string, salt: Buffer, hash: Buffer, revoked: boolean }>()
  const { seed: seedPresence, ...presence } = createPresence({ repo, log, instanceId, events })
  /** Fleet and region are fixed at registration (no route changes them), so they can be cached. */
  const scopes = new Map<string, { fleet: string, region: string }>()

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
      seedPresence(stored.key, { powerState: stored.powerState, ignitionOn: stored.ignitionOn ?? false })
    }
    return creds
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

    ...presence,
  }
}

export type VehiclesService = ReturnType<typeof createVehiclesService>
