/**
 * Rollup bucket width. One minute: see migration 0032 (row counts) — the
 * history route's smallest automatic bucket is 60 s.
 */
export const ROLLUP_WIDTH_MS = 60_000

/** Start of the width-aligned (epoch-aligned) bucket holding ms. */
export function floorTo (ms: number, widthMs: number): number {
  return Math.floor(ms / widthMs) * widthMs
}

/** End of the width-aligned bucket holding ms (ms itself when aligned); ±Infinity stays. */
export function ceilTo (ms: number, widthMs: number): number {
  return Math.ceil(ms / widthMs) * widthMs
}

/**
 * Job steps end on multiples of this. Rows are merged by the step their
 * start falls in, so a step need not end on a bucket boundary: short steps
 * spread the job's work over the minute instead of one burst per minute.
 */
export const ROLLUP_STEP_ALIGN_MS = 10_000

/**
 * The next range the rollup job aggregates: from where it stopped (or, the
 * first time, from the bucket of the earliest stored batch, else from now)
 * up to the last step boundary before closedMs, at most maxStepMs long.
 * null when nothing is closed.
 */
export function nextRange (doneMs: number, firstMs: number | null, closedMs: number, maxStepMs: number): { fromMs: number, toMs: number } | null {
  const closed = floorTo(closedMs, ROLLUP_STEP_ALIGN_MS)
  const fromMs = doneMs !== -Infinity ? doneMs : Math.min(firstMs === null ? closed : floorTo(firstMs, ROLLUP_WIDTH_MS), closed)
  const step = Math.max(ROLLUP_STEP_ALIGN_MS, floorTo(maxStepMs, ROLLUP_STEP_ALIGN_MS))
  const toMs = Math.min(fromMs + step, closed)
  return toMs < fromMs ? null : { fromMs, toMs }
}

/** Aggregates over the whole bucket starting at tsMs (buckets are epoch-aligned). */
export interface BucketPoint {
  tsMs: number
  min: number
  max: number
  avg: number
  last: number
  count: number
}

/**
 * How a bucketed history read splits: [startMs, splitMs) comes from the
 * rollup, the rest from raw rows. The rollup serves only requested buckets
 * that are whole multiples of its width, and only below coveredMs (where it
 * is exact). The split is on a rollup bucket boundary, so the requested
 * bucket holding it is read from both sources (mergeSplitBucket): raw rows
 * are read only after the rollup's bound, never for a whole requested
 * bucket (an hour of a busy vehicle is tens of thousands of rows).
 */
export function rollupSplit (startMs: number, endMs: number, bucketMs: number, coveredMs: number): number {
  if (bucketMs % ROLLUP_WIDTH_MS !== 0 || coveredMs === -Infinity) return startMs
  return Math.max(startMs, Math.min(endMs, floorTo(coveredMs, ROLLUP_WIDTH_MS)))
}

/**
 * Joins the rollup's buckets (before the split) and the raw rows' buckets
 * (after it), in time order. A requested bucket holding the split appears
 * in both, each over its part: its average is weighted by the counts and
 * its last value is the raw part's, the later one.
 */
export function mergeSplitBucket (old: readonly BucketPoint[], recent: readonly BucketPoint[]): BucketPoint[] {
  const a = old[old.length - 1]
  const b = recent[0]
  if (a === undefined || b === undefined || a.tsMs !== b.tsMs) return [...old, ...recent]
  const count = a.count + b.count
  const joined: BucketPoint = {
    tsMs: a.tsMs,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    avg: (a.avg * a.count + b.avg * b.count) / count,
    last: b.last,
    count,
  }
  return [...old.slice(0, -1), joined, ...recent.slice(1)]
}
