import { describe, expect, it } from 'vitest'
import { ROLLUP_WIDTH_MS as W, floorTo, nextRange, rollupSplit } from './telemetry-rollup.core.js'

describe('rollup bucket arithmetic', () => {
  it('floors to epoch-aligned buckets, negative times included', () => {
    expect(floorTo(0, W)).toBe(0)
    expect(floorTo(W - 1, W)).toBe(0)
    expect(floorTo(W, W)).toBe(W)
    expect(floorTo(-1, W)).toBe(-W)
  })

  it('starts at the earliest batch, else at the last closed boundary', () => {
    expect(nextRange(-Infinity, 10 * W + 5, 100 * W + 7, 3600_000)).toEqual({ fromMs: 10 * W, toMs: 70 * W })
    expect(nextRange(-Infinity, null, 100 * W + 7, 3600_000)).toEqual({ fromMs: 100 * W, toMs: 100 * W })
    // Data from the future: start at now, not after it.
    expect(nextRange(-Infinity, 500 * W, 100 * W, 3600_000)).toEqual({ fromMs: 100 * W, toMs: 100 * W })
  })

  it('continues where it stopped, bounded by the step and by closed buckets', () => {
    expect(nextRange(10 * W, null, 12 * W + 1, 3600_000)).toEqual({ fromMs: 10 * W, toMs: 12 * W })
    expect(nextRange(10 * W, null, 1000 * W, 5 * W + 3)).toEqual({ fromMs: 10 * W, toMs: 15 * W })
    expect(nextRange(10 * W, null, 1000 * W, 1)).toEqual({ fromMs: 10 * W, toMs: 11 * W })
    // Clock went back: nothing to do.
    expect(nextRange(10 * W, null, 5 * W, 3600_000)).toBeNull()
  })

  it('splits a history read on a requested bucket boundary below the covered time', () => {
    const b = 5 * W
    expect(rollupSplit(0, 100 * W, b, 42 * W + 3)).toBe(40 * W)
    expect(rollupSplit(0, 100 * W, b, 500 * W)).toBe(100 * W)
    expect(rollupSplit(50 * W, 100 * W, b, 42 * W)).toBe(50 * W)
    expect(rollupSplit(0, 100 * W, b, -Infinity)).toBe(0)
    // Not a multiple of the rollup width: raw only.
    expect(rollupSplit(0, 100 * W, 90_000, 500 * W)).toBe(0)
  })
})
