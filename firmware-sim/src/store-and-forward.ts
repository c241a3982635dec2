/**
 * The unit's outbound spool: every telemetry batch and DTC event stays here
 * until the gateway has acknowledged it (a QoS 1 PUBACK from Fleetwire means
 * "committed"). Bounded: when full, the oldest message is dropped and
 * counted. On a lost connection everything in flight is sent again, in the
 * original order, with its original seq and timestamps (the gateway
 * deduplicates on vehicle, signal and time).
 */
export interface Outbound<T> {
  readonly message: T
  /** 0 waiting, 1 in flight, 2 acknowledged, 3 dropped. */
  state: 0 | 1 | 2 | 3
}

export interface StoreAndForwardStats {
  /** Messages held (waiting + in flight). */
  size: number
  inFlight: number
  /** Dropped because the spool was full. */
  dropped: number
  acked: number
}

export class StoreAndForward<T> {
  private entries: Array<Outbound<T> | undefined> = []
  private head = 0
  /** Index of the next entry never sent on the current connection. */
  private cursor = 0
  private inFlightCount = 0
  private droppedCount = 0
  private ackedCount = 0

  constructor (readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`store-and-forward limit must be >= 1, got ${limit}`)
  }

  get size (): number { return this.entries.length - this.head }
  get inFlight (): number { return this.inFlightCount }
  get dropped (): number { return this.droppedCount }

  stats (): StoreAndForwardStats {
    return { size: this.size, inFlight: this.inFlightCount, dropped: this.droppedCount, acked: this.ackedCount }
  }

  push (message: T): void {
    if (this.size >= this.limit) this.dropOldest()
    this.entries.push({ message, state: 0 })
  }

  /** The oldest message not yet sent on this connection, now marked in flight; undefined when all are out. */
  take (): Outbound<T> | undefined {
    if (this.cursor < this.head) this.cursor = this.head
    while (this.cursor < this.entries.length) {
      const e = this.entries[this.cursor++] as Outbound<T>
      if (e.state === 0) {
        e.state = 1
        this.inFlightCount++
        return e
      }
    }
    return undefined
  }

  /** The gateway acknowledged it: forget it. Late acks of dropped entries are ignored. */
  ack (e: Outbound<T>): void {
    if (e.state !== 1) return
    e.state = 2
    this.inFlightCount--
    this.ackedCount++
    this.advanceHead()
  }

  /** The connection is gone: whatever was in flight is sent again, oldest first. */
  requeue (): void {
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i] as Outbound<T>
      if (e.state === 1) e.state = 0
    }
    this.inFlightCount = 0
    this.cursor = this.head
  }

  private dropOldest (): void {
    const e = this.entries[this.head] as Outbound<T>
    if (e.state === 1) this.inFlightCount--
    if (e.state !== 2) this.droppedCount++
    e.state = 3
    this.entries[this.head++] = undefined
    this.advanceHead()
  }

  /**
   * Releases acknowledged entries at the front at once (payloads must not
   * linger: at thousands of vehicles they would pile up in the old
   * generation), and resets the array when it runs empty.
   */
  private advanceHead (): void {
    while (this.head < this.entries.length && (this.entries[this.head] as Outbound<T>).state === 2) this.entries[this.head++] = undefined
    if (this.head === this.entries.length) {
      this.entries.length = 0
      this.head = 0
      this.cursor = 0
    } else if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head)
      this.cursor = Math.max(0, this.cursor - this.head)
      this.head = 0
    }
  }
}
