import type { Queryable } from './db.js'

export type OwnerNoticeChannel = 'email' | 'webhook'

/** A row of the incidents' fleet-owner outbox, claimed for sending. */
export interface PendingOwnerNotice {
  readonly incidentId: string
  readonly fleet: string
  readonly channel: OwnerNoticeChannel
  readonly vehicles: number
  readonly attempts: number
}

const KEY = 'incident_id = $1 AND fleet = $2 AND channel = $3'
const keyOf = (n: PendingOwnerNotice) => [n.incidentId, n.fleet, n.channel]

/** The outbox behind owners' e-mails and webhook events about an incident (leased SKIP LOCKED, retried, dead-lettered). */
export function createIncidentOwnerNoticesRepository (db: Queryable) {
  return {
    async claimDue (channels: readonly OwnerNoticeChannel[], limit: number, leaseMs: number): Promise<PendingOwnerNotice[]> {
      if (channels.length === 0) return []
      const { rows } = await db.query<{ incident_id: string, fleet: string, channel: OwnerNoticeChannel, vehicles: number, attempts: number }>(
        `WITH due AS (
           SELECT incident_id, fleet, channel FROM incident_owner_notices
           WHERE status = 'pending' AND channel = ANY($1::text[]) AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE incident_owner_notices n SET next_attempt_at = now() + make_interval(secs => $3 / 1000.0)
         FROM due WHERE (n.incident_id, n.fleet, n.channel) = (due.incident_id, due.fleet, due.channel)
         RETURNING n.incident_id, n.fleet, n.channel, n.vehicles, n.attempts`, [channels, limit, leaseMs])
      return rows.map((r) => ({ incidentId: r.incident_id, fleet: r.fleet, channel: r.channel, vehicles: r.vehicles, attempts: r.attempts }))
    },
    async markSent (n: PendingOwnerNotice, recipients: number): Promise<void> {
      await db.query(`UPDATE incident_owner_notices SET status = 'sent', attempts = attempts + 1, sent_at = now(), recipients = $4, last_error = NULL WHERE ${KEY}`, [...keyOf(n), recipients])
    },
    async markFailed (n: PendingOwnerNotice, error: string, retryInMs: number | undefined): Promise<void> {
      await db.query(`UPDATE incident_owner_notices SET attempts = attempts + 1, last_error = $4,
          status = CASE WHEN $5::float8 IS NULL THEN 'dead' ELSE 'pending' END,
          next_attempt_at = CASE WHEN $5::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $5 / 1000.0) END
        WHERE ${KEY}`, [...keyOf(n), error.slice(0, 500), retryInMs ?? null])
    },
    /** The incident's owner notices (for its page and report). */
    async list (incidentId: string, fleets: readonly string[] | null): Promise<Array<{ fleet: string, channel: OwnerNoticeChannel, vehicles: number, status: string, attempts: number, lastError: string | null, sentAt: Date | null, recipients: number | null }>> {
      const { rows } = await db.query<{ fleet: string, channel: OwnerNoticeChannel, vehicles: number, status: string, attempts: number, last_error: string | null, sent_at: Date | null, recipients: number | null }>(
        `SELECT fleet, channel, vehicles, status, attempts, last_error, sent_at, recipients FROM incident_owner_notices
         WHERE incident_id = $1 AND ($2::text[] IS NULL OR fleet = ANY($2)) ORDER BY fleet, channel`, [incidentId, fleets])
      return rows.map((r) => ({ fleet: r.fleet, channel: r.channel, vehicles: r.vehicles, status: r.status, attempts: r.attempts, lastError: r.last_error, sentAt: r.sent_at, recipients: r.recipients }))
    },
  }
}
