import { CLEAR, HOLD, RAISE } from '../slot.core.js'
import type { ThresholdParams } from '../rule.schema.js'
import type { EvalContext } from '../types.js'
import { fmt, seconds, type KindBehaviour } from './kind.js'
import { reasonOf } from '../reason.core.js'

/**
 * Raise beyond `raise` for forS, clear back past `clear` for clearForS;
 * between the two nothing changes (hysteresis). With `modelLimit` the raise
 * limit is the vehicle model's catalogued value (× factor) and the clear
 * limit clearMargin back from it; models without that value use raise/clear.
 * The limits judged last are kept in the slot (mean = raise, variance = clear)
 * for the transition's reason.
 */
export function thresholdKind (k: ThresholdParams, name: string): KindBehaviour {
  const above = k.op === 'above'
  const raiseForMs = k.forS * 1000
  const clearForMs = k.clearForS * 1000
  const ml = k.modelLimit
  const limits = (ctx: EvalContext): [number, number] => {
    const v = ml === undefined ? undefined : ctx.model?.[ml.field]
    if (ml === undefined || v === undefined) return [k.raise, k.clear]
    const raise = v * (ml.factor ?? 1)
    return [raise, above ? raise - ml.clearMargin : raise + ml.clearMargin]
  }
  return {
    raiseForMs,
    clearForMs,
    acceptsLate: false,
    window: null,
    judge (slot, _ts, x, ctx) {
      const [raise, clear] = limits(ctx)
      slot.observed = x
      slot.mean = raise
      slot.variance = clear
      if (above ? x > raise : x < raise) return RAISE
      if (above ? x < clear : x > clear) return CLEAR
      return HOLD
    },
    describe (slot, raised) {
      const v = fmt(slot.observed)
      return raised
        ? { ...reasonOf('server.reason.threshold.raise', { rule: name, value: v, op: k.op, limit: fmt(slot.mean), duration: seconds(raiseForMs) }), threshold: slot.mean, observed: slot.observed }
        : { ...reasonOf('server.reason.threshold.clear', { rule: name, value: v, direction: above ? 'below' : 'above', limit: fmt(slot.variance), duration: seconds(clearForMs) }), threshold: slot.variance, observed: slot.observed }
    },
  }
}
