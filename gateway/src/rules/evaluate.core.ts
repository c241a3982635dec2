import type { CompiledRuleSet, CompiledSampleRule } from './compile.core.js'
import { stepGate, type RuleSlot } from './slot.core.js'
import { STATUS_CONDITIONS_FALSE, STATUS_EVALUATED, STATUS_MISSING_MINUS, STATUS_MISSING_TEMPERATURE } from './rule-status.core.js'
import type { EvalContext, RuleTransition } from './types.js'
import { rememberContext, slotOf, type VehicleRuleState } from './vehicle-state.core.js'

export { evaluateDtc } from './kinds/dtc.core.js'
export { evaluateSilence } from './kinds/silence.core.js'

const NONE: readonly RuleTransition[] = Object.freeze([])
const ATM_KPA = 101.325
const KELVIN = 273.15
const REFERENCE_K = 20 + KELVIN
/**
 * A vehicle's own compensation temperature counts as absent when not reported
 * for this long; the rule then uses its fallback (ambient air) instead of
 * waiting for a pair that never comes.
 */
export const TEMPERATURE_ABSENT_MS = 3_600_000

/**
 * Feeds one sample of one vehicle to every rule that watches its signal, in
 * event time. Returns the transitions it caused (usually none: a shared
 * empty array, no allocation). A signal no rule watches costs one Map lookup.
 * Derived values (minus, temperature compensation) pair samples of the same
 * timestamp, arriving in any order.
 *
 * Ordering, per (vehicle, rule): a sample at or before the newest time the
 * rule has evaluated is late. Late samples never move a rule's clock back:
 * - threshold, ewma, cohort drop them (they cannot undo or repeat a transition);
 * - slope and forecast put them into their bucket (if still in the window)
 *   and re-judge at the rule's newest time, so a store-and-forward backlog
 *   improves the fit; a transition this causes is emitted once, like any other;
 * - an exact repeat of the newest timestamp is a replay and is dropped by all;
 * - rules with `when` drop late samples: the vehicle's state back then is unknown.
 */
export function evaluateSample (set: CompiledRuleSet, state: VehicleRuleState, ctx: EvalContext, signalId: number, tsMs: number, value: number): readonly RuleTransition[] {
  const route = set.bySignal.get(signalId)
  if (route === undefined) return NONE
  if (route.contextIndex >= 0) rememberContext(state, route.contextIndex, tsMs, value)
  let out: RuleTransition[] | undefined
  for (const r of route.primary) {
    const slot = slotOf(state, r)
    slot.ownTs = tsMs
    slot.ownValue = value
    const t = tryFeed(r, slot, state, ctx)
    if (t !== undefined) (out ??= []).push(t)
  }
  for (const r of route.minus) {
    const slot = slotOf(state, r)
    slot.partnerTs = tsMs
    slot.partnerValue = value
    const t = tryFeed(r, slot, state, ctx)
    if (t !== undefined) (out ??= []).push(t)
  }
  for (const r of route.compensated) {
    const t = tryFeed(r, slotOf(state, r), state, ctx)
    if (t !== undefined) (out ??= []).push(t)
  }
  for (const r of route.fallback) {
    const t = tryFeed(r, slotOf(state, r), state, ctx)
    if (t !== undefined) (out ??= []).push(t)
  }
  return out ?? NONE
}

/**
 * Derived values pair their inputs by timestamp (vehicles sample a group
 * together): the rule's own sample waits until the `minus` sample and the
 * temperature of the same timestamp have arrived, in any order, and is fed once.
 */
function tryFeed (r: CompiledSampleRule, slot: RuleSlot, state: VehicleRuleState, ctx: EvalContext): RuleTransition | undefined {
  const ts = slot.ownTs
  if (Number.isNaN(ts)) return undefined
  let x = slot.ownValue
  if (r.minusId >= 0) {
    if (slot.partnerTs !== ts) {
      slot.status = STATUS_MISSING_MINUS
      return undefined
    }
    x -= slot.partnerValue
  }
  if (r.temperatureIndex >= 0) {
    const temperature = compensationTemperature(r, state, ts)
    if (Number.isNaN(temperature)) {
      slot.status = STATUS_MISSING_TEMPERATURE
      return undefined
    }
    slot.onFallback = state.latest[2 * r.temperatureIndex] !== ts
    // Ideal gas at constant volume: absolute pressure scales with absolute temperature.
    x = ((x + ATM_KPA) * REFERENCE_K) / (temperature + KELVIN) - ATM_KPA
  }
  slot.ownTs = Number.NaN
  return feed(r, slot, state, ctx, ts, x)
}

/**
 * The temperature to compensate a sample of time ts with: the rule's own
 * temperature signal of the same timestamp; if that signal has not been
 * reported within TEMPERATURE_ABSENT_MS (a vehicle without it, or a dead
 * sensor), the latest fallback temperature within that age. NaN: wait (the
 * own temperature is reported but its pair has not arrived) or give up.
 */
function compensationTemperature (r: CompiledSampleRule, state: VehicleRuleState, ts: number): number {
  const at = 2 * r.temperatureIndex
  const ownTs = state.latest[at] as number
  if (ownTs === ts) return state.latest[at + 1] as number
  if (r.fallbackTemperatureIndex < 0 || ts - ownTs < TEMPERATURE_ABSENT_MS) return Number.NaN
  const fb = 2 * r.fallbackTemperatureIndex
  const fbTs = state.latest[fb] as number
  return Math.abs(ts - fbTs) <= TEMPERATURE_ABSENT_MS ? state.latest[fb + 1] as number : Number.NaN
}

function feed (r: CompiledSampleRule, slot: RuleSlot, state: VehicleRuleState, ctx: EvalContext, tsMs: number, x: number): RuleTransition | undefined {
  const b = r.behaviour
  if (tsMs <= slot.lastTs) {
    if (tsMs === slot.lastTs || !b.acceptsLate || r.when !== null) return undefined
  } else {
    slot.lastTs = tsMs
  }
  if (r.when !== null && !r.when(ctx, state.latest)) {
    slot.since = Number.NaN
    slot.status = STATUS_CONDITIONS_FALSE
    return undefined
  }
  slot.status = STATUS_EVALUATED
  const verdict = b.judge(slot, tsMs, x, ctx)
  const began = stepGate(slot, verdict, slot.lastTs, b.raiseForMs, b.clearForMs)
  if (Number.isNaN(began)) return undefined
  return {
    ruleId: r.id,
    severity: r.severity,
    kind: slot.active ? 'raise' : 'clear',
    atMs: began,
    confirmedAtMs: slot.lastTs,
    value: x,
    detail: b.describe(slot, slot.active),
  }
}
