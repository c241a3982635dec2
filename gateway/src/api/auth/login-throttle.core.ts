/**
 * Failed log-ins per (username, address). Pure: the clock is passed in.
 * After `maxFailures` failures within `windowMs` the pair is locked for
 * `lockoutMs` (even the right password answers 429 then). Bounded: past
 * `maxEntries` pairs the oldest are forgotten, so a spray of usernames
 * cannot grow memory without limit.
 */
export interface LoginThrottleOptions {
  readonly maxFailures: number
  readonly windowMs: number
  readonly lockoutMs: number
  readonly maxEntries: number
}

interface Entry { failures: number, firstAtMs: number, lockedUntilMs: number }

export function createLoginThrottle (o: LoginThrottleOptions) {
  const entries = new Map<string, Entry>()
  const live = (key: string, nowMs: number): Entry | undefined => {
    const e = entries.get(key)
    if (e === undefined) return undefined
    if (e.lockedUntilMs <= nowMs && nowMs - e.firstAtMs > o.windowMs) {
      entries.delete(key)
      return undefined
    }
    return e
  }
  return {
    /** 0 when a log-in may be tried now, otherwise milliseconds to wait. */
    retryAfterMs (key: string, nowMs: number): number {
      const e = live(key, nowMs)
      return e === undefined || e.lockedUntilMs <= nowMs ? 0 : e.lockedUntilMs - nowMs
    },
    /** Records a failure; true when this one locked the pair. */
    failure (key: string, nowMs: number): boolean {
      let e = live(key, nowMs)
      if (e === undefined) {
        if (entries.size >= o.maxEntries) {
          const oldest = entries.keys().next()
          if (oldest.done !== true) entries.delete(oldest.value)
        }
        e = { failures: 0, firstAtMs: nowMs, lockedUntilMs: 0 }
        entries.set(key, e)
      }
      e.failures++
      if (e.failures >= o.maxFailures && e.lockedUntilMs <= nowMs) {
        e.lockedUntilMs = nowMs + o.lockoutMs
        // The lock-out is its own window: failures start again from zero after it.
        e.failures = 0
        e.firstAtMs = nowMs + o.lockoutMs
        return true
      }
      return false
    },
    success (key: string): void {
      entries.delete(key)
    },
    size: (): number => entries.size,
  }
}

export const throttleKey = (username: string, ip: string): string => `${username.toLowerCase()}\u0000${ip}`
