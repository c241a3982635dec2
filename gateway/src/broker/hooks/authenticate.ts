import type { Client } from 'aedes'
import type { AuthenticatedVehicle, VehiclesService } from '../../vehicles/index.js'
import { type AsyncAuthenticate, connackError } from './adapt.js'

export interface AuthenticateDeps {
  vehicles: Pick<VehiclesService, 'authenticate' | 'authenticateCertificate'>
  /** CN of the connection's verified TLS client certificate, if it presented one. */
  certificateOf: (client: Client) => string | undefined
  isQuarantined: (vehicleKey: number) => boolean
  sessions: WeakMap<Client, AuthenticatedVehicle>
  onRefused: (reason: string) => void
}

const RETURN_CODE = {
  GW_AUTH_BAD_IDENTIFIER: 2, // identifier rejected
  GW_AUTH_BAD_CREDENTIALS: 4, // bad user name or password
  GW_AUTH_REVOKED: 5, // not authorized
} as const

/**
 * CONNECT: the client id must be a registered vehicle id, the username the
 * same id and the password its current secret — or, over mutual TLS, the
 * verified client certificate's CN must be the client id (CN ≠ id: refused
 * even with a right password, so one vehicle's certificate cannot log in as another). A refused CONNECT never
 * touches an existing session of that id, so a second connection with
 * other credentials cannot take a vehicle over.
 */
export function createAuthenticate ({ vehicles, certificateOf, isQuarantined, sessions, onRefused }: AuthenticateDeps): AsyncAuthenticate {
  return async (client, username, password) => {
    const cn = certificateOf(client)
    if (cn !== undefined && cn !== client.id) {
      onRefused('GW_AUTH_CERT_MISMATCH')
      throw connackError(5, 'client certificate CN is not the client id')
    }
    const r = cn !== undefined
      ? await vehicles.authenticateCertificate(client.id, username)
      : await vehicles.authenticate(client.id, username, password)
    if (!r.ok) {
      onRefused(r.error.code)
      throw connackError(RETURN_CODE[r.error.code], r.error.detail)
    }
    if (isQuarantined(r.value.key)) {
      onRefused('GW_AUTH_QUARANTINED')
      throw connackError(5, 'vehicle is quarantined for sending malformed messages')
    }
    sessions.set(client, r.value)
  }
}
