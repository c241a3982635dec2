import { describe, expect, it } from 'vitest'
import { DAY, HOUR, MIN, T0, TYRE_FL, harness, rng, rule } from '../harness.testing.js'

const leak = (extra: object = {}) => rule({
  signal: TYRE_FL,
  kind: { type: 'slope', op: 'below', perDay: -2, clearPerDay: -1, windowS: 3 * 86_400, minSamples: 100, ...extra },
})

describe('slope rules', () => {
  it('estimate the slope of a noisy linear series by least squares and raise once the window is trusted', () => {
    const h = harness([leak()])
    const r = rng(1)
    for (let t = 0; t <= 3 * DAY; t += 10 * MIN) h.feed(TYRE_FL, T0 + t, 250 - 5 * (t / DAY) + r.normal() * 0.6)
    expect(h.out).toHaveLength(1)
    const raise = h.out[0]
    // minSpanS defaults to half the window
    expect(raise?.confirmedAtMs).toBeGreaterThanOrEqual(T0 + 1.5 * DAY)
    expect(raise?.confirmedAtMs).toBeLessThan(T0 + 1.6 * DAY)
    expect(raise?.detail.observed).toBeCloseTo(-5, 0)
    expect(raise?.detail.reason).toContain('/day over 3 d')
  })

  it('stay quiet on a healthy, noisy, slowly falling series', () => {
    const h = harness([leak()])
    const r = rng(2)
    for (let t = 0; t <= 20 * DAY; t += 10 * MIN) h.feed(TYRE_FL, T0 + t, 250 - 0.18 * (t / DAY) + r.normal() * 0.6)
    expect(h.out).toEqual([])
  })

  it('need minSamples samples in the window', () => {
    const h = harness([leak({ minSamples: 10, minSpanS: 3600 })])
    for (let t = 0; t <= 3 * DAY; t += 12 * HOUR) h.feed(TYRE_FL, T0 + t, 250 - 10 * (t / DAY))
    expect(h.out).toEqual([])
    // 6 closed buckets: the fewest that bound a slope at 99 % (robust-trend.core.ts)
    const h2 = harness([leak({ minSamples: 5, minSpanS: 3600 })])
    for (let t = 0; t <= 3 * DAY; t += 8 * HOUR) h2.feed(TYRE_FL, T0 + t, 250 - 10 * (t / DAY))
    expect(h2.out.map((x) => x.kind)).toEqual(['raise'])
  })

  it('clear when the trend flattens past clearPerDay, once the falling part has left the window', () => {
    const h = harness([leak()])
    let t = 0
    for (; t <= 3 * DAY; t += 10 * MIN) h.feed(TYRE_FL, T0 + t, 250 - 5 * (t / DAY))
    const level = 250 - 15
    for (; t <= 8 * DAY; t += 10 * MIN) h.feed(TYRE_FL, T0 + t, level)
    expect(h.out.map((x) => x.kind)).toEqual(['raise', 'clear'])
    expect(h.out[1]?.detail.observed).toBeGreaterThan(-1)
  })
})
