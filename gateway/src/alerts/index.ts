import fp from 'fastify-plugin'
import { createAlertsRepository, type AlertsRepository } from '../storage/alerts.repository.js'
import { createWebhooksRepository, type WebhooksRepository } from '../storage/webhooks.repository.js'
import { ALERTS_TOPIC } from '../live/index.js'
import { createAlertsService, type AlertsService } from './alerts.service.js'
import { createWebhookDispatcher } from './adapters/webhook.js'
import { alertRoutes } from './routes.js'

export interface Alerts {
  readonly service: AlertsService
  readonly repo: AlertsRepository
  readonly webhooks: WebhooksRepository
  /** The rules plugin (registered after this one, since it feeds alerts) tells the quiet period of each rule. */
  useQuietPeriods(fn: (ruleId: string) => number): void
}

declare module 'fastify' {
  interface FastifyInstance {
    alerts: Alerts
  }
}

const SETTLE_EVERY_MS = 30_000

/** Alert lifecycle, storage, notifications (live channel + signed webhooks) and the alert API. */
export default fp(async (app) => {
  const log = app.log.child({ module: 'alerts' })
  const repo = createAlertsRepository(app.storage.pool)
  const webhooks = createWebhooksRepository(app.storage.pool)
  const dispatcher = createWebhookDispatcher({
    repo: webhooks,
    log,
    maxAttempts: 6,
    backoffMs: (attempts) => Math.min(60_000, 1000 * 2 ** (attempts - 1)),
    pollMs: 1000,
    timeoutMs: 5000,
    now: Date.now,
  })
  let quietPeriodOf = (_ruleId: string): number => 0
  const service = createAlertsService({
    repo,
    log,
    now: Date.now,
    quietPeriodMs: (ruleId) => quietPeriodOf(ruleId),
    notifier: {
      async notify (n) {
        // Scoped dashboards (fleet owners, regional support) get only their vehicles' alerts.
        const scope = await app.vehicles.scopeOf(n.vehicleId)
        app.live.publishEvent(ALERTS_TOPIC, n, { vehicle: scope ?? { fleet: '', region: '' } })
        if (await webhooks.enqueue(n.event, n.key, n) > 0) dispatcher.kick()
      },
    },
  })
  const alerts: Alerts = { service, repo, webhooks, useQuietPeriods: (fn) => { quietPeriodOf = fn } }
  app.decorate('alerts', alerts)
  await app.register(alertRoutes)

  dispatcher.start()
  const settle = setInterval(() => {
    service.settlePending().catch((err: unknown) => log.error({ err }, 'settling auto-resolved alerts failed'))
  }, SETTLE_EVERY_MS)
  settle.unref()
  app.addHook('onClose', async () => {
    clearInterval(settle)
    await dispatcher.stop()
  })
}, { name: 'alerts', dependencies: ['storage', 'live', 'vehicles'] })
