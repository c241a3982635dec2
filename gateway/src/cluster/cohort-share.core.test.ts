import { describe, expect, it } from 'vitest'
import { encodeShare, mergeShares } from './cohort-share.core.js'

describe('cohort shares between instances', () => {
  it('adds the moments of every instance per rule and model', () => {
    const a = encodeShare([{ ruleId: 'r1', model: 'M', partial: { count: 2, sum: 20, sumSq: 202 } }, { ruleId: 'r1', model: 'N', partial: { count: 1, sum: 5, sumSq: 25 } }])
    const b = encodeShare([{ ruleId: 'r1', model: 'M', partial: { count: 3, sum: 33, sumSq: 365 } }])
    const m = mergeShares([a, null, b])
    expect(m.get('r1')?.get('M')).toEqual({ count: 5, sum: 53, sumSq: 567 })
    expect(m.get('r1')?.get('N')).toEqual({ count: 1, sum: 5, sumSq: 25 })
  })

  it('skips unreadable shares and rows', () => {
    const good = encodeShare([{ ruleId: 'r', model: 'M', partial: { count: 1, sum: 1, sumSq: 1 } }])
    const m = mergeShares(['{not json', '{"a":1}', JSON.stringify([['r', 'M', -1, 0, 0], ['r', 'M', 1, 'x', 0], ['r'], 7]), good])
    expect([...m.keys()]).toEqual(['r'])
    expect(m.get('r')?.get('M')).toEqual({ count: 1, sum: 1, sumSq: 1 })
  })
})
