import type { Log } from '../common/log.js'
import type { TelemetryColumns, TelemetryRepository } from '../storage/telemetry.repository.js'
import type { WriteAheadSpool } from '../spool/write-ahead-spool.js'
import { withDeadline } from '../spool/deadline.js'

export type BatchWriter = Pick<TelemetryRepository, 'insertColumns'>

/** Where an acknowledged batch is durable: committed in the database, or fsync'd to the spool. */
export type Durability = 'stored' | 'spooled'

export interface BatcherSpool {
  spool: WriteAheadSpool
  /** A database write slower than this sends the batch (and the next ones) to the spool. */
  afterMs: number
  /** Called when the batcher starts spooling, so the replayer looks at once. */
  onSpooling: () => void
}

export interface BatcherOptions {
  flushMs: number
  batchMaxSamples: number
  queueMaxSamples: number
  writers: number
  log: Log
  /** Without it a failed write is retried until the database takes it (acknowledgements wait). */
  spool?: BatcherSpool
  onWritten?: (info: { samples: number, inserted: number, seconds: number }) => void
  onWriteFailed?: (err: Error) => void
  onSpooled?: (samples: number) => void
  /** The spool is full and the database unavailable: acknowledgements stop (back-pressure). */
  onSpoolFull?: () => void
}

interface PendingBatch {
  columns: TelemetryColumns
  waiters: Array<{ resolve: (d: Durability) => void }>
}

/**
 * One writer's share of the vehicles (vehicle key modulo writers). A write
 * also merges the vehicles' newest samples into their telemetry_latest rows;
 * writers with disjoint vehicles never wait for each other's row locks
 * (with every writer touching every vehicle, writes serialised on them).
 */
interface Lane {
  current: PendingBatch
  sealed: PendingBatch[]
  timer: NodeJS.Timeout | undefined
  writing: boolean
}

const RETRY_MIN_MS = 100
const RETRY_MAX_MS = 2000
const WARN_EVERY_MS = 10_000

/**
 * Collects validated samples from all vehicles into column batches and
 * writes them with a bounded number of parallel writers, one per lane of
 * vehicles. `add()` resolves
 * once the samples are durable — committed in the database, or (when the
 * database fails or is slower than `spool.afterMs`) fsync'd to the local
 * write-ahead spool — and the broker acknowledges a QoS 1 publish only then.
 * Once one batch went to the spool, the following ones go straight there
 * until the replayer reports the database healthy again (`resumeDatabase()`).
 * When neither takes a batch (spool full), it is retried with backoff and
 * its acknowledgements wait: nothing accepted is dropped. The queue then
 * fills and `hasRoom()` turns false, the intake's signal to apply
 * back-pressure.
 */
export class TelemetryBatcher {
  private readonly lanes: Lane[]
  private queuedSamples = 0
  private roomWaiters: Array<() => void> = []
  private closed = false
  private spooling = false
  private lastWarnMs = 0

  constructor (private readonly writer: BatchWriter, private readonly opts: BatcherOptions) {
    this.lanes = Array.from({ length: Math.max(1, opts.writers) }, () => ({ current: emptyBatch(), sealed: [], timer: undefined, writing: false }))
  }

  /** Samples accepted but not yet committed. */
  get queued (): number {
    return this.queuedSamples
  }

  hasRoom (): boolean {
    return this.queuedSamples < this.opts.queueMaxSamples
  }

  /** Resolves when the queue has room again (never rejects; close() releases waiters). */
  waitForRoom (): Promise<void> {
    if (this.hasRoom() || this.closed) return Promise.resolve()
    return new Promise((resolve) => this.roomWaiters.push(resolve))
  }

  /** True while new batches go to the spool rather than the database. */
  get isSpooling (): boolean {
    return this.spooling
  }

  /** The replayer emptied the spool into the database: write there again. */
  resumeDatabase (): void {
    if (this.spooling) this.opts.log.info('database healthy again: writing telemetry to it directly')
    this.spooling = false
  }

  add (vehicleKey: number, signalIds: number[], tsMs: number[], values: number[]): Promise<Durability> {
    if (signalIds.length === 0) return Promise.resolve('stored')
    const lane = this.lanes[vehicleKey % this.lanes.length] as Lane
    const c = lane.current.columns
    for (let i = 0; i < signalIds.length; i++) {
      c.vehicleKeys.push(vehicleKey)
      c.signalIds.push(signalIds[i] as number)
      c.tsMs.push(tsMs[i] as number)
      c.values.push(values[i] as number)
    }
    // One message, one stored row: a resent message is recognised by its content.
    c.messageSizes?.push(signalIds.length)
    this.queuedSamples += signalIds.length
    const done = new Promise<Durability>((resolve) => lane.current.waiters.push({ resolve }))
    if (c.signalIds.length >= this.opts.batchMaxSamples) this.seal(lane)
    else if (lane.timer === undefined) lane.timer = setTimeout(() => this.seal(lane), this.opts.flushMs)
    return done
  }

  /** Writes everything pending and waits for it (graceful shutdown). */
  async drain (): Promise<void> {
    for (const lane of this.lanes) this.seal(lane)
    while (this.queuedSamples > 0) await new Promise((resolve) => setTimeout(resolve, 5))
  }

  close (): void {
    this.closed = true
    for (const w of this.roomWaiters.splice(0)) w()
  }

  private seal (lane: Lane): void {
    if (lane.timer !== undefined) {
      clearTimeout(lane.timer)
      lane.timer = undefined
    }
    if (lane.current.columns.signalIds.length === 0) return
    lane.sealed.push(lane.current)
    lane.current = emptyBatch()
    this.pump(lane)
  }

  private pump (lane: Lane): void {
    if (lane.writing || lane.sealed.length === 0) return
    const batch = lane.sealed.shift() as PendingBatch
    lane.writing = true
    void this.write(batch).finally(() => {
      lane.writing = false
      this.pump(lane)
    })
  }

  private async write (batch: PendingBatch): Promise<void> {
    const n = batch.columns.signalIds.length
    let durability: Durability | undefined
    for (let attempt = 0; durability === undefined; attempt++) {
      // A full spool sends the retries back to the database.
      if (!this.spooling || this.opts.spool === undefined || attempt > 0) {
        if (await this.tryDatabase(batch.columns)) durability = 'stored'
      }
      if (durability === undefined && this.opts.spool !== undefined) durability = await this.trySpool(batch.columns)
      if (durability === undefined) await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt)))
    }
    this.queuedSamples -= n
    for (const w of batch.waiters) w.resolve(durability)
    if (this.hasRoom()) for (const w of this.roomWaiters.splice(0)) w()
  }

  private async tryDatabase (columns: TelemetryColumns): Promise<boolean> {
    const started = process.hrtime.bigint()
    const n = columns.signalIds.length
    const written = this.writer.insertColumns(columns).then((inserted) => {
      // Also counted when it finishes after its deadline (the batch was spooled meanwhile).
      this.opts.onWritten?.({ samples: n, inserted, seconds: Number(process.hrtime.bigint() - started) / 1e9 })
    })
    try {
      await (this.opts.spool === undefined ? written : withDeadline(written, this.opts.spool.afterMs, 'telemetry batch write'))
      return true
    } catch (err) {
      written.catch(() => undefined)
      this.opts.onWriteFailed?.(err as Error)
      this.warn({ err: (err as Error).message }, 'telemetry batch write failed')
      return false
    }
  }

  private async trySpool (columns: TelemetryColumns): Promise<Durability | undefined> {
    const { spool, onSpooling } = this.opts.spool as BatcherSpool
    try {
      if (!await spool.append(columns)) {
        this.opts.onSpoolFull?.()
        this.warn({ spoolBytes: spool.bytes }, 'spool full and database unavailable: acknowledgements wait')
        return undefined
      }
    } catch (err) {
      this.opts.log.error({ err }, 'spool write failed')
      return undefined
    }
    if (!this.spooling) {
      this.spooling = true
      this.opts.log.warn('database unavailable or slow: telemetry goes to the local spool')
      onSpooling()
    }
    this.opts.onSpooled?.(columns.signalIds.length)
    return 'spooled'
  }

  private warn (data: object, msg: string): void {
    const now = Date.now()
    if (now - this.lastWarnMs < WARN_EVERY_MS) return
    this.lastWarnMs = now
    this.opts.log.warn(data, msg)
  }
}

function emptyBatch (): PendingBatch {
  return { columns: { vehicleKeys: [], signalIds: [], tsMs: [], values: [], messageSizes: [] }, waiters: [] }
}
