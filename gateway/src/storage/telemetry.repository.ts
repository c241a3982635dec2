import type pg from 'pg'
import type { Queryable } from './db.js'
import { copyTelemetry } from './telemetry-copy.js'
import { historyFromRollup } from './timescale.js'

/** One batch as parallel columns (index i of each array is one sample). */
export interface TelemetryColumns {
  vehicleKeys: number[]
  signalIds: number[]
  /** Epoch milliseconds. */
  tsMs: number[]
  /** Finite numbers only (ingest rejects NaN and ±Infinity). */
  values: number[]
}

export interface LatestValue {
  signalId: number
  tsMs: number
  value: number
}

export interface HistoryQuery {
  vehicleKey: number
  signalId: number
  /** Inclusive. */
  fromMs: number
  /** Exclusive. */
  toMs: number
  /** Omit for raw samples. */
  bucketS?: number
}

export interface RawPoint {
  tsMs: number
  value: number
}

/** Aggregates over the whole bucket starting at tsMs (buckets are epoch-aligned). */
export interface BucketPoint {
  tsMs: number
  min: number
  max: number
  avg: number
  last: number
  count: number
}

/** RawPoint on the raw path, BucketPoint on the bucket path. */
export type HistoryPoint = { tsMs: number } & Partial<Omit<RawPoint & BucketPoint, 'tsMs'>>

export interface History {
  resolution: 'raw' | 'bucket'
  /** Set when resolution is 'bucket'. */
  bucketS?: number
  points: HistoryPoint[]
}

export interface TelemetryRepository {
  /** Inserts the batch in one statement; returns rows actually inserted (replays count 0). */
  insertColumns(batch: TelemetryColumns): Promise<number>
  /** Latest sample of every signal the vehicle ever reported, by signal id. */
  latest(vehicleKey: number): Promise<LatestValue[]>
  /**
   * Raw samples in [fromMs, toMs), or with bucketS the buckets overlapping
   * that range, each aggregated over the whole bucket.
   */
  history(q: HistoryQuery): Promise<History>
  /**
   * Raw samples of several signals of one vehicle in [fromMs, toMs), in
   * columns ordered by time (rule backtests); at most `limit` rows.
   */
  recorded(vehicleKey: number, signalIds: readonly number[], fromMs: number, toMs: number, limit: number): Promise<TelemetryColumns>
  /**
   * Deletes samples older than the cutoff, in bounded batches; returns how
   * many. An aborted signal stops it between batches.
   */
  purgeOlderThan(cutoffMs: number, signal?: AbortSignal): Promise<number>
}

export interface TelemetryRepositoryOptions {
  /** telemetry is a hypertable and telemetry_1m exists (see detectTimescale). */
  timescale: boolean
  /** Rows per purge statement on the plain path (default 50,000). */
  purgeBatchRows?: number
  /** A pg pool enables binary COPY for inserts (not available on PGlite). */
  copyPool?: pg.Pool
}

// Arrays are sent in PostgreSQL's binary array format (pg sends Buffer
// parameters as binary): cheaper than array literals to build in JS and to
// parse on the server. ORDER BY gives concurrent writers the same lock order
// on the primary key, so overlapping replays cannot deadlock.
const INSERT_SQL = `
  INSERT INTO telemetry (vehicle_key, signal_id, ts, value)
  SELECT k, s, t, v
  FROM unnest($1::int4[], $2::int2[], $3::timestamptz[], $4::float8[]) AS u(k, s, t, v)
  ORDER BY k, s, t`
const UNIQUE_VIOLATION = '23505'
const DEADLOCK = '40P01'

// Recursive skip-scan over the primary key: one index probe per distinct
// signal, then one backwards probe for its newest sample.
const LATEST_SQL = `
  WITH RECURSIVE signals AS (
    (SELECT signal_id FROM telemetry WHERE vehicle_key = $1 ORDER BY signal_id LIMIT 1)
    UNION ALL
    SELECT (SELECT t.signal_id FROM telemetry t
            WHERE t.vehicle_key = $1 AND t.signal_id > s.signal_id
            ORDER BY t.signal_id LIMIT 1)
    FROM signals s WHERE s.signal_id IS NOT NULL
  )
  SELECT s.signal_id AS "signalId", l."tsMs", l.value
  FROM signals s
  CROSS JOIN LATERAL (
    SELECT (extract(epoch FROM t.ts) * 1000)::float8 AS "tsMs", t.value
    FROM telemetry t
    WHERE t.vehicle_key = $1 AND t.signal_id = s.signal_id
    ORDER BY t.ts DESC LIMIT 1
  ) l
  WHERE s.signal_id IS NOT NULL
  ORDER BY s.signal_id`

const RECORDED_SQL = `
  SELECT signal_id AS s, (extract(epoch FROM ts) * 1000)::float8 AS t, value AS v
  FROM telemetry
  WHERE vehicle_key = $1 AND signal_id = ANY($2::smallint[])
    AND ts >= to_timestamp($3::float8 / 1000) AND ts < to_timestamp($4::float8 / 1000)
  ORDER BY ts, signal_id
  LIMIT $5`

const RAW_SQL = `
  SELECT (extract(epoch FROM ts) * 1000)::float8 AS "tsMs", value
  FROM telemetry
  WHERE vehicle_key = $1 AND signal_id = $2
    AND ts >= to_timestamp($3::float8 / 1000) AND ts < to_timestamp($4::float8 / 1000)
  ORDER BY ts`

const BUCKET_SQL = `
  SELECT (extract(epoch FROM date_bin(make_interval(secs => $5::float8), ts, timestamptz 'epoch')) * 1000)::float8 AS "tsMs",
         min(value) AS min,
         max(value) AS max,
         avg(value) AS avg,
         (array_agg(value ORDER BY ts DESC))[1] AS last,
         count(*)::float8 AS count
  FROM telemetry
  WHERE vehicle_key = $1 AND signal_id = $2
    AND ts >= to_timestamp($3::float8 / 1000) AND ts < to_timestamp($4::float8 / 1000)
  GROUP BY 1
  ORDER BY 1`

export function createTelemetryRepository (db: Queryable, opts: TelemetryRepositoryOptions): TelemetryRepository {
  const purgeBatch = opts.purgeBatchRows ?? 50_000
  return {
    async insertColumns ({ vehicleKeys, signalIds, tsMs, values }) {
      const n = vehicleKeys.length
      if (signalIds.length !== n || tsMs.length !== n || values.length !== n) {
        throw new RangeError('telemetry batch columns differ in length')
      }
      if (n === 0) return 0
      const params = [int4Array(vehicleKeys), int2Array(signalIds), timestamptzArray(tsMs), float8Array(values)]
      // COPY, or a plain INSERT, costs half of ON CONFLICT's speculative
      // insertion, and replays are rare: try it first, fall back only when a
      // row exists (or when overlapping replays deadlocked; the fallback
      // inserts in key order).
      try {
        if (opts.copyPool !== undefined) return await copyTelemetry(opts.copyPool, { vehicleKeys, signalIds, tsMs, values })
        const res = await db.query(INSERT_SQL, params)
        return res.rowCount ?? n
      } catch (err) {
        const code = (err as { code?: unknown }).code
        if (code !== UNIQUE_VIOLATION && code !== DEADLOCK) throw err
      }
      const res = await db.query(`${INSERT_SQL} ON CONFLICT DO NOTHING`, params)
      return res.rowCount ?? 0
    },

    async latest (vehicleKey) {
      const { rows } = await db.query<LatestValue>(LATEST_SQL, [vehicleKey])
      return rows
    },

    async history ({ vehicleKey, signalId, fromMs, toMs, bucketS }) {
      if (bucketS === undefined) {
        const { rows } = await db.query<RawPoint>(RAW_SQL, [vehicleKey, signalId, fromMs, toMs])
        return { resolution: 'raw', points: rows }
      }
      if (!Number.isInteger(bucketS) || bucketS <= 0) throw new RangeError(`bucketS must be a positive integer, got ${bucketS}`)
      // Widen to whole buckets so both paths aggregate identical rows.
      const bucketMs = bucketS * 1000
      const startMs = Math.floor(fromMs / bucketMs) * bucketMs
      const endMs = Math.ceil(toMs / bucketMs) * bucketMs
      if (opts.timescale && bucketS % 60 === 0) {
        return { resolution: 'bucket', bucketS, points: await historyFromRollup(db, { vehicleKey, signalId, startMs, endMs, bucketS }) }
      }
      const { rows } = await db.query<BucketPoint>(BUCKET_SQL, [vehicleKey, signalId, startMs, endMs, bucketS])
      return { resolution: 'bucket', bucketS, points: rows }
    },

    async recorded (vehicleKey, signalIds, fromMs, toMs, limit) {
      const { rows } = await db.query<{ s: number, t: number, v: number }>(RECORDED_SQL, [vehicleKey, signalIds, fromMs, toMs, limit])
      return { vehicleKeys: rows.map(() => vehicleKey), signalIds: rows.map((r) => r.s), tsMs: rows.map((r) => r.t), values: rows.map((r) => r.v) }
    },

    async purgeOlderThan (cutoffMs, signal) {
      if (opts.timescale) {
        // The retention policy drops whole chunks; this trims the remainder.
        const res = await db.query('DELETE FROM telemetry WHERE ts < to_timestamp($1::float8 / 1000)', [cutoffMs])
        return res.rowCount ?? 0
      }
      // Bounded batches keep each transaction (and its WAL burst) small. ctid
      // is unique only in a plain table, hence not on the hypertable path.
      let total = 0
      for (;;) {
        const res = await db.query(`
          DELETE FROM telemetry WHERE ctid = ANY (ARRAY(
            SELECT ctid FROM telemetry WHERE ts < to_timestamp($1::float8 / 1000) LIMIT $2))`,
        [cutoffMs, purgeBatch])
        const n = res.rowCount ?? 0
        total += n
        if (n < purgeBatch || signal?.aborted === true) return total
      }
    },
  }
}

// One-dimensional, NULL-free arrays in the binary format of array_recv.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1)
const OID = { int2: 21, int4: 23, float8: 701, timestamptz: 1184 }

function binaryArray (oid: number, width: number, xs: number[], put: (dv: DataView, at: number, x: number) => void): Buffer {
  const buf = Buffer.allocUnsafe(20 + xs.length * (4 + width))
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  dv.setInt32(0, 1) // dimensions
  dv.setInt32(4, 0) // has nulls
  dv.setUint32(8, oid)
  dv.setInt32(12, xs.length)
  dv.setInt32(16, 1) // lower bound
  let at = 20
  for (const x of xs) {
    dv.setInt32(at, width)
    put(dv, at + 4, x)
    at += 4 + width
  }
  return buf
}

const int4Array = (xs: number[]) => binaryArray(OID.int4, 4, xs, (dv, at, x) => dv.setInt32(at, x))
const int2Array = (xs: number[]) => binaryArray(OID.int2, 2, xs, (dv, at, x) => dv.setInt16(at, x))
const float8Array = (xs: number[]) => binaryArray(OID.float8, 8, xs, (dv, at, x) => dv.setFloat64(at, x))
// timestamptz is int64 microseconds since 2000-01-01 UTC; |µs| < 2^53 for any
// plausible date, so two 32-bit halves avoid a BigInt per sample.
const timestamptzArray = (xs: number[]) => binaryArray(OID.timestamptz, 8, xs, (dv, at, ms) => {
  const us = Math.round((ms - PG_EPOCH_MS) * 1000)
  const hi = Math.floor(us / 0x1_0000_0000)
  dv.setInt32(at, hi)
  dv.setUint32(at + 4, us - hi * 0x1_0000_0000)
})
