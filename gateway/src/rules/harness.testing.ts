import { signalId } from '@fleetwire/proto'
import { compileRules, createModelCohorts, type CompiledRuleSet } from './compile.core.js'
import { evaluateSample } from './evaluate.core.js'
import { validateRule, type Rule } from './rule.schema.js'
import type { EvalContext, RuleTransition, VehicleContext } from './types.js'
import { createVehicleRuleState, type VehicleRuleState } from './vehicle-state.core.js'

/** Test support for the rules core: explicit event times, no clock. */
export const T0 = Date.UTC(2025, 0, 6)
export const S = 1000
export const MIN = 60 * S
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR

export const DRIVING: VehicleContext = { key: 1, model: 'FW-E1', powerState: 'driving', ignitionOn: true }

type RuleInput = Omit<Rule, 'id' | 'name' | 'enabled' | 'severity'> & Partial<Pick<Rule, 'id' | 'name' | 'enabled' | 'severity'>>

/** A validated rule document with test defaults; throws when the test wrote an invalid one. */
export function rule (r: RuleInput): Rule {
  const v = validateRule({ id: 'r', name: 'rule under test', enabled: true, severity: 'major', ...r })
  if (!v.ok) throw new Error(v.error.detail)
  return v.value
}

export interface Harness {
  readonly set: CompiledRuleSet
  state: VehicleRuleState
  ctx: EvalContext
  /** Every transition so far, in emission order. */
  readonly out: RuleTransition[]
  feed (signal: string, tsMs: number, value: number): readonly RuleTransition[]
}

export function harness (rules: Rule[], vehicle: VehicleContext = DRIVING): Harness {
  const set = compileRules(rules)
  const h: Harness = {
    set,
    state: createVehicleRuleState(set),
    ctx: { vehicle, cohort: createModelCohorts(set) },
    out: [],
    feed (signal, tsMs, value) {
      const t = evaluateSample(set, h.state, h.ctx, signalId(signal), tsMs, value)
      h.out.push(...t)
      return t
    },
  }
  return h
}

/** Deterministic pseudo-random numbers (mulberry32) and a normal deviate. */
export function rng (seed: number): { uniform: () => number, normal: () => number } {
  let a = seed >>> 0
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()) }
}

export const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
export const CELL_MAX = 'Vehicle.Powertrain.TractionBattery.CellVoltage.Max'
export const CELL_MIN = 'Vehicle.Powertrain.TractionBattery.CellVoltage.Min'
export const SOC = 'Vehicle.Powertrain.TractionBattery.StateOfCharge.Current'
export const CRANK = 'Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage'
export const TYRE_FL = 'Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure'
export const TYRE_TEMP_FL = 'Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature'
