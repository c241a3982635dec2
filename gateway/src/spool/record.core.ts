import { crc32 } from 'node:zlib'
import type { TelemetryColumns } from '../storage/telemetry.repository.js'

/**
 * The spool's on-disk record: one telemetry batch as columns, framed so a
 * torn write at the end of a segment (power cut, kill -9 during append) is
 * recognised and ignored instead of replayed as garbage.
 *
 *   magic u32 | payload length u32 | crc32(payload) u32 | payload
 *   payload = count u32 | vehicle_key i32 × n | signal_id i16 × n | ts_ms f64 × n | value f64 × n
 *
 * Big-endian throughout. A torn tail was never fsync'd, so never acknowledged:
 * dropping it loses nothing a vehicle was promised.
 */
export const RECORD_MAGIC = 0x46575331 // "FWS1"
export const HEADER_BYTES = 12
const SAMPLE_BYTES = 4 + 2 + 8 + 8

export function encodeRecord ({ vehicleKeys, signalIds, tsMs, values }: TelemetryColumns): Buffer {
  const n = vehicleKeys.length
  const payloadBytes = 4 + n * SAMPLE_BYTES
  const buf = Buffer.allocUnsafe(HEADER_BYTES + payloadBytes)
  let o = HEADER_BYTES
  o = buf.writeUInt32BE(n, o)
  for (let i = 0; i < n; i++) o = buf.writeInt32BE(vehicleKeys[i] as number, o)
  for (let i = 0; i < n; i++) o = buf.writeInt16BE(signalIds[i] as number, o)
  for (let i = 0; i < n; i++) o = buf.writeDoubleBE(tsMs[i] as number, o)
  for (let i = 0; i < n; i++) o = buf.writeDoubleBE(values[i] as number, o)
  buf.writeUInt32BE(RECORD_MAGIC, 0)
  buf.writeUInt32BE(payloadBytes, 4)
  buf.writeUInt32BE(crc32(buf.subarray(HEADER_BYTES)), 8)
  return buf
}

export interface DecodedSegment {
  records: TelemetryColumns[]
  /** Bytes of whole, valid records; anything after is a torn tail. */
  validBytes: number
  /** Bytes after the last valid record (0 for a cleanly written segment). */
  tornBytes: number
}

/** Decodes every whole record; stops at the first torn or corrupt one. */
export function decodeSegment (buf: Buffer): DecodedSegment {
  const records: TelemetryColumns[] = []
  let o = 0
  while (o + HEADER_BYTES <= buf.length) {
    if (buf.readUInt32BE(o) !== RECORD_MAGIC) break
    const len = buf.readUInt32BE(o + 4)
    const end = o + HEADER_BYTES + len
    if (len < 4 || end > buf.length) break
    const payload = buf.subarray(o + HEADER_BYTES, end)
    if (crc32(payload) !== buf.readUInt32BE(o + 8)) break
    const n = payload.readUInt32BE(0)
    if (4 + n * SAMPLE_BYTES !== len) break
    records.push(decodePayload(payload, n))
    o = end
  }
  return { records, validBytes: o, tornBytes: buf.length - o }
}

function decodePayload (p: Buffer, n: number): TelemetryColumns {
  const out: TelemetryColumns = { vehicleKeys: new Array(n), signalIds: new Array(n), tsMs: new Array(n), values: new Array(n) }
  let o = 4
  for (let i = 0; i < n; i++, o += 4) out.vehicleKeys[i] = p.readInt32BE(o)
  for (let i = 0; i < n; i++, o += 2) out.signalIds[i] = p.readInt16BE(o)
  for (let i = 0; i < n; i++, o += 8) out.tsMs[i] = p.readDoubleBE(o)
  for (let i = 0; i < n; i++, o += 8) out.values[i] = p.readDoubleBE(o)
  return out
}

/** Concatenates records into batches of at most `maxSamples` (fewer, larger replay statements). */
export function coalesce (records: TelemetryColumns[], maxSamples: number): TelemetryColumns[] {
  const out: TelemetryColumns[] = []
  let cur: TelemetryColumns | undefined
  for (const r of records) {
    if (cur === undefined || cur.vehicleKeys.length + r.vehicleKeys.length > maxSamples) {
      cur = { vehicleKeys: [], signalIds: [], tsMs: [], values: [] }
      out.push(cur)
    }
    for (let i = 0; i < r.vehicleKeys.length; i++) {
      cur.vehicleKeys.push(r.vehicleKeys[i] as number)
      cur.signalIds.push(r.signalIds[i] as number)
      cur.tsMs.push(r.tsMs[i] as number)
      cur.values.push(r.values[i] as number)
    }
  }
  return out
}
