import { describe, expect, it } from 'vitest'
import { conservativeDaysToLimit, createRobustFit, normalQuantile, pointDaysToLimit, theilSen } from './robust-trend.core.js'
import { rng } from './harness.testing.js'

const Z99 = normalQuantile(0.99)

function fit (y: number[], xAt = y.length - 1) {
  const f = createRobustFit()
  const x = y.map((_, i) => i)
  const ok = theilSen(x, y, y.length, Z99, xAt, f)
  return { ok, f }
}

describe('Theil–Sen trend', () => {
  it('normal quantiles match the tables', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9)
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5)
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5)
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5)
    expect(() => normalQuantile(1)).toThrow(RangeError)
  })

  it('recovers an exact line with a degenerate interval, and needs 5 points', () => {
    const { ok, f } = fit([10, 8, 6, 4, 2, 0, -2, -4])
    expect(ok).toBe(true)
    expect(f.slope).toBe(-2)
    expect(f.slopeLo).toBe(-2)
    expect(f.slopeHi).toBe(-2)
    expect(f.level).toBeCloseTo(-4, 9)
    expect(f.sigma).toBe(0)
    expect(fit([1, 2, 3, 4]).ok).toBe(false)
  })

  it('ignores a minority of wild readings that would swing a least-squares slope', () => {
    const r = rng(3)
    const y = Array.from({ length: 40 }, (_, i) => 100 - 0.5 * i + 0.3 * r.normal())
    for (const i of [5, 11, 19, 27, 33, 38]) y[i] = 400
    const { f } = fit(y)
    expect(f.slope).toBeCloseTo(-0.5, 1)
    expect(f.slopeHi).toBeLessThan(-0.4)
    expect(f.sigma).toBeLessThan(1)
  })

  it("covers the true slope: each 99 % one-sided bound is wrong in about 1 % of noisy series", () => {
    const r = rng(7)
    let below = 0
    let above = 0
    const runs = 2000
    for (let k = 0; k < runs; k++) {
      const y = Array.from({ length: 30 }, (_, i) => 5 + 0.1 * i + 2 * r.normal())
      const { f } = fit(y)
      if (f.slopeHi < 0.1) below++
      if (f.slopeLo > 0.1) above++
    }
    expect(below / runs).toBeLessThan(0.025)
    expect(above / runs).toBeLessThan(0.025)
  })

  it('widens the interval for autocorrelated noise (a wandering sensor is not a trend)', () => {
    const r = rng(9)
    let falseTrends = 0
    let falseTrendsIid = 0
    let correlated = 0
    for (let k = 0; k < 300; k++) {
      // AR(1) noise, φ = 0.8, no trend
      let e = 0
      const y = Array.from({ length: 48 }, () => (e = 0.8 * e + r.normal()))
      const { f } = fit(y)
      if (f.slopeHi < 0 || f.slopeLo > 0) falseTrends++
      if (f.rho > 0) correlated++
      const iid = createRobustFit()
      // the same series judged as if independent
      const x = y.map((_, i) => i)
      theilSen(x, y, y.length, Z99, 47, iid)
      const c = Z99 * Math.sqrt((48 * 47 * 101) / 18)
      const sorted = Float64Array.from(x.flatMap((i) => x.filter((j) => j > i).map((j) => ((y[j] as number) - (y[i] as number)) / (j - i)))).sort()
      if ((sorted[Math.ceil((sorted.length + c) / 2)] as number) < 0 || (sorted[Math.floor((sorted.length - c) / 2) - 1] as number) > 0) falseTrendsIid++
    }
    expect(correlated / 300).toBeGreaterThan(0.9)
    expect(falseTrends / 300).toBeLessThan(0.08)
    expect(falseTrendsIid).toBeGreaterThan(falseTrends * 3)
  })

  it('forecasts days to a limit on the bound nearest safety, and on the point estimate', () => {
    const r = rng(5)
    const y = Array.from({ length: 20 }, (_, i) => 12 - 0.1 * i + 0.02 * r.normal())
    const { f } = fit(y, 19)
    const point = pointDaysToLimit(f, 9.6, true, 1)
    const bound = conservativeDaysToLimit(f, 9.6, true, Z99, 1)
    expect(point).toBeCloseTo((12 - 1.9 - 9.6) / 0.1, 0)
    expect(bound).toBeGreaterThan(point)
    // a flat series never reaches the limit, on either estimate
    const flat = fit(Array.from({ length: 20 }, () => 12 + 0.05 * r.normal())).f
    expect(conservativeDaysToLimit(flat, 9.6, true, Z99, 1)).toBe(Infinity)
    // already past the limit on the bound: zero days
    expect(conservativeDaysToLimit(fit(Array.from({ length: 10 }, () => 9)).f, 9.6, true, Z99, 1)).toBe(0)
  })
})
