import fp from 'fastify-plugin'
import { createPrivacyRepository } from '../storage/privacy.repository.js'
import { createPrivacyService, type PrivacyService } from './privacy.service.js'
import { privacyRoutes } from './routes.js'

export type { PrivacyService, RetentionReport } from './privacy.service.js'
export { policyFor, reducePosition } from './policy.core.js'

declare module 'fastify' {
  interface FastifyInstance {
    privacy: PrivacyService
  }
}

const RETENTION_EVERY_MS = 3_600_000
const FIRST_RETENTION_AFTER_MS = 90_000

/** Data protection per market: retention job, export and erasure (README: "Security and data protection"). */
export default fp(async (app) => {
  const log = app.log.child({ module: 'privacy' })
  const service = createPrivacyService({
    repo: createPrivacyRepository(app.storage.pool, { timescale: app.storage.timescale, ddl: app.storage.ownerPool }),
    policy: app.config.dataPolicy,
    redactAudit: (cutoffs) => app.audit.repo.redact(cutoffs),
    log,
  })
  app.decorate('privacy', service)
  await app.register(privacyRoutes)

  let running: Promise<unknown> | undefined
  const run = () => {
    if (running !== undefined) return
    running = service.applyRetention(Date.now())
      .then(async (r) => {
        if (r.telemetry + r.positions + r.presenceEvents + r.auditRedacted > 0) await app.audit.record({ actor: 'system:retention', action: 'privacy.retention', target: 'all', detail: { ...r } })
      })
      .catch((err: unknown) => log.error({ err }, 'retention run failed'))
      .finally(() => { running = undefined })
  }
  const timers = [setTimeout(run, FIRST_RETENTION_AFTER_MS).unref(), setInterval(run, RETENTION_EVERY_MS).unref()]
  app.addHook('onClose', async () => {
    for (const t of timers) clearTimeout(t)
    await running
  })
}, { name: 'privacy', dependencies: ['config', 'storage', 'audit', 'vehicles'] })
