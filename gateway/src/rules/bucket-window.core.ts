/**
 * A time window of fixed-width buckets in a ring, one aggregate point per
 * bucket, with running least-squares sums: memory is fixed by the bucket
 * count whatever the sample rate, and adding a sample or fitting the line is
 * O(1) amortised.
 *
 * One Float64Array per window and vehicle (the shape lives in the rule's
 * WindowSpec): with thousands of vehicles the cost of a sample is cache
 * misses, so everything a sample touches sits in one block.
 *
 * Sums cover the closed buckets only; the newest (open) bucket changes with
 * every sample and is added when fitting. x is the bucket index relative to
 * `origin`, re-based (sums recomputed) every few window lengths so x stays
 * small and add/remove rounding never accumulates.
 */
export type Aggregate = 'min' | 'mean' | 'max'

export interface WindowSpec {
  readonly size: number
  readonly bucketMs: number
  readonly aggregate: Aggregate
}

/** A least-squares line over the window. */
export interface Fit {
  points: number
  samples: number
  spanMs: number
  slopePerDay: number
  /** Fitted value at `atMs` passed to fitWindow. */
  valueAt: number
  r2: number
}

const DAY_MS = 86_400_000
const REBASE_AFTER_WINDOWS = 4
// Header slots, then [bucket index (-1 = empty), accumulator (sum, min or max), sample count] per ring slot.
const HEAD = 0
const OLDEST = 1
const ORIGIN = 2
const SAMPLES = 3
const N = 4
const SX = 5
const SY = 6
const SXX = 7
const SXY = 8
const SYY = 9
const BASE = 10

export function createWindow (spec: WindowSpec): Float64Array {
  const w = new Float64Array(BASE + 3 * spec.size)
  w[HEAD] = -1
  w[OLDEST] = -1
  for (let s = 0; s < spec.size; s++) w[BASE + 3 * s] = -1
  return w
}

export function createFit (): Fit {
  return { points: 0, samples: 0, spanMs: 0, slopePerDay: 0, valueAt: 0, r2: 0 }
}

/** Adds a sample, in or out of time order; returns false when it is older than the window. */
export function addToWindow (spec: WindowSpec, w: Float64Array, tsMs: number, value: number): boolean {
  const b = Math.floor(tsMs / spec.bucketMs)
  const head = w[HEAD] as number
  if (b < 0) return false
  if (head < 0) {
    w[HEAD] = w[OLDEST] = w[ORIGIN] = b
  } else if (b > head) {
    advance(spec, w, b)
  } else if (b <= head - spec.size) {
    return false
  }
  const at = BASE + 3 * (b % spec.size)
  if (w[at] !== b) {
    w[at] = b
    w[at + 2] = 0
  }
  const closed = b !== w[HEAD]
  const c = w[at + 2] as number
  if (closed && c > 0) point(w, b, bucketValue(spec, w, at), -1)
  const a = w[at + 1] as number
  w[at + 1] = c === 0 ? value : spec.aggregate === 'mean' ? a + value : spec.aggregate === 'min' ? Math.min(a, value) : Math.max(a, value)
  w[at + 2] = c + 1
  add(w, SAMPLES, 1)
  if (b < (w[OLDEST] as number)) w[OLDEST] = b
  if (closed) point(w, b, bucketValue(spec, w, at), 1)
  return true
}

/**
 * Fits the line through the bucket points; false when fewer than 3 buckets
 * hold data. The open bucket counts for a mean only: its partial minimum or
 * maximum (the day's lowest crank so far) is biased.
 */
export function fitWindow (spec: WindowSpec, w: Float64Array, atMs: number, out: Fit): boolean {
  let n = w[N] as number
  let sx = w[SX] as number
  let sy = w[SY] as number
  let sxx = w[SXX] as number
  let sxy = w[SXY] as number
  let syy = w[SYY] as number
  const head = w[HEAD] as number
  const origin = w[ORIGIN] as number
  const at = BASE + 3 * (head % spec.size)
  if (spec.aggregate === 'mean' && head >= 0 && w[at] === head && (w[at + 2] as number) > 0) {
    const x = head - origin
    const y = bucketValue(spec, w, at)
    n++
    sx += x
    sy += y
    sxx += x * x
    sxy += x * y
    syy += y * y
  }
  out.points = n
  out.samples = w[SAMPLES] as number
  out.spanMs = (head - (w[OLDEST] as number)) * spec.bucketMs
  if (n < 3) return false
  const dxx = n * sxx - sx * sx
  const dxy = n * sxy - sx * sy
  const dyy = n * syy - sy * sy
  const slope = dxx > 0 ? dxy / dxx : 0
  const intercept = (sy - slope * sx) / n
  // Bucket points sit at the bucket's middle.
  const xAt = atMs / spec.bucketMs - 0.5 - origin
  out.slopePerDay = (slope * DAY_MS) / spec.bucketMs
  out.valueAt = intercept + slope * xAt
  out.r2 = dxx > 0 && dyy > 0 ? Math.min(1, (dxy * dxy) / (dxx * dyy)) : 0
  return true
}

/** Non-empty buckets as [bucket index, accumulator, sample count] triples, oldest first. */
export function windowBuckets (spec: WindowSpec, w: Float64Array): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = []
  const head = w[HEAD] as number
  if (head < 0) return out
  for (let b = Math.max(0, head - spec.size + 1); b <= head; b++) {
    const at = BASE + 3 * (b % spec.size)
    if (w[at] === b && (w[at + 2] as number) > 0) out.push([b, w[at + 1] as number, w[at + 2] as number])
  }
  return out
}

/** Rebuilds a fresh window from windowBuckets() output (restart); buckets outside the window are dropped. */
export function loadWindow (spec: WindowSpec, w: Float64Array, buckets: ReadonlyArray<readonly [number, number, number]>): void {
  const head = buckets.reduce((h, [b]) => Math.max(h, b), -1)
  w[HEAD] = head
  for (const [b, acc, count] of buckets) {
    if (b <= head - spec.size || b < 0 || count <= 0) continue
    const at = BASE + 3 * (b % spec.size)
    w[at] = b
    w[at + 1] = acc
    w[at + 2] = count
  }
  rebase(spec, w)
}

function bucketValue (spec: WindowSpec, w: Float64Array, at: number): number {
  return spec.aggregate === 'mean' ? (w[at + 1] as number) / (w[at + 2] as number) : w[at + 1] as number
}

function point (w: Float64Array, b: number, y: number, sign: 1 | -1): void {
  const x = b - (w[ORIGIN] as number)
  add(w, N, sign)
  add(w, SX, sign * x)
  add(w, SY, sign * y)
  add(w, SXX, sign * x * x)
  add(w, SXY, sign * x * y)
  add(w, SYY, sign * y * y)
}

function add (w: Float64Array, i: number, d: number): void {
  w[i] = (w[i] as number) + d
}

/** Moves the head to bucket b: the old head closes, buckets that fall out of the window are evicted. */
function advance (spec: WindowSpec, w: Float64Array, b: number): void {
  const size = spec.size
  const head = w[HEAD] as number
  const hat = BASE + 3 * (head % size)
  if ((w[hat + 2] as number) > 0) point(w, head, bucketValue(spec, w, hat), 1)
  w[HEAD] = b
  if (b - head >= size) {
    for (let s = 0; s < size; s++) w[BASE + 3 * s] = -1
    rebase(spec, w)
    return
  }
  for (let i = head + 1; i <= b; i++) {
    const at = BASE + 3 * (i % size)
    const old = w[at] as number
    if (old >= 0 && (w[at + 2] as number) > 0) {
      point(w, old, bucketValue(spec, w, at), -1)
      add(w, SAMPLES, -(w[at + 2] as number))
    }
    w[at] = -1
    w[at + 2] = 0
  }
  if ((w[OLDEST] as number) <= b - size) {
    let o = b - size + 1
    while (o < b && !(w[BASE + 3 * (o % size)] === o && (w[BASE + 3 * (o % size) + 2] as number) > 0)) o++
    w[OLDEST] = o
  }
  if (b - (w[ORIGIN] as number) > REBASE_AFTER_WINDOWS * size) rebase(spec, w)
}

/** Recomputes the sums of the closed buckets from scratch, with x relative to the window's first bucket. */
function rebase (spec: WindowSpec, w: Float64Array): void {
  const head = w[HEAD] as number
  w[ORIGIN] = Math.max(0, head - spec.size + 1)
  w[N] = w[SX] = w[SY] = w[SXX] = w[SXY] = w[SYY] = w[SAMPLES] = 0
  w[OLDEST] = head
  for (let b = w[ORIGIN] as number; b <= head; b++) {
    const at = BASE + 3 * (b % spec.size)
    if (w[at] !== b || (w[at + 2] as number) <= 0) continue
    add(w, SAMPLES, w[at + 2] as number)
    if (b < (w[OLDEST] as number)) w[OLDEST] = b
    if (b !== head) point(w, b, bucketValue(spec, w, at), 1)
  }
}
