import type { Queryable } from '../storage/db.js'
import type { StockLevel } from '../work-orders/proposals.core.js'

export interface ServiceCenter {
  readonly id: string
  readonly name: string
  readonly country: string
  readonly region: string
  readonly lat: number
  readonly lon: number
  readonly timeZone: string
  readonly languages: readonly string[]
  /** Day (mon…sun) → [["08:00","18:00"], …]; local time of the centre. */
  readonly openingHours: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>
  readonly capabilities: readonly string[]
  readonly baysPerDay: number
}

export interface StockRow {
  readonly centerId: string
  readonly partNumber: string
  readonly onHand: number
  readonly reserved: number
  readonly leadTimeDays: number
}

export interface CountryStock { readonly country: string, readonly partNumber: string, readonly available: number, readonly leadTimeDays: number }

export interface CentersRepository {
  upsert(c: ServiceCenter): Promise<void>
  get(id: string): Promise<ServiceCenter | undefined>
  list(filter: { country?: string | undefined, ids?: readonly string[] | undefined }): Promise<ServiceCenter[]>
  /** Replaces the listed parts' on-hand count and lead time (reservations stay). */
  setStock(centerId: string, rows: ReadonlyArray<{ partNumber: string, onHand: number, leadTimeDays: number }>): Promise<void>
  stock(centerId: string): Promise<StockRow[]>
  /** centre → part → what can still be reserved. */
  stockFor(centerIds: readonly string[], partNumbers: readonly string[]): Promise<Map<string, Map<string, StockLevel>>>
  /** Unreserved stock summed per country and part; lead time = the shortest in the country. */
  stockByCountry(): Promise<CountryStock[]>
  assignTechnician(userId: string, centerId: string): Promise<void>
  centerOfUser(userId: string): Promise<string | undefined>
  roleOfUser(userId: string): Promise<string | undefined>
  /** centre → slot date → bays taken by open work orders from `fromDay` on. */
  bookedBays(centerIds: readonly string[], fromDay: string): Promise<Map<string, Map<string, number>>>
}

interface CenterDbRow {
  center_id: string, name: string, country: string, region: string, lat: number, lon: number, time_zone: string,
  languages: string[], opening_hours: ServiceCenter['openingHours'], capabilities: string[], bays_per_day: number
}
const toCenter = (r: CenterDbRow): ServiceCenter => ({
  id: r.center_id, name: r.name, country: r.country, region: r.region, lat: r.lat, lon: r.lon, timeZone: r.time_zone,
  languages: r.languages, openingHours: r.opening_hours, capabilities: r.capabilities, baysPerDay: r.bays_per_day,
})
const COLS = 'center_id, name, country, region, lat, lon, time_zone, languages, opening_hours, capabilities, bays_per_day'

export function createCentersRepository (db: Queryable): CentersRepository {
  return {
    async upsert (c) {
      await db.query(
        `INSERT INTO service_centers (${COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (center_id) DO UPDATE SET name = $2, country = $3, region = $4, lat = $5, lon = $6, time_zone = $7,
           languages = $8, opening_hours = $9, capabilities = $10, bays_per_day = $11, updated_at = now()`,
        [c.id, c.name, c.country, c.region, c.lat, c.lon, c.timeZone, c.languages, JSON.stringify(c.openingHours), c.capabilities, c.baysPerDay])
    },
    async get (id) {
      const { rows } = await db.query<CenterDbRow>(`SELECT ${COLS} FROM service_centers WHERE center_id = $1`, [id])
      return rows[0] === undefined ? undefined : toCenter(rows[0])
    },
    async list ({ country, ids }) {
      const { rows } = await db.query<CenterDbRow>(
        `SELECT ${COLS} FROM service_centers WHERE ($1::text IS NULL OR country = $1) AND ($2::text[] IS NULL OR center_id = ANY($2)) ORDER BY center_id`,
        [country ?? null, ids ?? null])
      return rows.map(toCenter)
    },
    async setStock (centerId, rows) {
      if (rows.length === 0) return
      await db.query(
        `INSERT INTO part_stock (center_id, part_number, on_hand, lead_time_days)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[])
         ON CONFLICT (center_id, part_number) DO UPDATE SET on_hand = EXCLUDED.on_hand, lead_time_days = EXCLUDED.lead_time_days, updated_at = now()`,
        [centerId, rows.map((r) => r.partNumber), rows.map((r) => r.onHand), rows.map((r) => r.leadTimeDays)])
    },
    async stock (centerId) {
      const { rows } = await db.query<{ part_number: string, on_hand: number, reserved: number, lead_time_days: number }>(
        'SELECT part_number, on_hand, reserved, lead_time_days FROM part_stock WHERE center_id = $1 ORDER BY part_number', [centerId])
      return rows.map((r) => ({ centerId, partNumber: r.part_number, onHand: r.on_hand, reserved: r.reserved, leadTimeDays: r.lead_time_days }))
    },
    async stockFor (centerIds, partNumbers) {
      const out = new Map<string, Map<string, StockLevel>>()
      if (centerIds.length === 0 || partNumbers.length === 0) return out
      const { rows } = await db.query<{ center_id: string, part_number: string, available: number, lead_time_days: number }>(
        `SELECT center_id, part_number, on_hand - reserved AS available, lead_time_days FROM part_stock
         WHERE center_id = ANY($1::text[]) AND part_number = ANY($2::text[])`, [centerIds, partNumbers])
      for (const r of rows) {
        let m = out.get(r.center_id)
        if (m === undefined) out.set(r.center_id, m = new Map())
        m.set(r.part_number, { available: r.available, leadTimeDays: r.lead_time_days })
      }
      return out
    },
    async stockByCountry () {
      const { rows } = await db.query<{ country: string, part_number: string, available: string, lead: number }>(
        `SELECT c.country, s.part_number, sum(s.on_hand - s.reserved) AS available, min(s.lead_time_days) AS lead
         FROM part_stock s JOIN service_centers c USING (center_id) GROUP BY c.country, s.part_number`)
      return rows.map((r) => ({ country: r.country, partNumber: r.part_number, available: Number(r.available), leadTimeDays: r.lead }))
    },
    async assignTechnician (userId, centerId) {
      await db.query(
        `INSERT INTO service_center_staff (user_id, center_id) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET center_id = $2`, [userId, centerId])
    },
    async centerOfUser (userId) {
      const { rows } = await db.query<{ center_id: string }>('SELECT center_id FROM service_center_staff WHERE user_id = $1', [userId])
      return rows[0]?.center_id
    },
    async roleOfUser (userId) {
      const { rows } = await db.query<{ role: string }>('SELECT role FROM users WHERE user_id = $1', [userId])
      return rows[0]?.role
    },
    async bookedBays (centerIds, fromDay) {
      const out = new Map<string, Map<string, number>>()
      if (centerIds.length === 0) return out
      const { rows } = await db.query<{ center_id: string, day: string, n: number }>(
        `SELECT center_id, to_char(slot_date, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM work_orders
         WHERE center_id = ANY($1::text[]) AND slot_date >= $2::date AND state IN ('booked', 'vehicle_arrived', 'in_repair')
         GROUP BY center_id, slot_date`, [centerIds, fromDay])
      for (const r of rows) {
        let m = out.get(r.center_id)
        if (m === undefined) out.set(r.center_id, m = new Map())
        m.set(r.day, r.n)
      }
      return out
    },
  }
}
