import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Log } from '../../common/log.js'

/**
 * The log-in failure counts of a cluster, in Redis, so that N instances
 * allow the same number of tries as one. Answers `undefined` when Redis
 * cannot answer: the caller then relies on its own in-memory throttle
 * (degraded: each instance counts alone), never on "no limit" and never
 * on "locked".
 */
export interface SharedLoginThrottle {
  /** Milliseconds until the pair may try again (0 = now). */
  retryAfterMs(key: string): Promise<number | undefined>
  /** Records a failure; true when this one locked the pair. */
  failure(key: string): Promise<boolean | undefined>
  success(key: string): Promise<void>
}

export interface SharedLoginThrottleOptions {
  readonly maxFailures: number
  /** How long failures are counted from the first one. */
  readonly windowMs: number
  readonly lockoutMs: number
  /** A Redis that does not answer within this is treated as unreachable (a log-in must not hang on it). */
  readonly timeoutMs: number
}

const PREFIX = 'fw:login:'

/**
 * One round trip, atomic: count the failure (the first one starts the
 * window), and at the limit replace the count by a lock-out key that expires
 * on its own. Both keys always carry a TTL, so Redis holds nothing for longer
 * than the window or the lock-out.
 */
const FAILURE_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n >= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  if redis.call('SET', KEYS[2], '1', 'PX', ARGV[3], 'NX') then return 1 end
end
return 0`

export function createSharedLoginThrottle (redis: Redis, o: SharedLoginThrottleOptions, log: Log): SharedLoginThrottle {
  // Usernames are attacker-chosen: hashed, the keys have one length and Redis never holds a username or address.
  const keys = (key: string) => {
    const h = createHash('sha256').update(key).digest('base64url')
    return { count: `${PREFIX}n:${h}`, lock: `${PREFIX}l:${h}` }
  }
  let degraded = false
  async function attempt<T> (what: string, run: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined
    try {
      const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${o.timeoutMs} ms`)), o.timeoutMs) })
      const v = await Promise.race([run(), timeout])
      if (degraded) log.info('shared log-in throttle back: failures count across instances again')
      degraded = false
      return v
    } catch (err) {
      if (!degraded) log.error({ err: (err as Error).message, what }, 'shared log-in throttle unreachable: each instance throttles log-ins on its own until Redis returns')
      degraded = true
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }
  return {
    retryAfterMs: (key) => attempt('read', async () => Math.max(0, await redis.pttl(keys(key).lock))),
    async failure (key) {
      const k = keys(key)
      return attempt('count', async () => await redis.eval(FAILURE_SCRIPT, 2, k.count, k.lock, o.maxFailures, o.windowMs, o.lockoutMs) === 1)
    },
    async success (key) {
      await attempt('clear', async () => redis.del(keys(key).count))
    },
  }
}
