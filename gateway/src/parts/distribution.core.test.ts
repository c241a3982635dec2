import { describe, expect, it } from 'vitest'
import { bernoulliSumPmf, nearestInterval, negBinomialPmf, quantile, summarize } from './distribution.core.js'

const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0)

describe('demand distributions', () => {
  it('a Bernoulli sum of two fair coins is 1/4, 1/2, 1/4', () => {
    const pmf = bernoulliSumPmf([{ p: 0.5, units: 1 }, { p: 0.5, units: 1 }], 5)
    expect([...pmf.slice(0, 3)]).toEqual([0.25, 0.5, 0.25])
  })
  it('multi-unit terms jump by their units', () => {
    const pmf = bernoulliSumPmf([{ p: 0.3, units: 4 }], 10)
    expect(pmf[0]).toBeCloseTo(0.7)
    expect(pmf[4]).toBeCloseTo(0.3)
  })
  it('the negative binomial tends to the Poisson, whose quantiles are known', () => {
    const pmf = negBinomialPmf(4, 1e9, 60)
    expect(sum(pmf)).toBeCloseTo(1, 9)
    expect(pmf[0]).toBeCloseTo(Math.exp(-4), 6)
    // Poisson(4): P(X ≤ 1) = 0.0916, P(X ≤ 2) = 0.238; P(X ≤ 6) = 0.889, P(X ≤ 7) = 0.949.
    expect(quantile(pmf, 0.1)).toBe(2)
    expect(quantile(pmf, 0.9)).toBe(7)
  })
  it('an overdispersed background widens the interval', () => {
    const poisson = summarize([], 10, 1e9, 0.8)
    const nb = summarize([], 10, 3, 0.8)
    expect(nb.mean).toBeCloseTo(10)
    expect(nb.hi - nb.lo).toBeGreaterThan(poisson.hi - poisson.lo)
  })
  it('summarizes alerts plus background: mean adds up, interval brackets it', () => {
    const s = summarize([{ p: 0.9, units: 1 }, { p: 0.8, units: 1 }, { p: 0.5, units: 2 }], 1.5, 20, 0.8)
    expect(s.mean).toBeCloseTo(0.9 + 0.8 + 1 + 1.5)
    expect(s.lo).toBeLessThanOrEqual(s.mean)
    expect(s.hi).toBeGreaterThanOrEqual(s.mean)
    expect(summarize([], 0, 10, 0.8)).toEqual({ mean: 0, median: 0, lo: 0, hi: 0 })
    expect(summarize([], 4, 1e9, 0.8).median).toBe(4)
  })
  it('takes the interval whose probability is nearest the level, not the one that only holds at least as much', () => {
    // Poisson(1): [0, 2] holds 0.920, [0, 1] holds 0.736; 0.736 is nearer 0.8.
    expect(nearestInterval(negBinomialPmf(1, 1e9, 30), 0.8)).toEqual({ lo: 0, hi: 1 })
    // Poisson(4): [2, 7] holds 0.857, [2, 6] 0.798, [3, 7] 0.711.
    expect(nearestInterval(negBinomialPmf(4, 1e9, 40), 0.8)).toEqual({ lo: 2, hi: 6 })
    // Poisson(0.1): [0, 0] holds 0.905, and no interval is nearer.
    expect(nearestInterval(negBinomialPmf(0.1, 1e9, 10), 0.8)).toEqual({ lo: 0, hi: 0 })
    // A certain zero stays [0, 0].
    expect(nearestInterval(negBinomialPmf(0, 10, 5), 0.8)).toEqual({ lo: 0, hi: 0 })
  })
})
