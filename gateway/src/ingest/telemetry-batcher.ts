import type { Log } from '../shared/log.js'
import type { TelemetryColumns, TelemetryRepository } from '../storage/telemetry.repository.js'
import { retryUntilDone } from '../shared/retry.js'

export type BatchWriter = Pick<TelemetryRepository, 'insertColumns'>

export interface BatcherOptions {
  flushMs: number
  batchMaxSamples: number
  queueMaxSamples: number
  writers: number
  log: Log
  onWritten?: (info: { samples: number, inserted: number, seconds: number }) => void
  onWriteFailed?: (err: Error) => void
}

interface PendingBatch {
  columns: TelemetryColumns
  waiters: Array<{ resolve: () => void }>
}

/**
 * Collects validated samples from all vehicles into column batches and
 * writes them with a bounded number of parallel writers. `add()` resolves
 * once the samples are committed: the broker acknowledges a QoS 1 publish
 * only then. A failed write is retried (with backoff) until it succeeds:
 * nothing that was accepted is dropped. While the database is slow, the
 * queue fills and `hasRoom()` turns false, which is the intake's signal
 * to apply back-pressure.
 */
export class TelemetryBatcher {
  private current: PendingBatch = emptyBatch()
  private readonly sealed: PendingBatch[] = []
  private timer: NodeJS.Timeout | undefined
  private activeWriters = 0
  private queuedSamples = 0
  private roomWaiters: Array<() => void> = []
  private closed = false

  constructor (private readonly writer: BatchWriter, private readonly opts: BatcherOptions) {}

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

  add (vehicleKey: number, signalIds: number[], tsMs: number[], values: number[]): Promise<void> {
    if (signalIds.length === 0) return Promise.resolve()
    const c = this.current.columns
    for (let i = 0; i < signalIds.length; i++) {
      c.vehicleKeys.push(vehicleKey)
      c.signalIds.push(signalIds[i] as number)
      c.tsMs.push(tsMs[i] as number)
      c.values.push(values[i] as number)
    }
    this.queuedSamples += signalIds.length
    const done = new Promise<void>((resolve) => this.current.waiters.push({ resolve }))
    if (c.signalIds.length >= this.opts.batchMaxSamples) this.seal()
    else if (this.timer === undefined) this.timer = setTimeout(() => this.seal(), this.opts.flushMs)
    return done
  }

  /** Writes everything pending and waits for it (graceful shutdown). */
  async drain (): Promise<void> {
    this.seal()
    while (this.queuedSamples > 0) await new Promise((resolve) => setTimeout(resolve, 5))
  }

  close (): void {
    this.closed = true
    for (const w of this.roomWaiters.splice(0)) w()
  }

  private seal (): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.current.columns.signalIds.length === 0) return
    this.sealed.push(this.current)
    this.current = emptyBatch()
    this.pump()
  }

  private pump (): void {
    while (this.activeWriters < this.opts.writers && this.sealed.length > 0) {
      const batch = this.sealed.shift() as PendingBatch
      this.activeWriters++
      void this.write(batch).finally(() => {
        this.activeWriters--
        this.pump()
      })
    }
  }

  private async write (batch: PendingBatch): Promise<void> {
    const n = batch.columns.signalIds.length
    await retryUntilDone('telemetry batch write', async () => {
      const started = process.hrtime.bigint()
      try {
        const inserted = await this.writer.insertColumns(batch.columns)
        this.opts.onWritten?.({ samples: n, inserted, seconds: Number(process.hrtime.bigint() - started) / 1e9 })
      } catch (err) {
        this.opts.onWriteFailed?.(err as Error)
        throw err
      }
    }, this.opts.log, () => false)
    this.queuedSamples -= n
    for (const w of batch.waiters) w.resolve()
    if (this.hasRoom()) for (const w of this.roomWaiters.splice(0)) w()
  }
}

function emptyBatch (): PendingBatch {
  return { columns: { vehicleKeys: [], signalIds: [], tsMs: [], values: [] }, waiters: [] }
}
