import { describe, expect, it } from 'vitest'
import { parseList, parseWaves } from './plan.core.js'

describe('campaign form parsing', () => {
  it('reads percentages and counts', () => {
    expect(parseWaves('1%, 10% 50%;100%')).toEqual({ ok: true, waves: [{ percent: 1 }, { percent: 10 }, { percent: 50 }, { percent: 100 }] })
    expect(parseWaves('5, 100%')).toEqual({ ok: true, waves: [{ count: 5 }, { percent: 100 }] })
  })

  it('names the first bad wave', () => {
    expect(parseWaves('10%, 0%, 50%')).toEqual({ ok: false, position: 2 })
    expect(parseWaves('10%, lots')).toEqual({ ok: false, position: 2 })
    expect(parseWaves('  ')).toEqual({ ok: false, position: 1 })
  })

  it('splits target lists', () => {
    expect(parseList(' EU, LATAM ,')).toEqual(['EU', 'LATAM'])
    expect(parseList('')).toBeUndefined()
  })
})
