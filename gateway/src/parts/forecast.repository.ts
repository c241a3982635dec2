import { signalId } from '@fleetwire/proto'
import type { Queryable } from '../storage/db.js'
import type { PartQty } from './catalogue.core.js'

const LAT = signalId('Vehicle.CurrentLocation.Latitude')
const LON = signalId('Vehicle.CurrentLocation.Longitude')
const ODOMETER = signalId('Vehicle.TraveledDistance')

export interface FleetVehicle { readonly key: number, readonly id: string, readonly model: string, readonly fleet: string, readonly createdAtMs: number, readonly lat: number | null, readonly lon: number | null, readonly odometerKm: number | null, readonly odometerAtMs: number | null }
export interface OpenAlertRow { readonly vehicleKey: number, readonly ruleId: string, readonly raisedAtMs: number, readonly predictedAtMs: number | null, readonly bookedSlot: string | null }
export interface CompletedRow { readonly vehicleKey: number, readonly model: string, readonly country: string, readonly family: string, readonly alertRaisedAtMs: number | null, readonly fromAlert: boolean, readonly completedAtMs: number, readonly partsUsed: readonly PartQty[] }

/** The reads behind the parts forecast and maintenance reminders (fleet-wide, one query each). */
export interface ForecastRepository {
  /** Every vehicle with its latest position and odometer (index look-ups per vehicle, no telemetry scan). */
  fleet(): Promise<FleetVehicle[]>
  openAlerts(): Promise<OpenAlertRow[]>
  completedSince(sinceMs: number, untilMs: number): Promise<CompletedRow[]>
  /** Alerts resolved in the window, per rule (confirmed or not). */
  closedAlertsSince(sinceMs: number, untilMs: number): Promise<Array<{ ruleId: string, n: number }>>
  /** The last completed maintenance per vehicle (time and odometer). */
  lastServices(): Promise<Map<number, { atMs: number, odometerKm: number | null }>>
  /** Odometer some weeks back per vehicle (for the km per day estimate). */
  odometerAt(atMs: number): Promise<Map<number, { atMs: number, km: number }>>
  /** Of the reminders sent in the window: how many the owner accepted (booked or done) and declined (cancelled). */
  reminderOutcomes(sinceMs: number, untilMs: number): Promise<{ accepted: number, declined: number, serviced: number, daysToService: number }>
  /** The open or declined maintenance work order since each vehicle's last completed service. */
  maintenanceOrders(): Promise<Map<number, { state: string, slot: string | null }>>
}

export function createForecastRepository (db: Queryable): ForecastRepository {
  // The vehicle's one telemetry_latest row holds the newest value (and its time) of every signal it reported.
  const latest = (signal: number) => `l.vals[array_position(l.signal_ids, ${signal}::int2)]`
  return {
    async fleet () {
      const { rows } = await db.query<{ vehicle_key: number, vehicle_id: string, model: string, fleet: string, created_at: Date, lat: number | null, lon: number | null, odo: number | null, odo_at: number | null }>(
        `SELECT v.vehicle_key, v.vehicle_id, v.model, v.fleet, v.created_at, ${latest(LAT)} AS lat, ${latest(LON)} AS lon, ${latest(ODOMETER)} AS odo,
           (extract(epoch FROM l.ts[array_position(l.signal_ids, ${ODOMETER}::int2)]) * 1000)::float8 AS odo_at
         FROM vehicles v LEFT JOIN telemetry_latest l USING (vehicle_key)`)
      return rows.map((r) => ({ key: r.vehicle_key, id: r.vehicle_id, model: r.model, fleet: r.fleet, createdAtMs: r.created_at.getTime(), lat: r.lat, lon: r.lon, odometerKm: r.odo, odometerAtMs: r.odo_at }))
    },
    async openAlerts () {
      const { rows } = await db.query<{ vehicle_key: number, rule_id: string, raised_at: Date, expected: string | null, slot: string | null }>(
        `SELECT a.vehicle_key, a.rule_id, a.raised_at, a.doc #>> '{evidence,prediction,expectedAtMs}' AS expected,
           (SELECT to_char(w.slot_date, 'YYYY-MM-DD') FROM work_orders w WHERE w.alert_id = a.alert_id AND w.state IN ('booked', 'vehicle_arrived', 'in_repair') LIMIT 1) AS slot
         FROM alerts a WHERE a.state <> 'resolved'`)
      return rows.map((r) => ({ vehicleKey: r.vehicle_key, ruleId: r.rule_id, raisedAtMs: r.raised_at.getTime(), predictedAtMs: r.expected === null ? null : Number(r.expected), bookedSlot: r.slot }))
    },
    async completedSince (sinceMs, untilMs) {
      const { rows } = await db.query<{ vehicle_key: number, model: string, country: string, fault_family: string, alert_id: string | null, raised_at: Date | null, completed_at: Date, parts_used: PartQty[] | null }>(
        `SELECT w.vehicle_key, w.model, w.country, w.fault_family, w.alert_id, a.raised_at, w.completed_at, w.parts_used
         FROM work_orders w LEFT JOIN alerts a ON a.alert_id = w.alert_id
         WHERE w.state = 'completed' AND w.completed_at >= $1 AND w.completed_at < $2`, [new Date(sinceMs), new Date(untilMs)])
      return rows.map((r) => ({ vehicleKey: r.vehicle_key, model: r.model, country: r.country, family: r.fault_family, fromAlert: r.alert_id !== null, alertRaisedAtMs: r.raised_at?.getTime() ?? null, completedAtMs: r.completed_at.getTime(), partsUsed: r.parts_used ?? [] }))
    },
    async closedAlertsSince (sinceMs, untilMs) {
      const { rows } = await db.query<{ rule_id: string, n: number }>(
        `SELECT rule_id, count(*)::int AS n FROM alerts WHERE state = 'resolved' AND resolved_at >= $1 AND resolved_at < $2 GROUP BY rule_id`, [new Date(sinceMs), new Date(untilMs)])
      return rows.map((r) => ({ ruleId: r.rule_id, n: r.n }))
    },
    async lastServices () {
      const { rows } = await db.query<{ vehicle_key: number, completed_at: Date, odometer_km: number | null }>(
        `SELECT DISTINCT ON (vehicle_key) vehicle_key, completed_at, odometer_km FROM work_orders
         WHERE state = 'completed' AND kind = 'maintenance' ORDER BY vehicle_key, completed_at DESC`)
      return new Map(rows.map((r) => [r.vehicle_key, { atMs: r.completed_at.getTime(), odometerKm: r.odometer_km }]))
    },
    async reminderOutcomes (sinceMs, untilMs) {
      const { rows } = await db.query<{ accepted: number, declined: number, serviced: number, days: number }>(
        `SELECT count(*) FILTER (WHERE w.state NOT IN ('cancelled', 'proposed'))::int AS accepted, count(*) FILTER (WHERE w.state = 'cancelled')::int AS declined,
                count(w.completed_at)::int AS serviced, coalesce(sum(extract(epoch FROM w.completed_at - r.sent_at) / 86400), 0)::float8 AS days
         FROM maintenance_reminders r JOIN work_orders w ON w.work_order_id = r.work_order_id WHERE r.sent_at >= $1 AND r.sent_at < $2`, [new Date(sinceMs), new Date(untilMs)])
      return { accepted: rows[0]?.accepted ?? 0, declined: rows[0]?.declined ?? 0, serviced: rows[0]?.serviced ?? 0, daysToService: rows[0]?.days ?? 0 }
    },
    async maintenanceOrders () {
      const { rows } = await db.query<{ vehicle_key: number, state: string, slot: string | null }>(
        `SELECT DISTINCT ON (w.vehicle_key) w.vehicle_key, w.state, to_char(w.slot_date, 'YYYY-MM-DD') AS slot FROM work_orders w
         WHERE w.kind = 'maintenance' AND w.state <> 'completed'
           AND w.created_at > coalesce((SELECT max(c.completed_at) FROM work_orders c WHERE c.vehicle_key = w.vehicle_key AND c.kind = 'maintenance' AND c.state = 'completed'), '-infinity')
         ORDER BY w.vehicle_key, w.created_at DESC`)
      return new Map(rows.map((r) => [r.vehicle_key, { state: r.state, slot: r.slot }]))
    },
    async odometerAt (atMs) {
      const { rows } = await db.query<{ vehicle_key: number, ts: Date, value: number }>(
        `SELECT v.vehicle_key, o.ts, o.value FROM vehicles v
         CROSS JOIN LATERAL (
           -- Newest message rows first (primary-key order), samples within a row by offset: stops at the first hit.
           SELECT b.ts + s.o * interval '1 millisecond' AS ts, s.v AS value
           FROM telemetry_batches b CROSS JOIN LATERAL unnest(b.signal_ids, b.offsets_ms, b.vals) AS s(id, o, v)
           WHERE b.vehicle_key = v.vehicle_key AND b.ts <= $1 AND b.ts > $1 - interval '90 days'
             AND s.id = ${ODOMETER} AND b.ts + s.o * interval '1 millisecond' <= $1
           ORDER BY b.ts DESC, s.o DESC LIMIT 1) o`, [new Date(atMs)])
      return new Map(rows.map((r) => [r.vehicle_key, { atMs: r.ts.getTime(), km: r.value }]))
    },
  }
}
