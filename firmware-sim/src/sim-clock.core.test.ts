import { describe, expect, it } from 'vitest'
import { createSimClock, MAX_HORIZON_MS } from './sim-clock.core.js'

const DAY = 86_400_000

describe('simulated clock', () => {
  it('at speed 1 is the wall clock', () => {
    const c = createSimClock({ speed: 1, horizonMs: 24 * DAY, realStartMs: 1_000_000 })
    expect(c.now(1_000_000)).toBe(1_000_000)
    expect(c.now(1_005_000)).toBe(1_005_000)
    expect(c.caughtUp(1_000_000)).toBe(true)
  })

  it('accelerated, starts a horizon in the past, never runs ahead of real time, then runs at speed 1', () => {
    const t0 = Date.UTC(2026, 0, 1)
    const c = createSimClock({ speed: 3600, horizonMs: 24 * DAY, realStartMs: t0 })
    expect(c.simStartMs).toBe(t0 - 24 * DAY)
    expect(c.now(t0 + 1000)).toBe(t0 - 24 * DAY + 3_600_000) // one simulated hour per real second
    const catchUp = c.catchUpAtRealMs
    expect(catchUp - t0).toBeCloseTo((24 * DAY) / 3599, 0)
    for (const real of [t0, t0 + 60_000, catchUp - 1, catchUp, catchUp + 1, catchUp + DAY]) {
      expect(c.now(real)).toBeLessThanOrEqual(real)
    }
    expect(c.caughtUp(catchUp + 1)).toBe(true)
    expect(c.now(catchUp + 5000)).toBe(catchUp + 5000)
  })

  it('refuses a horizon the gateway would reject as too old', () => {
    expect(() => createSimClock({ speed: 60, horizonMs: MAX_HORIZON_MS + 1, realStartMs: 0 })).toThrow(/horizon/)
    expect(() => createSimClock({ speed: 0.5, horizonMs: DAY, realStartMs: 0 })).toThrow(/speed/)
  })
})
