import { createWindow, type WindowSpec } from './bucket-window.core.js'
import type { DiagnosticEvent } from './types.js'

/**
 * The state of one rule for one vehicle. One shape for every kind (fields a
 * kind does not use stay at their initial value) so that the hot path stays
 * monomorphic.
 */
export interface RuleSlot {
  /** Newest event time evaluated (-Infinity: none yet). */
  lastTs: number
  /** The rule has raised and not cleared since. */
  active: boolean
  /** Event time at which the pending raise or clear condition began to hold (NaN: none pending). */
  since: number
  /** What the kind compared last (value, slope, z, days to limit, silence), for the transition detail. */
  observed: number
  /** The rule's latest own sample (NaN once fed) and latest `derived.minus` sample: paired by timestamp. */
  ownTs: number
  ownValue: number
  partnerTs: number
  partnerValue: number
  /** EWMA baseline. */
  n: number
  mean: number
  variance: number
  /** Window kinds: the bucket ring (bucket-window.core.ts), shaped by the rule's WindowSpec. */
  readonly window: Float64Array | null
  /** Why the last sample was or was not judged (rule-status.core.ts); -1 until a sample arrives. */
  status: number
  /** The last judged sample used a fallback input (ambient instead of tyre temperature). */
  onFallback: boolean
  /** DTC rules: the matching codes currently failing, and the last matching event. */
  codes: string[]
  event: DiagnosticEvent | null
}

export function createSlot (window: WindowSpec | null): RuleSlot {
  return {
    lastTs: -Infinity,
    active: false,
    since: Number.NaN,
    observed: Number.NaN,
    ownTs: Number.NaN,
    ownValue: 0,
    partnerTs: Number.NaN,
    partnerValue: 0,
    n: 0,
    mean: 0,
    variance: 0,
    window: window === null ? null : createWindow(window),
    status: -1,
    onFallback: false,
    codes: [],
    event: null,
  }
}

export const HOLD = 0
export const RAISE = 1
export const CLEAR = 2
/** What a kind concludes from one sample: the raise condition holds, the clear condition holds, or neither (hysteresis band, not enough data). */
export type Verdict = typeof HOLD | typeof RAISE | typeof CLEAR

/**
 * Advances the raise/clear debounce of a slot. A raise needs RAISE verdicts
 * without interruption for raiseForMs of event time; a clear needs CLEAR
 * verdicts for clearForMs. Returns the event time at which the now-completed
 * condition began to hold when the slot flips, NaN otherwise.
 */
export function stepGate (slot: RuleSlot, verdict: Verdict, tsMs: number, raiseForMs: number, clearForMs: number): number {
  if (verdict !== (slot.active ? CLEAR : RAISE)) {
    slot.since = Number.NaN
    return Number.NaN
  }
  if (Number.isNaN(slot.since)) slot.since = tsMs
  if (tsMs - slot.since < (slot.active ? clearForMs : raiseForMs)) return Number.NaN
  const began = slot.since
  slot.active = !slot.active
  slot.since = Number.NaN
  return began
}
