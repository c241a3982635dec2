import type { Queryable } from './db.js'
import type { BucketPoint } from './telemetry.repository.js'

/**
 * TimescaleDB-specific SQL outside migration 0003. The plain-PostgreSQL
 * equivalents live in telemetry.repository.ts.
 */

export interface TimescalePolicies {
  retentionDays: number
  compressAfterDays: number
  rollupRefreshS: number
  /**
   * How far back late samples may arrive (store-and-forward; the ingest max
   * age). The rollup refresh window covers it so late data reaches the
   * rollups. Default 30.
   */
  lateDataDays?: number
}

// Distinct from the migration lock: policies are applied after migrating.
const POLICY_LOCK_KEY = 727_465_300_002
const DAY_S = 86_400

/**
 * True when the timescaledb extension is installed in this database and
 * telemetry is a hypertable (migration 0003 applied), i.e. when the rollup,
 * compression and retention machinery exists.
 */
export async function detectTimescale (conn: Queryable): Promise<boolean> {
  const ext = await conn.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")
  if (ext.rows.length === 0) return false
  const ht = await conn.query(
    "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_schema = current_schema() AND hypertable_name = 'telemetry'")
  return ht.rows.length > 0
}

/** Refresh window start: late data must be covered, yet stay inside retention. */
export function rollupStartOffsetS (p: TimescalePolicies): number {
  const wanted = (p.lateDataDays ?? 30) * DAY_S + 3600
  const cap = p.retentionDays * DAY_S - 3600
  return Math.max(Math.min(wanted, cap), 3 * 3600)
}

/**
 * Makes the compression, retention and rollup-refresh jobs match the config.
 * A job that already matches is left alone (its id and stats survive
 * restarts); a different one is replaced. `conn` must be a single session.
 */
export async function applyTimescalePolicies (conn: Queryable, p: TimescalePolicies): Promise<void> {
  const startOffsetS = rollupStartOffsetS(p)
  await conn.query('BEGIN')
  try {
    await conn.query('SELECT pg_advisory_xact_lock($1)', [POLICY_LOCK_KEY])
    const same = await conn.query<{ compress: boolean, retention: boolean, refresh: boolean }>(`
      SELECT
        bool_or(proc_name = 'policy_compression' AND hypertable_name = 'telemetry'
          AND (config->>'compress_after')::interval = make_interval(days => $1::int)) AS compress,
        bool_or(proc_name = 'policy_retention' AND hypertable_name = 'telemetry'
          AND (config->>'drop_after')::interval = make_interval(days => $2::int)) AS retention,
        bool_or(proc_name = 'policy_refresh_continuous_aggregate' AND hypertable_name = 'telemetry_1m'
          AND (config->>'start_offset')::interval = make_interval(secs => $3::float8)
          AND (config->>'end_offset')::interval = interval '1 minute'
          AND schedule_interval = make_interval(secs => $4::float8)) AS refresh
      FROM timescaledb_information.jobs
      WHERE hypertable_schema = current_schema()`,
    [p.compressAfterDays, p.retentionDays, startOffsetS, p.rollupRefreshS])
    const row = same.rows[0]
    if (row?.compress !== true) {
      await conn.query("SELECT remove_compression_policy('telemetry', if_exists => true)")
      await conn.query("SELECT add_compression_policy('telemetry', make_interval(days => $1::int))", [p.compressAfterDays])
    }
    if (row?.retention !== true) {
      await conn.query("SELECT remove_retention_policy('telemetry', if_exists => true)")
      await conn.query("SELECT add_retention_policy('telemetry', make_interval(days => $1::int))", [p.retentionDays])
    }
    if (row?.refresh !== true) {
      await conn.query("SELECT remove_continuous_aggregate_policy('telemetry_1m', if_exists => true)")
      // end_offset 1 minute: the open minute is served live (materialized_only = false).
      await conn.query(`SELECT add_continuous_aggregate_policy('telemetry_1m',
        start_offset => make_interval(secs => $1::float8),
        end_offset => interval '1 minute',
        schedule_interval => make_interval(secs => $2::float8))`, [startOffsetS, p.rollupRefreshS])
    }
    await conn.query('COMMIT')
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined)
    throw err
  }
}

export interface RollupQuery {
  vehicleKey: number
  signalId: number
  /** Inclusive start, aligned to bucketS. */
  startMs: number
  /** Exclusive end, aligned to bucketS. */
  endMs: number
  /** A multiple of 60. */
  bucketS: number
}

/**
 * Re-buckets the 1-minute rollup to bucketS: min of mins, max of maxes,
 * count-weighted mean, last of the latest minute. Same epoch-aligned
 * buckets as the raw date_bin path.
 */
export async function historyFromRollup (db: Queryable, q: RollupQuery): Promise<BucketPoint[]> {
  const { rows } = await db.query<BucketPoint>(`
    SELECT (extract(epoch FROM date_bin(make_interval(secs => $5::float8), bucket, timestamptz 'epoch')) * 1000)::float8 AS "tsMs",
           min(min_value) AS min,
           max(max_value) AS max,
           (sum(avg_value * sample_count) / sum(sample_count))::float8 AS avg,
           last(last_value, bucket) AS last,
           sum(sample_count)::float8 AS count
    FROM telemetry_1m
    WHERE vehicle_key = $1 AND signal_id = $2
      AND bucket >= to_timestamp($3::float8 / 1000) AND bucket < to_timestamp($4::float8 / 1000)
    GROUP BY 1
    ORDER BY 1`,
  [q.vehicleKey, q.signalId, q.startMs, q.endMs, q.bucketS])
  return rows
}
