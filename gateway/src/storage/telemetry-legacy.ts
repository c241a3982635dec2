import type { Queryable } from './db.js'
import { MAX_ROW_SPAN_MS } from './telemetry-rows.core.js'
import { decompressLegacyTelemetry } from './timescale.js'

/**
 * Moves samples of the per-sample layout (telemetry_legacy, renamed by
 * migration 0030) into batch rows, in bounded steps: each step moves the
 * next `stepRows` samples in primary-key order in one statement (delete +
 * insert + latest merge commit together), so an interrupted run loses
 * nothing and resumes where it stopped. Moved samples of one vehicle are
 * grouped per 10-minute window into rows (digest: hash of their content).
 */

export interface LegacyMigrationOptions {
  stepRows?: number
  signal?: AbortSignal
  onStep?: (moved: number) => void
}

const STEP_ROWS = 50_000

/** Samples left in the old layout, counted up to `limit` (null: no legacy table). */
export async function legacyTelemetryRows (db: Queryable, limit: number): Promise<number | null> {
  const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('telemetry_legacy')::text AS t")
  if (rows[0]?.t === null || rows[0]?.t === undefined) return null
  const n = await db.query<{ n: number }>('SELECT count(*)::float8 AS n FROM (SELECT 1 FROM telemetry_legacy LIMIT $1) x', [limit])
  return n.rows[0]?.n ?? 0
}

// The first key of the next step (none: this step takes the rest). Looked up
// first and passed as constants: TimescaleDB's DML on compressed chunks did
// not apply the bound as a subquery (a step took everything).
const BOUND_SQL = 'SELECT vehicle_key AS k, signal_id AS s, ts AS t FROM telemetry_legacy ORDER BY vehicle_key, signal_id, ts OFFSET $1 LIMIT 1'

const MOVE_SQL = `
  WITH moved AS (
    DELETE FROM telemetry_legacy t
    WHERE $1::int IS NULL OR (t.vehicle_key, t.signal_id, t.ts) < ($1::int, $2::int2, $3::timestamptz)
    RETURNING t.vehicle_key, t.signal_id, t.ts, t.value
  ), grouped AS (
    SELECT vehicle_key, floor(extract(epoch FROM ts) * 1000 / ${MAX_ROW_SPAN_MS}) AS w,
           min(ts) AS t0, max(ts) AS t1, array_agg(signal_id ORDER BY ts, signal_id) AS s,
           array_agg(ts ORDER BY ts, signal_id) AS tss, array_agg(value ORDER BY ts, signal_id) AS v
    FROM moved GROUP BY 1, 2
  ), ins AS (
    INSERT INTO telemetry_batches (vehicle_key, ts, digest, signal_ids, offsets_ms, vals, span_ms)
    SELECT g.vehicle_key, g.t0, hashtext(g.s::text || g.tss::text || g.v::text), g.s,
           ARRAY(SELECT round(extract(epoch FROM x - g.t0) * 1000)::int FROM unnest(g.tss) WITH ORDINALITY AS u(x, i) ORDER BY i),
           g.v, round(extract(epoch FROM g.t1 - g.t0) * 1000)::int
    FROM grouped g
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING
  ), newest AS (
    SELECT DISTINCT ON (vehicle_key, signal_id) vehicle_key, signal_id, ts, value
    FROM moved ORDER BY vehicle_key, signal_id, ts DESC
  ), latest AS (
    INSERT INTO telemetry_latest AS l (vehicle_key, signal_ids, ts, vals)
    SELECT vehicle_key, array_agg(signal_id ORDER BY signal_id), array_agg(ts ORDER BY signal_id), array_agg(value ORDER BY signal_id)
    FROM newest GROUP BY vehicle_key ORDER BY vehicle_key
    ON CONFLICT (vehicle_key) DO UPDATE SET (signal_ids, ts, vals) = (
      SELECT m.signal_ids, m.ts, m.vals
      FROM telemetry_latest_merge(l.signal_ids, l.ts, l.vals, EXCLUDED.signal_ids, EXCLUDED.ts, EXCLUDED.vals) m)
  )
  SELECT count(*)::float8 AS n FROM moved`

/**
 * Moves every legacy sample, then drops the empty legacy table (with
 * whatever depends on it); returns the samples moved. Safe to run while the
 * gateway serves and from several processes (each step locks the rows it
 * deletes).
 */
export async function migrateLegacyTelemetry (db: Queryable, opts: LegacyMigrationOptions = {}): Promise<number> {
  if (await legacyTelemetryRows(db, 1) === null) return 0
  const hypertable = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")
  if (hypertable.rows.length > 0) await decompressLegacyTelemetry(db)
  const step = opts.stepRows ?? STEP_ROWS
  let total = 0
  for (;;) {
    const bound = (await db.query<{ k: number, s: number, t: Date }>(BOUND_SQL, [step])).rows[0]
    const { rows } = await db.query<{ n: number }>(MOVE_SQL, [bound?.k ?? null, bound?.s ?? null, bound?.t ?? null])
    const n = rows[0]?.n ?? 0
    total += n
    if (n > 0) opts.onStep?.(total)
    if (n === 0) break
    if (opts.signal?.aborted === true) return total
  }
  await db.query('DROP TABLE IF EXISTS telemetry_legacy CASCADE')
  return total
}
