import { CLEAR, HOLD, RAISE, type RuleSlot } from '../slot.core.js'
import { STATUS_WARMING_UP } from '../rule-status.core.js'
import type { EwmaParams } from '../rule.schema.js'
import { fmt, seconds, type KindBehaviour } from './kind.js'
import { zScore, zSide } from './z-score.js'
import { reasonOf } from '../reason.core.js'

/**
 * Per-vehicle EWMA mean and variance of the value; z = (x − mean) / std.
 * The first warmupSamples only teach the baseline (as a plain running mean,
 * then exponentially weighted). A sample judged anomalous is not learned, so
 * a lasting step keeps the rule raised instead of being absorbed.
 */
export function ewmaKind (k: EwmaParams, name: string, clearForMs: number): KindBehaviour {
  const side = zSide(k.op)
  const clearK = k.clearK ?? k.k
  const minStd = k.minStd ?? 0
  return {
    raiseForMs: k.forS * 1000,
    clearForMs,
    acceptsLate: false,
    window: null,
    judge (slot, _ts, x) {
      if (slot.n < k.warmupSamples) {
        slot.n++
        learn(slot, x, Math.max(k.alpha, 1 / slot.n))
        slot.status = STATUS_WARMING_UP
        return HOLD
      }
      const z = zScore(x, slot.mean, Math.sqrt(slot.variance), minStd)
      slot.observed = z
      const s = side(z)
      if (s > k.k) return RAISE
      learn(slot, x, k.alpha)
      return s < clearK ? CLEAR : HOLD
    },
    describe (slot, raised) {
      return raised
        ? { ...reasonOf('server.reason.ewma.raise', { rule: name, z: fmt(slot.observed), limit: fmt(k.k), duration: seconds(k.forS * 1000) }), threshold: k.k, observed: slot.observed }
        : { ...reasonOf('server.reason.ewma.clear', { rule: name, z: fmt(slot.observed), limit: fmt(clearK) }), threshold: clearK, observed: slot.observed }
    },
  }
}

function learn (slot: RuleSlot, x: number, alpha: number): void {
  const d = x - slot.mean
  const incr = alpha * d
  slot.mean += incr
  slot.variance = (1 - alpha) * (slot.variance + d * incr)
}
