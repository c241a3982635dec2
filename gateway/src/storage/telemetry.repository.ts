import type { Queryable } from './db.js'
import { MAX_ROW_SPAN_MS, ROW_START_MS_SQL, latestOf, rowMayHoldSql, toBatchRows } from './telemetry-rows.core.js'
import { float8Array, int2Array, int4Array, timestamptzArray } from './telemetry-binary.js'
import { dropPartitionsBefore, listPartitions } from './telemetry-partitions.js'
import { ROLLUP_WIDTH_MS, mergeSplitBucket, rollupSplit, type BucketPoint } from './telemetry-rollup.core.js'
import { MERGE_DIRTY_MARK, createTelemetryRollupRepository } from './telemetry-rollup.repository.js'

/** One batch as parallel columns (index i of each array is one sample). */
export interface TelemetryColumns {
  vehicleKeys: number[]
  signalIds: number[]
  /** Epoch milliseconds. */
  tsMs: number[]
  /** Finite numbers only (ingest rejects NaN and ±Infinity). */
  values: number[]
  /**
   * Samples per vehicle message, in order (they add up to the length of the
   * columns). Each message is stored as one row, keyed by its content, so
   * a message written twice is stored once. Without it, each run of one
   * vehicle's samples counts as one message.
   */
  messageSizes?: number[]
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
  /** Raw samples beyond this many are not read; History.tooMany says so (default 100,000). */
  maxRawPoints?: number
}

export interface RawPoint {
  tsMs: number
  value: number
}

/** RawPoint on the raw path, BucketPoint on the bucket path. */
export type HistoryPoint = { tsMs: number } & Partial<Omit<RawPoint & BucketPoint, 'tsMs'>>

export interface History {
  resolution: 'raw' | 'bucket'
  /** Set when resolution is 'bucket'. */
  bucketS?: number
  points: HistoryPoint[]
  /** Raw only: the range holds more than maxRawPoints samples; points stops there. */
  tooMany?: boolean
}

export interface TelemetryRepository {
  /**
   * Stores the batch, one row per message, in one statement, and merges its
   * newest samples into telemetry_latest; returns the samples actually
   * inserted (a message stored before counts 0).
   */
  insertColumns(batch: TelemetryColumns): Promise<number>
  /** Latest sample of every signal the vehicle ever reported, by signal id. */
  latest(vehicleKey: number): Promise<LatestValue[]>
  /**
   * Raw samples in [fromMs, toMs), or with bucketS the buckets overlapping
   * that range, each aggregated over the whole bucket. A (signal, time)
   * stored by two different messages is read once.
   */
  history(q: HistoryQuery): Promise<History>
  /**
   * Raw samples of several signals of one vehicle in [fromMs, toMs), in
   * columns ordered by time (rule backtests); at most `limit` rows.
   */
  recorded(vehicleKey: number, signalIds: readonly number[], fromMs: number, toMs: number, limit: number): Promise<TelemetryColumns>
  /**
   * Deletes stored messages whose samples are all older than the cutoff
   * (whole partitions on plain PostgreSQL, then bounded batches); returns
   * the samples deleted. A message straddling the cutoff (at most 10
   * minutes of samples) stays until a later purge. An aborted signal stops
   * it between batches.
   */
  purgeOlderThan(cutoffMs: number, signal?: AbortSignal): Promise<number>
}

export interface TelemetryRepositoryOptions {
  /** telemetry_batches is a hypertable (see detectTimescale). */
  timescale: boolean
  /** Where partitions are dropped: the table owner's connection (default `db`). */
  ddl?: Queryable
  /** Rows (messages) per purge statement on the plain path (default 20,000). */
  purgeBatchRows?: number
  /** Bucketed history reads the rollup where it is exact (default true; false reads raw rows only). */
  useRollup?: boolean
}

// Rows come as per-row arrays plus slices [start:end] of per-sample arrays
// (pg sends Buffer parameters in binary array format: cheap to build and to
// parse). ORDER BY gives concurrent writers one lock order. The same
// statement merges the newest samples into telemetry_latest, so latest
// values never run ahead of or behind the committed history, and records
// batches older than the rollup's bound as late (telemetry-rollup.repository.ts).
const INSERT_SQL = `
  WITH ins AS (
    INSERT INTO telemetry_batches (vehicle_key, ts, digest, signal_ids, offsets_ms, vals, span_ms)
    SELECT r.k, r.t, r.d, ($6::int2[])[r.a:r.b], ($7::int4[])[r.a:r.b], ($8::float8[])[r.a:r.b], r.span
    FROM unnest($1::int4[], $2::timestamptz[], $3::int4[], $4::int4[], $5::int4[], $13::int4[]) AS r(k, t, d, a, b, span)
    ORDER BY r.k, r.t, r.d
    ON CONFLICT DO NOTHING
    RETURNING vehicle_key, ts, span_ms, cardinality(signal_ids) AS n
  ), late AS (
    INSERT INTO telemetry_rollup_dirty AS d (vehicle_key, from_ts, to_ts)
    SELECT i.vehicle_key, min(i.ts), max(i.ts + (i.span_ms + 1) * interval '1 millisecond')
    FROM ins i, (SELECT at FROM telemetry_rollup_state WHERE name = 'marked' FOR SHARE) m
    WHERE i.ts < m.at
    GROUP BY i.vehicle_key
    ORDER BY i.vehicle_key
    ${MERGE_DIRTY_MARK}
  ), latest AS (
    INSERT INTO telemetry_latest AS l (vehicle_key, signal_ids, ts, vals)
    SELECT u.k, array_agg(u.s ORDER BY u.s), array_agg(u.t ORDER BY u.s), array_agg(u.v ORDER BY u.s)
    FROM unnest($9::int4[], $10::int2[], $11::timestamptz[], $12::float8[]) AS u(k, s, t, v)
    GROUP BY u.k
    ORDER BY u.k
    ON CONFLICT (vehicle_key) DO UPDATE SET (signal_ids, ts, vals) = (
      SELECT m.signal_ids, m.ts, m.vals
      FROM telemetry_latest_merge(l.signal_ids, l.ts, l.vals, EXCLUDED.signal_ids, EXCLUDED.ts, EXCLUDED.vals) m)
  )
  SELECT coalesce(sum(n), 0)::int AS n FROM ins`
const DEADLOCK = '40P01'

const LATEST_SQL = `
  SELECT u.s AS "signalId", (extract(epoch FROM u.t) * 1000)::float8 AS "tsMs", u.v AS value
  FROM telemetry_latest l, unnest(l.signal_ids, l.ts, l.vals) AS u(s, t, v)
  WHERE l.vehicle_key = $1
  ORDER BY u.s`

// One vehicle's samples of the chosen signals in [$3, $4) ms: its rows from
// up to one row span earlier (a row holds up to MAX_ROW_SPAN_MS of samples)
// that end inside the range (span_ms); of each row only the chosen signals'
// elements are read (array_positions), not every sample unnested (one signal
// of 25 over an hour of 27,000 rows: 70 ms instead of 210). DISTINCT ON reads
// a (signal, time) stored twice once (the smallest value if the two differ).
const SAMPLES_SQL = `
  SELECT DISTINCT ON (x.t, x.s) x.s, x.t, x.v
  FROM (
    SELECT q.s, row0.t0 + b.offsets_ms[p.i] AS t, b.vals[p.i] AS v
    FROM telemetry_batches b
    ${ROW_START_MS_SQL}
    CROSS JOIN LATERAL unnest($2::int2[]) AS q(s)
    CROSS JOIN LATERAL unnest(array_positions(b.signal_ids, q.s)) AS p(i)
    WHERE b.vehicle_key = $1 AND ${rowMayHoldSql('$3', '$4')}
  ) x
  WHERE x.t >= $3::float8 AND x.t < $4::float8
  ORDER BY x.t, x.s, x.v`

const RECORDED_SQL = `SELECT s, t, v FROM (${SAMPLES_SQL}) r LIMIT $5`
// $5: at most this many rows (the caller asks one more than it accepts).
const RAW_SQL = `SELECT t AS "tsMs", v AS value FROM (${SAMPLES_SQL}) r LIMIT $5`
const BUCKET_SQL = `
  SELECT floor(t / $5::float8) * $5::float8 AS "tsMs",
         min(v) AS min,
         max(v) AS max,
         avg(v) AS avg,
         (array_agg(v ORDER BY t DESC))[1] AS last,
         count(*)::float8 AS count
  FROM (${SAMPLES_SQL}) r
  GROUP BY 1
  ORDER BY 1`

// Whole rows older than the cutoff; bounded by ctid (unique only within one
// table, hence per partition on the plain path).
const ALL_OLDER = `ts < to_timestamp($1::float8 / 1000)
  AND (extract(epoch FROM ts) * 1000)::float8 + (SELECT max(o) FROM unnest(offsets_ms) o) < $1::float8`

export function createTelemetryRepository (db: Queryable, opts: TelemetryRepositoryOptions): TelemetryRepository {
  const purgeBatch = opts.purgeBatchRows ?? 20_000
  const useRollup = opts.useRollup ?? true
  const rollup = createTelemetryRollupRepository(db)
  return {
    async insertColumns (batch) {
      const { vehicleKeys, signalIds, tsMs, values } = batch
      const n = vehicleKeys.length
      if (signalIds.length !== n || tsMs.length !== n || values.length !== n) {
        throw new RangeError('telemetry batch columns differ in length')
      }
      if (n === 0) return 0
      const r = toBatchRows(batch)
      const l = latestOf(batch)
      const params = [
        int4Array(r.vehicleKeys), timestamptzArray(r.tsMs), int4Array(r.digests), int4Array(r.starts), int4Array(r.ends),
        int2Array(r.signalIds), int4Array(r.offsetsMs), float8Array(r.values),
        int4Array(l.vehicleKeys), int2Array(l.signalIds), timestamptzArray(l.tsMs), float8Array(l.values),
        int4Array(r.spansMs),
      ]
      // Overlapping replays can still deadlock on the latest rows of a
      // vehicle written by another gateway in the same instant; once more.
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await db.query<{ n: number }>(INSERT_SQL, params)
          return res.rows[0]?.n ?? 0
        } catch (err) {
          if ((err as { code?: unknown }).code !== DEADLOCK || attempt >= 2) throw err
        }
      }
    },

    async latest (vehicleKey) {
      const { rows } = await db.query<LatestValue>(LATEST_SQL, [vehicleKey])
      return rows
    },

    async history ({ vehicleKey, signalId, fromMs, toMs, bucketS, maxRawPoints = 100_000 }) {
      if (bucketS === undefined) {
        const { rows } = await db.query<RawPoint>(RAW_SQL, [vehicleKey, [signalId], fromMs, toMs, maxRawPoints + 1])
        return rows.length > maxRawPoints
          ? { resolution: 'raw', points: rows.slice(0, maxRawPoints), tooMany: true }
          : { resolution: 'raw', points: rows }
      }
      if (!Number.isInteger(bucketS) || bucketS <= 0) throw new RangeError(`bucketS must be a positive integer, got ${bucketS}`)
      // Widen to whole buckets so every bucket aggregates all its samples.
      const bucketMs = bucketS * 1000
      const startMs = Math.floor(fromMs / bucketMs) * bucketMs
      const endMs = Math.ceil(toMs / bucketMs) * bucketMs
      // Below the rollup's exact bound the rollup, after it (the recent tail,
      // and late vehicles' stale part) raw rows.
      const covered = useRollup && bucketMs % ROLLUP_WIDTH_MS === 0 ? await rollup.coveredUntil(vehicleKey, startMs) : -Infinity
      const split = rollupSplit(startMs, endMs, bucketMs, covered)
      const [old, recent] = await Promise.all([
        split > startMs ? rollup.buckets(vehicleKey, signalId, startMs, split, bucketMs) : [],
        split < endMs ? db.query<BucketPoint>(BUCKET_SQL, [vehicleKey, [signalId], split, endMs, bucketMs]).then((r) => r.rows) : [],
      ])
      return { resolution: 'bucket', bucketS, points: mergeSplitBucket(old, recent) }
    },

    async recorded (vehicleKey, signalIds, fromMs, toMs, limit) {
      const { rows } = await db.query<{ s: number, t: number, v: number }>(RECORDED_SQL, [vehicleKey, signalIds, fromMs, toMs, limit])
      return { vehicleKeys: rows.map(() => vehicleKey), signalIds: rows.map((r) => r.s), tsMs: rows.map((r) => r.t), values: rows.map((r) => r.v) }
    },

    async purgeOlderThan (cutoffMs, signal) {
      if (opts.timescale) {
        // The retention policy drops whole chunks; this trims the remainder.
        const res = await db.query<{ n: number }>(`
          WITH gone AS (DELETE FROM telemetry_batches WHERE ${ALL_OLDER} RETURNING cardinality(signal_ids) AS n)
          SELECT coalesce(sum(n), 0)::int AS n FROM gone`, [cutoffMs])
        return res.rows[0]?.n ?? 0
      }
      let total = (await dropPartitionsBefore(opts.ddl ?? db, cutoffMs - MAX_ROW_SPAN_MS)).samples
      const tables = (await listPartitions(db)).filter((p) => p.fromMs === null || p.fromMs < cutoffMs).map((p) => p.name)
      for (const table of tables) {
        for (;;) {
          const res = await db.query<{ n: number, rows: number }>(`
            WITH gone AS (
              DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${ALL_OLDER} LIMIT $2))
              RETURNING cardinality(signal_ids) AS n)
            SELECT coalesce(sum(n), 0)::int AS n, count(*)::int AS rows FROM gone`, [cutoffMs, purgeBatch])
          total += res.rows[0]?.n ?? 0
          if ((res.rows[0]?.rows ?? 0) < purgeBatch || signal?.aborted === true) break
        }
        if (signal?.aborted === true) break
      }
      return total
    },
  }
}
