import type pg from 'pg'
import type { Log } from '../common/log.js'
import { createOutboxRelay, type OutboxRelay, type SendOutcome } from '../common/outbox-relay.js'
import { createOtaNotificationsRepository, type NotificationChannel, type PendingNotification } from '../storage/ota-notifications.repository.js'
import { createUsersRepository } from '../storage/users.repository.js'
import type { Notify } from '../notify/index.js'
import { noticeOf, reminderMail } from './notification-mail.core.js'

/** Event type of reminder notifications on webhooks. */
export const OTA_REMINDER_EVENT = 'ota.reminder'
const UNSENT_CHECK_MS = 60_000

/**
 * The relay behind the fleet-owner outbox (ota_notifications, filled by the
 * reminders in the same transaction that fires them). Each row is leased by
 * one gateway (SKIP LOCKED), retried with backoff and ends `sent` (with the
 * number of recipients) or `dead` (with the last error):
 *  - webhook rows go into the signed webhook outbox, one delivery per webhook
 *    subscribed to `ota.reminder` that may see the vehicle's fleet (each
 *    delivery then has its own retries and dead letter);
 *  - e-mail rows go by SMTP to the fleet owners of the tenant that owns the
 *    fleet. Without SMTP_URL they are not claimed at all: they stay pending
 *    (counted on /metrics, logged once) and go out once SMTP is configured.
 */
export function createNotificationsRelay (d: { pool: pg.Pool, log: Log, notify: Notify }): OutboxRelay & { readonly channels: readonly NotificationChannel[] } {
  const repo = createOtaNotificationsRepository(d.pool)
  const users = createUsersRepository(d.pool)
  const { mailer } = d.notify
  const channels: NotificationChannel[] = mailer === undefined ? ['webhook'] : ['webhook', 'email']
  let warned = false
  let lastCheck = 0

  /** Without SMTP, say once that e-mail notifications are waiting (they are never marked sent). */
  async function warnUnsent (): Promise<void> {
    if (mailer !== undefined || warned || Date.now() - lastCheck < UNSENT_CHECK_MS) return
    lastCheck = Date.now()
    const pending = (await repo.counts()).find((c) => c.channel === 'email' && c.status === 'pending')?.n ?? 0
    if (pending === 0) return
    warned = true
    d.log.warn({ pending }, 'OTA e-mail notifications are waiting: SMTP_URL is not configured')
  }

  async function send (n: PendingNotification): Promise<SendOutcome> {
    if (n.channel === 'webhook') return { recipients: await d.notify.publish(OTA_REMINDER_EVENT, n.key, n.payload, n.fleet) }
    const notice = noticeOf(n.payload)
    if (notice === undefined || mailer === undefined) throw new Error('not an e-mail reminder')
    const to = await users.ownerEmails(n.fleet)
    if (to.length === 0) throw new Error(`no fleet owner of ${n.fleet} has an e-mail address`)
    const mail = reminderMail(notice)
    const r = await mailer.send({ to, subject: mail.subject, text: mail.text, eventId: n.key, language: mail.language })
    return { recipients: r.accepted }
  }

  const relay = createOutboxRelay<PendingNotification>({
    what: 'OTA notification',
    log: d.log,
    store: {
      async claimDue (limit, leaseMs) {
        await warnUnsent()
        return repo.claimDue(channels, limit, leaseMs)
      },
      markSent: (n, o) => repo.markSent(n.key, o.recipients ?? 0),
      markFailed: (n, error, retryInMs) => repo.markFailed(n.key, error, retryInMs),
    },
    send,
    attemptsOf: (n) => n.attempts,
    describe: (n) => ({ notification: n.key, channel: n.channel, fleet: n.fleet }),
    ...d.notify.relay,
  })
  return { ...relay, channels }
}
