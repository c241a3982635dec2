import fp from 'fastify-plugin'
import { createWorkOrdersRepository } from './work-orders.repository.js'
import { createWorkOrdersService, type WorkOrdersService } from './work-orders.service.js'
import { createMaintenanceReminders, type MaintenanceReminders } from './maintenance.service.js'
import { workOrderRoutes } from './routes.js'

export type { WorkOrder } from './work-orders.repository.js'
export type { WorkOrdersService } from './work-orders.service.js'

export interface WorkOrders {
  readonly service: WorkOrdersService
  readonly maintenance: MaintenanceReminders
}

declare module 'fastify' {
  interface FastifyInstance {
    workOrders: WorkOrders
  }
}

/** Owner notifications about work orders: the signed webhook outbox (event types service.*) and the owners' e-mail outbox. */
export const SERVICE_EVENT_PREFIX = 'service.'
const MAINTENANCE_TICK_MS = 3_600_000

/**
 * From a predicted failure (or a recall vehicle, or a due service) to a
 * booked repair: proposals, booking with parts reserved, the workshop steps,
 * completion (stock decremented, alert resolved), maintenance reminders.
 */
export default fp(async (app) => {
  const log = app.log.child({ module: 'work-orders' })
  const repo = createWorkOrdersRepository(app.storage.pool)
  const service = createWorkOrdersService({
    pool: app.storage.pool,
    repo,
    centers: app.serviceNetwork.centers,
    catalogue: app.parts.catalogue,
    alerts: {
      async get (id) {
        const r = await app.alerts.repo.get(id)
        return r === undefined ? undefined : { vehicleId: r.vehicleId, ruleId: r.alert.ruleId, state: r.alert.state, fleet: r.fleet, region: r.region }
      },
    },
    // The repair's verdict feeds the rule's confirmed precision (GET /kpis/rules), as an engineer's would.
    async closeAlert (alertId, by, note, verdict) {
      const r = await app.alerts.service.resolve(alertId, by, note)
      if (!r.ok && r.error.code !== 'GW_ALERT_INVALID_TRANSITION') log.warn({ alertId, code: r.error.code }, 'alert not resolved after repair')
      await app.alerts.verdicts.record(alertId, verdict, by, Date.now())
    },
    // The owner is told twice over: a signed webhook event and an e-mail, each through its durable outbox.
    async notifyOwner (wo, kind, message) {
      const key = `work-order:${wo.id}:${wo.seq}`
      await app.notify.publish(`${SERVICE_EVENT_PREFIX}${kind.replace('_', '-')}`, key, {
        workOrderId: wo.id, vehicleId: wo.vehicleId, centerId: wo.centerId, state: wo.state, slotDate: wo.slotDate, kind: wo.kind, alertId: wo.alertId, language: message.language, text: message.text,
      }, wo.fleet)
      await app.notify.mailOwners(wo.fleet, key, { language: message.language, subject: message.subject, body: message.text })
    },
    async audit (actor, action, wo, detail) {
      await app.audit.record({ actor, action, target: `work_order:${wo.id}`, detail: { vehicleId: wo.vehicleId, centerId: wo.centerId, state: wo.state, detail } })
    },
    log,
    now: Date.now,
  })
  const maintenance = createMaintenanceReminders({
    pool: app.storage.pool, forecast: app.parts.forecast, workOrders: service, log,
    quietHours: { start: app.config.ota.quietStartMinute, end: app.config.ota.quietEndMinute },
  })
  app.decorate('workOrders', { service, maintenance })
  await app.register(workOrderRoutes)

  const timer = setInterval(() => {
    maintenance.tick(Date.now()).catch((err: unknown) => log.error({ err }, 'maintenance reminders failed'))
  }, MAINTENANCE_TICK_MS)
  timer.unref()
  app.addHook('onClose', async () => { clearInterval(timer) })
}, { name: 'work-orders', dependencies: ['storage', 'service-network', 'parts', 'alerts', 'notify', 'audit'] })
