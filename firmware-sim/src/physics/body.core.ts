import { COOLING, LV, TYRE } from '../faults/effects.core.js'
import { severityOf } from '../faults/monitor.core.js'
import { WHEELS } from '../faults/fault-types.core.js'
import { ATM_KPA, DAY_MS, KELVIN, LV_DRAIN_V_PER_DAY, TYRE_NATURAL_LOSS_PER_DAY, healthyDipV } from './constants.core.js'
import { daylight } from './ambient.core.js'
import type { VehicleState } from './vehicle-state.core.js'

const relax = (x: number, target: number, dtS: number, tauS: number): number => x + (target - x) * (1 - Math.exp(-dtS / tauS))

/**
 * Thermal and chassis step: coolant (drive unit, or the PHEV engine when it
 * runs) following load and ambient, cabin, tyre temperatures and the tyre
 * pressures that follow them (ideal gas), 12 V battery, signal strength.
 */
export function stepBody (v: VehicleState, dtS: number, ambientC: number, loadKW: number): void {
  const driving = v.phase === 'driving'
  const awake = v.phase !== 'asleep'
  const dcdc = driving || v.phase === 'charging'

  // Coolant: the drive-unit loop runs warm under load up to its radiator's limit.
  let coolantTarget: number
  if (driving && v.engineOn) coolantTarget = Math.min(95, 88 + 0.06 * Math.max(0, loadKW))
  else if (driving) coolantTarget = Math.min(ambientC + 6 + 0.9 * Math.abs(loadKW), 58 + 0.15 * ambientC)
  else if (v.phase === 'charging' && v.dcCharging) coolantTarget = Math.min(ambientC + 12, 45)
  else coolantTarget = ambientC
  if (driving) coolantTarget += COOLING.extraC(severityOf(v, 'cooling-fault'), loadKW)
  v.coolantC = Math.min(135, relax(v.coolantC, coolantTarget, dtS, driving ? 150 : 1500))

  const cabinTarget = awake && (driving || v.phase === 'charging') ? 21 : ambientC + 9 * daylight(v.spec.city, v.t)
  v.cabinC = relax(v.cabinC, cabinTarget, dtS, driving ? 600 : 2400)

  const days = (dtS * 1000) / DAY_MS
  for (let i = 0; i < 4; i++) {
    const heat = driving ? 3 + 0.13 * v.speedKmh : 0
    v.tyreTempC[i] = relax(v.tyreTempC[i] as number, ambientC + heat, dtS, driving ? 600 : 2400)
    v.tyreColdKPa[i] = (v.tyreColdKPa[i] as number) * (1 - TYRE_NATURAL_LOSS_PER_DAY * days)
    const leak = v.faults.length === 0 ? undefined : v.faults.find((f) => f.plan.kind === 'slow-tyre-leak' && (f.plan.target ?? 'FL') === WHEELS[i])
    const cold = leak !== undefined && leak.severity > 0 && leak.atOnset !== undefined
      ? Math.min(v.tyreColdKPa[i] as number, TYRE.coldKPa(leak.atOnset, v.model.placardKPa, leak.severity))
      : v.tyreColdKPa[i] as number
    v.tyreKPa[i] = tyreGaugeKPa(cold, v.tyreTempC[i] as number)
  }

  // 12 V: the DC-DC holds ~14.1 V while it runs and recovers the drain; asleep, a parasitic drain.
  if (dcdc) {
    v.lvDrainV = Math.max(0, v.lvDrainV - (dtS / 3600) * 0.05)
    v.lvV = 14.1
  } else {
    if (!awake) v.lvDrainV = Math.min(0.6, v.lvDrainV + LV_DRAIN_V_PER_DAY * days)
    v.lvV = restingLv(v) - (awake ? 0.05 : 0)
  }

  if (v.noCoverage) v.signalDbm = -121
  else v.signalDbm = Math.max(-112, Math.min(-62, relax(v.signalDbm, -85, dtS, 900) + (awake ? v.rng.normal(0, 0.6) : 0)))
}

/** Gauge pressure of a tyre whose pressure at 20 °C is coldKPa, at tempC (ideal gas, absolute pressure ∝ kelvin). */
export function tyreGaugeKPa (coldKPa: number, tempC: number): number {
  return (coldKPa + ATM_KPA) * (tempC + KELVIN) / (20 + KELVIN) - ATM_KPA
}

export function restingLv (v: VehicleState): number {
  return LV.restV(v.spec.init.lvRestV, severityOf(v, 'weak-12v-battery')) - v.lvDrainV
}

/** The 12 V dip at a crank (PHEV) or wake-up (contactors, DC-DC start): deeper with a weak battery and in the cold. */
export function crank (v: VehicleState, ambientC: number): number {
  const dip = LV.dipV(healthyDipV(v.model.powertrain), severityOf(v, 'weak-12v-battery'), ambientC)
  v.crankMinV = Math.max(0, restingLv(v) - dip)
  return v.crankMinV
}
