import { isVehicleId } from '@fleetwire/proto'

/**
 * Live topics a dashboard can subscribe to:
 *   alerts                 every alert transition
 *   vehicle/{id}/signals   a vehicle's signal values (coalesced, ≤ LIVE_MAX_HZ)
 *   vehicle/{id}/presence  a vehicle's online / asleep / offline changes
 *   campaign/{id}          an OTA campaign's progress (coalesced per scheduler tick)
 */
export type LiveTopic = { kind: 'alerts' } | { kind: 'signals', vehicleId: string } | { kind: 'presence', vehicleId: string } | { kind: 'campaign', campaignId: string }

export function parseLiveTopic (topic: string): LiveTopic | undefined {
  if (topic === 'alerts') return { kind: 'alerts' }
  const c = /^campaign\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(topic)
  if (c !== null) return { kind: 'campaign', campaignId: c[1] as string }
  const m = /^vehicle\/([^/]+)\/(signals|presence)$/.exec(topic)
  if (m === null || !isVehicleId(m[1] as string)) return undefined
  return { kind: m[2] as 'signals' | 'presence', vehicleId: m[1] as string }
}

export const signalsTopic = (vehicleId: string) => `vehicle/${vehicleId}/signals`
export const presenceTopic = (vehicleId: string) => `vehicle/${vehicleId}/presence`
export const ALERTS_TOPIC = 'alerts'
export const campaignTopic = (campaignId: string) => `campaign/${campaignId}`
