import type { Client } from 'aedes'
import type { AuthenticatedVehicle } from '../../vehicles/index.js'
import type { IngestService } from '../../ingest/index.js'
import { SYS_PREFIX, ownUplinkChannel } from '../topics.js'
import type { AsyncAuthorizePublish } from './adapt.js'

/** Publishes in flight, and whether the gateway is shutting down (graceful close). */
export interface PublishGate {
  closing: boolean
  inflight: number
}

export interface AuthorizePublishDeps {
  sessions: WeakMap<Client, AuthenticatedVehicle>
  ingest: Pick<IngestService, 'accept'>
  gate: PublishGate
}

/**
 * Every vehicle PUBLISH, and every will aedes publishes for one. A vehicle
 * may publish only to its own uplink topics. The message is then handed to
 * ingest and this hook resolves when ingest has processed it — for
 * telemetry, when the samples are committed. aedes writes the QoS 1 PUBACK
 * only after this hook, so an acknowledged message is a stored message
 * (aedes' `published` handler runs after the PUBACK, too late for that).
 * A rejection makes aedes close the connection: MQTT 3.1.1 has no negative
 * PUBACK ([MQTT-3.3.5-2]).
 */
export function createAuthorizePublish ({ sessions, ingest, gate }: AuthorizePublishDeps): AsyncAuthorizePublish {
  return async (client, packet) => {
    // Shutting down: unacknowledged, the vehicle sends it again to the next gateway.
    if (gate.closing) throw new Error('gateway shutting down')
    if (packet.topic.startsWith(SYS_PREFIX)) throw new Error(`${SYS_PREFIX} topics are reserved`) // aedes #597
    const vehicle = client === null ? undefined : sessions.get(client)
    if (vehicle === undefined) throw new Error('publish from an unauthenticated client') // e.g. a will after failed auth (aedes #214)
    const channel = ownUplinkChannel(vehicle.id, packet.topic)
    if (channel === undefined) throw new Error(`vehicle ${vehicle.id} may not publish to ${packet.topic}`)
    // Vehicle data is not retained state for other subscribers.
    packet.retain = false
    gate.inflight++
    let outcome
    try {
      outcome = await ingest.accept({ vehicle, channel, payload: packet.payload as Buffer, qos: packet.qos })
    } finally {
      gate.inflight--
    }
    if (outcome.kind === 'quarantined') throw new Error(`vehicle ${vehicle.id} quarantined until ${new Date(outcome.untilMs).toISOString()}`)
  }
}
