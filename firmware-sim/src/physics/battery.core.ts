import { IMBALANCE, INSULATION, SOH } from '../faults/effects.core.js'
import { CELL_MAX_V, DAY_MS, SOH_HEALTHY_FADE_PCT_PER_DAY } from './constants.core.js'
import { severityOf } from '../faults/monitor.core.js'
import type { VehicleState } from './vehicle-state.core.js'

/** Open-circuit voltage of an NMC cell over state of charge (piecewise linear). */
const OCV: ReadonlyArray<readonly [number, number]> = [
  [0, 3.0], [5, 3.35], [10, 3.45], [20, 3.55], [40, 3.65], [60, 3.8], [80, 3.95], [90, 4.05], [100, 4.18],
]

export function cellOcv (socPct: number): number {
  const s = Math.max(0, Math.min(100, socPct))
  for (let i = 1; i < OCV.length; i++) {
    const [s1, v1] = OCV[i] as readonly [number, number]
    if (s <= s1) {
      const [s0, v0] = OCV[i - 1] as readonly [number, number]
      return v0 + ((v1 - v0) * (s - s0)) / (s1 - s0)
    }
  }
  return CELL_MAX_V
}

/**
 * One step of the traction battery with `batteryKW` drawn from it (negative:
 * charging). State of charge against the usable capacity (which shrinks
 * with state of health), pack current and terminal voltage from the cell
 * curve and internal resistance, cell spread, pack temperature following
 * I²R heat and ambient with active cooling, insulation, calendar fade.
 */
export function stepBattery (v: VehicleState, dtS: number, batteryKW: number, ambientC: number): void {
  const m = v.model
  const capacityKWh = m.packKWh * (v.sohPct / 100)
  const effKW = batteryKW < 0 ? batteryKW * 0.93 : batteryKW
  v.socPct = Math.max(0, Math.min(100, v.socPct - ((effKW * dtS) / 3600 / capacityKWh) * 100))

  const ocvPack = cellOcv(v.socPct) * m.cellsInSeries
  const currentA = (batteryKW * 1000) / ocvPack
  v.currentA = Math.max(-999, Math.min(999, currentA))
  v.packV = ocvPack - v.currentA * m.packOhm

  const spreadMv = IMBALANCE.spreadMv(v.spec.init.cellSpreadMv, severityOf(v, 'cell-imbalance')) + 0.03 * Math.abs(v.currentA)
  const meanCell = v.packV / m.cellsInSeries
  v.cellMinV = meanCell - (0.7 * spreadMv) / 1000
  v.cellMaxV = meanCell + (0.3 * spreadMv) / 1000

  // I²R heating plus losses growing with throughput; the thermal system caps the pack near 32 °C with a little overshoot.
  const heatW = v.currentA * v.currentA * m.packOhm
  let target = ambientC + heatW * 0.02 + 0.12 * Math.abs(batteryKW)
  if (target > 32) target = 32 + (target - 32) * 0.12
  v.packTempC += (target - v.packTempC) * (1 - Math.exp(-dtS / 1800))

  const s = severityOf(v, 'insulation-falling')
  const failKOhm = INSULATION.failKOhm(m.cellsInSeries * CELL_MAX_V)
  v.insulationKOhm = INSULATION.kOhm(v.spec.init.insulationKOhm, failKOhm, s)

  v.sohHealthyPct -= (SOH_HEALTHY_FADE_PCT_PER_DAY * dtS * 1000) / DAY_MS
  const fade = v.faults.find((f) => f.plan.kind === 'soh-fast-fade')
  v.sohPct = fade === undefined || fade.severity === 0 || fade.atOnset === undefined
    ? v.sohHealthyPct
    : Math.min(v.sohHealthyPct, SOH.pct(fade.atOnset, fade.severity))
}
