import type { CompiledRule } from './compile.core.js'
import type { VehicleRuleState } from './vehicle-state.core.js'

/**
 * Why a rule did or did not judge a vehicle's last sample: a rule whose
 * inputs are missing or too sparse must say so, not stay silent as if the
 * vehicle were healthy. Kept per (vehicle, rule) in RuleSlot.status.
 */
export const RULE_STATUS = [
  /** The last sample was judged. */
  'evaluated',
  /** `derived.minus` has no sample at the timestamp of the rule's own (the pair never arrived). */
  'missing-minus',
  /** Neither the compensation temperature nor its fallback has been reported recently. */
  'missing-temperature',
  /** The enabling conditions (`when`) were false. */
  'conditions-false',
  /** Window kinds: too few samples, too short a span, or too few buckets for a trend. */
  'too-sparse',
  /** Cohort kinds: too few other vehicles of the model yet (or the vehicle's own baseline is warming up). */
  'warming-up',
] as const
export type RuleStatus = typeof RULE_STATUS[number]
export const STATUS_EVALUATED = 0
export const STATUS_MISSING_MINUS = 1
export const STATUS_MISSING_TEMPERATURE = 2
export const STATUS_CONDITIONS_FALSE = 3
export const STATUS_TOO_SPARSE = 4
export const STATUS_WARMING_UP = 5

export interface RuleStatusSummary {
  ruleId: string
  /** Vehicles whose last sample for the rule was judged. */
  evaluated: number
  /** Vehicles the rule knows but could not judge, by reason. */
  inactive: Partial<Record<Exclude<RuleStatus, 'evaluated'>, number>>
  /** Vehicles that never sent the rule's signal (e.g. a BEV for an engine signal): not counted in either. */
  noData: number
  /** Vehicles that judged the last sample on a fallback input (compensation from ambient temperature). */
  onFallback: number
}

/** Counts, over vehicle states, how a rule fares; `rule` is the compiled rule of the set the states belong to. */
export function summarizeRuleStatus (rule: CompiledRule, states: Iterable<VehicleRuleState>): RuleStatusSummary {
  const out: RuleStatusSummary = { ruleId: rule.id, evaluated: 0, inactive: {}, noData: 0, onFallback: 0 }
  for (const s of states) {
    const slot = s.slots[rule.index]
    if (slot === undefined || slot.status < 0) {
      out.noData++
      continue
    }
    if (slot.status === STATUS_EVALUATED) {
      out.evaluated++
      if (slot.onFallback) out.onFallback++
      continue
    }
    const reason = RULE_STATUS[slot.status] as Exclude<RuleStatus, 'evaluated'>
    out.inactive[reason] = (out.inactive[reason] ?? 0) + 1
  }
  return out
}
