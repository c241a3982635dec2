import { describe, expect, it } from 'vitest'
import { createLoginThrottle, throttleKey } from './login-throttle.core.js'

const opts = { maxFailures: 3, windowMs: 60_000, lockoutMs: 300_000, maxEntries: 100 }

describe('login throttle', () => {
  it('locks a username+address after maxFailures failures in the window, for lockoutMs', () => {
    const t = createLoginThrottle(opts)
    const k = throttleKey('Alice', '10.0.0.1')
    expect(t.failure(k, 0)).toBe(false)
    expect(t.failure(k, 1000)).toBe(false)
    expect(t.retryAfterMs(k, 1000)).toBe(0)
    expect(t.failure(k, 2000)).toBe(true)
    expect(t.retryAfterMs(k, 2000)).toBe(300_000)
    expect(t.retryAfterMs(k, 301_999)).toBe(1)
    expect(t.retryAfterMs(k, 302_000)).toBe(0)
    // other address, same name: not locked
    expect(t.retryAfterMs(throttleKey('alice', '10.0.0.2'), 2000)).toBe(0)
    // same name in other case, same address: locked
    expect(t.retryAfterMs(throttleKey('ALICE', '10.0.0.1'), 2000)).toBeGreaterThan(0)
  })

  it('forgets failures older than the window and after a success', () => {
    const t = createLoginThrottle(opts)
    const k = throttleKey('bob', '::1')
    t.failure(k, 0)
    t.failure(k, 1000)
    expect(t.failure(k, 61_001)).toBe(false)
    t.success(k)
    expect(t.size()).toBe(0)
  })

  it('stays bounded', () => {
    const t = createLoginThrottle({ ...opts, maxEntries: 10 })
    for (let i = 0; i < 1000; i++) t.failure(throttleKey(`u${i}`, '10.0.0.1'), i)
    expect(t.size()).toBe(10)
  })
})
