import type { WindowSpec } from '../bucket-window.core.js'
import type { RuleSlot, Verdict } from '../slot.core.js'
import type { EvalContext, TransitionDetail } from '../types.js'

/** One sample-driven detector, compiled from its rule's parameters. */
export interface KindBehaviour {
  /** Judges the (derived) value x at event time tsMs; slot.lastTs is already the rule's newest time. */
  readonly judge: (slot: RuleSlot, tsMs: number, x: number, ctx: EvalContext) => Verdict
  readonly describe: (slot: RuleSlot, raised: boolean) => TransitionDetail
  readonly raiseForMs: number
  readonly clearForMs: number
  /** Window kinds put late samples into their buckets; the others drop them. */
  readonly acceptsLate: boolean
  readonly window: WindowSpec | null
}

export const DAY_MS = 86_400_000

/** Short, stable number formatting for reason texts. */
export function fmt (x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x)
}

export function seconds (ms: number): string {
  return ms % DAY_MS === 0 && ms > 0 ? `${ms / DAY_MS} d` : ms % 3_600_000 === 0 && ms > 0 ? `${ms / 3_600_000} h` : `${ms / 1000} s`
}
