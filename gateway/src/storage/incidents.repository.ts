import type { Queryable } from './db.js'
import type { AffectedSet, CountRow, NoticeState, RequiredAction, Severity, VehicleStanding } from '../incidents/incident.core.js'

export interface IncidentRecord {
  readonly id: string
  readonly title: Readonly<Record<string, string>>
  readonly message: Readonly<Record<string, string>>
  readonly severity: Severity
  readonly requiredAction: RequiredAction
  readonly affected: AffectedSet
  readonly campaignId: string | null
  readonly state: 'open' | 'closed'
  readonly createdBy: string
  readonly createdAt: Date
  readonly closedAt: Date | null
}

/** A notice due for one vehicle connected to this instance. */
export interface DueNotice {
  readonly incidentId: string
  readonly vehicleKey: number
  readonly vehicleId: string
  readonly language: string
  readonly timeZone: string
  readonly quietStartMinute: number | null
  readonly quietEndMinute: number | null
}

export interface NoticeAckRow {
  readonly incidentId: string
  readonly vehicleKey: number
  readonly state: Exclude<NoticeState, 'pending' | 'sent'>
  readonly atMs: number
  readonly reason: string
}

export interface IncidentVehicleRow {
  readonly vehicleId: string
  readonly fleet: string
  readonly region: string
  readonly country: string | null
  readonly model: string
  readonly language: string
  readonly state: NoticeState
  readonly sentAt: Date | null
  readonly deliveredAt: Date | null
  readonly displayedAt: Date | null
  readonly acknowledgedAt: Date | null
  readonly resolvedAt: Date | null
  readonly resolvedBy: string | null
  readonly rejectReason: string | null
}

/** Fleets and regions a caller may see; null = all. */
export interface RowScope { readonly fleets: readonly string[] | null, readonly regions: readonly string[] | null }

const COLUMNS = 'incident_id, title, message, severity, required_action, affected, campaign_id, state, created_by, created_at, closed_at'
interface Row { incident_id: string, title: Record<string, string>, message: Record<string, string>, severity: Severity, required_action: RequiredAction, affected: AffectedSet, campaign_id: string | null, state: 'open' | 'closed', created_by: string, created_at: Date, closed_at: Date | null }
const toRecord = (r: Row): IncidentRecord => ({
  id: r.incident_id, title: r.title, message: r.message, severity: r.severity, requiredAction: r.required_action, affected: r.affected,
  campaignId: r.campaign_id, state: r.state, createdBy: r.created_by, createdAt: r.created_at, closedAt: r.closed_at,
})
const SCOPED = '($2::text[] IS NULL OR iv.fleet = ANY($2)) AND ($3::text[] IS NULL OR iv.region = ANY($3))'
const STANDING = "CASE WHEN iv.resolved_at IS NOT NULL THEN 'resolved' ELSE iv.state END"

export function createIncidentsRepository (db: Queryable) {
  return {
    async insert (i: Omit<IncidentRecord, 'state' | 'closedAt'>): Promise<void> {
      await db.query(`INSERT INTO incidents (incident_id, title, message, severity, required_action, affected, campaign_id, created_by, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [i.id, JSON.stringify(i.title), JSON.stringify(i.message), i.severity, i.requiredAction, JSON.stringify(i.affected), i.campaignId, i.createdBy, i.createdAt])
    },

    /**
     * Fixes the affected vehicles: one row per matching, not revoked vehicle,
     * with its language (the driver's OTA preference, else `defaultLanguage`).
     * Every condition of the set must hold; an absent one holds for all.
     */
    async selectAffected (incidentId: string, a: AffectedSet, defaultLanguage: string): Promise<number> {
      const software = a.software === undefined ? null : JSON.stringify(a.software)
      const ranges = a.vinRanges === undefined ? null : JSON.stringify(a.vinRanges)
      const { rowCount } = await db.query(
        `INSERT INTO incident_vehicles (incident_id, vehicle_key, vehicle_id, fleet, region, country, model, language)
         SELECT $1, v.vehicle_key, v.vehicle_id, v.fleet, v.region, v.country, v.model, coalesce(p.language, $8)
         FROM vehicles v LEFT JOIN ota_vehicle_prefs p ON p.vehicle_key = v.vehicle_key
         WHERE v.revoked_at IS NULL
           AND ($2::text[] IS NULL OR v.model = ANY($2)) AND ($3::text[] IS NULL OR v.region = ANY($3))
           AND ($4::text[] IS NULL OR v.country = ANY($4)) AND ($5::text[] IS NULL OR v.fleet = ANY($5))
           AND ($6::jsonb IS NULL OR EXISTS (
             SELECT 1 FROM jsonb_array_elements($6::jsonb) s, jsonb_array_elements(v.ecus) e
             WHERE e->>'ecuId' = s->>'ecu' AND s->'versions' ? (e->>'softwareVersion')))
           AND ($7::jsonb IS NULL OR EXISTS (
             SELECT 1 FROM jsonb_array_elements($7::jsonb) r WHERE v.vehicle_id COLLATE "C" BETWEEN r->>'from' AND r->>'to'))`,
        [incidentId, a.models ?? null, a.regions ?? null, a.countries ?? null, a.fleets ?? null, software, ranges, defaultLanguage])
      return rowCount ?? 0
    },

    /** One fleet-owner e-mail and webhook event per fleet with affected vehicles. */
    async enqueueOwnerNotices (incidentId: string, channels: readonly string[]): Promise<number> {
      const { rowCount } = await db.query(
        `INSERT INTO incident_owner_notices (incident_id, fleet, channel, vehicles)
         SELECT $1, iv.fleet, c, count(*) FROM incident_vehicles iv, unnest($2::text[]) c WHERE iv.incident_id = $1 GROUP BY iv.fleet, c`,
        [incidentId, channels])
      return rowCount ?? 0
    },

    async appendEvent (incidentId: string, at: Date, actor: string, kind: string, detail: Record<string, unknown> = {}): Promise<void> {
      await db.query('INSERT INTO incident_events (incident_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)', [incidentId, at, actor, kind, JSON.stringify(detail)])
    },

    async get (id: string): Promise<IncidentRecord | undefined> {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM incidents WHERE incident_id = $1`, [id])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },

    /** Incidents newest first; a scoped caller sees those reaching at least one of its vehicles. */
    async list (scope: RowScope, limit: number): Promise<IncidentRecord[]> {
      const { rows } = await db.query<Row>(
        `SELECT ${COLUMNS} FROM incidents i WHERE ($1::text[] IS NULL AND $2::text[] IS NULL) OR EXISTS (
           SELECT 1 FROM incident_vehicles iv WHERE iv.incident_id = i.incident_id
             AND ($1::text[] IS NULL OR iv.fleet = ANY($1)) AND ($2::text[] IS NULL OR iv.region = ANY($2)))
         ORDER BY created_at DESC LIMIT $3`, [scope.fleets, scope.regions, limit])
      return rows.map(toRecord)
    },

    async close (id: string, at: Date): Promise<boolean> {
      const { rowCount } = await db.query("UPDATE incidents SET state = 'closed', closed_at = $2 WHERE incident_id = $1 AND state = 'open'", [id, at])
      return (rowCount ?? 0) > 0
    },

    async events (id: string): Promise<Array<{ at: Date, actor: string, kind: string, detail: Record<string, unknown> }>> {
      const { rows } = await db.query<{ at: Date, actor: string, kind: string, detail: Record<string, unknown> }>(
        'SELECT at, actor, kind, detail FROM incident_events WHERE incident_id = $1 ORDER BY seq', [id])
      return rows
    },

    /**
     * Notices due now for vehicles connected to `instanceId`, of open
     * incidents: never sent, or sent without a receipt for `resendAfterMs`
     * (a QoS 1 message to a clean session is lost with its link) fewer than
     * `maxSends` times. `vehicleKeys` (vehicles that just came back): every
     * notice they have not confirmed receiving, however often it was sent.
     */
    async dueForConnected (instanceId: string, resendAfterMs: number, maxSends: number, limit: number, vehicleKeys: readonly number[] | null = null): Promise<DueNotice[]> {
      const { rows } = await db.query<{ incident_id: string, vehicle_key: number, vehicle_id: string, language: string, time_zone: string, quiet_start_minute: number | null, quiet_end_minute: number | null }>(
        `SELECT iv.incident_id, iv.vehicle_key, iv.vehicle_id, iv.language, v.time_zone, p.quiet_start_minute, p.quiet_end_minute
         FROM incident_vehicles iv JOIN incidents i USING (incident_id) JOIN vehicles v ON v.vehicle_key = iv.vehicle_key
         LEFT JOIN ota_vehicle_prefs p ON p.vehicle_key = iv.vehicle_key
         WHERE iv.state IN ('pending', 'sent') AND i.state = 'open' AND iv.resolved_at IS NULL AND v.connected AND v.instance_id = $1
           AND ($4::int[] IS NULL OR iv.vehicle_key = ANY($4))
           AND (iv.not_before IS NULL OR iv.not_before <= now())
           AND (iv.state = 'pending' OR $4::int[] IS NOT NULL OR (iv.sends < $5 AND iv.sent_at < now() - make_interval(secs => $2 / 1000.0)))
         ORDER BY iv.incident_id, iv.vehicle_key LIMIT $3`, [instanceId, resendAfterMs, limit, vehicleKeys, maxSends])
      return rows.map((r) => ({ incidentId: r.incident_id, vehicleKey: r.vehicle_key, vehicleId: r.vehicle_id, language: r.language, timeZone: r.time_zone, quietStartMinute: r.quiet_start_minute, quietEndMinute: r.quiet_end_minute }))
    },

    /** The notices went out: pending → sent (a resend keeps its first time and counts the send). */
    async markSent (rows: ReadonlyArray<{ incidentId: string, vehicleKey: number }>, at: Date): Promise<void> {
      if (rows.length === 0) return
      await db.query(
        `UPDATE incident_vehicles iv SET state = CASE WHEN iv.state = 'pending' THEN 'sent' ELSE iv.state END,
           sent_at = CASE WHEN iv.state = 'pending' THEN $3 ELSE now() END, sends = iv.sends + 1
         FROM unnest($1::uuid[], $2::int[]) AS s(incident_id, vehicle_key)
         WHERE iv.incident_id = s.incident_id AND iv.vehicle_key = s.vehicle_key`,
        [rows.map((r) => r.incidentId), rows.map((r) => r.vehicleKey), at])
    },

    /** Holds notices back until the end of their vehicles' quiet hours. */
    async hold (rows: ReadonlyArray<{ incidentId: string, vehicleKey: number, untilMs: number }>): Promise<void> {
      if (rows.length === 0) return
      await db.query(
        `UPDATE incident_vehicles iv SET not_before = s.until FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS s(incident_id, vehicle_key, until)
         WHERE iv.incident_id = s.incident_id AND iv.vehicle_key = s.vehicle_key`,
        [rows.map((r) => r.incidentId), rows.map((r) => r.vehicleKey), rows.map((r) => new Date(r.untilMs))])
    },

    /** The current notice state of these (incident, vehicle) pairs, locked for the caller's transaction. */
    async lockStates (pairs: ReadonlyArray<{ incidentId: string, vehicleKey: number }>): Promise<Map<string, NoticeState>> {
      const { rows } = await db.query<{ incident_id: string, vehicle_key: number, state: NoticeState }>(
        `SELECT iv.incident_id, iv.vehicle_key, iv.state FROM incident_vehicles iv
         JOIN unnest($1::uuid[], $2::int[]) AS s(incident_id, vehicle_key) ON iv.incident_id = s.incident_id AND iv.vehicle_key = s.vehicle_key
         ORDER BY iv.incident_id, iv.vehicle_key FOR UPDATE OF iv`, [pairs.map((p) => p.incidentId), pairs.map((p) => p.vehicleKey)])
      return new Map(rows.map((r) => [`${r.incident_id}/${r.vehicle_key}`, r.state]))
    },

    /** Writes the new states with the vehicle's time of each step (first report of a step wins). */
    async writeStates (rows: ReadonlyArray<NoticeAckRow & { next: NoticeState }>): Promise<void> {
      if (rows.length === 0) return
      await db.query(
        `UPDATE incident_vehicles iv SET state = s.next,
           delivered_at = CASE WHEN s.state IN ('delivered', 'displayed', 'acknowledged') THEN coalesce(iv.delivered_at, s.at) ELSE iv.delivered_at END,
           displayed_at = CASE WHEN s.state IN ('displayed', 'acknowledged') THEN coalesce(iv.displayed_at, s.at) ELSE iv.displayed_at END,
           acknowledged_at = CASE WHEN s.state = 'acknowledged' THEN coalesce(iv.acknowledged_at, s.at) ELSE iv.acknowledged_at END,
           reject_reason = CASE WHEN s.state = 'rejected' THEN s.reason ELSE iv.reject_reason END
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS s(incident_id, vehicle_key, next, state, at, reason)
         WHERE iv.incident_id = s.incident_id AND iv.vehicle_key = s.vehicle_key`,
        [rows.map((r) => r.incidentId), rows.map((r) => r.vehicleKey), rows.map((r) => r.next), rows.map((r) => r.state), rows.map((r) => new Date(r.atMs)), rows.map((r) => r.reason)])
    },

    /**
     * Marks vehicles of open incidents resolved whose fix is done: the linked
     * OTA campaign's update succeeded, or a recall work order naming the
     * incident or its campaign was completed after the incident began.
     */
    async resolveFixed (): Promise<Array<{ incidentId: string, by: string, vehicles: number }>> {
      const { rows } = await db.query<{ incident_id: string, resolved_by: string, n: number }>(
        `WITH ota AS (
           UPDATE incident_vehicles iv SET resolved_at = now(), resolved_by = 'ota'
           FROM incidents i, ota_vehicle_updates u
           WHERE i.incident_id = iv.incident_id AND i.state = 'open' AND iv.resolved_at IS NULL AND i.campaign_id IS NOT NULL
             AND u.campaign_id = i.campaign_id AND u.vehicle_key = iv.vehicle_key AND u.state = 'succeeded'
           RETURNING iv.incident_id, iv.resolved_by),
         wo AS (
           UPDATE incident_vehicles iv SET resolved_at = now(), resolved_by = 'work_order'
           FROM incidents i, work_orders w
           WHERE i.incident_id = iv.incident_id AND i.state = 'open' AND iv.resolved_at IS NULL
             AND w.vehicle_key = iv.vehicle_key AND w.state = 'completed' AND w.kind = 'recall' AND w.completed_at >= i.created_at
             AND w.campaign_id IN (i.incident_id::text, i.campaign_id::text)
           RETURNING iv.incident_id, iv.resolved_by)
         SELECT incident_id, resolved_by, count(*)::int AS n FROM (SELECT * FROM ota UNION ALL SELECT * FROM wo) x GROUP BY 1, 2`)
      return rows.map((r) => ({ incidentId: r.incident_id, by: r.resolved_by, vehicles: r.n }))
    },

    /** Vehicles per country and standing (resolved, else how far the notice got), inside the scope. */
    async counts (id: string, scope: RowScope): Promise<CountRow[]> {
      const { rows } = await db.query<{ country: string, state: VehicleStanding, vehicles: number }>(
        `SELECT coalesce(iv.country, 'unknown') AS country, ${STANDING} AS state, count(*)::int AS vehicles
         FROM incident_vehicles iv WHERE iv.incident_id = $1 AND ${SCOPED} GROUP BY 1, 2`, [id, scope.fleets, scope.regions])
      return rows
    },

    /** The affected vehicles inside the scope, unresolved first; `unresolvedOnly` for the report's list. */
    async vehicles (id: string, scope: RowScope, o: { unresolvedOnly: boolean, limit: number }): Promise<IncidentVehicleRow[]> {
      const { rows } = await db.query<{ vehicle_id: string, fleet: string, region: string, country: string | null, model: string, language: string, state: NoticeState, sent_at: Date | null, delivered_at: Date | null, displayed_at: Date | null, acknowledged_at: Date | null, resolved_at: Date | null, resolved_by: string | null, reject_reason: string | null }>(
        `SELECT vehicle_id, fleet, region, country, model, language, state, sent_at, delivered_at, displayed_at, acknowledged_at, resolved_at, resolved_by, reject_reason
         FROM incident_vehicles iv WHERE iv.incident_id = $1 AND ${SCOPED} AND (NOT $4 OR iv.resolved_at IS NULL)
         ORDER BY iv.resolved_at IS NOT NULL, iv.country, iv.vehicle_id LIMIT $5`, [id, scope.fleets, scope.regions, o.unresolvedOnly, o.limit])
      return rows.map((r) => ({
        vehicleId: r.vehicle_id, fleet: r.fleet, region: r.region, country: r.country, model: r.model, language: r.language, state: r.state,
        sentAt: r.sent_at, deliveredAt: r.delivered_at, displayedAt: r.displayed_at, acknowledgedAt: r.acknowledged_at, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, rejectReason: r.reject_reason,
      }))
    },
  }
}

export type IncidentsRepository = ReturnType<typeof createIncidentsRepository>
