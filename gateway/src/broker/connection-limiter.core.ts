import { createBucket, tryTake, type TokenBucket } from '../ingest/token-bucket.core.js'

export interface ConnectionLimits {
  /** Attempts an address may make at once. */
  burst: number
  /** Sustained attempts per second. */
  perS: number
  /** An address over its rate is refused this long (0: only the excess attempts are refused). */
  banMs: number
}

interface AddressState {
  bucket: TokenBucket
  bannedUntilMs: number
}

export type Admission = { ok: true } | { ok: false, reason: 'rate_limited' | 'banned', untilMs: number }

/**
 * Connection attempts per remote address, before any MQTT byte is read: a
 * client that reconnects in a loop (flapping firmware, or an attack) costs
 * a socket accept and nothing more, and is banned for a while. Pure: the
 * caller passes the clock. Idle addresses are forgotten by `sweep()`.
 */
export function createConnectionLimiter (limits: ConnectionLimits) {
  const addresses = new Map<string, AddressState>()
  return {
    admit (address: string, nowMs: number): Admission {
      let s = addresses.get(address)
      if (s === undefined) {
        s = { bucket: createBucket(limits.burst, nowMs), bannedUntilMs: 0 }
        addresses.set(address, s)
      }
      if (s.bannedUntilMs > nowMs) return { ok: false, reason: 'banned', untilMs: s.bannedUntilMs }
      if (tryTake(s.bucket, 1, limits.perS, limits.burst, nowMs)) return { ok: true }
      s.bannedUntilMs = nowMs + limits.banMs
      return { ok: false, reason: 'rate_limited', untilMs: s.bannedUntilMs }
    },

    /** Drops addresses with a full bucket and no ban: they are indistinguishable from new ones. */
    sweep (nowMs: number): void {
      for (const [address, s] of addresses) {
        const refill = s.bucket.tokens + ((nowMs - s.bucket.updatedMs) * limits.perS) / 1000
        if (s.bannedUntilMs <= nowMs && refill >= limits.burst) addresses.delete(address)
      }
    },

    get tracked (): number {
      return addresses.size
    },
  }
}

export type ConnectionLimiter = ReturnType<typeof createConnectionLimiter>
