import { localHourOf } from '../markets.core.js'
import { offset, distanceKm } from '../fleet-plan.core.js'
import type { PlaceKind, VehicleState } from './vehicle-state.core.js'

const H = 3_600_000
const MIN = 60_000

/** Telematics stays awake this long after the ignition goes off before it sleeps. */
export const AWAKE_AFTER_PARK_MS = 10 * MIN
/** A sleeping unit wakes this often to check in (and the 12 V dips each time). */
export const PERIODIC_WAKE_MS = 6 * H
/** A check-in wake-up lasts this long. */
export const CHECK_IN_MS = 3 * MIN

/**
 * When the vehicle leaves next, from the local time of day and where it is:
 * commuters leave home in the morning, leave work late afternoon, run
 * errands; heavy-use fleets (ride-hailing, taxis) make more trips.
 */
export function planDeparture (v: VehicleState, nowMs: number): number {
  const r = v.rng
  const h = localHourOf(v.spec.timeZone, nowMs)
  const intensity = v.spec.init.intensity
  const at = (hour: number): number => nowMs + ((hour - h + 24) % 24) * H
  switch (v.place) {
    case 'work': return Math.max(nowMs + 20 * MIN, at(r.range(16.5, 18.8)))
    case 'errand':
    case 'road': return nowMs + r.range(15 * MIN, 2 * H)
    case 'home': {
      const errandChance = 0.45 * intensity
      if (h >= 6.5 && h < 20.5 && r.chance(errandChance)) return nowMs + r.range(0.7 * H, Math.min(4 * H, (21.5 - h) * H))
      const morning = at(r.range(6.8, 9.2))
      // Arriving home late at night: the next morning, not in a few hours' time.
      return morning - nowMs < 4 * H ? morning + 24 * H : morning
    }
  }
}

/** Where the next trip goes. */
export function chooseDestination (v: VehicleState, nowMs: number): { lat: number, lon: number, kind: PlaceKind } {
  const r = v.rng
  const { home, work } = v.spec.init
  const h = localHourOf(v.spec.timeZone, nowMs)
  if (v.place !== 'home') {
    if (r.chance(0.8) || distanceKm(v.spec.city, v) > 40) return { ...home, kind: 'home' }
  } else if (h < 11 && r.chance(0.75)) {
    return { ...work, kind: 'work' }
  }
  // An errand: a few kilometres away, kept within the metro area.
  for (let i = 0; i < 5; i++) {
    const p = offset(v, r.range(2, 16), r.range(0, 2 * Math.PI))
    if (distanceKm(v.spec.city, p) < 40) return { ...p, kind: 'errand' }
  }
  return { ...home, kind: 'home' }
}

export interface ChargePlan { kw: number, targetPct: number, dc: boolean }

/** Whether to plug in on arrival. BEVs charge at home when below ~70 % and fast-charge when low elsewhere; PHEVs plug in at home most days. */
export function chargeOnArrival (v: VehicleState): ChargePlan | undefined {
  const r = v.rng
  const m = v.model
  if (m.powertrain === 'BEV') {
    if (v.place === 'home' && (v.socPct < 45 || (v.socPct < 72 && r.chance(0.7)))) return { kw: m.acChargeKW, targetPct: r.range(80, 92), dc: false }
    if (v.place !== 'home' && v.socPct < 28) return { kw: m.dcChargeKW, targetPct: r.range(75, 85), dc: true }
    return undefined
  }
  if (v.place === 'home' && v.socPct < 90 && r.chance(0.7)) return { kw: m.acChargeKW, targetPct: 100, dc: false }
  return undefined
}

/** Charging power at a state of charge: DC tapers from 50 %, AC near full. */
export function chargePowerKW (plan: { kw: number, dc: boolean }, socPct: number): number {
  if (plan.dc) {
    if (socPct < 50) return plan.kw
    if (socPct < 80) return plan.kw * (1 - 0.5 * (socPct - 50) / 30)
    return plan.kw * 0.25
  }
  return socPct < 95 ? plan.kw : plan.kw * Math.max(0.2, (100 - socPct) / 5)
}
