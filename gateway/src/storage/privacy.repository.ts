import type { Queryable } from './db.js'
import { MAX_ROW_SPAN_MS, ROW_START_MS_SQL, rowMayHoldSql } from './telemetry-rows.core.js'
import { dropPartitionsBefore } from './telemetry-partitions.js'
import { deleteRollup, deleteRollupBefore } from './telemetry-rollup.repository.js'

/** Rows of one kind of a vehicle's data, a page at a time (export). */
export interface TelemetryRow { readonly signalId: number, readonly tsMs: number, readonly value: number }

export interface ErasedCounts { readonly telemetry: number, readonly positions: number, readonly presenceEvents: number }

export interface PrivacyRepository {
  vehicles(): Promise<Array<{ key: number, region: string, country: string | null }>>
  /**
   * Drops stored telemetry wholly older than the cut-off at once (daily
   * partitions / chunks), for the earliest cut-off of every region: cheaper
   * than deleting it vehicle by vehicle. Returns the samples dropped (0 on
   * TimescaleDB, whose drop_chunks does not count them).
   */
  dropTelemetryBefore(cutoffMs: number, positionIds: readonly number[]): Promise<{ samples: number, positions: number }>
  /**
   * Deletes these vehicles' telemetry older than the cut-off, positions
   * only or everything but positions, in one statement; returns the samples
   * deleted. Callers bound the key list (one transaction).
   */
  deleteTelemetry(vehicleKeys: readonly number[], beforeMs: number, positions: boolean, positionIds: readonly number[]): Promise<number>
  deletePresenceEvents(vehicleKeys: readonly number[], beforeMs: number): Promise<number>
  /** Erasure on request: every telemetry sample (positions counted apart) and presence event of the vehicle. */
  erase(vehicleKey: number, positionIds: readonly number[]): Promise<ErasedCounts & { fromMs: number | null, toMs: number | null }>
  /** The vehicle's next samples ordered by time then signal, after the cursor (the last row of the previous page): at most `limit`, possibly fewer before the end; none at the end. */
  telemetryPage(vehicleKey: number, after: { signalId: number, tsMs: number } | undefined, limit: number): Promise<TelemetryRow[]>
  dtcEvents(vehicleKey: number): Promise<unknown[]>
  presenceEvents(vehicleKey: number): Promise<unknown[]>
  alerts(vehicleKey: number): Promise<unknown[]>
  diagnosticCommands(vehicleKey: number): Promise<unknown[]>
}

const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`
const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString())

/** `ddl`: where partitions and chunks are dropped, the table owner's connection (default `db`). */
export function createPrivacyRepository (db: Queryable, opts: { timescale: boolean, ddl?: Queryable }): PrivacyRepository {
  return {
    async vehicles () {
      const { rows } = await db.query<{ vehicle_key: number, region: string, country: string | null }>('SELECT vehicle_key, region, country FROM vehicles ORDER BY vehicle_key')
      return rows.map((r) => ({ key: r.vehicle_key, region: r.region, country: r.country }))
    },

    async dropTelemetryBefore (cutoffMs, positionIds) {
      const wholeBefore = cutoffMs - MAX_ROW_SPAN_MS
      await deleteRollupBefore(db, wholeBefore)
      if (!opts.timescale) return dropPartitionsBefore(opts.ddl ?? db, wholeBefore, positionIds)
      await (opts.ddl ?? db).query("SELECT drop_chunks('telemetry_batches', older_than => $1::timestamptz)", [new Date(wholeBefore)])
      return { samples: 0, positions: 0 }
    },

    async deleteTelemetry (vehicleKeys, beforeMs, positions, positionIds) {
      // Samples leave their rows; a row left empty goes. Row key and digest
      // stay, so a late resend of the original message is still a replay
      // (the deleted samples do not come back).
      const { rows } = await db.query<{ k: number, n: number }>(`
        WITH s AS (
          SELECT b.vehicle_key, b.ts, b.digest, u.s, u.o, u.v, u.i,
                 (extract(epoch FROM b.ts) * 1000)::float8 + u.o < $2::float8 AND (u.s = ANY($3::int2[])) = $4 AS gone
          FROM telemetry_batches b, unnest(b.signal_ids, b.offsets_ms, b.vals) WITH ORDINALITY AS u(s, o, v, i)
          WHERE b.vehicle_key = ANY($1::int4[]) AND b.ts < to_timestamp($2::float8 / 1000)
        ), hit AS (
          SELECT vehicle_key, ts, digest,
                 array_agg(s ORDER BY i) FILTER (WHERE NOT gone) AS s, array_agg(o ORDER BY i) FILTER (WHERE NOT gone) AS o,
                 array_agg(v ORDER BY i) FILTER (WHERE NOT gone) AS v,
                 count(*) FILTER (WHERE gone) AS n
          FROM s GROUP BY 1, 2, 3 HAVING bool_or(gone)
        ), del AS (
          DELETE FROM telemetry_batches b USING hit h
          WHERE h.s IS NULL AND b.vehicle_key = h.vehicle_key AND b.ts = h.ts AND b.digest = h.digest
        ), upd AS (
          UPDATE telemetry_batches b SET signal_ids = h.s, offsets_ms = h.o, vals = h.v FROM hit h
          WHERE h.s IS NOT NULL AND b.vehicle_key = h.vehicle_key AND b.ts = h.ts AND b.digest = h.digest
        ), latest AS (
          UPDATE telemetry_latest l SET (signal_ids, ts, vals) = (
            SELECT coalesce(array_agg(u.s ORDER BY u.s), '{}'), coalesce(array_agg(u.t ORDER BY u.s), '{}'), coalesce(array_agg(u.v ORDER BY u.s), '{}')
            FROM unnest(l.signal_ids, l.ts, l.vals) AS u(s, t, v)
            WHERE NOT (u.t < to_timestamp($2::float8 / 1000) AND (u.s = ANY($3::int2[])) = $4))
          WHERE l.vehicle_key = ANY($1::int4[])
            AND EXISTS (SELECT 1 FROM unnest(l.signal_ids, l.ts) AS u(s, t) WHERE u.t < to_timestamp($2::float8 / 1000) AND (u.s = ANY($3::int2[])) = $4)
        )
        SELECT vehicle_key AS k, sum(n)::float8 AS n FROM hit GROUP BY vehicle_key`,
      [vehicleKeys, beforeMs, positionIds, positions])
      // Only vehicles that lost samples: marking every vehicle each hour
      // would send the rollup job through all of them again.
      await deleteRollup(db, rows.map((r) => r.k), { beforeMs, positions, positionIds })
      return rows.reduce((sum, r) => sum + r.n, 0)
    },

    async deletePresenceEvents (vehicleKeys, beforeMs) {
      const r = await db.query('DELETE FROM vehicle_events WHERE vehicle_key = ANY($1::int4[]) AND ts < $2', [vehicleKeys, new Date(beforeMs)])
      return r.rowCount ?? 0
    },

    async erase (vehicleKey, positionIds) {
      const { rows } = await db.query<{ positions: number, other: number, from_ms: number | null, to_ms: number | null }>(`
        WITH gone AS (DELETE FROM telemetry_batches WHERE vehicle_key = $1 RETURNING ts, signal_ids, offsets_ms),
        latest AS (DELETE FROM telemetry_latest WHERE vehicle_key = $1)
        SELECT count(*) FILTER (WHERE u.s = ANY($2::int2[]))::int AS positions,
               count(*) FILTER (WHERE NOT u.s = ANY($2::int2[]))::int AS other,
               min((extract(epoch FROM g.ts) * 1000)::float8 + u.o) AS from_ms, max((extract(epoch FROM g.ts) * 1000)::float8 + u.o) AS to_ms
        FROM gone g, unnest(g.signal_ids, g.offsets_ms) AS u(s, o)`, [vehicleKey, positionIds])
      await deleteRollup(db, [vehicleKey])
      const events = await db.query('DELETE FROM vehicle_events WHERE vehicle_key = $1', [vehicleKey])
      const r = rows[0]
      return { telemetry: r?.other ?? 0, positions: r?.positions ?? 0, presenceEvents: events.rowCount ?? 0, fromMs: r?.from_ms ?? null, toMs: r?.to_ms ?? null }
    },

    async telemetryPage (vehicleKey, after, limit) {
      // Keyset on (time, signal). A page reads the rows that can hold samples
      // from the cursor up to one span past the row where `limit` samples
      // past the cursor are reached (a sample lies within a span of its
      // row's start), so a page costs the same at the start of a year of
      // data as at its end. Samples later than that bound wait for the next
      // page: a page can be short when one sample was stored twice (read
      // once, with the smallest value, as history reads it).
      const { rows } = await db.query<{ s: number, t: number, v: number }>(`
        WITH reach AS (
          SELECT (extract(epoch FROM c.ts) * 1000)::float8 + ${MAX_ROW_SPAN_MS + 1} AS until
          FROM (
            SELECT ts, sum(cardinality(signal_ids)) OVER (ORDER BY ts ROWS UNBOUNDED PRECEDING) AS n
            FROM telemetry_batches
            WHERE vehicle_key = $1 AND ts > to_timestamp($2::float8 / 1000)
            ORDER BY ts
          ) c
          WHERE c.n >= $4
          LIMIT 1
        ), bounds AS (SELECT $2::float8 AS after, coalesce((SELECT until FROM reach), 'Infinity') AS until)
        SELECT DISTINCT ON (x.t, x.s) x.s, x.t, x.v
        FROM (
          SELECT u.s, row0.t0 + u.o AS t, u.v
          FROM bounds, telemetry_batches b
          ${ROW_START_MS_SQL}
          CROSS JOIN LATERAL unnest(b.signal_ids, b.offsets_ms, b.vals) AS u(s, o, v)
          WHERE b.vehicle_key = $1 AND ${rowMayHoldSql('bounds.after', 'bounds.until')}
        ) x, bounds
        WHERE (x.t, x.s) > (bounds.after, $3::int2) AND x.t < bounds.until
        ORDER BY x.t, x.s, x.v LIMIT $4`,
      [vehicleKey, after?.tsMs ?? -Infinity, after?.signalId ?? -1, limit])
      return rows.map((r) => ({ signalId: r.s, tsMs: r.t, value: r.v }))
    },

    async dtcEvents (vehicleKey) {
      const { rows } = await db.query<{ ms: number, code: string, action: string, ecu_id: string, status: number, freeze_frame: unknown }>(
        `SELECT ${ms('ts')} AS ms, code, action, ecu_id, status, freeze_frame FROM diagnostic_events WHERE vehicle_key = $1 ORDER BY ts`, [vehicleKey])
      return rows.map((r) => ({ ts: iso(r.ms), code: r.code, action: r.action, ecu: r.ecu_id, status: r.status, freezeFrame: r.freeze_frame }))
    },

    async presenceEvents (vehicleKey) {
      const { rows } = await db.query<{ ms: number, kind: string, session: number | null, detail: unknown }>(
        `SELECT ${ms('ts')} AS ms, kind, session, detail FROM vehicle_events WHERE vehicle_key = $1 ORDER BY ts`, [vehicleKey])
      return rows.map((r) => ({ ts: iso(r.ms), kind: r.kind, session: r.session, detail: r.detail }))
    },

    async alerts (vehicleKey) {
      const { rows } = await db.query<{ doc: unknown, history: unknown }>(
        `SELECT a.doc, coalesce((SELECT jsonb_agg(jsonb_build_object('seq', e.seq, 'kind', e.kind, 'at', e.ts, 'by', e.actor, 'note', e.note, 'detail', e.detail) ORDER BY e.ts, e.seq)
                                 FROM alert_events e WHERE e.alert_id = a.alert_id), '[]'::jsonb) AS history
         FROM alerts a WHERE a.vehicle_key = $1 ORDER BY a.raised_at`, [vehicleKey])
      return rows.map((r) => ({ alert: r.doc, history: r.history }))
    },

    async diagnosticCommands (vehicleKey) {
      const { rows } = await db.query<{ command_id: string, requested_by: string, requested_ms: number, kind: string, request: unknown, status: string, result: unknown, responded_ms: number | null }>(
        `SELECT command_id, requested_by, ${ms('requested_at')} AS requested_ms, kind, request, status, result, ${ms('responded_at')} AS responded_ms
         FROM diagnostic_commands WHERE vehicle_key = $1 ORDER BY requested_at`, [vehicleKey])
      return rows.map((r) => ({ commandId: r.command_id, requestedBy: r.requested_by, requestedAt: iso(r.requested_ms), kind: r.kind, request: r.request, status: r.status, result: r.result, respondedAt: iso(r.responded_ms) }))
    },
  }
}
