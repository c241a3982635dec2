import fp from 'fastify-plugin'
import { campaignTopic } from '../live/topics.js'
import { createArtifactStore } from './adapters/artifact-store.js'
import { createSharedArtifactStore } from './adapters/shared-artifact-store.js'
import { createArtifactsService, type ArtifactsService } from './artifacts.service.js'
import { createCampaignsService, type CampaignsService } from './campaigns.service.js'
import { createReportsService, type OtaStatusMessage, type ReportOutcome, type ReportsService } from './reports.service.js'
import { createScheduler, type Scheduler } from './scheduler.service.js'
import { createNotificationsRelay } from './notifications.service.js'
import { createOtaNotificationsRepository } from '../storage/ota-notifications.repository.js'
import { createOtaUpdatesRepository } from '../storage/ota-updates.repository.js'
import { isUnrestricted } from '../api/auth/index.js'
import { progressOf, type Progress } from './views.js'
import { loadSigner, type OtaSigner } from './signer.js'
import type { OtaContext } from './context.js'
import type { Result } from '../common/result.js'
import { otaRoutes } from './routes.js'
import { ownerRoutes } from './owner.routes.js'

export type { OtaStatusMessage, ReportOutcome } from './reports.service.js'
export type { UpdateState } from './rollout.core.js'

export interface Ota {
  readonly signer: OtaSigner
  readonly artifacts: ArtifactsService
  readonly campaigns: CampaignsService
  /** A vehicle's OtaStatus (from ingest/handlers/ota-status.ts); resolves once recorded. */
  report(vehicle: { id: string, key: number }, status: OtaStatusMessage): Promise<Result<ReportOutcome, string>>
  /** One scheduler pass (offers, timeouts, retries, waves, reminders); runs every OTA_TICK_MS unless that is 0. Fired reminders then go to the fleet-owner outbox relay. */
  tick(): Promise<void>
  /** Replaces the clock (tests and simulations drive reminders and timeouts with it). */
  useClock(now: () => number): void
  readonly stats: { readonly reports: ReportsService['stats'], readonly scheduler: Scheduler['stats'] }
}

declare module 'fastify' {
  interface FastifyInstance {
    ota: Ota
  }
}

/** OTA updates: signed offers, campaigns in waves, consent, per-vehicle state machine, reminders. */
export default fp(async (app) => {
  const config = app.config.ota
  const log = app.log.child({ module: 'ota' })
  const signer = await loadSigner(config.signingKey, app.config.db.dataDir, log)
  const clock = { now: Date.now }
  const ctx: OtaContext = {
    pool: app.storage.pool,
    config,
    log,
    clock,
    signer,
    reminderPolicy: { scheduleS: config.reminderScheduleS, urgentScheduleS: config.reminderUrgentScheduleS, maxCount: config.reminderMax },
    // The broker is registered after ingest (which needs app.ota), so it is looked up at send time.
    publish: (vehicleId, channel, payload) => app.broker.publishToVehicle(vehicleId, channel, payload),
    presence: (key) => ({ connected: app.vehicles.isConnected(key), powerState: app.vehicles.presenceOf(key).powerState }),
    baseUrl: () => {
      if (config.publicUrl !== undefined) return config.publicUrl.replace(/\/$/, '')
      const a = app.server.address()
      const port = typeof a === 'object' && a !== null ? a.port : app.config.http.port
      const host = app.config.http.host === '0.0.0.0' || app.config.http.host === '::' ? '127.0.0.1' : app.config.http.host
      return `http://${host}:${port}`
    },
    dirty: new Set(),
    lastCancelAtMs: 0,
  }
  const reports = createReportsService(ctx)
  const updates = createOtaUpdatesRepository(app.storage.pool)
  const scheduler = createScheduler(ctx, (c, whole) => {
    const topic = campaignTopic(c.id)
    const event = (p: Progress) => ({ type: 'campaign', id: c.id, state: c.state, currentWave: c.currentWave + 1, counts: p.byState, byWave: p.byWave })
    app.live.publishEvent(topic, event(whole))
    // A scoped subscriber sees the campaign through its own vehicles only, as in GET /ota/campaigns/:id.
    for (const { scopeKey, scope } of app.live.subscriberScopes(topic)) {
      if (isUnrestricted(scope)) continue
      progressOf(updates, c, scope).then(
        (p) => app.live.publishEvent(topic, event(p), { scopeKey }),
        (err: unknown) => log.warn({ err, campaignId: c.id }, 'scoped campaign progress failed'))
    }
  })
  const notifications = createNotificationsRelay({ pool: app.storage.pool, log, notify: app.notify })
  app.metrics.probes.otaNotifications = () => createOtaNotificationsRepository(app.storage.pool).counts()
  app.metrics.probes.smtpConfigured = () => app.notify.mailer !== undefined
  const ota: Ota = {
    signer,
    // A cluster shares artifacts through PostgreSQL large objects; each instance's directory caches them.
    artifacts: createArtifactsService(ctx, app.cluster.enabled
      ? createSharedArtifactStore(createArtifactStore(config.artifactDir), config.artifactDir, app.storage.pool)
      : createArtifactStore(config.artifactDir)),
    campaigns: createCampaignsService(ctx, { invalidate: reports.invalidate, revoke: scheduler.revoke }),
    report: (vehicle, status) => reports.report(vehicle, status),
    // Reminders fired by a pass leave through the fleet-owner outbox right after it.
    tick: () => scheduler.tick().finally(() => notifications.kick()),
    useClock: (now) => { clock.now = now },
    stats: { reports: reports.stats, scheduler: scheduler.stats },
  }
  app.decorate('ota', ota)

  // Reminders fired while a vehicle was away reach its head unit when it is back: on its return,
  // not on every awake ↔ driving change (a fleet in motion sends many of those).
  const onReturned = (key: number) => {
    scheduler.deliverPending(key).catch((err: unknown) => log.error({ err }, 'reminder delivery failed'))
  }
  app.vehicles.events.on('vehicleReturned', onReturned)

  let timer: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    notifications.start()
    if (config.tickMs === 0) return
    timer = setInterval(() => {
      if (scheduler.busy) return
      ota.tick().catch((err: unknown) => log.error({ err }, 'OTA scheduler tick failed'))
    }, config.tickMs)
    timer.unref()
  })
  app.addHook('preClose', async () => {
    clearInterval(timer)
    app.vehicles.events.off('vehicleReturned', onReturned)
    await scheduler.tick().catch(() => undefined)
    await notifications.stop()
  })

  await app.register(async (child) => {
    await child.register(otaRoutes)
    await child.register(ownerRoutes)
  })
}, { name: 'ota', dependencies: ['config', 'storage', 'cluster', 'vehicles', 'live', 'audit', 'notify', 'metrics'] })
