import { mkdir, open, readdir, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { TelemetryColumns } from '../storage/telemetry.repository.js'
import { decodeSegment, encodeRecord, type DecodedSegment } from './record.core.js'

export interface SpoolOptions {
  dir: string
  /** Appends beyond this many bytes on disk are refused (the caller then stops acknowledging). */
  maxBytes: number
  /** A segment is closed and a new one started past this size. */
  segmentBytes?: number
}

interface PendingAppend {
  buf: Buffer
  resolve: (spooled: boolean) => void
  reject: (err: Error) => void
}

const SEGMENT_RE = /^segment-(\d{12})\.wal$/
const DEFAULT_SEGMENT_BYTES = 16 << 20
const segmentName = (n: number) => `segment-${String(n).padStart(12, '0')}.wal`

/**
 * A local write-ahead spool for telemetry the database cannot take right
 * now. `append()` resolves true only once the record is written AND
 * fdatasync'd: after that a PUBACK may be sent, because the record survives
 * a crash of the gateway or of the machine. Appends that arrive while a
 * sync is running are written and synced together with the next one (group
 * commit), so one fsync covers many batches and throughput holds.
 *
 * Records go to numbered segment files. The replayer reads closed segments
 * (`sealAndList()` closes the current one) and removes each once every one
 * of its records is committed in the database.
 */
export class WriteAheadSpool {
  private current: FileHandle | undefined
  private currentNo = 0
  private currentBytes = 0
  private readonly closedSegments: number[] = []
  private pending: PendingAppend[] = []
  private pendingBytes = 0
  /** The one I/O loop (appends, seals); undefined while idle. */
  private busy: Promise<void> | undefined
  private sealWaiters: Array<() => void> = []
  private totalBytes = 0
  private lockFile = ''
  private closed = false

  private constructor (private readonly opts: SpoolOptions) {}

  /** Opens (creating) the spool directory; segments left by an earlier run are queued for replay. */
  static async open (opts: SpoolOptions): Promise<WriteAheadSpool> {
    const spool = new WriteAheadSpool(opts)
    await mkdir(opts.dir, { recursive: true })
    await spool.lock()
    const found = (await readdir(opts.dir)).map((f) => SEGMENT_RE.exec(f)).filter((m) => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b)
    for (const n of found) {
      const { size } = await stat(path.join(opts.dir, segmentName(n)))
      if (size === 0) {
        await rm(path.join(opts.dir, segmentName(n)), { force: true })
        continue
      }
      spool.closedSegments.push(n)
      spool.totalBytes += size
    }
    spool.currentNo = found.at(-1) ?? 0
    return spool
  }

  /** Bytes on disk plus bytes waiting to be written. */
  get bytes (): number {
    return this.totalBytes + this.pendingBytes
  }

  get isEmpty (): boolean {
    return this.bytes === 0
  }

  /**
   * Resolves true once the batch is durable on disk, false (at once) when
   * the spool is full. Rejects when the disk write fails.
   */
  append (batch: TelemetryColumns): Promise<boolean> {
    if (this.closed) return Promise.resolve(false)
    const buf = encodeRecord(batch)
    if (this.bytes + buf.length > this.opts.maxBytes) return Promise.resolve(false)
    this.pendingBytes += buf.length
    const done = new Promise<boolean>((resolve, reject) => this.pending.push({ buf, resolve, reject }))
    this.kick()
    return done
  }

  /** Closes the segment being written (if it holds anything) and lists every closed segment, oldest first. */
  async sealAndList (): Promise<number[]> {
    await new Promise<void>((resolve) => {
      this.sealWaiters.push(resolve)
      this.kick()
    })
    return [...this.closedSegments]
  }

  async read (segment: number): Promise<DecodedSegment> {
    return decodeSegment(await readFile(path.join(this.opts.dir, segmentName(segment))))
  }

  /** Deletes a segment whose records are all committed in the database. */
  async remove (segment: number): Promise<void> {
    const i = this.closedSegments.indexOf(segment)
    if (i < 0) return
    const file = path.join(this.opts.dir, segmentName(segment))
    const { size } = await stat(file)
    await rm(file, { force: true })
    this.closedSegments.splice(i, 1)
    this.totalBytes = Math.max(0, this.totalBytes - size)
  }

  /** Writes what is pending, then releases the directory (records stay for the next start). */
  async close (): Promise<void> {
    this.closed = true
    await this.busy
    await this.current?.close()
    this.current = undefined
    await rm(this.lockFile, { force: true })
  }

  private kick (): void {
    this.busy ??= this.ioLoop().finally(() => {
      this.busy = undefined
      if (this.pending.length > 0 || this.sealWaiters.length > 0) this.kick()
    })
  }

  /** Appends and seals run one at a time, in this loop only. */
  private async ioLoop (): Promise<void> {
    for (;;) {
      // Seals first: under continuous appends `pending` is never empty, and
      // a seal waiting behind it would starve the replayer.
      if (this.sealWaiters.length > 0) {
        const waiters = this.sealWaiters
        this.sealWaiters = []
        try {
          if (this.current !== undefined && this.currentBytes > 0) await this.closeCurrent()
        } finally {
          for (const w of waiters) w()
        }
      } else if (this.pending.length > 0) {
        await this.writeGroup()
      } else {
        return
      }
    }
  }

  private async writeGroup (): Promise<void> {
    const group = this.pending
    this.pending = []
    const bytes = group.reduce((s, p) => s + p.buf.length, 0)
    try {
      if (this.current === undefined || this.currentBytes >= (this.opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES)) await this.rotate()
      const fh = this.current as FileHandle
      await fh.writev(group.map((p) => p.buf))
      await fh.datasync()
      this.currentBytes += bytes
      this.totalBytes += bytes
      this.pendingBytes -= bytes
      for (const p of group) p.resolve(true)
    } catch (err) {
      this.pendingBytes -= bytes
      // The segment may now end in a partial record: start a new one, so
      // later records are not hidden behind it (replay stops at a torn record).
      const failed = this.current
      this.current = undefined
      if (failed !== undefined) {
        await failed.close().catch(() => undefined)
        this.closedSegments.push(this.currentNo)
      }
      for (const p of group) p.reject(err as Error)
    }
  }

  private async closeCurrent (): Promise<void> {
    if (this.current === undefined) return
    const fh = this.current
    this.current = undefined
    await fh.close()
    if (this.currentBytes > 0) this.closedSegments.push(this.currentNo)
    else await rm(path.join(this.opts.dir, segmentName(this.currentNo)), { force: true })
  }

  private async rotate (): Promise<void> {
    await this.closeCurrent()
    this.currentNo++
    this.current = await open(path.join(this.opts.dir, segmentName(this.currentNo)), 'wx')
    this.currentBytes = 0
    // The new file's directory entry must be durable too, or a crash could lose the whole segment.
    const dir = await open(this.opts.dir, 'r')
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  }

  /** One gateway per spool directory: two writers would interleave records and replay each other's. */
  private async lock (): Promise<void> {
    this.lockFile = path.join(this.opts.dir, 'LOCK')
    try {
      const holder = Number.parseInt(await readFile(this.lockFile, 'utf8'), 10)
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(`spool directory ${this.opts.dir} is in use by process ${holder}`)
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    // A lock left by a crashed gateway (its pid is gone) is taken over.
    await writeFile(this.lockFile, String(process.pid))
  }
}

function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
