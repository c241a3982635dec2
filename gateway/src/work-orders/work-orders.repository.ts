import { signalId } from '@fleetwire/proto'
import type { Queryable } from '../storage/db.js'
import type { WorkOrderState } from './state.core.js'

const LAT = signalId('Vehicle.CurrentLocation.Latitude')
const LON = signalId('Vehicle.CurrentLocation.Longitude')
const ODOMETER = signalId('Vehicle.TraveledDistance')

export type WorkOrderKind = 'repair' | 'maintenance' | 'recall'

export interface BookedPart {
  readonly partNumber: string
  readonly quantity: number
  /** Units taken from the centre's shelf at booking (the rest arrive after the lead time). */
  readonly reserved: number
  readonly readyAt: string
}

export interface WorkOrder {
  readonly id: string
  readonly vehicleKey: number
  readonly vehicleId: string
  readonly fleet: string
  readonly region: string
  readonly model: string
  readonly centerId: string
  readonly country: string
  readonly kind: WorkOrderKind
  readonly alertId: string | null
  readonly campaignId: string | null
  readonly faultFamily: string
  readonly optionId: string | null
  readonly state: WorkOrderState
  readonly slotDate: string | null
  readonly parts: readonly BookedPart[]
  readonly partsReadyAt: string | null
  readonly partsUsed: ReadonlyArray<{ partNumber: string, quantity: number }> | null
  readonly cause: string | null
  readonly odometerKm: number | null
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly completedAt: string | null
  readonly seq: number
}

export interface WorkOrderEvent { readonly seq: number, readonly from: WorkOrderState | null, readonly to: WorkOrderState, readonly by: string, readonly at: string, readonly note: string | null }

export interface VehicleInfo {
  readonly key: number
  readonly id: string
  readonly model: string
  readonly region: string
  readonly fleet: string
  readonly timeZone: string
  readonly createdAt: number
  readonly lat: number | null
  readonly lon: number | null
  readonly odometerKm: number | null
  readonly language: string | null
  /** The vehicle's own quiet hours (minutes of its local day), when set. */
  readonly quiet: { readonly start: number, readonly end: number } | null
}

export interface WorkOrderFilter {
  readonly centerId?: string | undefined
  readonly vehicleId?: string | undefined
  readonly alertId?: string | undefined
  readonly state?: WorkOrderState | undefined
  readonly scopeFleets: readonly string[] | null
  readonly scopeRegions: readonly string[] | null
  readonly limit: number
}

interface Row {
  work_order_id: string, vehicle_key: number, vehicle_id: string, fleet: string, region: string, model: string, center_id: string, country: string,
  kind: WorkOrderKind, alert_id: string | null, campaign_id: string | null, fault_family: string, option_id: string | null, state: WorkOrderState,
  slot_date: string | null, parts: BookedPart[], parts_ready_at: Date | null, parts_used: WorkOrder['partsUsed'], cause: string | null,
  odometer_km: number | null, created_by: string, created_at: Date, updated_at: Date, completed_at: Date | null, seq: number
}
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString())
const toWorkOrder = (r: Row): WorkOrder => ({
  id: r.work_order_id, vehicleKey: r.vehicle_key, vehicleId: r.vehicle_id, fleet: r.fleet, region: r.region, model: r.model, centerId: r.center_id,
  country: r.country, kind: r.kind, alertId: r.alert_id, campaignId: r.campaign_id, faultFamily: r.fault_family, optionId: r.option_id, state: r.state,
  slotDate: r.slot_date, parts: r.parts, partsReadyAt: iso(r.parts_ready_at), partsUsed: r.parts_used, cause: r.cause, odometerKm: r.odometer_km,
  createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), completedAt: iso(r.completed_at), seq: r.seq,
})
const COLS = `work_order_id, vehicle_key, vehicle_id, fleet, region, model, center_id, country, kind, alert_id, campaign_id, fault_family, option_id, state,
  to_char(slot_date, 'YYYY-MM-DD') AS slot_date, parts, parts_ready_at, parts_used, cause, odometer_km, created_by, created_at, updated_at, completed_at, seq`

export interface WorkOrdersRepository {
  vehicle(vehicleId: string): Promise<VehicleInfo | undefined>
  get(id: string, db?: Queryable, forUpdate?: boolean): Promise<WorkOrder | undefined>
  list(f: WorkOrderFilter): Promise<WorkOrder[]>
  events(id: string): Promise<WorkOrderEvent[]>
  insert(db: Queryable, wo: WorkOrder, events: readonly WorkOrderEvent[]): Promise<void>
  /** Writes the new state and appends its event (the caller holds the row lock). */
  update(db: Queryable, wo: WorkOrder, event: WorkOrderEvent): Promise<void>
  /** Takes `quantity` units off the shelf unless fewer remain: the conditional UPDATE is the race guard. */
  reserve(db: Queryable, centerId: string, partNumber: string, quantity: number): Promise<boolean>
  release(db: Queryable, centerId: string, partNumber: string, quantity: number): Promise<void>
  /** Removes used units from stock: `fromReserved` of them were reserved by this order. False when the shelf is short. */
  consume(db: Queryable, centerId: string, partNumber: string, quantity: number, fromReserved: number): Promise<boolean>
  leadTime(db: Queryable, centerId: string, partNumber: string): Promise<number | undefined>
  /** Locks the centre row (serialises bay counting) and counts its open bookings on `day`. */
  lockCenterDay(db: Queryable, centerId: string, fromDay: string): Promise<{ baysPerDay: number, booked: Map<string, number> } | undefined>
}

export function createWorkOrdersRepository (pool: Queryable): WorkOrdersRepository {
  return {
    async vehicle (vehicleId) {
      const { rows } = await pool.query<{ vehicle_key: number, vehicle_id: string, model: string, region: string, fleet: string, time_zone: string, created_at: Date, lat: number | null, lon: number | null, odo: number | null, language: string | null, qs: number | null, qe: number | null }>(
        `SELECT v.vehicle_key, v.vehicle_id, v.model, v.region, v.fleet, v.time_zone, v.created_at, p.language, p.quiet_start_minute AS qs, p.quiet_end_minute AS qe,
           l.vals[array_position(l.signal_ids, $2::int2)] AS lat,
           l.vals[array_position(l.signal_ids, $3::int2)] AS lon,
           l.vals[array_position(l.signal_ids, $4::int2)] AS odo
         FROM vehicles v LEFT JOIN ota_vehicle_prefs p ON p.vehicle_key = v.vehicle_key
           LEFT JOIN telemetry_latest l ON l.vehicle_key = v.vehicle_key
         WHERE v.vehicle_id = $1`, [vehicleId, LAT, LON, ODOMETER])
      const r = rows[0]
      return r === undefined
        ? undefined
        : { key: r.vehicle_key, id: r.vehicle_id, model: r.model, region: r.region, fleet: r.fleet, timeZone: r.time_zone, createdAt: r.created_at.getTime(), lat: r.lat, lon: r.lon, odometerKm: r.odo, language: r.language, quiet: r.qs === null || r.qe === null ? null : { start: r.qs, end: r.qe } }
    },
    async get (id, db = pool, forUpdate = false) {
      const { rows } = await db.query<Row>(`SELECT ${COLS} FROM work_orders WHERE work_order_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])
      return rows[0] === undefined ? undefined : toWorkOrder(rows[0])
    },
    async list (f) {
      const { rows } = await pool.query<Row>(
        `SELECT ${COLS} FROM work_orders
         WHERE ($1::text IS NULL OR center_id = $1) AND ($2::text IS NULL OR vehicle_id = $2) AND ($3::uuid IS NULL OR alert_id = $3)
           AND ($4::text IS NULL OR state = $4) AND ($5::text[] IS NULL OR fleet = ANY($5)) AND ($6::text[] IS NULL OR region = ANY($6))
         ORDER BY (state IN ('completed', 'cancelled')), slot_date NULLS LAST, created_at DESC LIMIT $7`,
        [f.centerId ?? null, f.vehicleId ?? null, f.alertId ?? null, f.state ?? null, f.scopeFleets, f.scopeRegions, f.limit])
      return rows.map(toWorkOrder)
    },
    async events (id) {
      const { rows } = await pool.query<{ seq: number, from_state: WorkOrderState | null, to_state: WorkOrderState, actor: string, at: Date, note: string | null }>(
        'SELECT seq, from_state, to_state, actor, at, note FROM work_order_events WHERE work_order_id = $1 ORDER BY seq', [id])
      return rows.map((r) => ({ seq: r.seq, from: r.from_state, to: r.to_state, by: r.actor, at: r.at.toISOString(), note: r.note }))
    },
    async insert (db, w, events) {
      await db.query(
        `INSERT INTO work_orders (work_order_id, vehicle_key, vehicle_id, fleet, region, model, center_id, country, kind, alert_id, campaign_id, fault_family,
           option_id, state, slot_date, parts, parts_ready_at, odometer_km, created_by, created_at, updated_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20, $21)`,
        [w.id, w.vehicleKey, w.vehicleId, w.fleet, w.region, w.model, w.centerId, w.country, w.kind, w.alertId, w.campaignId, w.faultFamily, w.optionId,
          w.state, w.slotDate, JSON.stringify(w.parts), w.partsReadyAt, w.odometerKm, w.createdBy, w.createdAt, w.seq])
      for (const e of events) await appendEvent(db, w.id, e)
    },
    async update (db, w, e) {
      await db.query(
        `UPDATE work_orders SET state = $2, slot_date = $3, parts = $4, parts_ready_at = $5, parts_used = $6, cause = $7, completed_at = $8, updated_at = $9, seq = $10
         WHERE work_order_id = $1`,
        [w.id, w.state, w.slotDate, JSON.stringify(w.parts), w.partsReadyAt, w.partsUsed === null ? null : JSON.stringify(w.partsUsed), w.cause, w.completedAt, w.updatedAt, w.seq])
      await appendEvent(db, w.id, e)
    },
    async reserve (db, centerId, partNumber, quantity) {
      const r = await db.query(
        'UPDATE part_stock SET reserved = reserved + $3, updated_at = now() WHERE center_id = $1 AND part_number = $2 AND on_hand - reserved >= $3',
        [centerId, partNumber, quantity])
      return (r.rowCount ?? 0) === 1
    },
    async release (db, centerId, partNumber, quantity) {
      await db.query('UPDATE part_stock SET reserved = greatest(0, reserved - $3), updated_at = now() WHERE center_id = $1 AND part_number = $2', [centerId, partNumber, quantity])
    },
    async consume (db, centerId, partNumber, quantity, fromReserved) {
      // Units beyond the reservation must be free on the shelf (on_hand - reserved); reserved ones are already set aside.
      const r = await db.query(
        `UPDATE part_stock SET on_hand = on_hand - $3, reserved = reserved - $4, updated_at = now()
         WHERE center_id = $1 AND part_number = $2 AND reserved >= $4 AND on_hand - reserved >= $3 - $4`,
        [centerId, partNumber, quantity, fromReserved])
      return (r.rowCount ?? 0) === 1
    },
    async leadTime (db, centerId, partNumber) {
      const { rows } = await db.query<{ lead_time_days: number }>('SELECT lead_time_days FROM part_stock WHERE center_id = $1 AND part_number = $2', [centerId, partNumber])
      return rows[0]?.lead_time_days
    },
    async lockCenterDay (db, centerId, fromDay) {
      const { rows } = await db.query<{ bays_per_day: number }>('SELECT bays_per_day FROM service_centers WHERE center_id = $1 FOR UPDATE', [centerId])
      if (rows[0] === undefined) return undefined
      const b = await db.query<{ day: string, n: number }>(
        `SELECT to_char(slot_date, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM work_orders
         WHERE center_id = $1 AND slot_date >= $2::date AND state IN ('booked', 'vehicle_arrived', 'in_repair') GROUP BY slot_date`, [centerId, fromDay])
      return { baysPerDay: rows[0].bays_per_day, booked: new Map(b.rows.map((r) => [r.day, r.n])) }
    },
  }
}

async function appendEvent (db: Queryable, id: string, e: WorkOrderEvent): Promise<void> {
  await db.query('INSERT INTO work_order_events (work_order_id, seq, from_state, to_state, actor, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, e.seq, e.from, e.to, e.by, e.at, e.note])
}
