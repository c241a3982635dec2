import { crc32 } from 'node:zlib'
import type { TelemetryColumns } from '../storage/telemetry.repository.js'
import { messageRanges } from '../storage/telemetry-rows.core.js'

/**
 * The spool's on-disk record: one telemetry batch as columns, framed so a
 * torn write at the end of a segment (power cut, kill -9 during append) is
 * recognised and ignored instead of replayed as garbage.
 *
 *   magic u32 | payload length u32 | crc32(payload) u32 | payload
 *   payload = count u32 | messages u32 | samples per message u32 × m
 *             | vehicle_key i32 × n | signal_id i16 × n | ts_ms f64 × n | value f64 × n
 *
 * Message boundaries are kept because each message is stored as one row
 * keyed by its content: a replay must rebuild the same rows. Records of the
 * first format ("FWS1", no boundaries) are still read.
 *
 * Big-endian throughout. A torn tail was never fsync'd, so never acknowledged:
 * dropping it loses nothing a vehicle was promised.
 */
export const RECORD_MAGIC = 0x46575332 // "FWS2"
const RECORD_MAGIC_V1 = 0x46575331 // "FWS1"
export const HEADER_BYTES = 12
const SAMPLE_BYTES = 4 + 2 + 8 + 8

export function encodeRecord ({ vehicleKeys, signalIds, tsMs, values, messageSizes }: TelemetryColumns): Buffer {
  const n = vehicleKeys.length
  const sizes = messageSizes ?? messageRanges({ vehicleKeys, signalIds, tsMs, values }).map(([a, b]) => b - a)
  const payloadBytes = 8 + 4 * sizes.length + n * SAMPLE_BYTES
  const buf = Buffer.allocUnsafe(HEADER_BYTES + payloadBytes)
  let o = HEADER_BYTES
  o = buf.writeUInt32BE(n, o)
  o = buf.writeUInt32BE(sizes.length, o)
  for (const m of sizes) o = buf.writeUInt32BE(m, o)
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
    const magic = buf.readUInt32BE(o)
    if (magic !== RECORD_MAGIC && magic !== RECORD_MAGIC_V1) break
    const len = buf.readUInt32BE(o + 4)
    const end = o + HEADER_BYTES + len
    if (len < 4 || end > buf.length) break
    const payload = buf.subarray(o + HEADER_BYTES, end)
    if (crc32(payload) !== buf.readUInt32BE(o + 8)) break
    const n = payload.readUInt32BE(0)
    const m = magic === RECORD_MAGIC && len >= 8 ? payload.readUInt32BE(4) : -1
    const head = m < 0 ? 4 : 8 + 4 * m
    if (head + n * SAMPLE_BYTES !== len) break
    records.push(decodePayload(payload, n, m))
    o = end
  }
  return { records, validBytes: o, tornBytes: buf.length - o }
}

function decodePayload (p: Buffer, n: number, messages: number): TelemetryColumns {
  const out: TelemetryColumns = { vehicleKeys: new Array(n), signalIds: new Array(n), tsMs: new Array(n), values: new Array(n) }
  let o = 4
  if (messages >= 0) {
    out.messageSizes = new Array(messages)
    o = 8
    for (let i = 0; i < messages; i++, o += 4) out.messageSizes[i] = p.readUInt32BE(o)
  }
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
      cur = { vehicleKeys: [], signalIds: [], tsMs: [], values: [], messageSizes: [] }
      out.push(cur)
    }
    for (const [a, b] of r.messageSizes === undefined ? messageRanges(r) : sizesToRanges(r.messageSizes)) cur.messageSizes?.push(b - a)
    for (let i = 0; i < r.vehicleKeys.length; i++) {
      cur.vehicleKeys.push(r.vehicleKeys[i] as number)
      cur.signalIds.push(r.signalIds[i] as number)
      cur.tsMs.push(r.tsMs[i] as number)
      cur.values.push(r.values[i] as number)
    }
  }
  return out
}

function sizesToRanges (sizes: number[]): Array<[number, number]> {
  let at = 0
  return sizes.map((m) => { at += m; return [at - m, at] as [number, number] })
}
