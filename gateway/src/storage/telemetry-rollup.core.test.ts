import { describe, expect, it } from 'vitest'
import { ROLLUP_STEP_ALIGN_MS as A, ROLLUP_WIDTH_MS as W, floorTo, mergeSplitBucket, nextRange, rollupSplit } from './telemetry-rollup.core.js'

describe('rollup bucket arithmetic', () => {
  it('floors to epoch-aligned buckets, negative times included', () => {
    expect(floorTo(0, W)).toBe(0)
    expect(floorTo(W - 1, W)).toBe(0)
    expect(floorTo(W, W)).toBe(W)
    expect(floorTo(-1, W)).toBe(-W)
  })

  it('starts at the bucket of the earliest batch, else at the last step boundary', () => {
    expect(nextRange(-Infinity, 10 * W + 5, 100 * W + 7, 3600_000)).toEqual({ fromMs: 10 * W, toMs: 70 * W })
    expect(nextRange(-Infinity, null, 100 * W + A + 7, 3600_000)).toEqual({ fromMs: 100 * W + A, toMs: 100 * W + A })
    // Data from the future: start at now, not after it.
    expect(nextRange(-Infinity, 500 * W, 100 * W, 3600_000)).toEqual({ fromMs: 100 * W, toMs: 100 * W })
  })

  it('continues where it stopped, bounded by the step and by step boundaries (not bucket ones)', () => {
    expect(nextRange(10 * W, null, 12 * W + 1, 3600_000)).toEqual({ fromMs: 10 * W, toMs: 12 * W })
    expect(nextRange(10 * W, null, 12 * W + 2 * A + 1, 3600_000)).toEqual({ fromMs: 10 * W, toMs: 12 * W + 2 * A })
    expect(nextRange(10 * W, null, 1000 * W, 5 * W + 3)).toEqual({ fromMs: 10 * W, toMs: 15 * W })
    expect(nextRange(10 * W, null, 1000 * W, 1)).toEqual({ fromMs: 10 * W, toMs: 10 * W + A })
    // Clock went back: nothing to do.
    expect(nextRange(10 * W, null, 5 * W, 3600_000)).toBeNull()
  })

  it('splits a history read at the rollup bucket below the covered time', () => {
    const b = 5 * W
    expect(rollupSplit(0, 100 * W, b, 42 * W + 3)).toBe(42 * W)
    expect(rollupSplit(0, 100 * W, b, 500 * W)).toBe(100 * W)
    expect(rollupSplit(50 * W, 100 * W, b, 42 * W)).toBe(50 * W)
    expect(rollupSplit(0, 100 * W, b, -Infinity)).toBe(0)
    // Not a multiple of the rollup width: raw only.
    expect(rollupSplit(0, 100 * W, 90_000, 500 * W)).toBe(0)
  })

  it('joins the requested bucket read from both sides of the split', () => {
    const p = (tsMs: number, min: number, max: number, avg: number, last: number, count: number) => ({ tsMs, min, max, avg, last, count })
    const old = [p(0, 1, 5, 3, 4, 10), p(60, 2, 8, 4, 2, 30)]
    const recent = [p(60, 1, 6, 8, 6, 10), p(120, 0, 1, 0.5, 1, 4)]
    expect(mergeSplitBucket(old, recent)).toEqual([p(0, 1, 5, 3, 4, 10), p(60, 1, 8, 5, 6, 40), p(120, 0, 1, 0.5, 1, 4)])
    // No shared bucket, or one side empty: concatenated as they are.
    expect(mergeSplitBucket([old[0]!], recent)).toEqual([old[0], ...recent])
    expect(mergeSplitBucket([], recent)).toEqual(recent)
    expect(mergeSplitBucket(old, [])).toEqual(old)
  })
})
