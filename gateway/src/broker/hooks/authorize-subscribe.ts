import type { Client } from 'aedes'
import type { AuthenticatedVehicle } from '../../vehicles/index.js'
import { mayVehicleSubscribe } from '../topics.js'
import type { AsyncAuthorizeSubscribe } from './adapt.js'

/**
 * A vehicle may subscribe to its own downlink topics only. A refused
 * filter is answered in the SUBACK with 0x80 (failure, [MQTT-3.9.3]) rather
 * than by closing the connection, so one wrong filter does not cost the
 * vehicle its session.
 */
export function createAuthorizeSubscribe (sessions: WeakMap<Client, AuthenticatedVehicle>): AsyncAuthorizeSubscribe {
  return async (client, sub) => {
    const vehicle = sessions.get(client)
    if (vehicle === undefined || !mayVehicleSubscribe(vehicle.id, sub.topic)) return null
    return sub
  }
}
