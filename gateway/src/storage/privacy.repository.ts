import type { Queryable } from './db.js'

/** Rows of one kind of a vehicle's data, a page at a time (export). */
export interface TelemetryRow { readonly signalId: number, readonly tsMs: number, readonly value: number }

export interface ErasedCounts { readonly telemetry: number, readonly positions: number, readonly presenceEvents: number }

/** How many telemetry rows a delete removed, and the time range they covered (for the rollup refresh). */
export interface Deleted { readonly rows: number, readonly fromMs: number | null, readonly toMs: number | null }

export interface PrivacyRepository {
  vehicles(): Promise<Array<{ key: number, region: string }>>
  /** Deletes telemetry older than the cut-off: positions only, or everything but positions. */
  deleteTelemetry(vehicleKey: number, beforeMs: number, positions: boolean, positionIds: readonly number[]): Promise<Deleted>
  deletePresenceEvents(vehicleKey: number, beforeMs: number): Promise<number>
  /** Erasure on request: every telemetry sample (positions counted apart) and presence event of the vehicle. */
  erase(vehicleKey: number, positionIds: readonly number[]): Promise<ErasedCounts & { fromMs: number | null, toMs: number | null }>
  /**
   * TimescaleDB: recomputes the 1-minute rollup over a range whose raw rows
   * were deleted, so erased or expired data (positions too) leaves the
   * rollup as well. Every vehicle's raw rows of that range still exist
   * (chunks are dropped by time), so their buckets come out the same.
   */
  refreshRollup(fromMs: number, toMs: number): Promise<void>
  telemetryPage(vehicleKey: number, after: { signalId: number, tsMs: number } | undefined, limit: number): Promise<TelemetryRow[]>
  dtcEvents(vehicleKey: number): Promise<unknown[]>
  presenceEvents(vehicleKey: number): Promise<unknown[]>
  alerts(vehicleKey: number): Promise<unknown[]>
  diagnosticCommands(vehicleKey: number): Promise<unknown[]>
}

const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`
const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString())

export function createPrivacyRepository (db: Queryable, opts: { timescale: boolean }): PrivacyRepository {
  return {
    async vehicles () {
      const { rows } = await db.query<{ vehicle_key: number, region: string }>('SELECT vehicle_key, region FROM vehicles ORDER BY vehicle_key')
      return rows.map((r) => ({ key: r.vehicle_key, region: r.region }))
    },

    async deleteTelemetry (vehicleKey, beforeMs, positions, positionIds) {
      const { rows } = await db.query<{ n: number, from_ms: number | null, to_ms: number | null }>(
        `WITH gone AS (DELETE FROM telemetry WHERE vehicle_key = $1 AND ts < $2 AND (signal_id = ANY($3::int2[])) = $4 RETURNING ts)
         SELECT count(*)::int AS n, ${ms('min(ts)')} AS from_ms, ${ms('max(ts)')} AS to_ms FROM gone`,
        [vehicleKey, new Date(beforeMs), positionIds, positions])
      return { rows: rows[0]?.n ?? 0, fromMs: rows[0]?.from_ms ?? null, toMs: rows[0]?.to_ms ?? null }
    },

    async deletePresenceEvents (vehicleKey, beforeMs) {
      const r = await db.query('DELETE FROM vehicle_events WHERE vehicle_key = $1 AND ts < $2', [vehicleKey, new Date(beforeMs)])
      return r.rowCount ?? 0
    },

    async erase (vehicleKey, positionIds) {
      const { rows } = await db.query<{ positions: number, other: number, from_ms: number | null, to_ms: number | null }>(
        `WITH gone AS (DELETE FROM telemetry WHERE vehicle_key = $1 RETURNING signal_id, ts)
         SELECT count(*) FILTER (WHERE signal_id = ANY($2::int2[]))::int AS positions,
                count(*) FILTER (WHERE NOT signal_id = ANY($2::int2[]))::int AS other,
                ${ms('min(ts)')} AS from_ms, ${ms('max(ts)')} AS to_ms FROM gone`, [vehicleKey, positionIds])
      const events = await db.query('DELETE FROM vehicle_events WHERE vehicle_key = $1', [vehicleKey])
      const r = rows[0]
      return { telemetry: r?.other ?? 0, positions: r?.positions ?? 0, presenceEvents: events.rowCount ?? 0, fromMs: r?.from_ms ?? null, toMs: r?.to_ms ?? null }
    },

    async refreshRollup (fromMs, toMs) {
      if (!opts.timescale) return
      // Whole buckets around the range; a refresh window must hold at least one bucket.
      const from = Math.floor(fromMs / 60_000) * 60_000
      const to = (Math.floor(toMs / 60_000) + 2) * 60_000
      // Simple protocol (no parameters): the refresh refuses to run inside a transaction block,
      // which some drivers open for a parameterised statement. The literals are ISO dates built here.
      await db.query(`CALL refresh_continuous_aggregate('telemetry_1m', '${new Date(from).toISOString()}'::timestamptz, '${new Date(to).toISOString()}'::timestamptz)`)
    },

    async telemetryPage (vehicleKey, after, limit) {
      const { rows } = await db.query<{ signal_id: number, ms: number, value: number }>(
        `SELECT signal_id, ${ms('ts')} AS ms, value FROM telemetry
         WHERE vehicle_key = $1 AND ($2::int IS NULL OR (signal_id, ts) > ($2::int2, to_timestamp($3::float8 / 1000)))
         ORDER BY signal_id, ts LIMIT $4`,
        [vehicleKey, after?.signalId ?? null, after?.tsMs ?? null, limit])
      return rows.map((r) => ({ signalId: r.signal_id, tsMs: r.ms, value: r.value }))
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
