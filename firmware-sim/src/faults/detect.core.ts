import { signalId } from '@fleetwire/proto'
import type { WarningRule } from './fault-types.core.js'
import { ATM_KPA, DAY_MS, KELVIN } from '../physics/constants.core.js'
import type { VehicleRun } from '../physics/run-vehicle.core.js'

const TYRE_TEMP_FL = signalId('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature')
const TYRE_PRESSURES = new Set([40, 41, 42, 43])

/**
 * A reference evaluation of a warning rule over one vehicle's samples: the
 * first time it holds for `persist` consecutive samples (slopes: day-mean to
 * day-mean). Tyre pressures are compensated to 20 °C with the tyre
 * temperature. Used by the tests to check that faults cross their rules near
 * the planned time and that healthy vehicles never do.
 */
export function firstCrossing (run: VehicleRun, rule: WarningRule, fromMs: number, persist = 3): number | undefined {
  const { id, value, t } = run.samples
  const minusAt = new Map<number, number>()
  if (rule.minus !== undefined) for (let i = 0; i < id.length; i++) if (id[i] === rule.minus.signalId) minusAt.set(t[i] as number, value[i] as number)
  const points: Array<[number, number]> = []
  let tyreTemp = 20
  for (let i = 0; i < id.length; i++) {
    if (id[i] === TYRE_TEMP_FL) tyreTemp = value[i] as number
    if (id[i] !== rule.signalId || (t[i] as number) < fromMs) continue
    let x = value[i] as number
    if (rule.minus !== undefined) {
      const m = minusAt.get(t[i] as number)
      if (m === undefined) continue
      x -= m
    }
    if (TYRE_PRESSURES.has(rule.signalId)) x = (x + ATM_KPA) * (20 + KELVIN) / (tyreTemp + KELVIN) - ATM_KPA
    points.push([t[i] as number, x])
  }
  if (rule.comparator === 'slope-above' || rule.comparator === 'slope-below') return slopeCrossing(points, rule)
  let streak = 0
  for (const [ts, x] of points) {
    const hit = rule.comparator === 'above' ? x > rule.threshold : x < rule.threshold
    streak = hit ? streak + 1 : 0
    if (streak >= persist) return ts
  }
  return undefined
}

function slopeCrossing (points: Array<[number, number]>, rule: WarningRule): number | undefined {
  const days = new Map<number, { sum: number, n: number }>()
  for (const [ts, x] of points) {
    const d = Math.floor(ts / DAY_MS)
    const e = days.get(d) ?? { sum: 0, n: 0 }
    e.sum += x
    e.n++
    days.set(d, e)
  }
  const means = [...days.entries()].sort((a, b) => a[0] - b[0]).map(([d, e]) => [d, e.sum / e.n] as const)
  for (let i = 1; i < means.length; i++) {
    const [d0, m0] = means[i - 1] as readonly [number, number]
    const [d1, m1] = means[i] as readonly [number, number]
    const slope = (m1 - m0) / (d1 - d0)
    if (rule.comparator === 'slope-above' ? slope > rule.threshold : slope < rule.threshold) return (d1 + 1) * DAY_MS
  }
  return undefined
}
