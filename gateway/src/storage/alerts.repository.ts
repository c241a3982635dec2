import type { Alert, AlertTransition } from '../alerts/lifecycle.core.js'
import type { Queryable } from './db.js'

export interface AlertFilter {
  readonly fleet?: string | undefined
  readonly region?: string | undefined
  readonly vehicleId?: string | undefined
  readonly severity?: string | undefined
  readonly state?: string | undefined
  readonly fromMs?: number | undefined
  readonly toMs?: number | undefined
  /** Caller's scope (api/auth/principal.ts): null = every fleet / region. */
  readonly scopeFleets?: readonly string[] | null | undefined
  readonly scopeRegions?: readonly string[] | null | undefined
  readonly limit: number
  readonly offset: number
}

export interface AlertRow {
  readonly alert: Alert
  readonly vehicleId: string
  readonly region: string
  readonly fleet: string
}

export interface AlertEventRow {
  readonly seq: number
  readonly kind: string
  readonly atMs: number
  readonly by: string | null
  readonly note: string | null
  readonly detail: unknown
}

export interface KpiRow {
  readonly region: string
  readonly severity: string
  readonly alerts: number
  readonly acknowledged: number
  readonly resolved: number
  readonly medianAckS: number | null
  readonly p90AckS: number | null
  readonly medianResolveS: number | null
  readonly p90ResolveS: number | null
}

export interface AlertsRepository {
  /** The newest alert of a (vehicle, rule) pair, resolved or not. */
  latestFor(vehicleKey: number, ruleId: string): Promise<Alert | undefined>
  get(alertId: string): Promise<AlertRow | undefined>
  /**
   * Stores the alert and appends its transition in one statement. Optimistic:
   * refused (false) when the stored alert is no longer at `expectedSeq`.
   */
  save(alert: Alert, transition: AlertTransition, expectedSeq: number): Promise<boolean>
  /** Appends a note without changing the alert. */
  addNote(alertId: string, atMs: number, by: string, note: string): Promise<boolean>
  list(filter: AlertFilter): Promise<{ total: number, items: AlertRow[] }>
  events(alertId: string): Promise<AlertEventRow[]>
  /** Auto-resolved alerts whose resolution is still to be announced. */
  pendingResolutions(limit: number): Promise<Alert[]>
  kpis(fromMs: number, toMs: number): Promise<KpiRow[]>
}

const ROW = 'a.doc, v.vehicle_id, v.region, v.fleet'

export function createAlertsRepository (db: Queryable): AlertsRepository {
  return {
    async latestFor (vehicleKey, ruleId) {
      const { rows } = await db.query<{ doc: Alert }>(
        'SELECT doc FROM alerts WHERE vehicle_key = $1 AND rule_id = $2 ORDER BY raised_at DESC LIMIT 1', [vehicleKey, ruleId])
      return rows[0]?.doc
    },

    async get (alertId) {
      const { rows } = await db.query<{ doc: Alert, vehicle_id: string, region: string, fleet: string }>(
        `SELECT ${ROW} FROM alerts a JOIN vehicles v USING (vehicle_key) WHERE a.alert_id = $1`, [alertId])
      const r = rows[0]
      return r === undefined ? undefined : { alert: r.doc, vehicleId: r.vehicle_id, region: r.region, fleet: r.fleet }
    },

    async save (a, t, expectedSeq) {
      const { rows } = await db.query<{ alert_id: string }>(
        `WITH saved AS (
           INSERT INTO alerts AS cur (alert_id, vehicle_key, rule_id, severity, state, raised_at, acknowledged_at, resolved_at, seq, doc)
           VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), to_timestamp($8 / 1000.0), $9, $10::jsonb)
           ON CONFLICT (alert_id) DO UPDATE SET severity = EXCLUDED.severity, state = EXCLUDED.state, raised_at = EXCLUDED.raised_at,
             acknowledged_at = EXCLUDED.acknowledged_at, resolved_at = EXCLUDED.resolved_at, seq = EXCLUDED.seq, doc = EXCLUDED.doc, updated_at = now()
           WHERE cur.seq = $11
           RETURNING alert_id)
         INSERT INTO alert_events (alert_id, ts, seq, kind, actor, note, detail)
         SELECT alert_id, to_timestamp($12 / 1000.0), $9, $13, $14, $15, $16::jsonb FROM saved
         RETURNING alert_id`,
        [a.id, a.vehicleKey, a.ruleId, a.severity, a.state, a.raisedAtMs, a.acknowledgedAtMs, a.resolvedAtMs, a.seq, JSON.stringify(a), expectedSeq,
          t.atMs, t.kind, t.by, t.note, JSON.stringify(t.detail ?? {})])
      return rows.length > 0
    },

    async addNote (alertId, atMs, by, note) {
      // Notes do not change the alert, so they take no lifecycle seq: 0 keeps them apart from transitions.
      const r = await db.query(
        `INSERT INTO alert_events (alert_id, ts, seq, kind, actor, note)
         SELECT alert_id, to_timestamp($2 / 1000.0), 0, 'note', $3, $4 FROM alerts WHERE alert_id = $1`, [alertId, atMs, by, note])
      return (r.rowCount ?? 0) > 0
    },

    async list (f) {
      const { rows } = await db.query<{ doc: Alert, vehicle_id: string, region: string, fleet: string, total: number }>(
        `SELECT ${ROW}, count(*) OVER ()::int AS total FROM alerts a JOIN vehicles v USING (vehicle_key)
         WHERE ($1::text IS NULL OR v.fleet = $1) AND ($2::text IS NULL OR v.region = $2) AND ($3::text IS NULL OR v.vehicle_id = $3)
           AND ($4::text IS NULL OR a.severity = $4) AND ($5::text IS NULL OR a.state = $5)
           AND ($6::float8 IS NULL OR a.raised_at >= to_timestamp($6 / 1000.0)) AND ($7::float8 IS NULL OR a.raised_at < to_timestamp($7 / 1000.0))
           AND ($10::text[] IS NULL OR v.fleet = ANY($10)) AND ($11::text[] IS NULL OR v.region = ANY($11))
         ORDER BY (a.state = 'resolved'), array_position(ARRAY['critical','major','minor','warning'], a.severity), a.raised_at DESC
         LIMIT $8 OFFSET $9`,
        [f.fleet ?? null, f.region ?? null, f.vehicleId ?? null, f.severity ?? null, f.state ?? null, f.fromMs ?? null, f.toMs ?? null, f.limit, f.offset, f.scopeFleets ?? null, f.scopeRegions ?? null])
      return { total: rows[0]?.total ?? 0, items: rows.map((r) => ({ alert: r.doc, vehicleId: r.vehicle_id, region: r.region, fleet: r.fleet })) }
    },

    async events (alertId) {
      const { rows } = await db.query<{ seq: number, kind: string, ms: number, actor: string | null, note: string | null, detail: unknown }>(
        `SELECT seq, kind, (extract(epoch FROM ts) * 1000)::float8 AS ms, actor, note, detail FROM alert_events
         WHERE alert_id = $1 ORDER BY ts, seq`, [alertId])
      return rows.map((r) => ({ seq: r.seq, kind: r.kind, atMs: r.ms, by: r.actor, note: r.note, detail: r.detail }))
    },

    async pendingResolutions (limit) {
      const { rows } = await db.query<{ doc: Alert }>(
        `SELECT doc FROM alerts WHERE state = 'resolved' AND (doc->>'resolutionPending')::boolean ORDER BY resolved_at LIMIT $1`, [limit])
      return rows.map((r) => r.doc)
    },

    async kpis (fromMs, toMs) {
      const { rows } = await db.query<{ region: string, severity: string, alerts: number, acknowledged: number, resolved: number, med_ack: number | null, p90_ack: number | null, med_res: number | null, p90_res: number | null }>(
        `WITH x AS (
           SELECT v.region, a.severity, a.acknowledged_at, a.resolved_at,
             extract(epoch FROM a.acknowledged_at - a.raised_at) AS ack_s,
             extract(epoch FROM a.resolved_at - a.raised_at) AS res_s
           FROM alerts a JOIN vehicles v USING (vehicle_key)
           WHERE a.raised_at >= to_timestamp($1 / 1000.0) AND a.raised_at < to_timestamp($2 / 1000.0))
         SELECT region, severity, count(*)::int AS alerts, count(acknowledged_at)::int AS acknowledged, count(resolved_at)::int AS resolved,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_s) AS med_ack, percentile_cont(0.9) WITHIN GROUP (ORDER BY ack_s) AS p90_ack,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY res_s) AS med_res, percentile_cont(0.9) WITHIN GROUP (ORDER BY res_s) AS p90_res
         FROM x GROUP BY region, severity ORDER BY region, array_position(ARRAY['critical','major','minor','warning'], severity)`,
        [fromMs, toMs])
      return rows.map((r) => ({ region: r.region, severity: r.severity, alerts: r.alerts, acknowledged: r.acknowledged, resolved: r.resolved, medianAckS: r.med_ack, p90AckS: r.p90_ack, medianResolveS: r.med_res, p90ResolveS: r.p90_res }))
    },
  }
}
