import type { Queryable } from './db.js'
import { createOutboxTable } from './outbox-table.js'

export type OwnerNoticeChannel = 'email' | 'webhook'

/** A row of the incidents' fleet-owner outbox, claimed for sending. */
export interface PendingOwnerNotice {
  readonly incidentId: string
  readonly fleet: string
  readonly channel: OwnerNoticeChannel
  readonly vehicles: number
  readonly attempts: number
}

const keyOf = (n: PendingOwnerNotice) => [n.incidentId, n.fleet, n.channel]

/** The outbox behind owners' e-mails and webhook events about an incident (leased SKIP LOCKED, retried, dead-lettered). */
export function createIncidentOwnerNoticesRepository (db: Queryable) {
  const outbox = createOutboxTable(db, { table: 'incident_owner_notices', key: ['incident_id', 'fleet', 'channel'], done: { status: 'sent', atColumn: 'sent_at' }, recipients: true })
  return {
    async claimDue (channels: readonly OwnerNoticeChannel[], limit: number, leaseMs: number): Promise<PendingOwnerNotice[]> {
      if (channels.length === 0) return []
      const rows = await outbox.claimDue<{ incident_id: string, fleet: string, channel: OwnerNoticeChannel, vehicles: number, attempts: number }>(
        ['incident_id', 'fleet', 'channel', 'vehicles', 'attempts'], limit, leaseMs, channels)
      return rows.map((r) => ({ incidentId: r.incident_id, fleet: r.fleet, channel: r.channel, vehicles: r.vehicles, attempts: r.attempts }))
    },
    markSent: (n: PendingOwnerNotice, recipients: number) => outbox.markSent(keyOf(n), recipients),
    markFailed: (n: PendingOwnerNotice, error: string, retryInMs: number | undefined) => outbox.markFailed(keyOf(n), error, retryInMs),
    /** The incident's owner notices (for its page and report). */
    async list (incidentId: string, fleets: readonly string[] | null): Promise<Array<{ fleet: string, channel: OwnerNoticeChannel, vehicles: number, status: string, attempts: number, lastError: string | null, sentAt: Date | null, recipients: number | null }>> {
      const { rows } = await db.query<{ fleet: string, channel: OwnerNoticeChannel, vehicles: number, status: string, attempts: number, last_error: string | null, sent_at: Date | null, recipients: number | null }>(
        `SELECT fleet, channel, vehicles, status, attempts, last_error, sent_at, recipients FROM incident_owner_notices
         WHERE incident_id = $1 AND ($2::text[] IS NULL OR fleet = ANY($2)) ORDER BY fleet, channel`, [incidentId, fleets])
      return rows.map((r) => ({ fleet: r.fleet, channel: r.channel, vehicles: r.vehicles, status: r.status, attempts: r.attempts, lastError: r.last_error, sentAt: r.sent_at, recipients: r.recipients }))
    },
  }
}
