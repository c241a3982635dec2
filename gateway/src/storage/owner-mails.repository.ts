import type { Queryable } from './db.js'
import { createOutboxTable } from './outbox-table.js'

/** A fleet owner's e-mail, claimed for sending. */
export interface PendingOwnerMail {
  readonly key: string
  readonly fleet: string
  readonly language: string
  readonly subject: string
  readonly body: string
  readonly attempts: number
}

/** The outbox behind owners' e-mails about their vehicles (migration 0070). */
export function createOwnerMailsRepository(db: Queryable) {
  const outbox = createOutboxTable(db, { table: 'owner_mails', key: ['mail_key'], done: { status: 'sent', atColumn: 'sent_at' }, recipients: true })
  return {
    /** Idempotent per key: a repeated event writes nothing. Returns whether a row was written. */
    async enqueue(key: string, fleet: string, mail: { language: string; subject: string; body: string }): Promise<boolean> {
      const r = await db.query('INSERT INTO owner_mails (mail_key, fleet, language, subject, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
        key,
        fleet,
        mail.language,
        mail.subject,
        mail.body,
      ])
      return (r.rowCount ?? 0) > 0
    },
    async claimDue(limit: number, leaseMs: number): Promise<PendingOwnerMail[]> {
      const rows = await outbox.claimDue<{ mail_key: string; fleet: string; language: string; subject: string; body: string; attempts: number }>(
        ['mail_key', 'fleet', 'language', 'subject', 'body', 'attempts'],
        limit,
        leaseMs,
      )
      return rows.map((r) => ({ key: r.mail_key, fleet: r.fleet, language: r.language, subject: r.subject, body: r.body, attempts: r.attempts }))
    },
    markSent: (m: PendingOwnerMail, recipients: number) => outbox.markSent([m.key], recipients),
    markFailed: (m: PendingOwnerMail, error: string, retryInMs: number | undefined) => outbox.markFailed([m.key], error, retryInMs),
    /** Rows per status (for /metrics). */
    async counts(): Promise<Array<{ status: string; n: number }>> {
      const { rows } = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM owner_mails GROUP BY 1')
      return rows.map((r) => ({ status: r.status, n: Number(r.n) }))
    },
    async get(key: string): Promise<{ status: string; attempts: number; recipients: number | null; lastError: string | null } | undefined> {
      const { rows } = await db.query<{ status: string; attempts: number; recipients: number | null; last_error: string | null }>(
        'SELECT status, attempts, recipients, last_error FROM owner_mails WHERE mail_key = $1',
        [key],
      )
      const r = rows[0]
      return r === undefined ? undefined : { status: r.status, attempts: r.attempts, recipients: r.recipients, lastError: r.last_error }
    },
  }
}

export type OwnerMailsRepository = ReturnType<typeof createOwnerMailsRepository>
