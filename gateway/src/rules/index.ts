import fp from 'fastify-plugin'
import { createRulesRepository, type RulesRepository } from '../storage/rules.repository.js'
import { createRulesService, type RulesService } from './rules.service.js'
import { DEFAULT_RULES } from './default-rules.js'
import { ruleBacktestRoutes, ruleRoutes } from './routes.js'

export interface Rules {
  readonly service: RulesService
  readonly repo: RulesRepository
  /** Wire id of the signal a rule watches (for evidence windows), if any. */
  signalOf(ruleId: string): number | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    rules: Rules
  }
}

const SNAPSHOT_EVERY_MS = 30_000
const SILENCE_CHECK_EVERY_MS = 30_000

/** Predictive-failure rules: stored documents, streaming evaluation fed by ingest, transitions to alerts. */
export default fp(async (app) => {
  const log = app.log.child({ module: 'rules' })
  const repo = createRulesRepository(app.storage.pool)
  const seeded = await repo.seed(DEFAULT_RULES)
  if (seeded > 0) log.info({ rules: seeded }, 'default rules installed')
  const service = await createRulesService({
    repo,
    log,
    now: Date.now,
    modelOf: (model) => app.models.get(model),
    onTransitions: (vehicle, transitions) => {
      app.alerts.service.applyRuleTransitions(vehicle, transitions)
        .catch((err: unknown) => log.error({ err, vehicleId: vehicle.id }, 'alert update failed'))
    },
  })
  app.alerts.useQuietPeriods((ruleId) => service.quietPeriodMs(ruleId))
  app.vehicles.events.on('presenceChanged', (key, p) => service.updatePresence(key, p.powerState, p.ignitionOn))

  app.decorate('rules', { service, repo, signalOf: (ruleId: string) => service.signalOf(ruleId) })
  await app.register(ruleRoutes)
  await app.register(ruleBacktestRoutes)

  const timers = [
    setInterval(() => void service.saveSnapshots(), SNAPSHOT_EVERY_MS),
    setInterval(() => service.checkSilence(), SILENCE_CHECK_EVERY_MS),
  ]
  for (const t of timers) t.unref()
  app.addHook('preClose', async () => {
    for (const t of timers) clearInterval(t)
  })
  // After ingest has drained (preClose), keep the latest state for the next start.
  app.addHook('onClose', async () => service.saveSnapshots())
}, { name: 'rules', dependencies: ['storage', 'alerts', 'vehicles', 'models'] })
