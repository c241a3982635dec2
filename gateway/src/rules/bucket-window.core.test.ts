import { describe, expect, it } from 'vitest'
import { addToWindow, createFit, createWindow, fitWindow, loadWindow, windowBuckets } from './bucket-window.core.js'
import { rng } from './harness.testing.js'

/** Straightforward least squares over the bucket points, the reference for the running sums. */
function reference (points: Array<[number, number]>): { slope: number, r2: number } {
  const n = points.length
  const mx = points.reduce((a, [x]) => a + x, 0) / n
  const my = points.reduce((a, [, y]) => a + y, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) ** 2
    syy += (y - my) ** 2
  }
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy) }
}

describe('bucket window', () => {
  it('keeps running sums equal to a direct fit through eviction, late inserts and re-basing', () => {
    const bucketMs = 1000
    const spec = { size: 32, bucketMs, aggregate: 'mean' } as const
    const w = createWindow(spec)
    const f = createFit()
    const r = rng(7)
    const all: Array<[number, number]> = []
    let now = 5_000_000
    for (let i = 0; i < 5000; i++) {
      now += Math.floor(r.uniform() * 700)
      // one sample in ten arrives up to 20 s late
      const ts = r.uniform() < 0.1 ? now - Math.floor(r.uniform() * 20_000) : now
      const v = 0.003 * ts / 1000 + r.normal()
      if (addToWindow(spec, w, ts, v)) all.push([ts, v])
      if (i % 97 !== 0 || !fitWindow(spec, w, now, f)) continue
      const head = Math.floor(now / bucketMs)
      const buckets = new Map<number, number[]>()
      for (const [t, y] of all) {
        const b = Math.floor(t / bucketMs)
        if (b > head - 32 && b <= head) buckets.set(b, [...(buckets.get(b) ?? []), y])
      }
      const points = [...buckets].map(([b, ys]): [number, number] => [b, ys.reduce((a, y) => a + y, 0) / ys.length])
      const ref = reference(points)
      expect(f.points).toBe(points.length)
      expect(f.samples).toBe([...buckets.values()].reduce((a, ys) => a + ys.length, 0))
      expect(f.slopePerDay / 86_400).toBeCloseTo(ref.slope, 8)
      expect(f.r2).toBeCloseTo(ref.r2, 8)
    }
  })

  it('takes the minimum or maximum per bucket, and refuses samples older than the window', () => {
    const spec = { size: 4, bucketMs: 10, aggregate: 'min' } as const
    const w = createWindow(spec)
    for (const [t, v] of [[0, 5], [3, 2], [9, 7], [15, 4], [22, 1], [35, 3]] as const) addToWindow(spec, w, t, v)
    expect(windowBuckets(spec, w)).toEqual([[0, 2, 3], [1, 4, 1], [2, 1, 1], [3, 3, 1]])
    expect(addToWindow(spec, w, 45, 8)).toBe(true)
    expect(addToWindow(spec, w, 5, 0)).toBe(false)
    expect(windowBuckets(spec, w).map(([b]) => b)).toEqual([1, 2, 3, 4])
  })

  it('survives a round trip through its buckets', () => {
    const spec = { size: 16, bucketMs: 60_000, aggregate: 'mean' } as const
    const w = createWindow(spec)
    for (let t = 0; t < 40 * 60_000; t += 7_000) addToWindow(spec, w, 1e12 + t, Math.sin(t / 1e6) * 10)
    const copy = createWindow(spec)
    loadWindow(spec, copy, windowBuckets(spec, w))
    const a = createFit()
    const b = createFit()
    expect(fitWindow(spec, w, 1e12 + 40 * 60_000, a) && fitWindow(spec, copy, 1e12 + 40 * 60_000, b)).toBe(true)
    expect(b.slopePerDay).toBeCloseTo(a.slopePerDay, 9)
    expect(b.valueAt).toBeCloseTo(a.valueAt, 9)
    expect(b.samples).toBe(a.samples)
  })
})
