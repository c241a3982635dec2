import type pg from 'pg'
import type { Principal } from '../api/auth/index.js'
import { nextOutsideQuiet } from '../ota/local-time.core.js'
import type { ForecastService } from '../parts/index.js'
import type { Log } from '../common/log.js'
import type { WorkOrdersService } from './work-orders.service.js'

import { REMIND_AHEAD_MS } from '../parts/forecast.service.js'
const SYSTEM: Principal = { actor: 'system:maintenance', role: 'admin', tenantId: null, fleets: null, regions: null }

/**
 * Maintenance reminders: each tick finds vehicles whose scheduled service
 * falls due within two weeks, and — outside the vehicle's quiet hours —
 * proposes a work order at the best nearby centre and tells the owner in
 * the vehicle's language (work-orders' notification). A reminder fires once
 * per vehicle and service cycle: the maintenance_reminders row is claimed
 * first, so two gateways never both send it.
 */
export function createMaintenanceReminders (d: {
  pool: pg.Pool
  forecast: ForecastService
  workOrders: WorkOrdersService
  log: Log
  quietHours: { start: number, end: number }
}) {
  async function tick (nowMs: number): Promise<{ reminded: number, waiting: number }> {
    const due = await d.forecast.dueServices(nowMs, REMIND_AHEAD_MS)
    let reminded = 0
    let waiting = 0
    for (const s of due) {
      const v = await d.workOrders.repo.vehicle(s.vehicleId)
      if (v === undefined) continue
      const q = v.quiet ?? d.quietHours
      if (nextOutsideQuiet(nowMs, v.timeZone, q.start, q.end) !== nowMs) { waiting++; continue }
      const claim = await d.pool.query(
        'INSERT INTO maintenance_reminders (vehicle_key, due_key, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [v.key, s.dueKey, new Date(nowMs)])
      if ((claim.rowCount ?? 0) === 0) continue
      const p = await d.workOrders.proposals({ vehicleId: v.id, faultFamily: 'maintenance' }, SYSTEM, 1)
      const best = p.ok ? p.value.proposals[0] : undefined
      if (best === undefined) {
        d.log.warn({ vehicleId: v.id, reason: p.ok ? 'no centre' : p.error.code }, 'service due but no centre to propose')
        continue
      }
      const wo = await d.workOrders.create({ vehicleId: v.id, faultFamily: 'maintenance', centerId: best.centerId, book: false }, SYSTEM)
      if (wo.ok) {
        await d.pool.query('UPDATE maintenance_reminders SET work_order_id = $3 WHERE vehicle_key = $1 AND due_key = $2', [v.key, s.dueKey, wo.value.id])
        reminded++
      }
    }
    return { reminded, waiting }
  }
  return { tick }
}

export type MaintenanceReminders = ReturnType<typeof createMaintenanceReminders>
