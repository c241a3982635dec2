/**
 * Hot-path encoder of fleetwire.v1.TelemetryBatch (proto/fleetwire/v1/telemetry.proto),
 * straight from the column arrays into one exact-size buffer. The generated
 * protobufjs encoder builds an object per sample and a writer op per field,
 * which at thousands of batches a second was a sixth of the process's time in
 * garbage collection. Its output is checked against the generated decoder
 * (batch-encoder.test.ts); any .proto change to these messages must update it.
 *
 *   TelemetryBatch: 1 seq (varint) 2 base_time_ms (varint) 3 samples (bytes) 4 session (varint)
 *   Sample:         1 signal_id (varint) 2 value (fixed64 double) 3 offset_ms (varint)
 */
function varintSize (n: number): number {
  let size = 1
  while (n >= 128) {
    n = Math.floor(n / 128)
    size++
  }
  return size
}

function writeVarint (buf: Buffer, pos: number, n: number): number {
  while (n >= 128) {
    buf[pos++] = (n % 128) | 0x80
    n = Math.floor(n / 128)
  }
  buf[pos++] = n
  return pos
}

function sampleSize (signalId: number, offsetMs: number): number {
  if (offsetMs < 0) throw new Error('samples of a batch must be in time order')
  return 1 + varintSize(signalId) + 9 + (offsetMs > 0 ? 1 + varintSize(offsetMs) : 0)
}

export function encodeTelemetryBatch (seq: number, session: number, ids: readonly number[], values: readonly number[], ts: readonly number[], from: number, to: number): Buffer {
  const base = ts[from] as number
  let size = 1 + varintSize(seq) + 1 + varintSize(base) + (session > 0 ? 1 + varintSize(session) : 0)
  for (let i = from; i < to; i++) {
    const s = sampleSize(ids[i] as number, (ts[i] as number) - base)
    size += 1 + varintSize(s) + s
  }
  const buf = Buffer.allocUnsafeSlow(size)
  let p = 0
  buf[p++] = 0x08
  p = writeVarint(buf, p, seq)
  buf[p++] = 0x10
  p = writeVarint(buf, p, base)
  for (let i = from; i < to; i++) {
    const id = ids[i] as number
    const offset = (ts[i] as number) - base
    buf[p++] = 0x1a
    p = writeVarint(buf, p, sampleSize(id, offset))
    buf[p++] = 0x08
    p = writeVarint(buf, p, id)
    buf[p++] = 0x11
    buf.writeDoubleLE(values[i] as number, p)
    p += 8
    if (offset > 0) {
      buf[p++] = 0x18
      p = writeVarint(buf, p, offset)
    }
  }
  if (session > 0) {
    buf[p++] = 0x20
    p = writeVarint(buf, p, session)
  }
  if (p !== size) throw new Error(`batch encoder size mismatch: ${p} != ${size}`)
  return buf
}
