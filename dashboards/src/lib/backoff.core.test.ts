import { describe, expect, it } from 'vitest'
import { reconnectDelayMs } from './backoff.core.js'

describe('live reconnect backoff', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    expect(reconnectDelayMs(0, 0)).toBe(250)
    expect(reconnectDelayMs(0, 1)).toBe(500)
    expect(reconnectDelayMs(3, 1)).toBe(4000)
    expect(reconnectDelayMs(20, 1)).toBe(15_000)
    for (let a = 0; a < 30; a++) {
      const d = reconnectDelayMs(a, 0.5)
      expect(d).toBeGreaterThanOrEqual(250)
      expect(d).toBeLessThanOrEqual(15_000)
    }
  })
})
