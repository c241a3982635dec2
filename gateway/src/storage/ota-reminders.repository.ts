import type { Queryable } from './db.js'

export interface ReminderKey { readonly campaignId: string, readonly vehicleKey: number }

export interface NewReminder extends ReminderKey {
  readonly number: number
  readonly dueAtMs: number
  readonly urgent: boolean
}

/** A due reminder with what delivering it needs. */
export interface DueReminder extends NewReminder {
  readonly vehicleId: string
  readonly fleet: string
  readonly timeZone: string
  readonly language: string | null
  readonly quietStartMinute: number | null
  readonly quietEndMinute: number | null
  readonly updateState: string | null
  readonly offerId: string | null
  readonly campaignState: string
  readonly recallDeadlineMs: number | null
  /** The campaign fixes an open critical safety incident: its reminders are not held by quiet hours. */
  readonly safetyCritical: boolean
}

export interface Notification {
  readonly key: string
  readonly channel: 'email' | 'webhook'
  readonly fleet: string
  readonly campaignId: string
  readonly vehicleKey: number
  readonly payload: Record<string, unknown>
  readonly atMs: number
}

export interface VehiclePrefs { readonly language: string, readonly quietStartMinute: number, readonly quietEndMinute: number }

export interface OtaRemindersRepository {
  schedule(rows: readonly NewReminder[]): Promise<void>
  /** Cancels pending reminders of these vehicles' updates (the driver answered). */
  cancelFor(keys: readonly ReminderKey[]): Promise<number>
  /** Number of reminders already fired per update. */
  firedCounts(keys: readonly ReminderKey[]): Promise<Map<string, number>>
  /** Due pending reminders, locked (SKIP LOCKED: each is claimed by one gateway only). */
  claimDue(nowMs: number, limit: number): Promise<DueReminder[]>
  markFired(rows: readonly NewReminder[], atMs: number): Promise<void>
  postpone(row: NewReminder, dueAtMs: number): Promise<void>
  cancel(rows: readonly NewReminder[]): Promise<void>
  /** Fired but not yet on the head unit, for vehicles connected to this gateway; locked, SKIP LOCKED. */
  claimUndelivered(vehicleKeys: readonly number[] | null, limit: number): Promise<DueReminder[]>
  markDelivered(rows: readonly NewReminder[], atMs: number): Promise<void>
  /** Vehicles with fired reminders not yet on the head unit (no lock: a candidate list). */
  undeliveredVehicles(limit: number): Promise<number[]>
  notify(rows: readonly Notification[]): Promise<void>
  reminders(campaignId: string, vehicleKey: number): Promise<Array<NewReminder & { status: string, firedAtMs: number | null, deliveredAtMs: number | null }>>
  setPrefs(vehicleKey: number, p: VehiclePrefs): Promise<void>
  prefs(vehicleKey: number): Promise<VehiclePrefs | undefined>
  languages(vehicleKeys: readonly number[]): Promise<Map<number, string>>
}

interface DueRow {
  campaign_id: string
  vehicle_key: number
  number: number
  due_at: Date
  urgent: boolean
  vehicle_id: string
  fleet: string
  time_zone: string
  language: string | null
  quiet_start_minute: number | null
  quiet_end_minute: number | null
  update_state: string | null
  offer_id: string | null
  campaign_state: string
  safety_critical: boolean
  recall_deadline: Date | null
}

const DUE_SELECT = `SELECT r.campaign_id, r.vehicle_key, r.number, r.due_at, r.urgent, v.vehicle_id, v.fleet, v.time_zone,
    p.language, p.quiet_start_minute, p.quiet_end_minute, u.state AS update_state, u.offer_id, c.state AS campaign_state, c.recall_deadline,
    EXISTS (SELECT 1 FROM incidents i WHERE i.campaign_id = r.campaign_id AND i.state = 'open' AND i.severity = 'critical') AS safety_critical
  FROM ota_reminders r
  JOIN vehicles v ON v.vehicle_key = r.vehicle_key
  JOIN ota_campaigns c ON c.campaign_id = r.campaign_id
  LEFT JOIN ota_vehicle_updates u ON u.campaign_id = r.campaign_id AND u.vehicle_key = r.vehicle_key
  LEFT JOIN ota_vehicle_prefs p ON p.vehicle_key = r.vehicle_key`

const toDue = (r: DueRow): DueReminder => ({
  campaignId: r.campaign_id,
  vehicleKey: r.vehicle_key,
  number: r.number,
  dueAtMs: r.due_at.getTime(),
  urgent: r.urgent,
  vehicleId: r.vehicle_id,
  fleet: r.fleet,
  timeZone: r.time_zone,
  language: r.language,
  quietStartMinute: r.quiet_start_minute,
  quietEndMinute: r.quiet_end_minute,
  updateState: r.update_state,
  offerId: r.offer_id,
  campaignState: r.campaign_state,
  recallDeadlineMs: r.recall_deadline?.getTime() ?? null,
  safetyCritical: r.safety_critical,
})

const keyArrays = (rows: readonly NewReminder[]) => [rows.map((r) => r.campaignId), rows.map((r) => r.vehicleKey), rows.map((r) => r.number)]

export function createOtaRemindersRepository (db: Queryable): OtaRemindersRepository {
  return {
    async schedule (rows) {
      if (rows.length === 0) return
      await db.query(
        `INSERT INTO ota_reminders (campaign_id, vehicle_key, number, due_at, urgent, status)
         SELECT c, k, n, d, u, 'pending' FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::bool[]) AS x(c, k, n, d, u)
         ON CONFLICT DO NOTHING`,
        [...keyArrays(rows), rows.map((r) => new Date(r.dueAtMs)), rows.map((r) => r.urgent)])
    },
    async cancelFor (keys) {
      if (keys.length === 0) return 0
      const r = await db.query(
        `UPDATE ota_reminders SET status = 'cancelled' WHERE status = 'pending'
           AND (campaign_id, vehicle_key) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
        [keys.map((k) => k.campaignId), keys.map((k) => k.vehicleKey)])
      return r.rowCount ?? 0
    },
    async firedCounts (keys) {
      const out = new Map<string, number>()
      if (keys.length === 0) return out
      const { rows } = await db.query<{ campaign_id: string, vehicle_key: number, n: string }>(
        `SELECT campaign_id, vehicle_key, count(*) FILTER (WHERE status = 'fired') AS n FROM ota_reminders
         WHERE (campaign_id, vehicle_key) IN (SELECT * FROM unnest($1::uuid[], $2::int[])) GROUP BY 1, 2`,
        [keys.map((k) => k.campaignId), keys.map((k) => k.vehicleKey)])
      for (const r of rows) out.set(`${r.campaign_id}/${r.vehicle_key}`, Number(r.n))
      return out
    },
    async claimDue (nowMs, limit) {
      const { rows } = await db.query<DueRow>(`${DUE_SELECT} WHERE r.status = 'pending' AND r.due_at <= $1 ORDER BY r.due_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [new Date(nowMs), limit])
      return rows.map(toDue)
    },
    async markFired (rows, atMs) {
      if (rows.length === 0) return
      await db.query(
        `UPDATE ota_reminders r SET status = 'fired', fired_at = $4 FROM unnest($1::uuid[], $2::int[], $3::int[]) AS x(c, k, n)
         WHERE r.campaign_id = x.c AND r.vehicle_key = x.k AND r.number = x.n`, [...keyArrays(rows), new Date(atMs)])
    },
    async postpone (row, dueAtMs) {
      await db.query('UPDATE ota_reminders SET due_at = $4 WHERE campaign_id = $1 AND vehicle_key = $2 AND number = $3',
        [row.campaignId, row.vehicleKey, row.number, new Date(dueAtMs)])
    },
    async cancel (rows) {
      if (rows.length === 0) return
      await db.query(
        `UPDATE ota_reminders r SET status = 'cancelled' FROM unnest($1::uuid[], $2::int[], $3::int[]) AS x(c, k, n)
         WHERE r.campaign_id = x.c AND r.vehicle_key = x.k AND r.number = x.n`, keyArrays(rows))
    },
    async claimUndelivered (vehicleKeys, limit) {
      if (vehicleKeys !== null && vehicleKeys.length === 0) return []
      const { rows } = await db.query<DueRow>(
        `${DUE_SELECT} WHERE r.status = 'fired' AND r.delivered_at IS NULL AND ($1::int[] IS NULL OR r.vehicle_key = ANY($1::int[]))
         ORDER BY r.fired_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`, [vehicleKeys, limit])
      return rows.map(toDue)
    },
    async undeliveredVehicles (limit) {
      const { rows } = await db.query<{ vehicle_key: number }>(
        `SELECT DISTINCT vehicle_key FROM ota_reminders WHERE status = 'fired' AND delivered_at IS NULL LIMIT $1`, [limit])
      return rows.map((r) => r.vehicle_key)
    },
    async markDelivered (rows, atMs) {
      if (rows.length === 0) return
      await db.query(
        `UPDATE ota_reminders r SET delivered_at = $4 FROM unnest($1::uuid[], $2::int[], $3::int[]) AS x(c, k, n)
         WHERE r.campaign_id = x.c AND r.vehicle_key = x.k AND r.number = x.n`, [...keyArrays(rows), new Date(atMs)])
    },
    async notify (rows) {
      if (rows.length === 0) return
      await db.query(
        `INSERT INTO ota_notifications (notification_key, channel, fleet, campaign_id, vehicle_key, payload, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::int[], $6::jsonb[], $7::timestamptz[]) ON CONFLICT DO NOTHING`,
        [rows.map((r) => r.key), rows.map((r) => r.channel), rows.map((r) => r.fleet), rows.map((r) => r.campaignId), rows.map((r) => r.vehicleKey),
          rows.map((r) => JSON.stringify(r.payload)), rows.map((r) => new Date(r.atMs))])
    },
    async reminders (campaignId, vehicleKey) {
      const { rows } = await db.query<{ number: number, due_at: Date, urgent: boolean, status: string, fired_at: Date | null, delivered_at: Date | null }>(
        'SELECT number, due_at, urgent, status, fired_at, delivered_at FROM ota_reminders WHERE campaign_id = $1 AND vehicle_key = $2 ORDER BY number', [campaignId, vehicleKey])
      return rows.map((r) => ({ campaignId, vehicleKey, number: r.number, dueAtMs: r.due_at.getTime(), urgent: r.urgent, status: r.status, firedAtMs: r.fired_at?.getTime() ?? null, deliveredAtMs: r.delivered_at?.getTime() ?? null }))
    },
    async setPrefs (vehicleKey, p) {
      await db.query(
        `INSERT INTO ota_vehicle_prefs (vehicle_key, language, quiet_start_minute, quiet_end_minute) VALUES ($1, $2, $3, $4)
         ON CONFLICT (vehicle_key) DO UPDATE SET language = EXCLUDED.language, quiet_start_minute = EXCLUDED.quiet_start_minute, quiet_end_minute = EXCLUDED.quiet_end_minute`,
        [vehicleKey, p.language, p.quietStartMinute, p.quietEndMinute])
    },
    async languages (vehicleKeys) {
      if (vehicleKeys.length === 0) return new Map()
      const { rows } = await db.query<{ vehicle_key: number, language: string }>('SELECT vehicle_key, language FROM ota_vehicle_prefs WHERE vehicle_key = ANY($1::int[])', [vehicleKeys])
      return new Map(rows.map((r) => [r.vehicle_key, r.language]))
    },
    async prefs (vehicleKey) {
      const { rows } = await db.query<{ language: string, quiet_start_minute: number, quiet_end_minute: number }>(
        'SELECT language, quiet_start_minute, quiet_end_minute FROM ota_vehicle_prefs WHERE vehicle_key = $1', [vehicleKey])
      const r = rows[0]
      return r === undefined ? undefined : { language: r.language, quietStartMinute: r.quiet_start_minute, quietEndMinute: r.quiet_end_minute }
    },
  }
}
