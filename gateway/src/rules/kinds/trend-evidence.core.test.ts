import { describe, expect, it } from 'vitest'
import { DAY, MIN, T0, TYRE_FL, harness, rng } from '../harness.testing.js'
import { DEFAULT_RULES } from '../default-rules.js'
import type { Rule } from '../rule.schema.js'

/**
 * The default trend rules on series shaped like real fleets: noise that a
 * point estimate extrapolates into alerts, and degradations that must be
 * caught days before the limit.
 */
const INSULATION = 'Vehicle.Fleetwire.TractionBattery.InsulationResistance'
const byId = (id: string): Rule => {
  const r = DEFAULT_RULES.find((x) => x.id === id)
  if (r === undefined) throw new Error(`no default rule ${id}`)
  return r
}
/** The same rule judged on its point estimate (a 50 % bound is the median). */
const pointEstimate = (r: Rule): Rule => ({ ...r, kind: { ...r.kind, confidence: 0.5 } as Rule['kind'] })

/** Independent insulation readings spread ±45 % around a healthy level, every 10 minutes. */
function noisyInsulation (level: (d: number) => number, days: number, seed: number, feed: (t: number, v: number) => void, sparse = false): void {
  const r = rng(seed)
  for (let t = 0; t <= days * DAY; t += 10 * MIN) {
    // awake about 5 hours a day, in two sessions: the window holds few buckets
    const hour = (t % DAY) / 3_600_000
    if (sparse && !((hour >= 7 && hour < 9) || (hour >= 17 && hour < 20))) continue
    feed(T0 + t, Math.max(0, level(t / DAY) * (1 + 0.45 * (2 * r.uniform() - 1))))
  }
}

describe('trend rules raise on evidence, not on noise', () => {
  it('a healthy pack with noisy insulation readings raises nothing in 20 days (the point estimate would)', () => {
    let quiet = 0
    let pointAlerts = 0
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const h = harness([byId('hv-insulation-forecast'), { ...pointEstimate(byId('hv-insulation-forecast')), id: 'point' }])
      // a healthy pack at 300 kΩ (R100 minimum: 100 Ω/V, 40 kΩ at 400 V), awake twice a day
      noisyInsulation(() => 300, 20, seed, (t, v) => h.feed(INSULATION, t, v), true)
      if (!h.out.some((x) => x.ruleId === 'hv-insulation-forecast')) quiet++
      pointAlerts += h.out.filter((x) => x.ruleId === 'point' && x.kind === 'raise').length
    }
    expect(quiet).toBe(6)
    expect(pointAlerts).toBeGreaterThan(0)
  })

  it('a failing insulation is forecast days before it crosses the limit', () => {
    // falls from 4 MΩ to 0 over 10 days, accelerating (t^1.3); 80 kΩ is crossed at ≈ 9.85 d
    const h = harness([byId('hv-insulation-forecast')])
    noisyInsulation((d) => 4000 * (1 - Math.min(1, d / 10) ** 1.3), 10, 11, (t, v) => h.feed(INSULATION, t, v))
    const raise = h.out.find((x) => x.kind === 'raise')
    expect(raise).toBeDefined()
    expect(T0 + 9.85 * DAY - (raise?.confirmedAtMs ?? Infinity)).toBeGreaterThan(3 * DAY)
  })

  it('a healthy tyre with noisy, temperature-swinging pressure raises no leak; a slow puncture does, days before the TPMS warning', () => {
    const leak = { ...byId('tyre-slow-leak-fl'), derived: undefined }
    for (const seed of [1, 2, 3]) {
      const r = rng(seed)
      const h = harness([leak])
      // ±3 kPa readings, 0.2 kPa/day permeation, a slowly wandering offset (autocorrelated)
      let wander = 0
      for (let t = 0; t <= 20 * DAY; t += 10 * MIN) {
        wander = 0.995 * wander + 0.1 * r.normal()
        h.feed(TYRE_FL, T0 + t, 250 - 0.2 * (t / DAY) + wander + 3 * r.normal())
      }
      expect(h.out).toEqual([])
    }
    const h = harness([leak])
    const r = rng(9)
    // 5 kPa/day from day 2: the TPMS warning (75 % of 250 kPa) comes at day 14.5
    for (let t = 0; t <= 15 * DAY; t += 10 * MIN) {
      const d = t / DAY
      h.feed(TYRE_FL, T0 + t, 250 - 5 * Math.max(0, d - 2) + 3 * r.normal())
    }
    const raise = h.out.find((x) => x.kind === 'raise')
    expect(raise).toBeDefined()
    expect(raise?.confirmedAtMs).toBeGreaterThan(T0 + 2 * DAY)
    expect(T0 + 14.5 * DAY - (raise?.confirmedAtMs ?? Infinity)).toBeGreaterThan(3 * DAY)
  })
})
