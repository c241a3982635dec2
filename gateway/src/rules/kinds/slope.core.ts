import { CLEAR, HOLD, RAISE, type Verdict } from '../slot.core.js'
import type { SlopeParams } from '../rule.schema.js'
import { fmt, seconds, type KindBehaviour } from './kind.js'
import { addAndFit, robustFit, windowSpec, windowed } from './windowed.js'
import { reasonOf } from '../reason.core.js'

/**
 * Raises when the trend (units per day) is beyond perDay *on the evidence*:
 * the one-sided confidence bound of the Theil–Sen slope nearest zero
 * (robust-trend.core.ts), not the point estimate, must be past perDay.
 * Clears when the Theil–Sen point estimate is back past clearPerDay.
 *
 * The least-squares line over the same buckets (O(1) per sample) screens:
 * the robust fit (O(n²) in buckets) runs only when the least-squares slope
 * is within half of perDay of raising, or while the rule is raised, and at
 * most once per bucket (its verdict is cached in the slot's n/mean fields,
 * which window kinds do not otherwise use).
 */
export function slopeKind (k: SlopeParams, name: string, clearForMs: number): KindBehaviour {
  const above = k.op === 'above'
  const clearPerDay = k.clearPerDay ?? k.perDay
  const w = windowed(windowSpec(k.windowS, undefined, 'mean'), k.windowS, k.minSamples, k.minSpanS, k.confidence)
  const windowMs = k.windowS * 1000
  const screen = above ? k.perDay - Math.abs(k.perDay) / 2 : k.perDay + Math.abs(k.perDay) / 2
  const level = `${fmt((k.confidence ?? 0.99) * 100)} %`
  return {
    raiseForMs: (k.forS ?? 0) * 1000,
    clearForMs,
    acceptsLate: true,
    window: w.spec,
    judge (slot, ts, x) {
      const f = addAndFit(slot, ts, x, w)
      if (f === null) return HOLD
      const s = f.slopePerDay
      if (!slot.active && !(above ? s > screen : s < screen)) {
        slot.observed = s
        return (above ? s < clearPerDay : s > clearPerDay) ? CLEAR : HOLD
      }
      const key = Math.floor(slot.lastTs / w.spec.bucketMs)
      if (slot.n !== key) {
        slot.n = key
        let verdict: Verdict = HOLD
        if (robustFit(slot, w)) {
          const r = w.robust
          const bound = (above ? r.slopeLo : r.slopeHi) * w.perDay
          const point = r.slope * w.perDay
          verdict = (above ? bound > k.perDay : bound < k.perDay) ? RAISE : (above ? point < clearPerDay : point > clearPerDay) ? CLEAR : HOLD
          slot.variance = point
          slot.observed = verdict === RAISE ? bound : point
        } else {
          slot.observed = s
        }
        slot.mean = verdict
      }
      return slot.mean as Verdict
    },
    describe (slot, raised) {
      const trend = { rule: name, slope: fmt(slot.observed), window: seconds(windowMs) }
      return raised
        ? { ...reasonOf('server.reason.slope.raise', { ...trend, level: String(level), op: k.op, limit: fmt(k.perDay) }), threshold: k.perDay, observed: slot.observed }
        : { ...reasonOf('server.reason.slope.clear', { ...trend, direction: above ? 'below' : 'above', limit: fmt(clearPerDay) }), threshold: clearPerDay, observed: slot.observed }
    },
  }
}
