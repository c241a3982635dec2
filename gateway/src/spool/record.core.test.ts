import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { coalesce, decodeSegment, encodeRecord } from './record.core.js'

const batch = (n: number, k = 1) => ({
  vehicleKeys: Array.from({ length: n }, () => k),
  signalIds: Array.from({ length: n }, (_, i) => i % 300),
  tsMs: Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i + 0.5),
  values: Array.from({ length: n }, (_, i) => i * -1.25),
})

describe('spool records', () => {
  it('round-trip exactly', () => {
    const a = batch(3)
    const b = batch(500, 7)
    const seg = decodeSegment(Buffer.concat([encodeRecord(a), encodeRecord(b)]))
    expect(seg.records).toEqual([{ ...a, messageSizes: [3] }, { ...b, messageSizes: [500] }])
    expect(seg.tornBytes).toBe(0)
  })

  it('stop at a torn tail, keeping every whole record before it', () => {
    const whole = encodeRecord(batch(10))
    const next = encodeRecord(batch(10, 2))
    for (const cut of [1, 11, 12, next.length - 1]) {
      const seg = decodeSegment(Buffer.concat([whole, next.subarray(0, cut)]))
      expect(seg.records).toHaveLength(1)
      expect(seg.validBytes).toBe(whole.length)
      expect(seg.tornBytes).toBe(cut)
    }
  })

  it('stop at a corrupted record (checksum)', () => {
    const a = encodeRecord(batch(4))
    const b = encodeRecord(batch(4, 2))
    b.writeUInt8(b.readUInt8(b.length - 3) ^ 0xff, b.length - 3)
    expect(decodeSegment(Buffer.concat([a, b, encodeRecord(batch(1))])).records).toHaveLength(1)
  })

  it('keep message boundaries (each message is one stored row)', () => {
    const a = { ...batch(6), messageSizes: [2, 4] }
    expect(decodeSegment(encodeRecord(a)).records).toEqual([a])
  })

  it('read records of the first format (no message boundaries)', () => {
    const v2 = encodeRecord(batch(2))
    // FWS1: count, then the columns; boundaries come from vehicle runs.
    const payload = Buffer.concat([v2.subarray(12, 16), v2.subarray(24)])
    const head = Buffer.alloc(12)
    head.writeUInt32BE(0x46575331, 0)
    head.writeUInt32BE(payload.length, 4)
    head.writeUInt32BE(crc32(payload), 8)
    expect(decodeSegment(Buffer.concat([head, payload])).records).toEqual([batch(2)])
  })

  it('coalesce into batches of at most the given size, in order, keeping message boundaries', () => {
    const out = coalesce([batch(3), { ...batch(3, 2), messageSizes: [1, 2] }, batch(3, 3)], 6)
    expect(out.map((b) => b.vehicleKeys)).toEqual([[1, 1, 1, 2, 2, 2], [3, 3, 3]])
    expect(out.map((b) => b.messageSizes)).toEqual([[3, 1, 2], [3]])
  })
})
