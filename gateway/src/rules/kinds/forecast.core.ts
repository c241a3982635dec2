import { CLEAR, HOLD, RAISE, type Verdict } from '../slot.core.js'
import type { Fit } from '../bucket-window.core.js'
import type { ForecastParams } from '../rule.schema.js'
import type { Prediction } from '../types.js'
import { conservativeDaysToLimit, pointDaysToLimit } from '../robust-trend.core.js'
import { DAY_MS, fmt, seconds, type KindBehaviour } from './kind.js'
import { addAndFit, robustFit, windowSpec, windowed } from './windowed.js'
import { reasonOf } from '../reason.core.js'

/**
 * Extrapolates the window's trend (one aggregate point per bucket, e.g. the
 * daily minimum of the crank voltage) to the limit, on the evidence: raises
 * when the limit is reached within horizonS by the confidence bound of the
 * Theil–Sen fit (the level's bound on the safe side, moving at the slope's
 * bound nearest zero; robust-trend.core.ts), so noise that a point estimate
 * would extrapolate does not raise. Clears when the point estimate is further
 * than clearHorizonS. A level already past the limit counts as zero days.
 *
 * As in slope rules, the least-squares line screens (robust fit only when it
 * predicts the limit within twice the horizon, or while raised) and the
 * robust verdict is cached per bucket.
 */
export function forecastKind (k: ForecastParams, name: string, clearForMs: number): KindBehaviour {
  const below = k.op === 'below'
  const horizonDays = (k.horizonS * 1000) / DAY_MS
  const clearDays = ((k.clearHorizonS ?? k.horizonS) * 1000) / DAY_MS
  const w = windowed(windowSpec(k.windowS, k.bucketS, k.aggregate ?? 'mean'), k.windowS, k.minSamples, k.minSpanS, k.confidence)
  return {
    raiseForMs: (k.forS ?? 0) * 1000,
    clearForMs,
    acceptsLate: true,
    window: w.spec,
    judge (slot, ts, x) {
      const f = addAndFit(slot, ts, x, w)
      if (f === null) return HOLD
      const screened = daysToLimit(f, k.limit, below)
      if (!slot.active && screened > 2 * horizonDays) {
        slot.observed = screened
        slot.variance = f.slopePerDay
        return screened > clearDays ? CLEAR : HOLD
      }
      const key = Math.floor(slot.lastTs / w.spec.bucketMs)
      if (slot.n !== key) {
        slot.n = key
        let verdict: Verdict = HOLD
        if (robustFit(slot, w)) {
          const bound = conservativeDaysToLimit(w.robust, k.limit, below, w.z, w.perDay)
          const point = pointDaysToLimit(w.robust, k.limit, below, w.perDay)
          verdict = bound <= horizonDays ? RAISE : point > clearDays ? CLEAR : HOLD
          slot.observed = verdict === RAISE ? bound : point
          slot.variance = w.robust.slope * w.perDay
        } else {
          slot.observed = screened
          slot.variance = f.slopePerDay
        }
        slot.mean = verdict
      }
      return slot.mean as Verdict
    },
    describe (slot, raised) {
      const days = slot.observed
      const prediction: Prediction | undefined = Number.isFinite(days)
        ? { limit: k.limit, expectedAtMs: Math.round(slot.lastTs + days * DAY_MS), daysToLimit: days, slopePerDay: slot.variance, r2: w.fit.r2 }
        : undefined
      const when = { rule: name, op: k.op, limit: fmt(k.limit), when: Number.isFinite(days) ? 'within' : 'never', days: fmt(days) }
      const text = raised
        ? reasonOf('server.reason.forecast.raise', { ...when, horizon: seconds(k.horizonS * 1000) })
        : reasonOf('server.reason.forecast.clear', { ...when, clearDays: fmt(clearDays) })
      // JSON has no Infinity: "never" is reported as the largest number.
      return { ...text, threshold: raised ? horizonDays : clearDays, observed: Number.isFinite(days) ? days : Number.MAX_VALUE, ...(prediction === undefined ? {} : { prediction }) }
    },
  }
}

/** Days from the least-squares value now to the limit along its slope; Infinity when the trend moves away from it. */
export function daysToLimit (f: Fit, limit: number, below: boolean): number {
  const gap = below ? f.valueAt - limit : limit - f.valueAt
  if (gap <= 0) return 0
  const towards = below ? -f.slopePerDay : f.slopePerDay
  return towards > 0 ? gap / towards : Number.POSITIVE_INFINITY
}
