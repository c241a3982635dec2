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
 * The next range the rollup job aggregates: from where it stopped (or, the
 * first time, from the earliest stored batch, else from now) up to the last
 * closed bucket boundary, at most maxStepMs long. null when nothing is closed.
 */
export function nextRange (doneMs: number, firstMs: number | null, closedMs: number, maxStepMs: number): { fromMs: number, toMs: number } | null {
  const closed = floorTo(closedMs, ROLLUP_WIDTH_MS)
  const fromMs = doneMs !== -Infinity ? doneMs : Math.min(firstMs === null ? closed : floorTo(firstMs, ROLLUP_WIDTH_MS), closed)
  const step = Math.max(ROLLUP_WIDTH_MS, floorTo(maxStepMs, ROLLUP_WIDTH_MS))
  const toMs = Math.min(fromMs + step, closed)
  return toMs < fromMs ? null : { fromMs, toMs }
}

/**
 * How a bucketed history read splits: buckets in [startMs, splitMs) come
 * from the rollup, the rest from raw rows. The rollup serves only requested
 * buckets that are whole multiples of its width, and only below coveredMs
 * (where it is exact); the split stays on a requested bucket boundary so no
 * bucket mixes both sources.
 */
export function rollupSplit (startMs: number, endMs: number, bucketMs: number, coveredMs: number): number {
  if (bucketMs % ROLLUP_WIDTH_MS !== 0 || coveredMs === -Infinity) return startMs
  return Math.max(startMs, Math.min(endMs, floorTo(coveredMs, bucketMs)))
}
