import fp from 'fastify-plugin'
import { createOutboxRelay } from '../common/outbox-relay.js'
import { createIncidentOwnerNoticesRepository, type OwnerNoticeChannel, type PendingOwnerNotice } from '../storage/incident-owner-notices.repository.js'
import { createUsersRepository } from '../storage/users.repository.js'
import { createIncidentsService, type IncidentsService } from './incidents.service.js'
import { ownerMail } from './incident.core.js'
import { incidentRoutes } from './routes.js'

export type { IncidentsService } from './incidents.service.js'

export interface Incidents {
  readonly service: IncidentsService
  readonly ownerNotices: ReturnType<typeof createIncidentOwnerNoticesRepository>
  /** One pass: deliveries due on this instance, resolutions; runs every INCIDENT_TICK_MS unless that is 0. */
  tick(): Promise<void>
  /** Sends the owners' outbox now (tests). */
  drainOwnerNotices(): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    incidents: Incidents
  }
}

/** Event type of incident notices on webhooks. */
export const SAFETY_NOTICE_EVENT = 'safety.notice'

/** Safety incidents: signed notices to affected vehicles, owners told, receipts tracked, completion reported. */
export default fp(async (app) => {
  const log = app.log.child({ module: 'incidents' })
  const { mailer } = app.notify
  const channels: OwnerNoticeChannel[] = mailer === undefined ? ['webhook'] : ['webhook', 'email']
  const ownerNotices = createIncidentOwnerNoticesRepository(app.storage.pool)
  const users = createUsersRepository(app.storage.pool)

  const service = createIncidentsService({
    pool: app.storage.pool,
    log,
    signer: app.ota.signer,
    instanceId: app.cluster.instanceId,
    // The broker is registered after this plugin; it is looked up at send time.
    publish: (vehicleId, payload) => app.broker.publishToVehicle(vehicleId, 'notice', payload),
    audit: (e) => app.audit.record(e),
    quiet: { startMinute: app.config.ota.quietStartMinute, endMinute: app.config.ota.quietEndMinute },
    defaultLanguage: app.config.ota.defaultLanguage,
    resendAfterMs: app.config.incidents.resendAfterMs,
    // E-mail rows are written even without SMTP: they go out once it is configured.
    ownerChannels: ['webhook', 'email'],
    onOwnerNoticesQueued: () => relay.kick(),
    now: Date.now,
  })

  /** One owner notice: the webhook event, or the e-mail in the language most of the fleet's affected vehicles use. */
  async function send (n: PendingOwnerNotice) {
    const incident = await service.repo.get(n.incidentId)
    if (incident === undefined) throw new Error('incident gone')
    const payload = { type: SAFETY_NOTICE_EVENT, incidentId: incident.id, fleet: n.fleet, vehicles: n.vehicles, severity: incident.severity, requiredAction: incident.requiredAction, title: incident.title, message: incident.message, campaignId: incident.campaignId }
    if (n.channel === 'webhook') return { recipients: await app.notify.publish(SAFETY_NOTICE_EVENT, `${incident.id}/${n.fleet}`, payload, n.fleet) }
    if (mailer === undefined) throw new Error('SMTP is not configured')
    const to = await users.ownerEmails(n.fleet)
    if (to.length === 0) throw new Error(`no fleet owner of ${n.fleet} has an e-mail address`)
    const { rows } = await app.storage.pool.query<{ language: string }>(
      'SELECT language FROM incident_vehicles WHERE incident_id = $1 AND fleet = $2 GROUP BY language ORDER BY count(*) DESC, language LIMIT 1', [incident.id, n.fleet])
    const mail = ownerMail(incident, rows[0]?.language ?? 'en', n.fleet, n.vehicles)
    const r = await mailer.send({ to, subject: mail.subject, text: mail.text, eventId: `${incident.id}/${n.fleet}`, language: mail.language })
    return { recipients: r.accepted }
  }

  const relay = createOutboxRelay<PendingOwnerNotice>({
    what: 'incident owner notice',
    log,
    store: {
      claimDue: (limit, leaseMs) => ownerNotices.claimDue(channels, limit, leaseMs),
      markSent: (n, o) => ownerNotices.markSent(n, o.recipients ?? 0),
      markFailed: (n, error, retryInMs) => ownerNotices.markFailed(n, error, retryInMs),
    },
    send,
    attemptsOf: (n) => n.attempts,
    describe: (n) => ({ incidentId: n.incidentId, fleet: n.fleet, channel: n.channel }),
    ...app.notify.relay,
  })

  app.decorate('incidents', { service, ownerNotices, tick: service.tick, drainOwnerNotices: () => relay.drain() })

  // A vehicle coming back (connected, or woken) gets the notices it missed.
  const onReturned = (key: number) => { void service.onVehicleReturned(key) }
  app.vehicles.events.on('vehicleReturned', onReturned)

  let timer: NodeJS.Timeout | undefined
  let ticking = false
  app.addHook('onReady', async () => {
    relay.start()
    if (app.config.incidents.tickMs === 0) return
    timer = setInterval(() => {
      if (ticking) return
      ticking = true
      service.tick().catch((err: unknown) => log.error({ err }, 'incident tick failed')).finally(() => { ticking = false })
    }, app.config.incidents.tickMs)
    timer.unref()
  })
  app.addHook('preClose', async () => {
    clearInterval(timer)
    app.vehicles.events.off('vehicleReturned', onReturned)
    await service.settled()
    await relay.stop()
  })

  await app.register(incidentRoutes)
}, { name: 'incidents', dependencies: ['config', 'storage', 'cluster', 'vehicles', 'audit', 'notify', 'ota'] })
