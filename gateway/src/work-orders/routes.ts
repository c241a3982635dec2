import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { scopeOfRequest } from '../api/auth/index.js'
import type { WorkOrder } from './work-orders.repository.js'
import { CreateBody, ErrorBody, ListQuery, ProposalView, TargetBody, TransitionBody, WorkOrderIdParam, WorkOrderView } from './schemas.js'

const BOOKERS = { access: ['admin', 'support', 'fleet_owner'] as const }
const READERS = { access: ['admin', 'support', 'fleet_owner', 'technician'] as const }
const MOVERS = { access: ['admin', 'support', 'fleet_owner', 'technician'] as const }

const view = ({ vehicleKey: _k, seq: _s, ...w }: WorkOrder) => ({ ...w, parts: w.parts.map((p) => ({ ...p })), partsUsed: w.partsUsed === null ? null : w.partsUsed.map((p) => ({ ...p })) })

/**
 * Work orders: proposals, booking (parts reserved), the workshop steps and
 * completion. Scope: technicians see their centre's orders only, fleet
 * owners their fleets', support engineers their regions'; the rest is 404.
 */
export const workOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['work orders']
  const svc = app.workOrders.service
  const techCenter = async (req: { principal: import('../api/auth/index.js').Principal | null }) =>
    req.principal === null ? undefined : app.serviceNetwork.centerOf(req.principal)

  app.post('/work-orders/proposals', { config: BOOKERS, schema: { tags, summary: 'Nearest capable centres with a free bay and the parts (or their arrival date), best first', body: TargetBody, response: { 200: Type.Object({ vehicleId: Type.String(), faultFamily: Type.String(), capability: Type.String(), parts: Type.Array(Type.Object({ partNumber: Type.String(), quantity: Type.Integer() })), proposals: Type.Array(ProposalView) }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } } }, async (req, reply) => {
    const r = await svc.proposals(req.body, req.principal)
    if (!r.ok) return sendFailure(reply, r.error)
    return {
      vehicleId: r.value.target.vehicle.id, faultFamily: r.value.target.family, capability: r.value.target.capability, parts: r.value.target.parts.map((p) => ({ ...p })),
      proposals: r.value.proposals.map((p) => ({ ...p, partsReadyAt: new Date(p.partsReadyAtMs).toISOString() })),
    }
  })

  app.post('/work-orders', { config: BOOKERS, schema: { tags, summary: 'Book (or only propose) a work order at a centre: reserves the parts on its shelf, picks the first free bay', body: CreateBody, response: { 201: WorkOrderView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } } }, async (req, reply) => {
    const r = await svc.create(req.body, req.principal)
    return r.ok ? reply.code(201).send(view(r.value)) : sendFailure(reply, r.error)
  })

  app.get('/work-orders', { config: READERS, schema: { tags, summary: 'Work orders in the caller\'s scope (a technician: its centre\'s)', querystring: ListQuery, response: { 200: Type.Array(WorkOrderView) } } }, async (req) => {
    const p = req.principal
    const scope = scopeOfRequest(p)
    const own = await techCenter(req)
    if (p?.role === 'technician') {
      if (own === undefined || (req.query.center !== undefined && req.query.center !== own)) return []
      return (await svc.repo.list({ centerId: own, vehicleId: req.query.vehicle, alertId: req.query.alert, state: req.query.state, scopeFleets: null, scopeRegions: null, limit: req.query.limit })).map(view)
    }
    return (await svc.repo.list({ centerId: req.query.center, vehicleId: req.query.vehicle, alertId: req.query.alert, state: req.query.state, scopeFleets: scope.fleets, scopeRegions: scope.regions, limit: req.query.limit })).map(view)
  })

  app.get('/work-orders/:id', { config: READERS, schema: { tags, summary: 'One work order with its history (who moved it where, when)', params: WorkOrderIdParam, response: { 200: Type.Object({ workOrder: WorkOrderView, history: Type.Array(Type.Unknown()) }), 404: ErrorBody } } }, async (req, reply) => {
    const wo = await svc.visible(req.params.id, req.principal, await techCenter(req))
    if (wo === undefined) return sendFailure(reply, { code: 'GW_WORK_ORDER_NOT_FOUND', detail: `work order ${req.params.id} not found` })
    return { workOrder: view(wo), history: await svc.repo.events(wo.id) }
  })

  app.post('/work-orders/:id/transition', { config: MOVERS, schema: { tags, summary: 'booked | vehicle_arrived | in_repair | completed (cause + parts used: stock decremented, alert resolved) | cancelled (reservations released)', params: WorkOrderIdParam, body: TransitionBody, response: { 200: WorkOrderView, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const r = await svc.move(req.params.id, req.body, req.principal, await techCenter(req))
    return r.ok ? view(r.value) : sendFailure(reply, r.error)
  })
}
