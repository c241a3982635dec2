import { describe, expect, it } from 'vitest'
import { createConnectionLimiter } from './connection-limiter.core.js'

describe('connection limiter', () => {
  it('admits a burst, then refuses and bans the address', () => {
    const l = createConnectionLimiter({ burst: 3, perS: 1, banMs: 5000 })
    expect([0, 1, 2].map(() => l.admit('10.0.0.1', 0).ok)).toEqual([true, true, true])
    expect(l.admit('10.0.0.1', 10)).toEqual({ ok: false, reason: 'rate_limited', untilMs: 5010 })
    // Banned even though the bucket has refilled meanwhile.
    expect(l.admit('10.0.0.1', 4000)).toEqual({ ok: false, reason: 'banned', untilMs: 5010 })
    expect(l.admit('10.0.0.1', 5011).ok).toBe(true)
  })

  it('keeps addresses apart', () => {
    const l = createConnectionLimiter({ burst: 1, perS: 1, banMs: 1000 })
    expect(l.admit('a', 0).ok).toBe(true)
    expect(l.admit('a', 0).ok).toBe(false)
    expect(l.admit('b', 0).ok).toBe(true)
  })

  it('admits a steady rate within the limit forever', () => {
    const l = createConnectionLimiter({ burst: 2, perS: 10, banMs: 1000 })
    for (let t = 0; t < 10_000; t += 100) expect(l.admit('a', t).ok).toBe(true)
  })

  it('forgets idle addresses', () => {
    const l = createConnectionLimiter({ burst: 2, perS: 1, banMs: 1000 })
    l.admit('a', 0)
    l.admit('b', 0)
    l.sweep(500)
    expect(l.tracked).toBe(2)
    l.sweep(5000)
    expect(l.tracked).toBe(0)
  })
})
