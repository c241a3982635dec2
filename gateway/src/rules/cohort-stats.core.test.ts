import { describe, expect, it } from 'vitest'
import { cohortMomentsExcluding, createCohortStats, localPartial, mergePartials, removeCohortMember, updateCohortMember, type CohortMoments } from './cohort-stats.core.js'

const moments = (): CohortMoments => ({ others: 0, mean: 0, std: 0 })

describe('cluster-wide cohort moments', () => {
  it('merged partials of other instances give the same moments as one cohort holding every vehicle', () => {
    const values = [10, 12, 11, 13, 9, 30, 10.5, 11.5]
    const whole = createCohortStats()
    values.forEach((v, i) => { updateCohortMember(whole, i, v, 1) })
    // Instance A holds vehicles 0..2, B holds 3..5, C holds 6..7.
    const a = createCohortStats(); const b = createCohortStats(); const c = createCohortStats()
    values.forEach((v, i) => { updateCohortMember(i < 3 ? a : i < 6 ? b : c, i, v, 1) })
    a.remote = mergePartials([localPartial(b), localPartial(c)])
    for (const key of [0, 1, 2]) {
      const expected = cohortMomentsExcluding(whole, key, moments())
      const got = cohortMomentsExcluding(a, key, moments())
      expect(got.others).toBe(7)
      expect(got.mean).toBeCloseTo(expected.mean, 9)
      expect(got.std).toBeCloseTo(expected.std, 9)
    }
  })

  it('counts remote vehicles toward the cohort size even when no local peer exists', () => {
    const a = createCohortStats()
    updateCohortMember(a, 1, 50, 1)
    a.remote = mergePartials([{ count: 4, sum: 40, sumSq: 404 }])
    const m = cohortMomentsExcluding(a, 1, moments())
    expect(m.others).toBe(4)
    expect(m.mean).toBe(10)
    expect(m.std).toBeCloseTo(Math.sqrt((404 - 1600 / 4) / 3), 9)
  })

  it('skips malformed partials instead of producing NaN', () => {
    const merged = mergePartials([{ count: 2, sum: 4, sumSq: 8 }, { count: -1, sum: 1, sumSq: 1 }, { count: 1, sum: Number.NaN, sumSq: 1 }, 'x', null, { count: 1.5, sum: 1, sumSq: 1 }])
    expect(merged).toEqual({ count: 2, sum: 4, sumSq: 8 })
  })

  it('a single node (no remote part) is unchanged', () => {
    const a = createCohortStats()
    updateCohortMember(a, 1, 1, 1); updateCohortMember(a, 2, 3, 1)
    expect(cohortMomentsExcluding(a, 1, moments())).toEqual({ others: 1, mean: 3, std: 0 })
  })

  it('a vehicle that moved away leaves this instance\'s share (no double count with its new instance)', () => {
    const a = createCohortStats()
    updateCohortMember(a, 1, 10, 1); updateCohortMember(a, 2, 20, 1)
    removeCohortMember(a, 2)
    removeCohortMember(a, 99)
    expect(localPartial(a)).toEqual({ count: 1, sum: 10, sumSq: 100 })
  })
})
