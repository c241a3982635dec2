import { DOWNLINK_CHANNELS, parseVehicleTopic } from '@fleetwire/proto'

/**
 * Where a broker message travels in a cluster:
 * - `local`: this instance only. Vehicle uplink (telemetry, births, responses)
 *   is consumed where it arrives and never crosses Redis.
 * - `downlink`: to the vehicle's session, wherever it is: delivered here when
 *   the vehicle is subscribed here, else published once through Redis.
 * - `cluster`: aedes' own `$SYS/…` coordination (heartbeats, and
 *   `$SYS/{id}/new/clients`, with which the instance holding an older session
 *   of a client id closes it: the cluster-wide takeover).
 */
export type TopicRoute = 'local' | 'downlink' | 'cluster'

const downlink = new Set<string>(DOWNLINK_CHANNELS)

export function routeOf (topic: string): TopicRoute {
  if (topic.startsWith('$SYS/')) return 'cluster'
  const t = parseVehicleTopic(topic)
  return t !== undefined && downlink.has(t.channel) ? 'downlink' : 'local'
}
