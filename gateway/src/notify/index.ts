import fp from 'fastify-plugin'
import { createWebhooksRepository, type WebhooksRepository } from '../storage/webhooks.repository.js'
import { createOutboxRelay, exponentialBackoff } from '../common/outbox-relay.js'
import { createOwnerMailsRepository, type OwnerMailsRepository, type PendingOwnerMail } from '../storage/owner-mails.repository.js'
import { createUsersRepository } from '../storage/users.repository.js'
import { createWebhookDispatcher } from './adapters/webhook.js'
import { createGuardedAgent } from './adapters/guarded-agent.js'
import { createSmtpMailer, type Mailer } from './adapters/email.js'
import { webhookRoutes } from './routes.js'

export type { Mail, Mailer } from './adapters/email.js'

export interface Notify {
  readonly webhooks: WebhooksRepository
  /**
   * Puts one event into the webhook outbox for every subscribed webhook that
   * may see `fleet` (admin webhooks: every fleet; a tenant's: its own) and
   * starts delivering at once. Idempotent per event key.
   */
  publish(eventType: string, eventKey: string, payload: unknown, fleet: string | null): Promise<number>
  /**
   * Puts one e-mail to the fleet's owners (every fleet_owner of `fleet` with
   * an address) into the owner-mail outbox; idempotent per key. Written even
   * without SMTP: it goes out once SMTP_URL is configured.
   */
  mailOwners(fleet: string, key: string, mail: { language: string, subject: string, body: string }): Promise<void>
  readonly ownerMails: OwnerMailsRepository
  /** undefined when SMTP_URL is not configured. */
  readonly mailer: Mailer | undefined
  /** The retry policy every outbox relay shares (NOTIFY_*). */
  readonly relay: { readonly maxAttempts: number, readonly backoffMs: (attempts: number) => number, readonly pollMs: number }
}

declare module 'fastify' {
  interface FastifyInstance {
    notify: Notify
  }
}

/**
 * Outbound notifications: signed webhooks (durable outbox, retries with
 * backoff, dead letter; scoped to a tenant's fleets for fleet owners) and
 * the SMTP mailer with the owners' e-mail outbox. Alerts, OTA reminders and
 * work orders publish through it.
 */
export default fp(async (app) => {
  const config = app.config.notify
  const log = app.log.child({ module: 'notify' })
  const webhooks = createWebhooksRepository(app.storage.pool)
  const relay = { maxAttempts: config.maxAttempts, backoffMs: exponentialBackoff(config.retryBaseMs, config.retryMaxMs), pollMs: config.pollMs }
  // Every webhook connection goes through the address check (SSRF): no loopback, private, metadata, … unless allowed.
  const agent = createGuardedAgent({ allowed: config.webhookAllowedNetworks, connectTimeoutMs: 5000 })
  const dispatcher = createWebhookDispatcher({ repo: webhooks, log, ...relay, timeoutMs: 5000, now: Date.now, dispatcher: agent, allowHttpForTenants: config.webhookAllowHttp })
  const mailer = config.smtp === undefined ? undefined : createSmtpMailer(config.smtp)
  const ownerMails = createOwnerMailsRepository(app.storage.pool)
  const users = createUsersRepository(app.storage.pool)
  const ownerMailRelay = mailer === undefined
    ? undefined
    : createOutboxRelay<PendingOwnerMail>({
      what: 'owner e-mail',
      log,
      store: {
        claimDue: (limit, leaseMs) => ownerMails.claimDue(limit, leaseMs),
        markSent: (m, o) => ownerMails.markSent(m, o.recipients ?? 0),
        markFailed: (m, error, retryInMs) => ownerMails.markFailed(m, error, retryInMs),
      },
      async send (m) {
        const to = await users.ownerEmails(m.fleet)
        if (to.length === 0) throw new Error(`no fleet owner of ${m.fleet} has an e-mail address`)
        const r = await mailer.send({ to, subject: m.subject, text: m.body, eventId: m.key, language: m.language })
        return { recipients: r.accepted }
      },
      attemptsOf: (m) => m.attempts,
      describe: (m) => ({ mailKey: m.key, fleet: m.fleet }),
      ...relay,
    })
  const notify: Notify = {
    webhooks,
    async publish (eventType, eventKey, payload, fleet) {
      const n = await webhooks.enqueue(eventType, eventKey, payload, fleet)
      if (n > 0) dispatcher.kick()
      return n
    },
    async mailOwners (fleet, key, mail) {
      if (await ownerMails.enqueue(key, fleet, mail)) ownerMailRelay?.kick()
    },
    ownerMails,
    mailer,
    relay,
  }
  app.decorate('notify', notify)
  app.metrics.probes.ownerMails = () => ownerMails.counts()
  await app.register(webhookRoutes)
  dispatcher.start()
  ownerMailRelay?.start()
  app.addHook('onClose', async () => {
    await dispatcher.stop()
    await ownerMailRelay?.stop()
    await agent.close()
    mailer?.close()
  })
}, { name: 'notify', dependencies: ['config', 'storage', 'audit', 'metrics'] })
