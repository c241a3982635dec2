import type { Queryable } from './db.js'
import { MAX_ROW_SPAN_MS, rowMayHoldSql } from './telemetry-rows.core.js'
import { ROLLUP_STEP_ALIGN_MS, ROLLUP_WIDTH_MS, ceilTo, floorTo, nextRange, type BucketPoint } from './telemetry-rollup.core.js'

// Every statement on telemetry_rollup* lives here (the writer's late mark is
// part of the insert statement in telemetry.repository.ts).
//
// Late batches: the writer records (vehicle, earliest ts) of every batch whose
// ts is below the 'marked' bound, in the same statement that stores it. This
// costs ingest one share lock on one row and, for on-time data, nothing else;
// re-scanning by an inserted_at column would need a new column and index on
// every batch row (and a scan of all of them per run) to find the few late ones.
// The share lock makes the bound exact: moving it (UPDATE) waits for the
// writers holding it, and writers arriving after see the new bound. So a
// batch is either committed before the range step reads, or marked late.

/** Anything with a pg.Pool-like connect(), or a single-session connection (PGlite). */
export type RollupDb = Queryable & { connect?: () => Promise<Queryable & { release(): void }> }

export interface RollupStep {
  /** false: another gateway holds the job lock. */
  ran: boolean
  /** Rows starting before this (ms) are aggregated; buckets that end at or before it are complete. */
  doneMs: number
  /** Late vehicles re-aggregated. */
  late: number
  /** Rollup rows removed by retention. */
  purged: number
  /** Work was left over (a bounded part was done): step again now. */
  more: boolean
}

export interface RollupOptions {
  /** Ranges end this long before now (default 2 minutes): data still arriving is not aggregated twice. */
  lagMs?: number
  /** Longest range per step (default 1 hour). */
  maxStepMs?: number
  /** Late vehicles per step (default 100). */
  lateBatch?: number
  /** Rollup rows per retention delete (default 20,000). */
  purgeBatch?: number
}

export interface TelemetryRollupRepository {
  /** One bounded job step; run it again while it returns doneMs below the target. */
  step(nowMs: number, retentionCutoffMs?: number): Promise<RollupStep>
  /**
   * Where the vehicle's rollup buckets from fromMs on are exact: below this
   * (ms), -Infinity when none. A range marked for re-aggregation counts only
   * if it reaches fromMs: a retention cut a year back must not send a
   * 30-day read to raw rows.
   */
  coveredUntil(vehicleKey: number, fromMs?: number): Promise<number>
  /** Buckets of bucketMs (a multiple of the rollup width) in [startMs, endMs). */
  buckets(vehicleKey: number, signalId: number, startMs: number, endMs: number, bucketMs: number): Promise<BucketPoint[]>
}

/** How a new mark joins a vehicle's pending one (`telemetry_rollup_dirty AS d`): the union, and a new gen. */
export const MERGE_DIRTY_MARK = `ON CONFLICT (vehicle_key) DO UPDATE
      SET from_ts = least(d.from_ts, EXCLUDED.from_ts), to_ts = greatest(d.to_ts, EXCLUDED.to_ts), gen = d.gen + 1`

/** One job step at a time across gateways (the project's advisory lock keys are 727_465_300_00N). */
export const ROLLUP_LOCK_KEY = 727_465_300_004

// The samples (k, s, t, v) of the rows of `telemetry_batches b` matching
// rowFilter, optionally filtered per sample (x.o: offset, x.t0: row start).
// The three arrays are unnested side by side in the select list (a
// ProjectSet), and each row's start is computed once: on one minute of 10M
// samples 1.2 s, against 3.0 s for unnest(a, b, c) in FROM, which
// materialises every row's elements before returning them.
const samplesOfRows = (rowFilter: string, sampleFilter = 'true') => `
    SELECT x.k, x.s, x.t0 + x.o AS t, x.v
    FROM (SELECT r.k, r.t0, unnest(r.signal_ids) AS s, unnest(r.offsets_ms) AS o, unnest(r.vals) AS v
          FROM (SELECT b.vehicle_key AS k, (extract(epoch FROM b.ts) * 1000)::float8 AS t0, b.signal_ids, b.offsets_ms, b.vals
                FROM telemetry_batches b
                WHERE ${rowFilter}
                OFFSET 0) r) x
    WHERE ${sampleFilter}`

// The columns every aggregation below produces per (vehicle, signal, bucket):
// the last value is the one at the latest time (the smallest of equal-time
// values, as history's DISTINCT ON keeps). A sample a unit sent in two
// different messages (not a replay of one message: that is one row) is
// counted in both; min, max, average and last are unchanged by it.
const aggregateColumns = (source: string) => `
  INSERT INTO telemetry_rollup AS r (vehicle_key, signal_id, bucket, min, max, sum, count, last_t, last_v)
  SELECT k, s, to_timestamp(floor(t / ${ROLLUP_WIDTH_MS}) * ${ROLLUP_WIDTH_MS / 1000}),
         min(v), max(v), sum(v), count(*), max(t), (min(ARRAY[-t, v]))[2]
  FROM (${source}) x
  GROUP BY k, s, floor(t / ${ROLLUP_WIDTH_MS})
  ORDER BY 1, 2, 3`

// The job's main pass: every sample of the rows that START in [$1, $2) ms,
// merged into whatever buckets they reach. Each row is read once, by the
// step whose range holds its start, so a step reads only its own minutes of
// rows (an overwrite of whole buckets would have to read every row that can
// reach them: a row span, ten minutes, further back). A bucket is complete
// once every row that can reach it has started, i.e. below `done`; later
// buckets may hold part of their samples and are never read as rollup.
// Merged twice, a row would count twice: the step commits with its new
// `done`, and late rows (stored after their start passed `marked`) are
// re-aggregated by overwrite instead (REAGGREGATE_VEHICLE).
const MERGE_NEW_ROWS = `${aggregateColumns(samplesOfRows('b.ts >= to_timestamp($1::float8 / 1000) AND b.ts < to_timestamp($2::float8 / 1000)'))}
  ON CONFLICT (vehicle_key, signal_id, bucket) DO UPDATE SET
    min = least(r.min, EXCLUDED.min), max = greatest(r.max, EXCLUDED.max),
    sum = r.sum + EXCLUDED.sum, count = r.count + EXCLUDED.count,
    last_t = greatest(r.last_t, EXCLUDED.last_t),
    last_v = CASE WHEN EXCLUDED.last_t > r.last_t THEN EXCLUDED.last_v
                  WHEN EXCLUDED.last_t < r.last_t THEN r.last_v
                  ELSE least(r.last_v, EXCLUDED.last_v) END`

// One vehicle's buckets in [$1, $2) ms (bucket-aligned) computed whole from
// every row that can hold samples there, and overwritten: idempotent, for
// late rows and deletes. Only the samples inside count, found by comparing
// each offset with bounds computed once per row.
const REAGGREGATE_VEHICLE = `${aggregateColumns(samplesOfRows(`${rowMayHoldSql('$1', '$2')} AND b.vehicle_key = $3`,
  'x.o >= $1::float8 - x.t0 AND x.o < $2::float8 - x.t0'))}
  ON CONFLICT (vehicle_key, signal_id, bucket) DO UPDATE SET
    (min, max, sum, count, last_t, last_v) = (EXCLUDED.min, EXCLUDED.max, EXCLUDED.sum, EXCLUDED.count, EXCLUDED.last_t, EXCLUDED.last_v)`

/** Hash memory of the aggregation: about 20,000 vehicles × 25 signals of one minute, without spilling to disk. */
const AGGREGATE_WORK_MEM = '128MB'

const ms = (col: string) => `coalesce((extract(epoch FROM ${col}) * 1000)::float8, '-Infinity')`

export function createTelemetryRollupRepository (db: RollupDb, opts: RollupOptions = {}): TelemetryRollupRepository {
  const lagMs = opts.lagMs ?? 120_000
  const maxStepMs = opts.maxStepMs ?? 3_600_000
  const lateBatch = opts.lateBatch ?? 100
  const purgeBatch = opts.purgeBatch ?? 20_000

  async function tx<T> (fn: (c: Queryable) => Promise<T | null>): Promise<T | null> {
    const c = db.connect === undefined ? db : await db.connect()
    try {
      await c.query('BEGIN')
      await c.query(`SET LOCAL work_mem = '${AGGREGATE_WORK_MEM}'`)
      const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [ROLLUP_LOCK_KEY])
      const out = rows[0]?.ok === true ? await fn(c) : null
      await c.query('COMMIT')
      return out
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      if (c !== db) (c as { release(): void }).release()
    }
  }

  const firstBatchMs = async (c: Queryable) => {
    const { rows } = await c.query<{ t: number | null }>('SELECT (extract(epoch FROM min(ts)) * 1000)::float8 AS t FROM telemetry_batches')
    return rows[0]?.t ?? null
  }
  const state = async (c: Queryable) => {
    const { rows } = await c.query<{ name: string, at: number }>(`SELECT name, ${ms('at')} AS at FROM telemetry_rollup_state`)
    const get = (n: string) => rows.find((r) => r.name === n)?.at ?? -Infinity
    return { marked: get('marked'), done: get('done') }
  }
  const setState = (c: Queryable, name: string, atMs: number) =>
    c.query('UPDATE telemetry_rollup_state SET at = greatest(at, to_timestamp($2::float8 / 1000)) WHERE name = $1', [name, atMs])

  return {
    async step (nowMs, retentionCutoffMs) {
      // 1. Move the late bound first, in its own short transaction: writers
      //    wait for it only as long as this UPDATE takes.
      const marked = await tx(async (c) => {
        const s = await state(c)
        const range = nextRange(s.done, s.done === -Infinity ? await firstBatchMs(c) : null, nowMs - lagMs, maxStepMs)
        if (range !== null && range.toMs > s.marked) await setState(c, 'marked', range.toMs)
        return { range }
      })
      if (marked === null) return { ran: false, doneMs: -Infinity, late: 0, purged: 0, more: false }
      // 2. Aggregate [done, marked), then the late vehicles up to the new done.
      const out = await tx(async (c) => {
        const s = await state(c)
        let done = s.done
        if (s.marked > s.done) {
          // The first range starts at the earliest batch (another gateway may have moved `marked`).
          const fromMs = s.done === -Infinity ? floorTo(Math.min(await firstBatchMs(c) ?? s.marked, s.marked), ROLLUP_WIDTH_MS) : s.done
          await c.query(MERGE_NEW_ROWS, [fromMs, s.marked])
          await setState(c, 'done', s.marked)
          done = s.marked
        }
        // A marked range is overwritten as far as whole buckets lie below
        // `done`; the rest waits (its buckets still take merges from rows
        // starting there).
        const complete = floorTo(done, ROLLUP_WIDTH_MS)
        const { rows: late } = await c.query<{ k: number, from: number, to: number, gen: string }>(`
          SELECT vehicle_key AS k, ${ms('from_ts')} AS "from", ${ms('to_ts')} AS "to", gen::text AS gen
          FROM telemetry_rollup_dirty WHERE from_ts < to_timestamp($2::float8 / 1000) ORDER BY from_ts LIMIT $1`, [lateBatch, complete])
        // Re-aggregated in vehicle order, and their marks settled last, in
        // vehicle order too: a writer marking late rows locks the marks of
        // its vehicles in that order, so the two never wait on each other in
        // a cycle, and a writer waits at most for the end of the step.
        late.sort((a, b) => a.k - b.k)
        const settle: Array<{ k: number, gen: string, toMs: number | null }> = []
        for (const l of late) {
          const fromMs = l.from === -Infinity ? l.from : floorTo(l.from, ROLLUP_WIDTH_MS)
          const endMs = ceilTo(l.to, ROLLUP_WIDTH_MS)
          const toMs = Math.min(complete, endMs)
          if (fromMs < toMs) {
            // Buckets whose samples all went (privacy deletes) must go too.
            await c.query('DELETE FROM telemetry_rollup WHERE vehicle_key = $1 AND bucket >= to_timestamp($2::float8 / 1000) AND bucket < to_timestamp($3::float8 / 1000)', [l.k, fromMs, toMs])
            await c.query(REAGGREGATE_VEHICLE, [fromMs, toMs, l.k])
          }
          settle.push({ k: l.k, gen: l.gen, toMs: endMs <= complete ? null : toMs })
        }
        let purged = 0
        if (retentionCutoffMs !== undefined) {
          const r = await c.query<{ n: number }>(`
            WITH gone AS (DELETE FROM telemetry_rollup WHERE ctid = ANY (ARRAY(
              SELECT ctid FROM telemetry_rollup WHERE bucket < to_timestamp($1::float8 / 1000) LIMIT $2)) RETURNING 1)
            SELECT count(*)::int AS n FROM gone`, [floorTo(retentionCutoffMs, ROLLUP_WIDTH_MS), purgeBatch])
          purged = r.rows[0]?.n ?? 0
        }
        // A mark whose range is done goes; one reaching past `done` keeps the rest. Only the generation read
        // above: a writer that marked the vehicle again meanwhile leaves its mark for the next step.
        for (const m of settle) {
          await (m.toMs === null
            ? c.query('DELETE FROM telemetry_rollup_dirty WHERE vehicle_key = $1 AND gen = $2::bigint', [m.k, m.gen])
            : c.query('UPDATE telemetry_rollup_dirty SET from_ts = to_timestamp($3::float8 / 1000) WHERE vehicle_key = $1 AND gen = $2::bigint', [m.k, m.gen, m.toMs]))
        }
        const more = done < floorTo(nowMs - lagMs, ROLLUP_STEP_ALIGN_MS) || late.length === lateBatch || purged === purgeBatch
        return { ran: true, doneMs: done, late: late.length, purged, more }
      })
      return out ?? { ran: false, doneMs: -Infinity, late: 0, purged: 0, more: false }
    },

    async coveredUntil (vehicleKey, fromMs) {
      const { rows } = await db.query<{ at: number }>(`
        SELECT ${ms(`CASE WHEN d.from_ts < s.at AND ($2::float8 IS NULL OR d.to_ts > to_timestamp($2::float8 / 1000)) THEN d.from_ts ELSE s.at END`)} AS at
        FROM telemetry_rollup_state s LEFT JOIN telemetry_rollup_dirty d ON d.vehicle_key = $1
        WHERE s.name = 'done'`, [vehicleKey, fromMs === undefined || !Number.isFinite(fromMs) ? null : fromMs])
      const at = rows[0]?.at ?? -Infinity
      return at === -Infinity ? at : floorTo(at, ROLLUP_WIDTH_MS)
    },

    async buckets (vehicleKey, signalId, startMs, endMs, bucketMs) {
      const { rows } = await db.query<BucketPoint>(`
        SELECT floor(e / $5::float8) * $5::float8 AS "tsMs", min(min) AS min, max(max) AS max,
               sum(sum) / sum(count) AS avg, (array_agg(last_v ORDER BY last_t DESC))[1] AS last, sum(count)::float8 AS count
        FROM (SELECT (extract(epoch FROM bucket) * 1000)::float8 AS e, min, max, sum, count, last_t, last_v
              FROM telemetry_rollup
              WHERE vehicle_key = $1 AND signal_id = $2
                AND bucket >= to_timestamp($3::float8 / 1000) AND bucket < to_timestamp($4::float8 / 1000)) r
        GROUP BY 1 ORDER BY 1`, [vehicleKey, signalId, startMs, endMs, bucketMs])
      return rows
    },
  }
}

/**
 * Privacy deletes, in the caller's statement order, for a set of vehicles
 * at once: rollup rows wholly before beforeMs go now (of the position
 * signals, or of all the others), and the bucket holding beforeMs is marked
 * for re-aggregation from the samples left. Without beforeMs (erasure)
 * every row goes, and the history is marked up to where a job step running
 * now can still write from rows it read before the erasure ('marked' plus
 * one row span), so later steps remove what it wrote.
 */
export async function deleteRollup (db: Queryable, vehicleKeys: readonly number[], cut?: { beforeMs: number, positions: boolean, positionIds: readonly number[] }): Promise<void> {
  if (vehicleKeys.length === 0) return
  if (cut === undefined) {
    await db.query('DELETE FROM telemetry_rollup WHERE vehicle_key = ANY($1::int4[])', [vehicleKeys])
    await markDirty(db, vehicleKeys, -Infinity)
    return
  }
  const from = floorTo(cut.beforeMs, ROLLUP_WIDTH_MS)
  await db.query(`DELETE FROM telemetry_rollup WHERE vehicle_key = ANY($1::int4[]) AND bucket < to_timestamp($2::float8 / 1000)
    AND (signal_id = ANY($3::int2[])) = $4`, [vehicleKeys, from, cut.positionIds, cut.positions])
  if (from < cut.beforeMs) await markDirty(db, vehicleKeys, from, from + ROLLUP_WIDTH_MS)
}

/** Rollup rows wholly before cutoffMs, of every vehicle (whole days of telemetry dropped). */
export async function deleteRollupBefore (db: Queryable, cutoffMs: number): Promise<void> {
  await db.query('DELETE FROM telemetry_rollup WHERE bucket < to_timestamp($1::float8 / 1000)', [floorTo(cutoffMs, ROLLUP_WIDTH_MS)])
}

/**
 * Marks [fromMs, toMs) of the vehicles for re-aggregation; without toMs, up
 * to where a job step running now can write ('marked' plus one row span,
 * read FOR SHARE like the writers do, so no step moves it meanwhile). In key
 * order, as writers and job steps take marks.
 */
function markDirty (db: Queryable, vehicleKeys: readonly number[], fromMs: number, toMs?: number) {
  return db.query(`
    INSERT INTO telemetry_rollup_dirty AS d (vehicle_key, from_ts, to_ts)
    SELECT k, to_timestamp($2::float8 / 1000), coalesce(to_timestamp($3::float8 / 1000), m.at + interval '${MAX_ROW_SPAN_MS} milliseconds')
    FROM (SELECT at FROM telemetry_rollup_state WHERE name = 'marked' FOR SHARE) m, unnest($1::int4[]) AS k
    ORDER BY k
    ${MERGE_DIRTY_MARK}`, [vehicleKeys, fromMs, toMs ?? null])
}
