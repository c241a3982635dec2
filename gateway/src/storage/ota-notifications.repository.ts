import type { Queryable } from './db.js'
import { createOutboxTable } from './outbox-table.js'

export type NotificationChannel = 'email' | 'webhook'
export type NotificationStatus = 'pending' | 'sent' | 'dead'

/** A row of the fleet-owner outbox (written by ota-reminders.repository notify()) claimed for sending. */
export interface PendingNotification {
  readonly key: string
  readonly channel: NotificationChannel
  readonly fleet: string
  readonly campaignId: string
  readonly vehicleKey: number
  readonly payload: Record<string, unknown>
  readonly attempts: number
}

export interface NotificationRecord extends Omit<PendingNotification, 'attempts'> {
  readonly status: NotificationStatus
  readonly attempts: number
  readonly lastError: string | null
  readonly createdAt: Date
  readonly sentAt: Date | null
  readonly recipients: number | null
}

export interface OtaNotificationsRepository {
  /**
   * Takes up to `limit` due pending rows of these channels and leases them
   * for `leaseMs` (SKIP LOCKED: two gateways never take the same row; a row
   * whose sender died is due again when the lease ends).
   */
  claimDue(channels: readonly NotificationChannel[], limit: number, leaseMs: number): Promise<PendingNotification[]>
  markSent(key: string, recipients: number): Promise<void>
  /** Schedules the next attempt, or marks the row dead (the dead letter) when `retryInMs` is undefined. */
  markFailed(key: string, error: string, retryInMs: number | undefined): Promise<void>
  /** The campaign's rows, only of vehicles inside `scope` when given (null fleets/regions = all). */
  list(campaignId: string, scope?: { readonly fleets: readonly string[] | null, readonly regions: readonly string[] | null }): Promise<NotificationRecord[]>
  /** Rows per channel and status (for /metrics). */
  counts(): Promise<Array<{ channel: NotificationChannel, status: NotificationStatus, n: number }>>
}

interface Row {
  notification_key: string
  channel: NotificationChannel
  fleet: string
  campaign_id: string
  vehicle_key: number
  payload: Record<string, unknown>
  attempts: number
}

const toPending = (r: Row): PendingNotification => ({
  key: r.notification_key, channel: r.channel, fleet: r.fleet, campaignId: r.campaign_id, vehicleKey: r.vehicle_key, payload: r.payload, attempts: r.attempts,
})

export function createOtaNotificationsRepository (db: Queryable): OtaNotificationsRepository {
  const outbox = createOutboxTable(db, { table: 'ota_notifications', key: ['notification_key'], done: { status: 'sent', atColumn: 'sent_at' }, recipients: true })
  return {
    async claimDue (channels, limit, leaseMs) {
      if (channels.length === 0) return []
      const rows = await outbox.claimDue<Row>(['notification_key', 'channel', 'fleet', 'campaign_id', 'vehicle_key', 'payload', 'attempts'], limit, leaseMs, channels)
      return rows.map(toPending)
    },
    markSent: (key, recipients) => outbox.markSent([key], recipients),
    markFailed: (key, error, retryInMs) => outbox.markFailed([key], error, retryInMs),
    async list (campaignId, scope) {
      const { rows } = await db.query<Row & { status: NotificationStatus, last_error: string | null, created_at: Date, sent_at: Date | null, recipients: number | null }>(
        `SELECT notification_key, channel, fleet, campaign_id, vehicle_key, payload, attempts, status, last_error, created_at, sent_at, recipients
         FROM ota_notifications n WHERE campaign_id = $1
           AND (($2::text[] IS NULL AND $3::text[] IS NULL) OR EXISTS (SELECT 1 FROM vehicles v WHERE v.vehicle_key = n.vehicle_key
                AND ($2::text[] IS NULL OR v.fleet = ANY($2)) AND ($3::text[] IS NULL OR v.region = ANY($3))))
         ORDER BY created_at, notification_key`, [campaignId, scope?.fleets ?? null, scope?.regions ?? null])
      return rows.map((r) => ({ ...toPending(r), status: r.status, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at, recipients: r.recipients }))
    },
    async counts () {
      const { rows } = await db.query<{ channel: NotificationChannel, status: NotificationStatus, n: string }>(
        'SELECT channel, status, count(*) AS n FROM ota_notifications GROUP BY 1, 2')
      return rows.map((r) => ({ channel: r.channel, status: r.status, n: Number(r.n) }))
    },
  }
}
