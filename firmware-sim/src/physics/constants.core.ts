import type { Powertrain } from '../models.core.js'

/** Physical constants shared by the physics steps and by fault planning. */
export const DAY_MS = 86_400_000
export const ATM_KPA = 101.325
export const KELVIN = 273.15

/** Healthy 12 V dip at wake (BEV: contactors and DC-DC start) or crank (PHEV: starter). */
export function healthyDipV (powertrain: Powertrain): number {
  return powertrain === 'BEV' ? 1.0 : 1.9
}

/** Healthy slow tyre air loss through the rubber: about 2 % a month. */
export const TYRE_NATURAL_LOSS_PER_DAY = 0.0007

/** Healthy calendar fade of state of health: about 2 % a year. */
export const SOH_HEALTHY_FADE_PCT_PER_DAY = 0.0055

/** Typical healthy pad wear per simulated day (city and highway mix). */
export const PAD_TYPICAL_WEAR_PCT_PER_DAY = 0.12

export const CELL_MAX_V = 4.2

/** 12 V parasitic drain while asleep, recovered once the DC-DC runs. */
export const LV_DRAIN_V_PER_DAY = 0.015
