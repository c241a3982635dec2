import { isVehicleId } from '@fleetwire/proto'

/**
 * Live topics a dashboard can subscribe to (the one list; live/index.ts and
 * the dashboards' client both name topics through here or its doc):
 *   alerts                 every alert transition (only vehicles in the caller's scope)
 *   fleet/summary          online / asleep / offline counts and open alerts by severity, for the caller's scope
 *   vehicle/{id}/signals   a vehicle's signal values (coalesced, ≤ LIVE_MAX_HZ)
 *   vehicle/{id}/presence  a vehicle's online / asleep / offline changes
 *   campaign/{id}          an OTA campaign's progress (counts by state and wave)
 */
export type LiveTopic =
  | { kind: 'alerts' }
  | { kind: 'fleet-summary' }
  | { kind: 'signals', vehicleId: string }
  | { kind: 'presence', vehicleId: string }
  | { kind: 'campaign', campaignId: string }

export const TOPIC_NAMES = ['alerts', 'fleet/summary', 'vehicle/{id}/signals', 'vehicle/{id}/presence', 'campaign/{id}'] as const

export function parseLiveTopic (topic: string): LiveTopic | undefined {
  if (topic === ALERTS_TOPIC) return { kind: 'alerts' }
  if (topic === FLEET_SUMMARY_TOPIC) return { kind: 'fleet-summary' }
  const c = /^campaign\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(topic)
  if (c !== null) return { kind: 'campaign', campaignId: c[1] as string }
  const m = /^vehicle\/([^/]+)\/(signals|presence)$/.exec(topic)
  if (m === null || !isVehicleId(m[1] as string)) return undefined
  return { kind: m[2] as 'signals' | 'presence', vehicleId: m[1] as string }
}

export const signalsTopic = (vehicleId: string) => `vehicle/${vehicleId}/signals`
export const presenceTopic = (vehicleId: string) => `vehicle/${vehicleId}/presence`
export const campaignTopic = (campaignId: string) => `campaign/${campaignId}`
export const ALERTS_TOPIC = 'alerts'
export const FLEET_SUMMARY_TOPIC = 'fleet/summary'
