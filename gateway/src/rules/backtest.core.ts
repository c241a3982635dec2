import { compileRules, createModelCohorts } from './compile.core.js'
import { evaluateDtc, evaluateSample } from './evaluate.core.js'
import type { Rule } from './rule.schema.js'
import type { DiagnosticEvent, EvalContext, RuleTransition, VehicleContext } from './types.js'
import type { ModelSpec } from '../models/model.schema.js'
import { createVehicleRuleState } from './vehicle-state.core.js'
import { fail, ok, type Result } from '../common/result.js'

/** Recorded telemetry of one vehicle in columns, ordered by time. */
export interface RecordedSamples {
  readonly signalIds: readonly number[]
  readonly tsMs: readonly number[]
  readonly values: readonly number[]
}

export interface BacktestRun {
  readonly samples: number
  readonly dtcEvents: number
  readonly transitions: readonly RuleTransition[]
}

/** Wire ids of every signal the rule reads (its own, a `minus` partner, temperature, `when` context). */
export function signalsRead (rule: Rule): number[] {
  return [...compileRules([{ ...rule, enabled: true }]).bySignal.keys()]
}

/**
 * Replays a vehicle's recorded history through one rule, exactly as the
 * streaming evaluator would have seen it, and returns the transitions it
 * would have caused. Telemetry and DTC events are merged in event time.
 * The vehicle context (power state) is today's: the registry keeps no
 * history of it, so rules whose `when` reads the power state judge the past
 * by the present. The model's catalogued spec (`model`) is today's too, as
 * live: model limits and powertrain filters apply. A cohort rule compares the
 * vehicle with itself only.
 * Silence is about the live link, not recorded data, so it cannot be replayed.
 */
export function backtestRule (rule: Rule, vehicle: VehicleContext, recorded: RecordedSamples, dtcEvents: readonly DiagnosticEvent[], model?: ModelSpec): Result<BacktestRun, 'GW_RULE_NOT_REPLAYABLE'> {
  if (rule.kind.type === 'silence') return fail('GW_RULE_NOT_REPLAYABLE', 'silence rules watch the live link and cannot be replayed on recorded data')
  const set = compileRules([{ ...rule, enabled: true }])
  const state = createVehicleRuleState(set)
  // With the vehicle's catalogued model, as the live evaluator reads it (model limits, powertrain filters).
  const ctx: EvalContext = model === undefined ? { vehicle, cohort: createModelCohorts(set) } : { vehicle, cohort: createModelCohorts(set), model }
  const transitions: RuleTransition[] = []
  let d = 0
  const n = recorded.tsMs.length
  for (let i = 0; i <= n; i++) {
    const ts = i < n ? recorded.tsMs[i] as number : Infinity
    for (; d < dtcEvents.length && (dtcEvents[d] as DiagnosticEvent).tsMs <= ts; d++) {
      transitions.push(...evaluateDtc(set, state, ctx, dtcEvents[d] as DiagnosticEvent))
    }
    if (i < n) transitions.push(...evaluateSample(set, state, ctx, recorded.signalIds[i] as number, ts, recorded.values[i] as number))
  }
  return ok({ samples: n, dtcEvents: dtcEvents.length, transitions })
}
