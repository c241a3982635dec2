import { describe, expect, it } from 'vitest'
import { COOLANT, DRIVING, MIN, T0, harness, rule } from '../harness.testing.js'

const overheat = rule({
  signal: COOLANT,
  kind: { type: 'threshold', op: 'above', raise: 110, clear: 100, forS: 0, clearForS: 0, modelLimit: { field: 'coolantWarnC', clearMargin: 8 } },
})

describe('limits from the model catalog', () => {
  it("raise at the model's catalogued limit, and at the rule's generic one for models without it", () => {
    const bev = harness([overheat])
    bev.ctx = { ...bev.ctx, model: { powertrain: 'BEV', coolantWarnC: 75 } }
    bev.feed(COOLANT, T0, 74)
    bev.feed(COOLANT, T0 + MIN, 80)
    bev.feed(COOLANT, T0 + 2 * MIN, 70) // not yet below 75 − 8
    bev.feed(COOLANT, T0 + 3 * MIN, 66)
    expect(bev.out.map((t) => [t.kind, t.detail.threshold])).toEqual([['raise', 75], ['clear', 67]])
    expect(bev.out[0]?.detail.reason).toContain('above 75')

    const unknown = harness([overheat], { ...DRIVING, model: 'SOMEONE-ELSES' })
    unknown.feed(COOLANT, T0, 105)
    expect(unknown.out).toEqual([])
    unknown.feed(COOLANT, T0 + MIN, 111)
    expect(unknown.out.map((t) => t.detail.threshold)).toEqual([110])
  })

  it('enable by powertrain: only catalogued models of that powertrain', () => {
    const bevOnly = rule({ signal: COOLANT, when: { powertrains: ['BEV'] }, kind: { type: 'threshold', op: 'above', raise: 80, clear: 70, forS: 0, clearForS: 0 } })
    const bev = harness([bevOnly])
    bev.ctx = { ...bev.ctx, model: { powertrain: 'BEV' } }
    const phev = harness([bevOnly])
    phev.ctx = { ...phev.ctx, model: { powertrain: 'PHEV' } }
    const uncatalogued = harness([bevOnly])
    for (const h of [bev, phev, uncatalogued]) h.feed(COOLANT, T0, 90)
    expect([bev.out.length, phev.out.length, uncatalogued.out.length]).toEqual([1, 0, 0])
  })

  it('refuse an unknown catalog field', () => {
    expect(() => rule({ signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 1, clear: 0, forS: 0, clearForS: 0, modelLimit: { field: 'colour', clearMargin: 1 } as never } })).toThrow(/modelLimit\/field/)
  })
})
