import type { Rng } from '../prng.core.js'

/** How the simulated driver answers an update prompt. */
export interface DriverProfile {
  readonly accept: number
  readonly postpone: number
  readonly decline: number
}

export type DriverAnswer = 'accept' | 'postpone' | 'decline'

/** Draws an answer; when postponing is not offered (recall past its deadline) a postpone becomes an accept. */
export function askDriver (rng: Rng, p: DriverProfile, postponeAllowed: boolean): DriverAnswer {
  const total = p.accept + p.postpone + p.decline
  const x = rng.next() * (total > 0 ? total : 1)
  if (x < p.accept || total <= 0) return 'accept'
  if (x < p.accept + p.postpone) return postponeAllowed ? 'postpone' : 'accept'
  return 'decline'
}

export interface PreconditionState { readonly parked: boolean, readonly socPct: number, readonly charging: boolean, readonly auxBatteryV: number }
export interface PreconditionRule { readonly parked: boolean, readonly minSocPct: number, readonly chargingOk: boolean, readonly minAuxBatteryV: number }

/** The offer's preconditions against the vehicle's state: parked, SoC ≥ bound or charging, 12 V healthy. */
export function preconditionsMet (rule: PreconditionRule, s: PreconditionState): boolean {
  if (rule.parked && !s.parked) return false
  if (s.socPct < rule.minSocPct && !(rule.chargingOk && s.charging)) return false
  return s.auxBatteryV >= rule.minAuxBatteryV
}

