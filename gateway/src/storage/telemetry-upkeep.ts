import type pg from 'pg'
import type { Log } from '../common/log.js'
import type { TelemetryRepository } from './telemetry.repository.js'
import { createTelemetryRollupRepository } from './telemetry-rollup.repository.js'
import { ensurePartitions } from './telemetry-partitions.js'

const PURGE_EVERY_MS = 3_600_000
const FIRST_PURGE_AFTER_MS = 60_000
/** Bounded rollup steps per tick (an hour of data each): a gateway back after a day catches up within a few ticks. */
const ROLLUP_STEPS_PER_TICK = 24
const PARTITIONS_AHEAD_MS = 7 * 86_400_000
const PARTITION_RETRY_MS = 60_000
const LOCK_NOT_AVAILABLE = '55P03'
const DAY_MS = 86_400_000

export interface TelemetryUpkeepOptions {
  pool: pg.Pool
  /** Connections that may run DDL (partitions). */
  ownerPool: pg.Pool
  telemetry: TelemetryRepository
  timescale: boolean
  retentionDays: number
  rollupRefreshS: number
  /** Oldest sample ingest accepts: partitions must exist back to it. */
  maxAgeMs: number
  log: Log
}

/**
 * The telemetry jobs of a running gateway: on plain PostgreSQL, partitions
 * made ahead of their samples and the hourly retention purge (TimescaleDB has
 * its own policies); on both paths, the rollup of history buckets.
 */
export function startTelemetryUpkeep (o: TelemetryUpkeepOptions): { stop(): Promise<void> } {
  // Plain PostgreSQL has no retention policy: purge old rows ourselves.
  const purgeAbort = new AbortController()
  let purging: Promise<void> | undefined
  const purge = () => {
    if (purging !== undefined) return
    // Partitions exist before their samples arrive (else those land in the default partition).
    const ahead = ensurePartitions(o.ownerPool, Date.now() - o.maxAgeMs, Date.now() + PARTITIONS_AHEAD_MS)
      .catch((err: unknown) => {
        if ((err as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) return o.log.error({ err }, 'creating telemetry partitions failed')
        // A long reader of the default partition: let it finish, try again soon (purging again is harmless).
        o.log.warn({ retryInS: PARTITION_RETRY_MS / 1000 }, 'telemetry partitions not made yet: the default partition was busy')
        if (!purgeAbort.signal.aborted) timers.push(setTimeout(purge, PARTITION_RETRY_MS).unref())
      })
    const cutoffMs = Date.now() - o.retentionDays * DAY_MS
    purging = ahead.then(() => o.telemetry.purgeOlderThan(cutoffMs, purgeAbort.signal))
      .then((deleted) => { if (deleted > 0) o.log.info({ deleted, cutoff: new Date(cutoffMs) }, 'old telemetry purged') })
      .catch((err: unknown) => { if (!purgeAbort.signal.aborted) o.log.error({ err }, 'telemetry purge failed') })
      .finally(() => { purging = undefined })
  }
  const timers = o.timescale
    ? []
    : [setTimeout(purge, FIRST_PURGE_AFTER_MS).unref(), setInterval(purge, PURGE_EVERY_MS).unref()]

  // Rollup of history buckets (both paths); each step takes a transaction
  // advisory lock, so among several gateways one works at a time.
  const rollup = createTelemetryRollupRepository(o.pool)
  let rolling: Promise<void> | undefined
  const rollupTick = () => {
    if (rolling !== undefined) return
    rolling = (async () => {
      for (let i = 0; i < ROLLUP_STEPS_PER_TICK && !purgeAbort.signal.aborted; i++) {
        const s = await rollup.step(Date.now(), Date.now() - o.retentionDays * DAY_MS)
        if (!s.more) break
      }
    })()
      .catch((err: unknown) => { if (!purgeAbort.signal.aborted) o.log.error({ err }, 'telemetry rollup failed') })
      .finally(() => { rolling = undefined })
  }
  timers.push(setInterval(rollupTick, o.rollupRefreshS * 1000).unref())

  return {
    async stop () {
      for (const t of timers) clearTimeout(t)
      purgeAbort.abort()
      await purging
      await rolling
    },
  }
}
