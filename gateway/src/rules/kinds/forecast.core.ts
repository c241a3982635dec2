import { CLEAR, HOLD, RAISE } from '../slot.core.js'
import type { Fit } from '../bucket-window.core.js'
import type { ForecastParams } from '../rule.schema.js'
import type { Prediction } from '../types.js'
import { DAY_MS, fmt, seconds, type KindBehaviour } from './kind.js'
import { addAndFit, windowSpec, windowed } from './windowed.js'

/**
 * Extrapolates the window's trend (one aggregate point per bucket, e.g. the
 * daily minimum of the crank voltage) to the limit. Raises when the limit is
 * expected within horizonS; clears when it is further than clearHorizonS.
 * A fitted value already past the limit counts as zero days.
 */
export function forecastKind (k: ForecastParams, name: string, clearForMs: number): KindBehaviour {
  const below = k.op === 'below'
  const horizonDays = (k.horizonS * 1000) / DAY_MS
  const clearDays = ((k.clearHorizonS ?? k.horizonS) * 1000) / DAY_MS
  const w = windowed(windowSpec(k.windowS, k.bucketS, k.aggregate ?? 'mean'), k.windowS, k.minSamples, k.minSpanS)
  return {
    raiseForMs: (k.forS ?? 0) * 1000,
    clearForMs,
    acceptsLate: true,
    window: w.spec,
    judge (slot, ts, x) {
      const f = addAndFit(slot, ts, x, w)
      if (f === null) return HOLD
      const days = daysToLimit(f, k.limit, below)
      slot.observed = days
      if (days <= horizonDays) return RAISE
      if (days > clearDays) return CLEAR
      return HOLD
    },
    describe (slot, raised) {
      const days = slot.observed
      const f = w.fit
      const prediction: Prediction | undefined = Number.isFinite(days)
        ? { limit: k.limit, expectedAtMs: Math.round(slot.lastTs + days * DAY_MS), daysToLimit: days, slopePerDay: f.slopePerDay, r2: f.r2 }
        : undefined
      const when = Number.isFinite(days) ? `within ${fmt(days)} d` : 'never on the current trend'
      const reason = raised
        ? `${name}: expected ${k.op} ${fmt(k.limit)} ${when} (horizon ${seconds(k.horizonS * 1000)})`
        : `${name}: ${k.op} ${fmt(k.limit)} expected ${when}, beyond ${fmt(clearDays)} d`
      // JSON has no Infinity: "never" is reported as the largest number.
      return { reason, threshold: raised ? horizonDays : clearDays, observed: Number.isFinite(days) ? days : Number.MAX_VALUE, ...(prediction === undefined ? {} : { prediction }) }
    },
  }
}

/** Days from the fit's value now to the limit along the fitted slope; Infinity when the trend moves away from it. */
export function daysToLimit (f: Fit, limit: number, below: boolean): number {
  const gap = below ? f.valueAt - limit : limit - f.valueAt
  if (gap <= 0) return 0
  const towards = below ? -f.slopePerDay : f.slopePerDay
  return towards > 0 ? gap / towards : Number.POSITIVE_INFINITY
}
