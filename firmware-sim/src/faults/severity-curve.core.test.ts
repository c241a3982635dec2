import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../prng.core.js'
import { drawCurve, envelope, severityAt, timeAtSeverity, validateCurveSpec, type SeverityCurve } from './severity-curve.core.js'

const ON = 1000
const FAIL = 11_000

describe('severity curves', () => {
  const curves: SeverityCurve[] = [
    { shape: 'power', k: 0.6 },
    { shape: 'power', k: 2 },
    { shape: 'exponential', k: 4 },
    { shape: 'step', at: 0.3, to: 0.5 },
    { shape: 'intermittent', k: 1.5, duty: 0.4, episodeMs: 500, seed: 7 },
  ]

  it.each(curves)('$shape: 0 before onset, 1 from failure, the envelope rises and timeAtSeverity inverts it', (c) => {
    expect(severityAt(c, ON, FAIL, ON - 1)).toBe(0)
    expect(severityAt(c, ON, FAIL, FAIL)).toBe(1)
    let last = 0
    for (let p = 0; p <= 1.0001; p += 0.01) {
      const e = envelope(c, p)
      expect(e).toBeGreaterThanOrEqual(last - 1e-12)
      last = e
    }
    for (const s of [0.2, 0.5, 0.8, 0.95]) {
      const t = timeAtSeverity(c, ON, FAIL, s)
      expect(envelope(c, (t - ON) / (FAIL - ON) + 1e-9)).toBeGreaterThanOrEqual(s - 1e-9)
      expect(envelope(c, (t - ON) / (FAIL - ON) - 1e-3)).toBeLessThan(s + 1e-9)
    }
  })

  it('an exponential fault shows late; a power curve below 1 shows early', () => {
    expect(envelope({ shape: 'exponential', k: 4 }, 0.5)).toBeLessThan(0.15)
    expect(envelope({ shape: 'power', k: 0.6 }, 0.5)).toBeGreaterThan(0.6)
  })

  it('a step fault is absent until the step, then jumps', () => {
    const c: SeverityCurve = { shape: 'step', at: 0.3, to: 0.5 }
    expect(severityAt(c, ON, FAIL, ON + 2900)).toBe(0)
    expect(severityAt(c, ON, FAIL, ON + 3000)).toBeCloseTo(0.5)
    expect(timeAtSeverity(c, ON, FAIL, 0.4)).toBeCloseTo(ON + 3000)
  })

  it('an intermittent fault shows in about duty of its episodes, each episode whole', () => {
    const c: SeverityCurve = { shape: 'intermittent', k: 1, duty: 0.3, episodeMs: 10, seed: 3 }
    const long = 1_000_000
    let shown = 0
    for (let slot = 0; slot < 5000; slot++) {
      const a = severityAt(c, 0, long, slot * 10 + 1)
      const b = severityAt(c, 0, long, slot * 10 + 9)
      expect(a > 0).toBe(b > 0)
      if (a > 0) shown++
    }
    expect(shown / 5000).toBeGreaterThan(0.27)
    expect(shown / 5000).toBeLessThan(0.33)
  })

  it('episodes of one fault come and go: a few dozen consecutive episodes show about duty of the time, for every fault', () => {
    let allOnOrOff = 0
    for (let seed = 0; seed < 200; seed++) {
      const c: SeverityCurve = { shape: 'intermittent', k: 1, duty: 0.5, episodeMs: 10, seed: seed * 7919 }
      let shown = 0
      for (let slot = 0; slot < 40; slot++) if (severityAt(c, 0, 1_000_000, slot * 10 + 5) > 0) shown++
      if (shown === 0 || shown === 40) allOnOrOff++
    }
    expect(allOnOrOff).toBe(0)
  })

  it('draws a family default without a spec, and parameters from ranges with one', () => {
    expect(drawCurve(undefined, 1.3, mulberry32(1), 1)).toEqual({ shape: 'power', k: 1.3 })
    const c = drawCurve({ shape: 'step', stepAt: [0.2, 0.4], stepTo: 0.6 }, 1, mulberry32(1), 1)
    expect(c.shape === 'step' && c.at >= 0.2 && c.at <= 0.4 && c.to === 0.6).toBe(true)
    expect(drawCurve({ shape: 'intermittent', episodeHours: 2 }, 1.2, mulberry32(1), 9)).toMatchObject({ k: 1.2, episodeMs: 7_200_000, seed: 9 })
  })

  it('names each bad field of a curve spec', () => {
    const errors: string[] = []
    validateCurveSpec({ shape: 'zigzag', k: [3, 1], duty: 2, colour: 1 }, '/faultCurves/pad-wear', (p, why) => errors.push(`${p}: ${why}`))
    expect(errors.map((e) => e.split(':')[0])).toEqual(['/faultCurves/pad-wear/shape', '/faultCurves/pad-wear/k', '/faultCurves/pad-wear/duty', '/faultCurves/pad-wear/colour'])
  })
})
