import type { Rng } from './prng.core.js'

/**
 * Reconnect delays: exponential with "equal jitter" (half fixed, half
 * random), so a fleet that lost its gateway at the same instant comes back
 * spread out rather than in one burst.
 */
export interface BackoffPolicy {
  readonly baseMs: number
  readonly maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 }

export function backoffDelay (policy: BackoffPolicy, attempt: number, rng: Rng): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  return exp / 2 + rng.next() * (exp / 2)
}

/**
 * Fleet-wide connect pacing (token bucket): however many vehicles want to
 * (re)connect, at most `ratePerS` CONNECTs leave the process per second.
 */
export interface ConnectGate {
  tryTake(nowMs: number): boolean
}

export function createConnectGate (ratePerS: number, burst = Math.max(1, Math.ceil(ratePerS / 10))): ConnectGate {
  let tokens = burst
  let last: number | undefined
  return {
    tryTake (nowMs) {
      if (last !== undefined) tokens = Math.min(burst, tokens + ((nowMs - last) / 1000) * ratePerS)
      last = nowMs
      if (tokens < 1) return false
      tokens -= 1
      return true
    },
  }
}
