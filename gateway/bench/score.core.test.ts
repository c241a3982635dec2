import { describe, expect, it } from 'vitest'
import type { GroundTruth } from '@fleetwire/firmware-sim'
import { scoreAlerts, summarizeWarning } from './score.core.js'

const DAY = 86_400_000
const start = Date.UTC(2026, 10, 1)
const at = (d: number) => new Date(start + d * DAY).toISOString()
const fault = (vehicleId: string, kind: string, failDay: number) => ({
  vehicleId, model: 'FW-E1', region: 'EU', fleet: 'f', fault: kind, title: kind, target: null, ecuId: 'BMS', dtc: 'P0000', dtcTitle: '',
  onsetAt: at(failDay - 10), hardFailureAt: at(failDay), dtcSetAt: null, warnings: [],
})
const truth: GroundTruth = {
  generator: 'fleetwire-firmware-sim', seed: 1, speed: 1, simStart: at(0), horizonDays: 20, writtenAt: at(20), vehicles: 4, faultyVehicles: 2,
  vehicleIds: ['A', 'B', 'H1', 'H2'],
  faults: [fault('A', 'cooling-fault', 15), fault('B', 'cooling-fault', 16), fault('A', 'pad-wear', 30)],
}

describe('scoreAlerts', () => {
  it('scores recall per fault, precision, false alerts on healthy vehicles and lead time; lists the misses', () => {
    const s = scoreAlerts(truth, [
      { vehicleId: 'A', ruleId: 'coolant-overheat', openedAtMs: start + 11 * DAY },
      { vehicleId: 'A', ruleId: 'coolant-overheat', openedAtMs: start + 12 * DAY }, // a second alert: lead from the first
      { vehicleId: 'B', ruleId: 'coolant-overheat', openedAtMs: start + 17 * DAY }, // after the failure: too late
      { vehicleId: 'H1', ruleId: 'tyre-slow-leak-fl', openedAtMs: start + 5 * DAY }, // false alert
      { vehicleId: 'H2', ruleId: 'dtc-confirmed', openedAtMs: start + 5 * DAY }, // not predictive: ignored
    ], start + 20 * DAY)
    expect(s.recall).toEqual({ 'cooling-fault': 0.5 }) // pad wear fails after the run: not scored
    expect(s.recallCounts).toEqual({ 'cooling-fault': { caught: 1, total: 2 } })
    expect(s.missed).toEqual([{ vehicleId: 'B', fault: 'cooling-fault', hardFailureAt: at(16) }])
    expect(s.precision).toBe(0.75) // 3 of the 4 predictive alerts are on a vehicle with that fault
    expect(s.false_per_1000_vehicle_days).toBe(25) // 1 alert / (2 healthy vehicles × 20 days) × 1000
    expect(s.median_lead_days).toBe(4)
  })
})

describe('summarizeWarning', () => {
  it('derives signal − minus at the instants both were sampled, and counts threshold crossings', () => {
    const max = [[1, 3.80], [2, 3.85], [3, 3.90], [4, 3.95]] as const
    const min = [[1, 3.75], [3, 3.80], [4, 3.84]] as const // no min at t=2: that max is not paired
    const s = summarizeWarning(max, min, 'above', 0.08)
    expect(s.samples).toBe(3)
    expect(s.extreme).toBeCloseTo(0.11)
    expect(s.crossings).toBe(2)
    expect(s.firstCrossingMs).toBe(3)
  })

  it('judges plain thresholds below, and leaves slopes to the backtest', () => {
    expect(summarizeWarning([[1, 900], [2, 450]], null, 'below', 500)).toMatchObject({ samples: 2, extreme: 450, crossings: 1, firstCrossingMs: 2 })
    expect(summarizeWarning([[1, 1], [2, 5]], null, 'slope-above', 1)).toMatchObject({ extreme: 5, crossings: null, firstCrossingMs: null })
    expect(summarizeWarning([], null, 'above', 1)).toMatchObject({ samples: 0, extreme: null })
  })
})
