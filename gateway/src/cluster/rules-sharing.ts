import type { Redis } from 'ioredis'
import type { Queryable } from '../storage/db.js'
import type { Log } from '../common/log.js'
import type { RulesService } from '../rules/rules.service.js'
import { encodeShare, mergeShares } from './cohort-share.core.js'

const SHARES_KEY = 'fw:cohort:instances'
const shareKey = (instanceId: string): string => `fw:cohort:${instanceId}`

/**
 * Cluster-wide cohort statistics: every `everyMs` this instance writes its
 * per-(rule, model) moments to Redis (expiring after three periods, so a
 * dead instance's vehicles drop out of the fleet by themselves) and reads
 * the other live instances' into the rules service. While Redis is
 * unreachable cohorts are local only (logged once), never stale or mixed.
 */
export function startCohortSharing (redis: Redis, rules: RulesService, instanceId: string, everyMs: number, log: Log): { tick: () => Promise<void>, stop: () => void } {
  const ttlMs = 3 * everyMs
  let degraded = false
  let running = false
  async function tick (): Promise<void> {
    if (running) return
    running = true
    try {
      const nowMs = Date.now()
      await redis.multi()
        .set(shareKey(instanceId), encodeShare(rules.cohortPartials()), 'PX', ttlMs)
        .zadd(SHARES_KEY, nowMs + ttlMs, instanceId)
        .zremrangebyscore(SHARES_KEY, '-inf', nowMs)
        .exec()
      const others = (await redis.zrangebyscore(SHARES_KEY, nowMs, '+inf')).filter((id) => id !== instanceId)
      const shares = others.length === 0 ? [] : await redis.mget(others.map(shareKey))
      rules.setRemoteCohorts(mergeShares(shares))
      if (degraded) log.info('cohort statistics cluster-wide again')
      degraded = false
    } catch (err) {
      rules.setRemoteCohorts(new Map())
      if (!degraded) log.warn({ err: (err as Error).message }, 'cohort statistics local to this instance until Redis returns')
      degraded = true
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), everyMs)
  timer.unref()
  void tick()
  return {
    tick,
    stop: () => {
      clearInterval(timer)
      // Leave the fleet now rather than after the TTL (best effort: the TTL covers a failure).
      redis.multi().del(shareKey(instanceId)).zrem(SHARES_KEY, instanceId).exec().catch(() => {})
    },
  }
}

/**
 * Which of these vehicles have no session anywhere in the cluster since their
 * session here ended: not connected, and still recorded under this instance
 * (a later session on another instance records that one, and that instance
 * then owns its silence).
 */
export async function stillAbsentHere (db: Queryable, instanceId: string, keys: number[]): Promise<Set<number>> {
  const { rows } = await db.query<{ vehicle_key: number }>(
    'SELECT vehicle_key FROM vehicles WHERE vehicle_key = ANY($1::int[]) AND NOT connected AND (instance_id IS NULL OR instance_id = $2)',
    [keys, instanceId])
  return new Set(rows.map((r) => Number(r.vehicle_key)))
}
