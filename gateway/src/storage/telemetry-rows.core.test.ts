import { describe, expect, it } from 'vitest'
import { MAX_ROW_SPAN_MS, latestOf, messageRanges, toBatchRows } from './telemetry-rows.core.js'

const T = Date.UTC(2026, 0, 5)
const msg = (v: number, t: number, n = 3) => ({
  vehicleKeys: Array(n).fill(v), signalIds: Array.from({ length: n }, (_, i) => i + 1),
  tsMs: Array.from({ length: n }, (_, i) => t + i * 10), values: Array.from({ length: n }, (_, i) => v + i / 10),
})
const cat = (...ms: Array<ReturnType<typeof msg>>) => ({
  vehicleKeys: ms.flatMap((m) => m.vehicleKeys), signalIds: ms.flatMap((m) => m.signalIds),
  tsMs: ms.flatMap((m) => m.tsMs), values: ms.flatMap((m) => m.values), messageSizes: ms.map((m) => m.vehicleKeys.length),
})

describe('toBatchRows', () => {
  it('makes one row per message, keyed by vehicle, earliest sample and a content digest', () => {
    const r = toBatchRows(cat(msg(1, T), msg(1, T + 1000), msg(2, T)))
    expect(r.vehicleKeys).toEqual([1, 1, 2])
    expect(r.tsMs).toEqual([T, T + 1000, T])
    expect(r.offsetsMs).toEqual([0, 10, 20, 0, 10, 20, 0, 10, 20])
    expect(r.spansMs).toEqual([20, 20, 20])
    expect([r.starts, r.ends]).toEqual([[1, 4, 7], [3, 6, 9]])
    expect(r.samples).toBe(9)
    expect(new Set(r.vehicleKeys.map((k, i) => `${k} ${r.tsMs[i]} ${r.digests[i]}`)).size).toBe(3)
  })

  it('gives a message the same row whatever it is written with (replays are recognised)', () => {
    const alone = toBatchRows(cat(msg(1, T + 1000)))
    const mixed = toBatchRows(cat(msg(3, T), msg(1, T), msg(1, T + 1000)))
    expect(mixed.digests[2]).toBe(alone.digests[0])
    expect(mixed.tsMs[2]).toBe(alone.tsMs[0])
  })

  it('tells different content at the same instant apart', () => {
    const a = msg(1, T)
    const b = { ...a, values: a.values.map((v) => v + 1) }
    expect(toBatchRows(cat(a)).digests[0]).not.toBe(toBatchRows(cat(b)).digests[0])
  })

  it('splits a message spanning more than the row span, deterministically', () => {
    const m = { vehicleKeys: [1, 1, 1], signalIds: [1, 1, 1], tsMs: [T + MAX_ROW_SPAN_MS + 1, T, T + 5], values: [3, 1, 2], messageSizes: [3] }
    const r = toBatchRows(m)
    expect(r.tsMs).toEqual([T, T + MAX_ROW_SPAN_MS + 1])
    expect(r.spansMs).toEqual([5, 0])
    expect(r.values).toEqual([1, 2, 3])
    expect(toBatchRows(m).digests).toEqual(r.digests)
  })

  it('keeps one sample per signal and instant within a message', () => {
    const r = toBatchRows({ vehicleKeys: [1, 1], signalIds: [4, 4], tsMs: [T, T], values: [1, 2] })
    expect([r.values, r.samples]).toEqual([[1], 1])
  })

  it('without message sizes, takes each run of one vehicle as a message; rejects sizes that do not add up', () => {
    expect(messageRanges({ vehicleKeys: [1, 1, 2, 1], signalIds: [], tsMs: [], values: [] })).toEqual([[0, 2], [2, 3], [3, 4]])
    expect(() => toBatchRows({ ...msg(1, T), messageSizes: [2] })).toThrow(RangeError)
    expect(() => toBatchRows({ ...cat(msg(1, T), msg(2, T)), messageSizes: [6] })).toThrow(/more than one vehicle/)
  })
})

describe('latestOf', () => {
  it('keeps the newest sample per vehicle and signal, sorted', () => {
    const l = latestOf({ vehicleKeys: [2, 1, 1, 1], signalIds: [1, 5, 5, 2], tsMs: [T, T + 5, T + 9, T], values: [1, 2, 3, 4] })
    expect(l).toEqual({ vehicleKeys: [1, 1, 2], signalIds: [2, 5, 1], tsMs: [T, T + 9, T], values: [4, 3, 1] })
  })
})
