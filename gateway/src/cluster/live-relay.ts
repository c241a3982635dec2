import type { Audience, LiveHub } from '../live/index.js'
import { FLEET_SUMMARY_TOPIC } from '../live/index.js'
import type { ClusterBus } from './bus.js'

/** One flush of this instance's live output for the others, serialised once. */
interface LiveBatch {
  s: Array<[vehicleId: string, signalIds: number[], tsMs: number[], values: number[]]>
  e: Array<[topic: string, payload: unknown, audience: Audience | null]>
}

export interface LiveRelayOptions {
  /** Signal batches are sent at most this often (the hub's own flush rate). */
  flushMs: number
  /** How often each instance tells the others which vehicles its dashboards watch. */
  interestMs: number
  now: () => number
}

/**
 * Live dashboards see the whole fleet: what the hub publishes here (signals
 * of vehicles ingested here, alerts and campaign progress raised here) is
 * collected per flush and published to Redis once; every other instance
 * hands it to its own clients through the hub (scope filtering, bounded
 * queues and serialise-once fan-out stay the hub's). Signals are relayed
 * only for vehicles a dashboard on another instance watches (each instance
 * announces its interest), so telemetry does not stream through Redis for
 * nobody. The fleet summary is not relayed: every instance computes it from
 * the database for its own clients.
 */
export function attachLiveRelay (hub: LiveHub, bus: ClusterBus, o: LiveRelayOptions): () => void {
  const interest = new Map<string, { vehicles: Set<string>, untilMs: number }>()
  let batch: LiveBatch = { s: [], e: [] }
  let pending = false

  const wanted = (vehicleId: string): boolean => {
    const t = o.now()
    for (const [id, i] of interest) {
      if (i.untilMs < t) interest.delete(id)
      else if (i.vehicles.has(vehicleId)) return true
    }
    return false
  }
  const send = (): void => {
    if (batch.s.length === 0 && batch.e.length === 0) return
    const b = batch
    batch = { s: [], e: [] }
    void bus.publish('live.batch', b)
  }
  hub.setRelay({
    signals (vehicleId, signalIds, tsMs, values) {
      if (interest.size === 0 || !wanted(vehicleId)) return
      batch.s.push([vehicleId, [...signalIds], [...tsMs], [...values]])
    },
    event (topic, payload, audience) {
      if (topic === FLEET_SUMMARY_TOPIC) return
      batch.e.push([topic, payload, audience ?? null])
      // Events do not wait for the tick, as in the hub.
      if (!pending) {
        pending = true
        setImmediate(() => {
          pending = false
          send()
        })
      }
    },
  })
  bus.subscribe('live.batch', (m) => {
    const b = m as LiveBatch
    for (const [vehicleId, s, t, v] of b.s) hub.deliverSignals(vehicleId, s, t, v)
    for (const [topic, payload, audience] of b.e) hub.deliverEvent(topic, payload, audience ?? undefined)
  })
  bus.subscribe('live.interest', (m, origin) => {
    const { vehicles } = m as { vehicles: string[] }
    if (vehicles.length === 0) interest.delete(origin)
    else interest.set(origin, { vehicles: new Set(vehicles), untilMs: o.now() + 3 * o.interestMs })
  })
  let announced = 0
  const announce = (): void => {
    const vehicles = hub.watchedVehicles()
    // Keep announcing while something is watched (the others forget after three periods); say once when it stops.
    if (vehicles.length === 0 && announced === 0) return
    announced = vehicles.length
    void bus.publish('live.interest', { vehicles })
  }
  const timers = [setInterval(send, o.flushMs), setInterval(announce, o.interestMs)]
  for (const t of timers) t.unref()
  return () => {
    for (const t of timers) clearInterval(t)
    hub.setRelay(undefined)
  }
}
