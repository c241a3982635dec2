import { describe, expect, it } from 'vitest'
import { CRANK, DAY, HOUR, T0, harness, rng, rule } from '../harness.testing.js'

const weak12v = (horizonDays: number) => rule({
  signal: CRANK,
  kind: { type: 'forecast', op: 'below', limit: 9.6, horizonS: horizonDays * 86_400, clearHorizonS: 2 * horizonDays * 86_400, windowS: 21 * 86_400, bucketS: 86_400, aggregate: 'min', minSamples: 10, minSpanS: 4 * 86_400 },
})

/** Three cranks a day; the day's minimum falls linearly by `perDay` from 11.5 V. */
function cranks (h: ReturnType<typeof harness>, days: number, perDay: number, seed: number): void {
  const r = rng(seed)
  for (let d = 0; d < days; d++) {
    for (const [hour, extra] of [[7, 0.3], [13, 0], [18, 0.5]] as const) {
      const t = d * DAY + hour * HOUR
      h.feed(CRANK, T0 + t, 11.5 + perDay * (t / DAY) + extra + 0.05 * r.normal())
    }
  }
}

describe('forecast rules', () => {
  it('extrapolate the daily minimum to the limit and raise within the horizon, with the prediction', () => {
    const h = harness([weak12v(7)])
    cranks(h, 12, -0.15, 1)
    expect(h.out).toHaveLength(1)
    const raise = h.out[0]
    // The day's lowest crank (13:00) is 11.42 - 0.15 d: 9.6 V at d ≈ 12.1, so within 7 days from about day 5
    expect(raise?.confirmedAtMs).toBeGreaterThan(T0 + 5 * DAY)
    expect(raise?.confirmedAtMs).toBeLessThan(T0 + 7 * DAY)
    const p = raise?.detail.prediction
    expect(p?.limit).toBe(9.6)
    expect(Math.abs((p?.expectedAtMs ?? 0) - (T0 + 12.13 * DAY))).toBeLessThan(0.5 * DAY)
    expect(p?.slopePerDay).toBeCloseTo(-0.15, 1)
    expect(p?.r2).toBeGreaterThan(0.9)
    expect(p?.daysToLimit).toBeLessThanOrEqual(7)
    expect(raise?.detail.reason).toMatch(/expected below 9.6 within [\d.]+ d/)
  })

  it('gate on the horizon: a shorter horizon raises later', () => {
    const h = harness([weak12v(3)])
    cranks(h, 12, -0.15, 1)
    // the confidence bound, not the point estimate (9.6 V at d ≈ 12.1), must cross within 3 days,
    // and a daily bucket is judged once it closes
    expect(h.out[0]?.confirmedAtMs).toBeGreaterThan(T0 + 9 * DAY)
    expect(h.out[0]?.confirmedAtMs).toBeLessThan(T0 + 12 * DAY)
  })

  it('stay quiet on a healthy battery, and before the window spans minSpanS', () => {
    const healthy = harness([weak12v(7)])
    cranks(healthy, 60, -0.002, 2)
    expect(healthy.out).toEqual([])
    const young = harness([weak12v(7)])
    cranks(young, 4, -0.5, 3)
    expect(young.out).toEqual([])
  })

  it('clear when the trend no longer reaches the limit within clearHorizonS (battery replaced)', () => {
    const h = harness([weak12v(7)])
    cranks(h, 10, -0.15, 4)
    for (let d = 10; d < 40; d++) h.feed(CRANK, T0 + d * DAY + 8 * HOUR, 11.8)
    expect(h.out.map((x) => x.kind)).toEqual(['raise', 'clear'])
  })
})
