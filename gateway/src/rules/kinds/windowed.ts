import { addToWindow, createFit, fitWindow, type Aggregate, type Fit, type WindowSpec } from '../bucket-window.core.js'
import { DEFAULT_WINDOW_BUCKETS } from '../rule-semantics.js'
import type { RuleSlot } from '../slot.core.js'

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
}

export function windowed (spec: WindowSpec, windowS: number, minSamples: number, minSpanS: number | undefined): Windowed {
  return { spec, fit: createFit(), minSamples, minSpanMs: (minSpanS ?? windowS / 2) * 1000 }
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
  if (!fitWindow(w.spec, data, slot.lastTs, f) || f.samples < w.minSamples || f.spanMs < w.minSpanMs) return null
  return f
}
