import type { Log } from '../common/log.js'
import type { TelemetryColumns } from '../storage/telemetry.repository.js'
import { coalesce } from './record.core.js'
import { withDeadline } from './deadline.js'
import type { WriteAheadSpool } from './write-ahead-spool.js'

export interface ReplayerOptions {
  spool: WriteAheadSpool
  /** The idempotent telemetry insert: a record replayed twice (crash mid-segment) inserts nothing twice. */
  insert: (batch: TelemetryColumns) => Promise<number>
  batchMaxSamples: number
  /** A replay statement slower than this counts as the database still being unavailable. */
  deadlineMs: number
  retryMs: number
  log: Log
  onReplayed?: (info: { samples: number, inserted: number }) => void
  /** A segment was replayed, or none was left: the database takes writes again. */
  onHealthy: () => void
}

const WARN_EVERY_MS = 10_000

/**
 * Moves spooled telemetry into the database: on start-up (segments left by
 * a crash or an outage), and whenever the batcher has spooled. A segment is
 * deleted only after all of its records are committed.
 */
export class SpoolReplayer {
  private stopped = false
  private wake: (() => void) | undefined
  private loop: Promise<void> | undefined
  private lastWarnMs = 0

  constructor (private readonly opts: ReplayerOptions) {}

  start (): void {
    this.loop ??= this.run()
  }

  /** Something was spooled: look now rather than at the next retry tick. */
  kick (): void {
    this.wake?.()
  }

  async stop (): Promise<void> {
    this.stopped = true
    this.kick()
    await this.loop
  }

  private async run (): Promise<void> {
    while (!this.stopped) {
      if (this.opts.spool.isEmpty) {
        await this.sleep(this.opts.retryMs)
        continue
      }
      if (await this.replayClosedSegments()) this.opts.onHealthy()
      else await this.sleep(this.opts.retryMs)
    }
  }

  /** True when every closed segment is now in the database. */
  private async replayClosedSegments (): Promise<boolean> {
    const { spool, insert, batchMaxSamples, deadlineMs, log } = this.opts
    try {
      for (const segment of await spool.sealAndList()) {
        if (this.stopped) return false
        const { records, tornBytes } = await spool.read(segment)
        if (tornBytes > 0) log.warn({ segment, tornBytes }, 'spool segment ends in a torn record (never acknowledged); ignored')
        let samples = 0
        let inserted = 0
        for (const batch of coalesce(records, batchMaxSamples)) {
          inserted += await withDeadline(insert(batch), deadlineMs, 'spool replay write')
          samples += batch.vehicleKeys.length
        }
        await spool.remove(segment)
        // The database took a whole segment: new batches go to it directly
        // again, while the rest of the backlog drains here (order does not
        // matter: samples carry their own time, and replays are idempotent).
        this.opts.onHealthy()
        this.opts.onReplayed?.({ samples, inserted })
        log.info({ segment, samples, inserted }, 'spool segment replayed into the database')
      }
      return true
    } catch (err) {
      const now = Date.now()
      if (now - this.lastWarnMs >= WARN_EVERY_MS) {
        this.lastWarnMs = now
        log.warn({ err: (err as Error).message, spoolBytes: spool.bytes }, 'database unavailable: spool replay postponed')
      }
      return false
    }
  }

  private sleep (ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done (): void {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    })
  }
}
