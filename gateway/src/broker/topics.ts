import { DOWNLINK_CHANNELS, UPLINK_CHANNELS, type UplinkChannel, parseVehicleTopic } from '@fleetwire/proto'

/**
 * Topic rules of the broker, on top of the layout in proto/src/topics.ts.
 * A vehicle publishes only `v/{own id}/{uplink channel}` and subscribes only
 * to `v/{own id}/{downlink channel}`, with no wildcards at all: a wildcard
 * filter could reach beyond the vehicle's own subtree.
 */
const uplink = new Set<string>(UPLINK_CHANNELS)
const downlink = new Set<string>(DOWNLINK_CHANNELS)

export const SYS_PREFIX = '$SYS/'

/** The uplink channel of a topic the vehicle may publish to, or undefined. */
export function ownUplinkChannel (vehicleId: string, topic: string): UplinkChannel | undefined {
  const t = parseVehicleTopic(topic)
  if (t === undefined || t.vehicleId !== vehicleId || !uplink.has(t.channel)) return undefined
  return t.channel as UplinkChannel
}

export function mayVehicleSubscribe (vehicleId: string, filter: string): boolean {
  if (filter.includes('+') || filter.includes('#')) return false
  const t = parseVehicleTopic(filter)
  return t !== undefined && t.vehicleId === vehicleId && downlink.has(t.channel)
}
