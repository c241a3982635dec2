/**
 * How a fault's severity s (0 = healthy, 1 = hard failure) shows in the
 * signals. Physics and planning share these functions, so the planned
 * warning times in the ground truth follow from the same curves the signals
 * follow.
 */

/** 12 V battery: resting voltage sags and the dip at every crank/wake deepens as internal resistance grows. */
export const LV = {
  restSagV: 0.55,
  /** Dip depth at s = 1: the crank minimum then reaches about 7.2 V ("no start"). */
  failDipV: 4.9,
  warnCrankMinV: 9.6,
  restV: (rest0: number, s: number) => rest0 - LV.restSagV * s,
  dipV: (dip0: number, s: number, ambientC: number) => dip0 + (LV.failDipV - dip0) * s + 0.02 * Math.max(0, 10 - ambientC),
  warnSeverity: (rest0: number, dip0: number) => clamp01((rest0 - dip0 - LV.warnCrankMinV) / (LV.restSagV + LV.failDipV - dip0)),
}

/** HV cells: max − min spread (mV) grows from the healthy base to the hard-failure spread. */
export const IMBALANCE = {
  failSpreadMv: 300,
  warnSpreadMv: 80,
  spreadMv: (base: number, s: number) => base + (IMBALANCE.failSpreadMv - base) * s,
  warnSeverity: (base: number) => clamp01((IMBALANCE.warnSpreadMv - base) / (IMBALANCE.failSpreadMv - base)),
}

/** Tyre: cold (20 °C) pressure falls from its inflation to 74 % of placard (TPMS warns at 75 %). */
export const TYRE = {
  failFraction: 0.74,
  tpmsFraction: 0.75,
  warnFraction: 0.85,
  coldKPa: (p0: number, placard: number, s: number) => p0 - (p0 - TYRE.failFraction * placard) * s,
  warnSeverity: (p0: number, placard: number) => clamp01((p0 - TYRE.warnFraction * placard) / (p0 - TYRE.failFraction * placard)),
}

/** Cooling (failing pump or fan): heat is no longer rejected, so coolant climbs while driving, more under load. */
export const COOLING = {
  maxExtraC: 130,
  warnC: 100,
  /** Healthy coolant and load factor of typical driving (~10 kW), used to plan the warning. */
  nominalC: 40,
  nominalLoadKW: 10,
  extraC: (s: number, loadKW: number) => s * COOLING.maxExtraC * (0.6 + 0.4 * Math.min(1, Math.abs(loadKW) / 15)),
  warnSeverity: () => clamp01((COOLING.warnC - COOLING.nominalC) / COOLING.extraC(1, COOLING.nominalLoadKW)),
}

/** Brake pad (one side): a dragging caliper adds wear on top of normal wear, up to the wear limit. */
export const PAD = {
  limitPct: 96,
  failPct: 95,
  warnSlopePctPerDay: 1,
  warnPct: 80,
  extraPct: (wearAtOnset: number, s: number) => (PAD.limitPct - wearAtOnset) * s,
  warnSeverity: (wearAtOnset: number) => clamp01((PAD.warnPct - wearAtOnset) / (PAD.limitPct - wearAtOnset)),
}

/** HV insulation: falls log-linearly from its healthy value below 100 Ω/V of the pack voltage (UN ECE R100). */
export const INSULATION = {
  warnKOhm: 500,
  failOhmPerV: 90,
  failKOhm: (packMaxV: number) => (INSULATION.failOhmPerV * packMaxV) / 1000,
  kOhm: (r0: number, failKOhm: number, s: number) => r0 * Math.pow(failKOhm / r0, s),
  warnSeverity: (r0: number, failKOhm: number) => clamp01(Math.log(r0 / INSULATION.warnKOhm) / Math.log(r0 / failKOhm)),
}

/** State of health: fades from its value at onset to 69.5 % (hard failure at 70 %). */
export const SOH = {
  failPct: 70,
  endPct: 69.5,
  warnPct: 80,
  pct: (sohAtOnset: number, s: number) => sohAtOnset - (sohAtOnset - SOH.endPct) * s,
  warnSeverity: (sohAtOnset: number) => clamp01((sohAtOnset - SOH.warnPct) / (sohAtOnset - SOH.endPct)),
}

function clamp01 (x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}
