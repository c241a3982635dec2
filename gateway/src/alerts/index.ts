import fp from 'fastify-plugin'
import { createAlertsRepository, type AlertsRepository } from '../storage/alerts.repository.js'
import { ALERTS_TOPIC } from '../live/index.js'
import { createAlertsService, type AlertsService } from './alerts.service.js'
import { alertRoutes } from './routes.js'
import { verdictRoutes } from './verdict-routes.js'
import { createAlertVerdictsRepository, type AlertVerdictsRepository } from '../storage/alert-verdicts.repository.js'

export interface Alerts {
  readonly service: AlertsService
  readonly repo: AlertsRepository
  /** Engineers' verdicts on resolved alerts (confirmed precision per rule: GET /kpis/rules). */
  readonly verdicts: AlertVerdictsRepository
  /** The rules plugin (registered after this one, since it feeds alerts) tells the quiet period of each rule. */
  useQuietPeriods(fn: (ruleId: string) => number): void
}

declare module 'fastify' {
  interface FastifyInstance {
    alerts: Alerts
  }
}

const SETTLE_EVERY_MS = 30_000

/** Alert lifecycle, storage, notifications (live channel + signed webhooks through notify/) and the alert API. */
export default fp(async (app) => {
  const log = app.log.child({ module: 'alerts' })
  const repo = createAlertsRepository(app.storage.pool)
  let quietPeriodOf = (_ruleId: string): number => 0
  const service = createAlertsService({
    repo,
    log,
    now: Date.now,
    quietPeriodMs: (ruleId) => quietPeriodOf(ruleId),
    notifier: {
      async notify (n) {
        // Scoped dashboards (fleet owners, regional support) and tenant webhooks get only their vehicles' alerts.
        const scope = await app.vehicles.scopeOf(n.vehicleId)
        app.live.publishEvent(ALERTS_TOPIC, n, { vehicle: scope ?? { fleet: '', region: '' } })
        await app.notify.publish(n.event, n.key, n, scope?.fleet ?? null)
      },
    },
  })
  const alerts: Alerts = { service, repo, verdicts: createAlertVerdictsRepository(app.storage.pool), useQuietPeriods: (fn) => { quietPeriodOf = fn } }
  app.decorate('alerts', alerts)
  await app.register(alertRoutes)
  await app.register(verdictRoutes)

  const settle = setInterval(() => {
    service.settlePending().catch((err: unknown) => log.error({ err }, 'settling auto-resolved alerts failed'))
  }, SETTLE_EVERY_MS)
  settle.unref()
  app.addHook('onClose', async () => {
    clearInterval(settle)
  })
}, { name: 'alerts', dependencies: ['storage', 'live', 'vehicles', 'notify'] })
