import { describe, expect, it } from 'vitest'
import { createBucket, take, tryTake } from './token-bucket.core.js'

describe('token bucket', () => {
  it('allows a burst up to capacity, then refuses until refilled', () => {
    const b = createBucket(3, 0)
    expect([1, 2, 3].map(() => tryTake(b, 1, 1, 3, 0))).toEqual([true, true, true])
    expect(tryTake(b, 1, 1, 3, 0)).toBe(false)
    expect(tryTake(b, 1, 1, 3, 999)).toBe(false)
    expect(tryTake(b, 1, 1, 3, 1000)).toBe(true)
  })

  it('never refills beyond capacity', () => {
    const b = createBucket(2, 0)
    tryTake(b, 2, 10, 2, 0)
    expect(tryTake(b, 3, 10, 2, 60_000)).toBe(false)
    expect(tryTake(b, 2, 10, 2, 60_000)).toBe(true)
  })

  it('take() goes into debt and says how long the caller must wait', () => {
    const b = createBucket(1, 0)
    expect(take(b, 1, 10, 1, 0)).toBe(0)
    expect(take(b, 1, 10, 1, 0)).toBe(100)
    expect(take(b, 1, 10, 1, 0)).toBe(200)
    // after the debt is paid the bucket serves again
    expect(take(b, 1, 10, 1, 300)).toBe(0)
  })

  it('counts bytes as well as messages', () => {
    const b = createBucket(1000, 0)
    expect(tryTake(b, 800, 500, 1000, 0)).toBe(true)
    expect(tryTake(b, 800, 500, 1000, 0)).toBe(false)
    expect(tryTake(b, 800, 500, 1000, 1200)).toBe(true)
  })
})
