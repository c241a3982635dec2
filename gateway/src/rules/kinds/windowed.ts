import { addToWindow, createFit, fitWindow, windowBuckets, type Aggregate, type Fit, type WindowSpec } from '../bucket-window.core.js'
import { MIN_ROBUST_POINTS, createRobustFit, normalQuantile, theilSen, type RobustFit } from '../robust-trend.core.js'
import { DEFAULT_WINDOW_BUCKETS } from '../rule-semantics.js'
import type { RuleSlot } from '../slot.core.js'
import { STATUS_TOO_SPARSE } from '../rule-status.core.js'

export function windowSpec (windowS: number, bucketS: number | undefined, aggregate: Aggregate): WindowSpec {
  const bucketMs = Math.max(1, Math.round((bucketS ?? windowS / DEFAULT_WINDOW_BUCKETS) * 1000))
  return { size: Math.ceil((windowS * 1000) / bucketMs), bucketMs, aggregate }
}

/**
 * The window shape of a rule and its fit scratch, shared by all vehicles:
 * evaluation is synchronous, and the fit is read (describe) right after it
 * is computed (judge).
 */
export interface Windowed {
  readonly spec: WindowSpec
  readonly fit: Fit
  readonly minSamples: number
  readonly minSpanMs: number
  /** Robust fit scratch (robustFit), and the normal quantile of the rule's one-sided confidence level. */
  readonly robust: RobustFit
  readonly z: number
  /** Converts a slope per bucket into a slope per day. */
  readonly perDay: number
}

/** One-sided confidence level of trend rules without `confidence`: they are evaluated once per bucket for months, so a single test's 5 % would raise on healthy vehicles every few weeks. */
export const DEFAULT_CONFIDENCE = 0.99

export function windowed (spec: WindowSpec, windowS: number, minSamples: number, minSpanS: number | undefined, confidence = DEFAULT_CONFIDENCE): Windowed {
  return {
    spec,
    fit: createFit(),
    minSamples,
    minSpanMs: (minSpanS ?? windowS / 2) * 1000,
    robust: createRobustFit(),
    z: normalQuantile(confidence),
    perDay: 86_400_000 / spec.bucketMs,
  }
}

/**
 * Theil–Sen fit over the window's closed buckets (the open one changes with
 * every sample; leaving it out makes the fit a function of the head bucket,
 * so kinds can cache its verdict per bucket), valued at the rule's newest
 * time. False when fewer than MIN_ROBUST_POINTS buckets are closed.
 */
export function robustFit (slot: RuleSlot, w: Windowed): boolean {
  const data = slot.window
  if (data === null) return false
  const buckets = windowBuckets(w.spec, data)
  const head = buckets.length > 0 ? (buckets[buckets.length - 1] as [number, number, number])[0] : -1
  const closed = buckets.filter(([b]) => b !== head || b * w.spec.bucketMs + w.spec.bucketMs <= slot.lastTs)
  const n = closed.length
  if (n < MIN_ROBUST_POINTS) {
    slot.status = STATUS_TOO_SPARSE
    return theilSen([], [], 0, w.z, 0, w.robust)
  }
  const origin = (closed[0] as [number, number, number])[0]
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const [b, acc, count] = closed[i] as [number, number, number]
    x[i] = b - origin
    y[i] = w.spec.aggregate === 'mean' ? acc / count : acc
  }
  // Bucket points sit at the bucket's middle.
  return theilSen(x, y, n, w.z, slot.lastTs / w.spec.bucketMs - 0.5 - origin, w.robust)
}

/**
 * Puts the sample in the window (late ones land in their own bucket) and
 * fits the line at the rule's newest time; null while the window holds too
 * few samples or too short a span to trust the fit.
 */
export function addAndFit (slot: RuleSlot, tsMs: number, x: number, w: Windowed): Fit | null {
  const data = slot.window
  if (data === null) return null
  addToWindow(w.spec, data, tsMs, x)
  const f = w.fit
  if (!fitWindow(w.spec, data, slot.lastTs, f) || f.samples < w.minSamples || f.spanMs < w.minSpanMs) {
    slot.status = STATUS_TOO_SPARSE
    return null
  }
  return f
}
