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
    expect(seg.records).toEqual([a, b])
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

  it('coalesce into batches of at most the given size, in order', () => {
    const out = coalesce([batch(3), batch(3, 2), batch(3, 3)], 6)
    expect(out.map((b) => b.vehicleKeys)).toEqual([[1, 1, 1, 2, 2, 2], [3, 3, 3]])
  })
})
