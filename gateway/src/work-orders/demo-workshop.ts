import type { Principal } from '../api/auth/index.js'
import type { WorkOrdersService } from './work-orders.service.js'

type Move = 'booked' | 'vehicle_arrived' | 'in_repair' | 'completed'

/**
 * The demo fleet's owner and workshop, in-process: the owner (fleet_owner of
 * the demo fleets) books what the gateway proposes, the centre's technician
 * moves the visit along. Same service calls, role checks and audit as over
 * REST; the simulator's workshop agent drives it.
 */
export function demoWorkshopPort(service: WorkOrdersService, fleets: readonly string[]) {
  const owner: Principal = { actor: 'demo:owner', role: 'fleet_owner', tenantId: null, fleets, regions: null }
  const technician: Principal = { actor: 'demo:workshop', role: 'technician', tenantId: null, fleets: null, regions: null }
  const scope = { scopeFleets: fleets, scopeRegions: null, limit: 500 }
  return {
    async open() {
      const [proposed, booked] = await Promise.all([service.repo.list({ ...scope, state: 'proposed' }), service.repo.list({ ...scope, state: 'booked' })])
      return [...proposed, ...booked]
    },
    // The visit names its centre, which scopes the technician: no read of the work order here.
    async move(visit: { id: string; centerId: string }, to: Move, detail?: { cause: string; partsUsed: Array<{ partNumber: string; quantity: number }> }) {
      const r = to === 'booked' ? await service.move(visit.id, { to }, owner, undefined) : await service.move(visit.id, { to, ...detail }, technician, visit.centerId)
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`)
    },
  }
}
