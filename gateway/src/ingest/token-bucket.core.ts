/**
 * A token bucket measured in "units per second" (messages or bytes).
 * Pure: the caller passes the clock reading.
 */
export interface TokenBucket {
  tokens: number
  updatedMs: number
}

export function createBucket (capacity: number, nowMs: number): TokenBucket {
  return { tokens: capacity, updatedMs: nowMs }
}

/**
 * Takes `cost` units. Returns 0 when they were available, otherwise the
 * milliseconds until they will be (the bucket then goes negative, which is
 * how a QoS 1 publisher is slowed: it owes the time it was early).
 */
export function take (bucket: TokenBucket, cost: number, ratePerS: number, capacity: number, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - bucket.updatedMs)
  bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * ratePerS) / 1000)
  bucket.updatedMs = nowMs
  bucket.tokens -= cost
  return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens * 1000) / ratePerS)
}

/** Like take(), but refuses instead of going into debt: for traffic that may be shed. */
export function tryTake (bucket: TokenBucket, cost: number, ratePerS: number, capacity: number, nowMs: number): boolean {
  const elapsed = Math.max(0, nowMs - bucket.updatedMs)
  bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * ratePerS) / 1000)
  bucket.updatedMs = nowMs
  if (bucket.tokens < cost) return false
  bucket.tokens -= cost
  return true
}
