import { describe, expect, it } from 'vitest'
import { poissonMedian, scoreCells, stockouts } from './score-parts.core.js'

describe('parts score', () => {
  it('WAPE, naive WAPE and interval coverage', () => {
    const s = scoreCells([
      { actual: 4, mean: 3, lo: 2, hi: 5, naive: 2 },
      { actual: 0, mean: 1, lo: 0, hi: 2, naive: 0 },
      { actual: 6, mean: 6, lo: 3, hi: 5, naive: 3 },
    ])
    expect(s.wape).toBeCloseTo(2 / 10)
    expect(s.naiveWape).toBeCloseTo(5 / 10)
    expect(s.coverage).toBeCloseTo(2 / 3)
  })
  it('counts weeks whose demand exceeded the shelf', () => {
    expect(stockouts([2, 2, 5, 0], () => 4, 4)).toBe(1)
    expect(stockouts([2, 2, 5, 0], (w) => (w === 1 ? 7 : 4), 4)).toBe(0)
  })
  it('the median of a Poisson count', () => {
    expect([0, 0.5, 0.69, 0.7, 1, 3.2, 10].map(poissonMedian)).toEqual([0, 0, 0, 1, 1, 3, 10])
  })
})
