import { describe, expect, it } from 'vitest'
import { mulberry32 } from './prng.core.js'
import { backoffDelay, createConnectGate, DEFAULT_BACKOFF } from './backoff.core.js'

describe('reconnect backoff', () => {
  it('doubles per attempt, with jitter in the upper half, capped', () => {
    const r = mulberry32(3)
    for (let attempt = 0; attempt < 12; attempt++) {
      const exp = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt)
      for (let k = 0; k < 50; k++) {
        const d = backoffDelay(DEFAULT_BACKOFF, attempt, r)
        expect(d).toBeGreaterThanOrEqual(exp / 2)
        expect(d).toBeLessThanOrEqual(exp)
      }
    }
  })

  it('spreads a fleet that lost its link at the same instant', () => {
    const r = mulberry32(5)
    const delays = Array.from({ length: 5000 }, () => backoffDelay(DEFAULT_BACKOFF, 3, r))
    const perSecond = new Map<number, number>()
    for (const d of delays) perSecond.set(Math.floor(d / 1000), (perSecond.get(Math.floor(d / 1000)) ?? 0) + 1)
    expect(Math.max(...perSecond.values())).toBeLessThan(5000 / 3)
  })

  it('the connect gate lets through at most its rate (plus a small burst)', () => {
    const gate = createConnectGate(100)
    let passed = 0
    for (let t = 0; t < 10_000; t += 5) for (let k = 0; k < 10; k++) if (gate.tryTake(t)) passed++
    expect(passed).toBeGreaterThan(950)
    expect(passed).toBeLessThanOrEqual(1010)
  })
})
