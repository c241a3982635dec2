import { Redis } from 'ioredis'
import type { Log } from '../common/log.js'

/**
 * A Redis connection for the cluster. Publishing connections fail fast while
 * Redis is down (no offline queue: cross-instance messages are best-effort
 * notifications, never the only copy of anything); subscribing connections
 * re-subscribe by themselves when Redis returns.
 */
export function connectRedis (url: string, role: 'pub' | 'sub' | 'cmd', log: Log): Redis {
  const redis = new Redis(url, {
    connectionName: `fleetwire-${role}`,
    enableOfflineQueue: role === 'sub',
    maxRetriesPerRequest: role === 'sub' ? null : 1,
    retryStrategy: (times) => Math.min(100 * times, 1000),
    lazyConnect: false,
  })
  let down = false
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ role, err: err.message }, 'Redis connection lost: cross-instance features degraded until it returns')
    down = true
  })
  redis.on('ready', () => {
    if (down) log.info({ role }, 'Redis connection back')
    down = false
  })
  return redis
}
