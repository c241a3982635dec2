import type { Queryable } from './db.js'
import type { VehicleScope } from '../api/auth/principal.js'

export type PresenceBucket = 'online' | 'asleep' | 'offline'

export interface FleetSummary {
  readonly vehicles: number
  readonly online: number
  readonly asleep: number
  readonly offline: number
  /** Open or acknowledged alerts, by severity. */
  readonly openAlerts: Readonly<Record<string, number>>
}

/** One map marker: where a vehicle last reported and what it is. */
export interface VehiclePosition {
  readonly id: string
  readonly model: string
  readonly region: string
  readonly fleet: string
  readonly presence: PresenceBucket
  readonly lat: number | null
  readonly lon: number | null
}

export interface DashboardRepository {
  summary(scope: VehicleScope): Promise<FleetSummary>
  /** One page in vehicle id order: ids after `after`, at most `limit`. */
  positions(scope: VehicleScope, page: { after: string | undefined, limit: number }): Promise<VehiclePosition[]>
}

/** A sleeping vehicle has said goodbye (death certificate with power state asleep): not lost, just parked. */
const PRESENCE_SQL = `CASE WHEN v.connected THEN 'online' WHEN v.power_state = 'asleep' THEN 'asleep' ELSE 'offline' END`
const SCOPE_SQL = `v.revoked_at IS NULL AND ($1::text[] IS NULL OR v.fleet = ANY($1)) AND ($2::text[] IS NULL OR v.region = ANY($2))`

const SUMMARY_SQL = `
SELECT ${PRESENCE_SQL} AS presence, count(*)::int AS n FROM vehicles v WHERE ${SCOPE_SQL} GROUP BY 1`
const ALERTS_SQL = `
SELECT a.severity, count(*)::int AS n FROM alerts a JOIN vehicles v ON v.vehicle_key = a.vehicle_key
WHERE a.state <> 'resolved' AND ${SCOPE_SQL} GROUP BY 1`
/** Latest latitude (catalog id 3) and longitude (4) per vehicle, from its one telemetry_latest row. */
const POSITIONS_SQL = `
SELECT v.vehicle_id AS id, v.model, v.region, v.fleet, ${PRESENCE_SQL} AS presence,
       l.vals[array_position(l.signal_ids, 3::int2)] AS lat, l.vals[array_position(l.signal_ids, 4::int2)] AS lon
FROM vehicles v
LEFT JOIN telemetry_latest l ON l.vehicle_key = v.vehicle_key
WHERE ${SCOPE_SQL} AND ($3::text IS NULL OR v.vehicle_id > $3)
ORDER BY v.vehicle_id
LIMIT $4`

const scopeParams = (s: VehicleScope) => [s.fleets === null ? null : [...s.fleets], s.regions === null ? null : [...s.regions]]

export function createDashboardRepository (db: Queryable): DashboardRepository {
  return {
    async summary (scope) {
      const params = scopeParams(scope)
      const [presence, alerts] = await Promise.all([
        db.query<{ presence: PresenceBucket, n: number }>(SUMMARY_SQL, params),
        db.query<{ severity: string, n: number }>(ALERTS_SQL, params),
      ])
      const by = { online: 0, asleep: 0, offline: 0 }
      for (const r of presence.rows) by[r.presence] = r.n
      const openAlerts: Record<string, number> = {}
      for (const r of alerts.rows) openAlerts[r.severity] = r.n
      return { vehicles: by.online + by.asleep + by.offline, ...by, openAlerts }
    },

    async positions (scope, page) {
      const { rows } = await db.query<VehiclePosition>(POSITIONS_SQL, [...scopeParams(scope), page.after ?? null, page.limit])
      return rows
    },
  }
}
