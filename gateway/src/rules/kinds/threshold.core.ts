import { CLEAR, HOLD, RAISE } from '../slot.core.js'
import type { ThresholdParams } from '../rule.schema.js'
import { fmt, seconds, type KindBehaviour } from './kind.js'

/** Raise beyond `raise` for forS, clear back past `clear` for clearForS; between the two nothing changes (hysteresis). */
export function thresholdKind (k: ThresholdParams, name: string): KindBehaviour {
  const above = k.op === 'above'
  const raiseForMs = k.forS * 1000
  const clearForMs = k.clearForS * 1000
  return {
    raiseForMs,
    clearForMs,
    acceptsLate: false,
    window: null,
    judge (slot, _ts, x) {
      slot.observed = x
      if (above ? x > k.raise : x < k.raise) return RAISE
      if (above ? x < k.clear : x > k.clear) return CLEAR
      return HOLD
    },
    describe (slot, raised) {
      const v = fmt(slot.observed)
      return raised
        ? { reason: `${name}: ${v} ${k.op} ${fmt(k.raise)} for ${seconds(raiseForMs)}`, threshold: k.raise, observed: slot.observed }
        : { reason: `${name}: ${v}, back ${above ? 'below' : 'above'} ${fmt(k.clear)} for ${seconds(clearForMs)}`, threshold: k.clear, observed: slot.observed }
    },
  }
}
