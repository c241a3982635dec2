import { signalId } from '@fleetwire/proto'
import { describe, expect, it } from 'vitest'
import { compileRules, createModelCohorts } from '../compile.core.js'
import { evaluateSample } from '../evaluate.core.js'
import { createVehicleRuleState } from '../vehicle-state.core.js'
import { DRIVING, HOUR, MIN, T0, rng, rule } from '../harness.testing.js'
import type { RuleTransition } from '../types.js'

const INSULATION = 'Vehicle.Fleetwire.TractionBattery.InsulationResistance'
const set = compileRules([rule({ signal: INSULATION, kind: { type: 'cohort', op: 'below', k: 4, clearK: 2, minCohort: 5, forS: 1800 } })])
const id = signalId(INSULATION)

/** A fleet of one model sharing one cohort; vehicle 0 is the odd one out from `driftFrom` on. */
function fleet (vehicles: number, driftFrom: number, hours: number): RuleTransition[][] {
  const cohort = createModelCohorts(set)
  const states = Array.from({ length: vehicles }, () => createVehicleRuleState(set))
  const out: RuleTransition[][] = states.map(() => [])
  const r = rng(5)
  for (let t = T0; t < T0 + hours * HOUR; t += 10 * MIN) {
    states.forEach((s, v) => {
      const value = v === 0 && t >= driftFrom ? 1500 : 5000 + 300 * r.normal()
      out[v]?.push(...evaluateSample(set, s, { vehicle: { ...DRIVING, key: v }, cohort }, id, t + v, value))
    })
  }
  return out
}

describe('cohort rules', () => {
  it("raise when a vehicle's value leaves its model's fleet distribution for forS", () => {
    const out = fleet(20, T0 + 5 * HOUR, 8)
    expect(out[0]).toHaveLength(1)
    expect(out[0]?.[0]).toMatchObject({ kind: 'raise', confirmedAtMs: T0 + 5 * HOUR + 30 * MIN })
    expect(out[0]?.[0]?.detail.observed).toBeLessThan(-4)
    expect(out.slice(1).flat()).toEqual([])
  })

  it('hold until minCohort other vehicles report', () => {
    const out = fleet(5, T0, 8)
    expect(out.flat()).toEqual([])
  })
})
