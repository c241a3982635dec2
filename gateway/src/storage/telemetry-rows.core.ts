import type { TelemetryColumns } from './telemetry.repository.js'

/**
 * How samples become rows of `telemetry_batches`: one row per vehicle
 * message, holding its samples as arrays (signal id, offset from the row's
 * time, value). A row costs one heap tuple and one primary-key entry for
 * ~25 samples, where the per-sample layout paid both per sample.
 *
 * Idempotency comes from the row key (vehicle, time of its earliest sample,
 * digest of its content): a message delivered twice (QoS 1 resend, spool
 * replay) produces the same rows, so the second insert adds nothing. The
 * grouping must therefore depend only on the message's content, never on
 * which other messages shared a write.
 */

/** A row never covers more than this, so a time-range read looks back at most this far. */
export const MAX_ROW_SPAN_MS = 600_000

/** SQL, joined to `telemetry_batches b`: the row's earliest sample in epoch ms as row0.t0, computed once per row. */
export const ROW_START_MS_SQL = 'CROSS JOIN LATERAL (SELECT (extract(epoch FROM b.ts) * 1000)::float8 AS t0 OFFSET 0) row0'

/**
 * SQL predicate on `telemetry_batches b`: rows that can hold samples in
 * [from, to) ms (parameter references such as '$1'): starting up to the
 * longest row span before the range, and ending inside it (span_ms).
 */
export const rowMayHoldSql = (from: string, to: string): string =>
  `b.ts >= to_timestamp((${from}::float8 - ${MAX_ROW_SPAN_MS}) / 1000) AND b.ts < to_timestamp(${to}::float8 / 1000)
      AND b.ts + b.span_ms * interval '1 millisecond' >= to_timestamp(${from}::float8 / 1000)`

export interface BatchRows {
  /** Per row. */
  vehicleKeys: number[]
  /** Per row: epoch ms of its earliest sample. */
  tsMs: number[]
  /** Per row: ms from its earliest sample to its latest. */
  spansMs: number[]
  digests: number[]
  /** Per row: its samples are [starts[i], ends[i]) of the sample arrays (1-based, inclusive end for SQL slices: see toSlices). */
  starts: number[]
  ends: number[]
  /** Per sample, rows one after the other. */
  signalIds: number[]
  offsetsMs: number[]
  values: number[]
  samples: number
}

/** Newest sample per (vehicle, signal) of a write, sorted by vehicle then signal. */
export interface LatestColumns {
  vehicleKeys: number[]
  signalIds: number[]
  tsMs: number[]
  values: number[]
}

/**
 * Message boundaries: `messageSizes` when the columns carry them (the
 * batcher and the spool do), else each run of one vehicle is one message.
 */
export function messageRanges (c: TelemetryColumns): Array<[number, number]> {
  const n = c.vehicleKeys.length
  const out: Array<[number, number]> = []
  if (c.messageSizes !== undefined) {
    let at = 0
    for (const size of c.messageSizes) {
      if (size > 0) out.push([at, at + size])
      at += size
    }
    if (at !== n) throw new RangeError(`message sizes add up to ${at}, the batch holds ${n} samples`)
    return out
  }
  let start = 0
  for (let i = 1; i <= n; i++) {
    if (i === n || c.vehicleKeys[i] !== c.vehicleKeys[start]) {
      if (i > start) out.push([start, i])
      start = i
    }
  }
  return out
}

export function toBatchRows (c: TelemetryColumns): BatchRows {
  const rows: BatchRows = { vehicleKeys: [], tsMs: [], spansMs: [], digests: [], starts: [], ends: [], signalIds: [], offsetsMs: [], values: [], samples: 0 }
  for (const [from, to] of messageRanges(c)) {
    const key = c.vehicleKeys[from] as number
    for (let i = from + 1; i < to; i++) {
      if (c.vehicleKeys[i] !== key) throw new RangeError('a message holds samples of more than one vehicle')
    }
    let idx = Array.from({ length: to - from }, (_, j) => from + j)
    let min = Infinity
    let max = -Infinity
    for (const i of idx) {
      const t = c.tsMs[i] as number
      if (t < min) min = t
      if (t > max) max = t
    }
    // Rare (a message spanning > 10 minutes): split it by time, deterministically.
    const split = max - min > MAX_ROW_SPAN_MS
    if (split) idx = idx.sort((a, b) => (c.tsMs[a] as number) - (c.tsMs[b] as number) || a - b)
    let part: number[] = []
    for (const i of idx) {
      if (split && part.length > 0 && (c.tsMs[i] as number) - (c.tsMs[part[0] as number] as number) > MAX_ROW_SPAN_MS) {
        pushRow(rows, c, key, part)
        part = []
      }
      part.push(i)
    }
    pushRow(rows, c, key, part)
  }
  return rows
}

function pushRow (rows: BatchRows, c: TelemetryColumns, key: number, idx: number[]): void {
  let t0 = Infinity
  for (const i of idx) t0 = Math.min(t0, Math.round(c.tsMs[i] as number))
  const seen = new Set<number>()
  const start = rows.signalIds.length
  let span = 0
  let h = 0x811c9dc5 ^ key
  for (const i of idx) {
    const s = c.signalIds[i] as number
    const off = Math.round(c.tsMs[i] as number) - t0
    // Two samples of one signal at one instant: the first is the sample (the per-sample key used to keep one).
    const k = off * 65_536 + (s & 0xffff)
    if (seen.has(k)) continue
    seen.add(k)
    const v = c.values[i] as number
    rows.signalIds.push(s)
    rows.offsetsMs.push(off)
    rows.values.push(v)
    if (off > span) span = off
    h = fnv(h, s)
    h = fnv(h, off)
    F64[0] = v
    h = fnv(h, U32[0] as number)
    h = fnv(h, U32[1] as number)
  }
  rows.vehicleKeys.push(key)
  rows.tsMs.push(t0)
  rows.spansMs.push(span)
  rows.digests.push(h | 0)
  rows.starts.push(start + 1)
  rows.ends.push(rows.signalIds.length)
  rows.samples += rows.signalIds.length - start
}

const F64 = new Float64Array(1)
const U32 = new Uint32Array(F64.buffer)

/** FNV-1a over the four bytes of x. */
function fnv (h: number, x: number): number {
  for (let b = 0; b < 4; b++) {
    h ^= (x >>> (b * 8)) & 0xff
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Newest sample per (vehicle, signal): what the write merges into telemetry_latest. */
export function latestOf (c: TelemetryColumns): LatestColumns {
  const best = new Map<number, number>()
  for (let i = 0; i < c.vehicleKeys.length; i++) {
    const k = (c.vehicleKeys[i] as number) * 65_536 + ((c.signalIds[i] as number) & 0xffff)
    const j = best.get(k)
    if (j === undefined || (c.tsMs[i] as number) > (c.tsMs[j] as number)) best.set(k, i)
  }
  const keys = [...best.keys()].sort((a, b) => a - b)
  const out: LatestColumns = { vehicleKeys: [], signalIds: [], tsMs: [], values: [] }
  for (const k of keys) {
    const i = best.get(k) as number
    out.vehicleKeys.push(c.vehicleKeys[i] as number)
    out.signalIds.push(c.signalIds[i] as number)
    out.tsMs.push(c.tsMs[i] as number)
    out.values.push(c.values[i] as number)
  }
  return out
}
