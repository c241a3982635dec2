import type { CompiledRule, CompiledRuleSet } from './compile.core.js'
import { createSlot, type RuleSlot } from './slot.core.js'

/**
 * Everything the rules remember about one vehicle. Bounded: one slot per
 * rule (windows have a fixed bucket count, DTC rules keep at most
 * MAX_ACTIVE_CODES codes) and one [tsMs, value] pair per context signal.
 * Tied to the CompiledRuleSet it was made for: after recompiling, carry it
 * over with restoreRuleState(newSet, snapshotRuleState(oldSet, state)).
 */
export interface VehicleRuleState {
  /** By CompiledRule.index; created on first use. */
  readonly slots: Array<RuleSlot | undefined>
  /** [tsMs, value] of each context signal (CompiledRuleSet.contextSignals), NaN until seen. */
  readonly latest: Float64Array
}

export function createVehicleRuleState (set: CompiledRuleSet): VehicleRuleState {
  return { slots: new Array<RuleSlot | undefined>(set.rules.length).fill(undefined), latest: new Float64Array(2 * set.contextSignals.length).fill(Number.NaN) }
}

export function slotOf (state: VehicleRuleState, rule: CompiledRule): RuleSlot {
  let s = state.slots[rule.index]
  if (s === undefined) state.slots[rule.index] = s = createSlot(rule.type === 'sample' ? rule.behaviour.window : null)
  return s
}

/** Keeps the newest value of a context signal (a late sample does not overwrite a newer one). */
export function rememberContext (state: VehicleRuleState, contextIndex: number, tsMs: number, value: number): void {
  const at = 2 * contextIndex
  const seen = state.latest[at] as number
  if (!(tsMs < seen)) {
    state.latest[at] = tsMs
    state.latest[at + 1] = value
  }
}
