import { describe, expect, it } from 'vitest'
import type { GroundTruth } from '@fleetwire/firmware-sim'
import { componentOfRule, scoreAlerts, summarizeWarning } from './score.core.js'

const DAY = 86_400_000
const start = Date.UTC(2026, 10, 1)
const at = (d: number) => new Date(start + d * DAY).toISOString()
const fault = (vehicleId: string, kind: string, failDay: number, target: string | null = null) => ({
  vehicleId, model: 'FW-E1', region: 'EU', fleet: 'f', fault: kind, title: kind, target, ecuId: 'BMS', dtc: 'P0000', dtcTitle: '',
  onsetAt: at(failDay - 10), hardFailureAt: at(failDay), curve: { shape: 'power' as const, k: 1 }, dtcSetAt: null, warnings: [],
})
const truth: GroundTruth = {
  generator: 'fleetwire-firmware-sim', seed: 1, speed: 1, simStart: at(0), horizonDays: 20, writtenAt: at(20), vehicles: 5, faultyVehicles: 3,
  vehicleIds: ['A', 'B', 'C', 'H1', 'H2'],
  faults: [fault('A', 'cooling-fault', 15), fault('B', 'cooling-fault', 16), fault('A', 'pad-wear', 30, 'R'), fault('C', 'slow-tyre-leak', 18, 'RR')],
}
const raise = (vehicleId: string, ruleId: string, day: number) => ({ vehicleId, ruleId, raisedAtMs: start + day * DAY })

describe('scoreAlerts (strict)', () => {
  it('credits only raises of the family, on the component, between onset and failure; everything else predictive is false', () => {
    const s = scoreAlerts(truth, [
      raise('A', 'coolant-overheat', 11),
      raise('A', 'coolant-overheat', 12), // a second raise: lead from the first
      raise('A', 'coolant-overheat', 2), // before the onset (day 5): false
      raise('B', 'coolant-overheat', 17), // after the failure: late, neither credited nor false
      raise('A', 'brake-pad-wear-fr', 25), // right pad of a fault failing after the run: true, not scored for recall
      raise('A', 'brake-pad-wear-fl', 25), // wrong side: false
      raise('C', 'tyre-slow-leak-fl', 12), // wrong wheel: false, and the leak is missed
      raise('C', 'hv-insulation-forecast', 12), // fault of another family on a faulty vehicle: false
      raise('H1', 'tyre-slow-leak-fl', 5), // healthy vehicle: false
      raise('H2', 'dtc-confirmed', 5), // not predictive: ignored
    ], start + 20 * DAY)
    expect(s.recall).toEqual({ 'cooling-fault': 0.5, 'slow-tyre-leak': 0 })
    expect(s.missed.map((m) => [m.vehicleId, m.fault, m.target])).toEqual([['B', 'cooling-fault', null], ['C', 'slow-tyre-leak', 'RR']])
    expect([s.true_alerts, s.false_alerts, s.late_alerts]).toEqual([3, 5, 1])
    expect(s.precision).toBe(0.375)
    expect(s.byRule['coolant-overheat']).toEqual({ precision: 0.667, true: 2, false: 1, late: 1 })
    expect(s.byRule['brake-pad-wear-fl']).toEqual({ precision: 0, true: 0, false: 1, late: 0 })
    expect(s.false_per_1000_vehicle_days).toBe(25) // 1 false raise / (2 healthy vehicles × 20 days) × 1000
    expect(s.false_per_1000_vehicle_days_all).toBe(50) // 5 / (5 × 20) × 1000
    expect(s.median_lead_days).toBe(4)
  })

  it('maps rules to components: wheels for tyres, sides for front pads, none for the pack', () => {
    expect(componentOfRule('tyre-low-vs-fleet-rl')).toBe('RL')
    expect(componentOfRule('brake-pad-wear-fl')).toBe('L')
    expect(componentOfRule('brake-pad-wear-fr')).toBe('R')
    expect(componentOfRule('hv-cell-spread-high')).toBeNull()
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
