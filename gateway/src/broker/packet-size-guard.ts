import { Duplex } from 'node:stream'

export type FramingViolation = 'packet_too_large' | 'malformed_length'

/**
 * Follows MQTT framing (fixed header byte + Remaining Length varint,
 * [MQTT-2.2.3]) on the raw byte stream, so a packet that announces more than
 * `maxPacketBytes` is refused as soon as its header arrives — before
 * mqtt-packet would start buffering it. Released aedes has no such limit
 * (moscajs/aedes #831): `10 FF FF FF 7F` would make it wait for 256 MB.
 */
export class FrameScanner {
  private remaining = 0          // body bytes of the current packet still to skip
  private inHeader = true        // expecting a fixed-header byte
  private lengthBytes = -1       // -1: before the type byte; 0..4 while reading the varint
  private length = 0
  private multiplier = 1

  constructor (private readonly maxPacketBytes: number) {}

  /** Returns a violation, or undefined when the chunk is fine so far. */
  scan (chunk: Buffer): FramingViolation | undefined {
    let i = 0
    while (i < chunk.length) {
      if (!this.inHeader) {
        const skip = Math.min(this.remaining, chunk.length - i)
        i += skip
        this.remaining -= skip
        if (this.remaining === 0) this.startHeader()
        continue
      }
      const byte = chunk[i++] as number
      if (this.lengthBytes < 0) {
        this.lengthBytes = 0
        continue
      }
      this.length += (byte & 0x7f) * this.multiplier
      this.multiplier *= 128
      this.lengthBytes++
      if ((byte & 0x80) !== 0) {
        if (this.lengthBytes >= 4) return 'malformed_length' // [MQTT-2.2.3] at most four bytes
        continue
      }
      // 1 type byte + varint + body
      if (1 + this.lengthBytes + this.length > this.maxPacketBytes) return 'packet_too_large'
      this.remaining = this.length
      this.inHeader = false
      if (this.remaining === 0) this.startHeader()
    }
    return undefined
  }

  private startHeader (): void {
    this.inHeader = true
    this.lengthBytes = -1
    this.length = 0
    this.multiplier = 1
  }
}

/**
 * Wraps a connection (TCP socket or WebSocket stream) for aedes: bytes pass
 * through unchanged, but a framing violation destroys the connection at once.
 * Back-pressure is kept: when aedes stops reading, the inner stream is paused.
 */
export class PacketSizeGuard extends Duplex {
  private readonly scanner: FrameScanner
  private corked = false

  constructor (private readonly inner: Duplex, maxPacketBytes: number, onViolation: (v: FramingViolation) => void) {
    super({ allowHalfOpen: false })
    this.scanner = new FrameScanner(maxPacketBytes)
    inner.on('data', (chunk: Buffer) => {
      const violation = this.scanner.scan(chunk)
      if (violation !== undefined) {
        onViolation(violation)
        this.destroy()
        return
      }
      if (!this.push(chunk)) inner.pause()
    })
    inner.on('end', () => this.push(null))
    inner.on('error', (err) => this.destroy(err))
    inner.on('close', () => { if (!this.destroyed) this.destroy() })
    inner.on('drain', () => this.emit('drain'))
  }

  override _read (): void {
    this.inner.resume()
  }

  override _write (chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    // Coalesce what aedes writes in one tick (e.g. the PUBACKs released by
    // one database commit) into a single syscall; NODELAY still sends it at once.
    if (!this.corked) {
      this.corked = true
      this.inner.cork()
      process.nextTick(() => {
        this.corked = false
        this.inner.uncork()
      })
    }
    if (this.inner.write(chunk)) cb()
    else this.inner.once('drain', () => cb())
  }

  override _final (cb: (err?: Error | null) => void): void {
    this.inner.end(cb)
  }

  override _destroy (err: Error | null, cb: (err?: Error | null) => void): void {
    this.inner.destroy()
    cb(err)
  }
}
