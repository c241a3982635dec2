import { describe, expect, it } from 'vitest'
import { CELL_MAX, CELL_MIN, DAY, HOUR, MIN, T0, harness, rng, rule } from '../harness.testing.js'

const spreadAnomaly = rule({
  signal: CELL_MAX,
  derived: { minus: CELL_MIN },
  clearDelayS: 3600,
  kind: { type: 'ewma', op: 'above', alpha: 0.01, k: 5, clearK: 2, forS: 3600, warmupSamples: 50 },
})

function feedSpread (h: ReturnType<typeof harness>, t: number, spread: number): void {
  h.feed(CELL_MIN, t, 3.9)
  h.feed(CELL_MAX, t, 3.9 + spread)
}

describe('ewma rules', () => {
  it('raise on a step change that lasts forS, and clear once it is gone for clearDelayS', () => {
    const h = harness([spreadAnomaly])
    const r = rng(3)
    let t = T0
    for (; t < T0 + 3 * DAY; t += 10 * MIN) feedSpread(h, t, 0.03 + 0.003 * r.normal())
    expect(h.out).toEqual([])
    const stepAt = t
    for (; t < stepAt + 2 * HOUR; t += 10 * MIN) feedSpread(h, t, 0.06 + 0.003 * r.normal())
    expect(h.out).toHaveLength(1)
    expect(h.out[0]).toMatchObject({ kind: 'raise', atMs: stepAt, confirmedAtMs: stepAt + HOUR })
    expect(h.out[0]?.detail.observed).toBeGreaterThan(5)
    const backAt = t
    for (; t < backAt + 3 * HOUR; t += 10 * MIN) feedSpread(h, t, 0.03 + 0.003 * r.normal())
    expect(h.out.map((x) => x.kind)).toEqual(['raise', 'clear'])
    expect(h.out[1]?.confirmedAtMs).toBeLessThanOrEqual(backAt + HOUR + 20 * MIN)
  })

  it('does not raise on a slow drift that stays within the variance, nor on a short spike', () => {
    const h = harness([spreadAnomaly])
    const r = rng(4)
    let t = T0
    for (let i = 0; t < T0 + 20 * DAY; t += 10 * MIN, i++) feedSpread(h, t, 0.03 + 0.01 * ((t - T0) / (20 * DAY)) + 0.003 * r.normal() + (i === 2000 ? 0.05 : 0))
    expect(h.out).toEqual([])
  })

  it('judges nothing before warm-up ends', () => {
    const h = harness([spreadAnomaly])
    for (let i = 0; i < 49; i++) feedSpread(h, T0 + i * 10 * MIN, i < 40 ? 0.03 : 0.5)
    expect(h.out).toEqual([])
  })
})
