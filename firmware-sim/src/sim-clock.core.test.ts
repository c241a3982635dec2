import { describe, expect, it } from 'vitest'
import { createSimClock, MAX_HORIZON_MS, paceFactor, pinnedSimStart } from './sim-clock.core.js'

const DAY = 86_400_000

describe('simulated clock', () => {
  it('at speed 1 is the wall clock, whatever the backlog', () => {
    const c = createSimClock({ speed: 1, horizonMs: 24 * DAY, realStartMs: 1_000_000, pacing: { lowWater: 1, highWater: 2 } })
    expect(c.step(1_000_000)).toBe(1_000_000)
    expect(c.step(1_005_000, 1e9)).toBe(1_005_000)
    expect(c.caughtUp()).toBe(true)
  })

  it('accelerated, starts a horizon in the past, never runs ahead of real time, then is the wall clock', () => {
    const t0 = Date.UTC(2026, 0, 1)
    const c = createSimClock({ speed: 3600, horizonMs: 24 * DAY, realStartMs: t0 })
    expect(c.simStartMs).toBe(t0 - 24 * DAY)
    expect(c.step(t0 + 1000)).toBe(t0 - 24 * DAY + 3_600_000) // one simulated hour per real second
    let real = t0 + 1000
    while (!c.caughtUp()) {
      real += 250
      expect(c.step(real)).toBeLessThanOrEqual(real)
    }
    expect(real - t0).toBeCloseTo((24 * DAY) / 3599, -3)
    expect(c.step(real + 5000)).toBe(real + 5000)
  })

  it('slows linearly between the water marks and holds at the high one', () => {
    const p = { lowWater: 100, highWater: 300 }
    expect(paceFactor(p, 0)).toBe(1)
    expect(paceFactor(p, 100)).toBe(1)
    expect(paceFactor(p, 200)).toBe(0.5)
    expect(paceFactor(p, 300)).toBe(0)
    expect(paceFactor(p, 10_000)).toBe(0)
    expect(paceFactor(undefined, 10_000)).toBe(1)

    const t0 = Date.UTC(2026, 0, 1)
    const c = createSimClock({ speed: 1000, horizonMs: DAY, realStartMs: t0, pacing: p })
    const s0 = c.simStartMs
    expect(c.step(t0 + 100, 0)).toBe(s0 + 100_000)
    expect(c.step(t0 + 200, 200)).toBe(s0 + 150_000)
    expect(c.pace()).toBe(0.5)
    expect(c.step(t0 + 10_000, 500)).toBe(s0 + 150_000) // held: the gateway is behind
    expect(c.pace()).toBe(0)
    expect(c.step(t0 + 10_100, 0)).toBe(s0 + 250_000) // resumes from where it held, no leap
  })

  it('advances at most maxStepMs of real time per step when paced (a stalled loop is not a leap)', () => {
    const t0 = 0
    const c = createSimClock({ speed: 100, horizonMs: DAY, realStartMs: t0, pacing: { lowWater: 10, highWater: 20, maxStepMs: 500 } })
    expect(c.step(t0 + 60_000, 0)).toBe(c.simStartMs + 50_000)
    expect(c.step(t0 + 59_000, 0)).toBe(c.simStartMs + 50_000) // real time going backwards changes nothing
  })

  it('refuses a horizon the gateway would reject as too old, and inverted water marks', () => {
    expect(() => createSimClock({ speed: 60, horizonMs: MAX_HORIZON_MS + 1, realStartMs: 0 })).toThrow(/horizon/)
    expect(() => createSimClock({ speed: 0.5, horizonMs: DAY, realStartMs: 0 })).toThrow(/speed/)
    expect(() => createSimClock({ speed: 60, horizonMs: DAY, realStartMs: 0, pacing: { lowWater: 5, highWater: 5 } })).toThrow(/pacing/)
  })

  it('pins the simulated start to a UTC hour, at least the given days back, whatever the wall clock', () => {
    for (const real of [Date.UTC(2026, 11, 4, 21, 10), Date.UTC(2026, 11, 5, 0, 5), Date.UTC(2026, 11, 5, 12, 0), Date.UTC(2026, 11, 5, 11, 59)]) {
      const start = pinnedSimStart(real, 2, 12)
      expect(new Date(start).getUTCHours()).toBe(12)
      expect(start % 3_600_000).toBe(0)
      expect(real - start).toBeGreaterThanOrEqual(2 * DAY)
      expect(real - start).toBeLessThan(3 * DAY)
    }
    expect(pinnedSimStart(Date.UTC(2026, 11, 5, 12, 0), 2, 12)).toBe(Date.UTC(2026, 11, 3, 12, 0))
    expect(() => pinnedSimStart(0, 1, 24)).toThrow(/utcHour/)
  })
})
