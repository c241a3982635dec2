import { Duplex } from 'node:stream'

export type FramingViolation = 'packet_too_large' | 'malformed_length'

const PINGREQ = 0xc0
const CONNECT = 0x10
/** [MQTT-3.12] PINGRESP: type 13, Remaining Length 0. */
export const PINGRESP = Buffer.from([0xd0, 0x00])

/**
 * Follows MQTT framing (fixed header byte + Remaining Length varint,
 * [MQTT-2.2.3]) on the raw byte stream, so a packet that announces more than
 * `maxPacketBytes` is refused as soon as its header arrives — before
 * mqtt-packet would start buffering it. Released aedes has no such limit
 * (moscajs/aedes #831): `10 FF FF FF 7F` would make it wait for 256 MB.
 *
 * It also takes keep-alive out of aedes' hands (see PacketSizeGuard): it
 * reads the CONNECT's Keep Alive and zeroes it in place, and marks every
 * PINGREQ after the CONNECT for removal from the stream (`drops`).
 */
export class FrameScanner {
  /** Keep Alive of the CONNECT in seconds, once seen ([MQTT-3.1.2.10]). */
  keepAliveS: number | undefined
  /** Byte ranges [start, end) of the last scanned chunk to remove (answered PINGREQs). */
  readonly drops: number[] = []
  private remaining = 0          // body bytes of the current packet still to skip
  private inHeader = true        // expecting a fixed-header byte
  private lengthBytes = -1       // -1: before the type byte; 0..4 while reading the varint
  private length = 0
  private multiplier = 1
  private type = 0
  private typeAt = 0             // index of the type byte in the chunk (-1: an earlier chunk)
  private packets = 0
  private bodyIndex = 0          // body bytes of the current packet already passed
  private nameLength = -1        // CONNECT: protocol name length, once both bytes are seen
  private nameLengthHigh = 0

  constructor (private readonly maxPacketBytes: number) {}

  /** Returns a violation, or undefined when the chunk is fine so far. */
  scan (chunk: Buffer): FramingViolation | undefined {
    this.drops.length = 0
    if (!this.inHeader || this.lengthBytes >= 0) this.typeAt = -1 // a packet begun in an earlier chunk
    let i = 0
    while (i < chunk.length) {
      if (!this.inHeader) {
        const skip = Math.min(this.remaining, chunk.length - i)
        if (this.type === CONNECT && this.packets === 1) this.connectBody(chunk, i, skip)
        i += skip
        this.bodyIndex += skip
        this.remaining -= skip
        if (this.remaining === 0) this.startHeader()
        continue
      }
      const byte = chunk[i++] as number
      if (this.lengthBytes < 0) {
        this.lengthBytes = 0
        this.type = byte & 0xf0
        this.typeAt = i - 1
        this.packets++
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
      if (this.type === PINGREQ && this.length === 0 && this.packets > 1 && this.typeAt >= 0) this.drops.push(this.typeAt, i)
      this.remaining = this.length
      this.inHeader = false
      this.bodyIndex = 0
      if (this.remaining === 0) this.startHeader()
    }
    return undefined
  }

  /** CONNECT body bytes [bodyIndex, bodyIndex + n) are chunk[at, at + n): pick out Keep Alive. */
  private connectBody (chunk: Buffer, at: number, n: number): void {
    for (let k = 0; k < n; k++) {
      const offset = this.bodyIndex + k
      if (offset === 0) this.nameLengthHigh = chunk[at + k] as number
      else if (offset === 1) this.nameLength = (this.nameLengthHigh << 8) | (chunk[at + k] as number)
      else if (this.nameLength >= 0 && offset === 2 + this.nameLength + 2) {
        // Keep Alive follows the protocol name, level and flags ([MQTT-3.1.2]).
        this.keepAliveS = (chunk[at + k] as number) << 8
        chunk[at + k] = 0
      } else if (this.nameLength >= 0 && offset === 2 + this.nameLength + 3) {
        this.keepAliveS = (this.keepAliveS ?? 0) | (chunk[at + k] as number)
        chunk[at + k] = 0
        return
      }
    }
  }

  private startHeader (): void {
    this.inHeader = true
    this.lengthBytes = -1
    this.length = 0
    this.multiplier = 1
    this.typeAt = -1
  }
}

/**
 * Wraps a connection (TCP socket or WebSocket stream) for aedes: bytes pass
 * through unchanged, but a framing violation destroys the connection at once.
 * Back-pressure is kept: when aedes stops reading, the inner stream is paused.
 *
 * Keep-alive lives here, not in aedes. aedes reads a client's next packets
 * only after the current ones are handled, and a QoS 1 PUBLISH is handled
 * only once its data is durable (authorize-publish awaits ingest). So while
 * a publish waits — database outage, full spool — a PINGREQ sits unread:
 * the client gets no PINGRESP and gives up, and aedes' own timer (refreshed
 * per handled packet) disconnects it at 1.5 × Keep Alive. Measured in
 * test/durability/keepalive.test.ts. The guard therefore answers PINGREQ
 * as soon as it arrives, and closes a connection silent for 1.5 × Keep Alive
 * ([MQTT-3.1.2-24]) counting every byte received and never the time the
 * gateway itself held the socket paused.
 */
export class PacketSizeGuard extends Duplex {
  private readonly scanner: FrameScanner
  private corked = false
  private keepAlive: NodeJS.Timeout | undefined
  private heldPaused = false

  constructor (private readonly inner: Duplex, maxPacketBytes: number, onViolation: (v: FramingViolation | 'keepalive_timeout') => void) {
    super({ allowHalfOpen: false })
    this.scanner = new FrameScanner(maxPacketBytes)
    inner.on('data', (chunk: Buffer) => {
      this.keepAlive?.refresh()
      const violation = this.scanner.scan(chunk)
      if (violation !== undefined) {
        onViolation(violation)
        this.destroy()
        return
      }
      if (this.keepAlive === undefined && this.scanner.keepAliveS !== undefined && this.scanner.keepAliveS > 0) {
        this.keepAlive = setTimeout(() => this.silent(onViolation), this.scanner.keepAliveS * 1500)
      }
      const drops = this.scanner.drops
      if (drops.length > 0) {
        // Through our own writable side: queued behind whole packets aedes
        // already wrote (it writes a packet's parts synchronously), never between them.
        if (this.writable) for (let k = 0; k < drops.length; k += 2) this.write(PINGRESP)
        chunk = without(chunk, drops)
        if (chunk.length === 0) return
      }
      if (!this.push(chunk)) {
        this.heldPaused = true
        inner.pause()
      }
    })
    inner.on('end', () => this.push(null))
    inner.on('error', (err) => this.destroy(err))
    inner.on('close', () => { if (!this.destroyed) this.destroy() })
    inner.on('drain', () => this.emit('drain'))
  }

  override _read (): void {
    this.heldPaused = false
    this.inner.resume()
  }

  private silent (onViolation: (v: 'keepalive_timeout') => void): void {
    // Time the gateway held the socket paused is not the client's silence.
    if (this.heldPaused) {
      this.keepAlive?.refresh()
      return
    }
    onViolation('keepalive_timeout')
    this.destroy()
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
    clearTimeout(this.keepAlive)
    this.inner.destroy()
    cb(err)
  }
}

/** The chunk without the byte ranges [drops[k], drops[k + 1]). */
function without (chunk: Buffer, drops: number[]): Buffer {
  const parts: Buffer[] = []
  let from = 0
  for (let k = 0; k < drops.length; k += 2) {
    parts.push(chunk.subarray(from, drops[k]))
    from = drops[k + 1] as number
  }
  parts.push(chunk.subarray(from))
  return Buffer.concat(parts)
}
