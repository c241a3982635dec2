import fp from 'fastify-plugin'
import { createWebhooksRepository, type WebhooksRepository } from '../storage/webhooks.repository.js'
import { exponentialBackoff } from '../common/outbox-relay.js'
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
 * the SMTP mailer. Alerts and OTA reminders both publish through it.
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
  const notify: Notify = {
    webhooks,
    async publish (eventType, eventKey, payload, fleet) {
      const n = await webhooks.enqueue(eventType, eventKey, payload, fleet)
      if (n > 0) dispatcher.kick()
      return n
    },
    mailer,
    relay,
  }
  app.decorate('notify', notify)
  await app.register(webhookRoutes)
  dispatcher.start()
  app.addHook('onClose', async () => {
    await dispatcher.stop()
    await agent.close()
    mailer?.close()
  })
}, { name: 'notify', dependencies: ['config', 'storage', 'audit'] })
