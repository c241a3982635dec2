import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import type { Principal } from '../api/auth/index.js'
import type { ServiceCenter } from './centers.repository.js'
import { CenterBody, CenterView, ErrorBody, IdParam, StockBody, StockView } from './schemas.js'

const READERS = { access: ['admin', 'support', 'fleet_owner', 'technician'] as const }
const ADMIN = { access: ['admin'] as const }
const centerView = (c: ServiceCenter) => ({ ...c, languages: [...c.languages], capabilities: [...c.capabilities] })
const notFound = (id: string) => ({ code: 'GW_SERVICE_CENTER_NOT_FOUND', detail: `service centre ${id} not found` })

/** Service centres, their stock and their technicians. A technician sees only its own centre (others: 404). */
export const serviceNetworkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['service network']
  const net = app.serviceNetwork
  async function visible (id: string, p: Principal | null): Promise<ServiceCenter | undefined> {
    if (p === null) return undefined
    if (p.role === 'technician' && await net.centerOf(p) !== id) return undefined
    return net.centers.get(id)
  }

  app.get('/service-centers', { config: READERS, schema: { tags, summary: 'Service centres (a technician: its own)', querystring: Type.Object({ country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })) }), response: { 200: Type.Array(CenterView) } } }, async (req) => {
    const p = req.principal
    const own = p?.role === 'technician' ? await net.centerOf(p) : undefined
    if (p?.role === 'technician' && own === undefined) return []
    return (await net.centers.list({ country: req.query.country, ids: own === undefined ? undefined : [own] })).map(centerView)
  })

  app.get('/service-centers/:id', { config: READERS, schema: { tags, summary: 'One service centre', params: IdParam, response: { 200: CenterView, 404: ErrorBody } } }, async (req, reply) => {
    const c = await visible(req.params.id, req.principal)
    return c !== undefined ? centerView(c) : sendFailure(reply, notFound(req.params.id))
  })

  app.put('/service-centers/:id', { config: ADMIN, schema: { tags, summary: 'Create or replace a service centre', params: IdParam, body: CenterBody, response: { 200: CenterView } } }, async (req) => {
    const c: ServiceCenter = { id: req.params.id, ...req.body, openingHours: req.body.openingHours as ServiceCenter['openingHours'] }
    await net.centers.upsert(c)
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'service_center.put', target: `service_center:${c.id}`, detail: { country: c.country, capabilities: c.capabilities, baysPerDay: c.baysPerDay } })
    return centerView(c)
  })

  app.get('/service-centers/:id/stock', { config: READERS, schema: { tags, summary: 'Parts stock of a centre', params: IdParam, response: { 200: StockView, 404: ErrorBody } } }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, notFound(req.params.id))
    return (await net.centers.stock(req.params.id)).map((s) => ({ partNumber: s.partNumber, onHand: s.onHand, reserved: s.reserved, available: s.onHand - s.reserved, leadTimeDays: s.leadTimeDays }))
  })

  app.put('/service-centers/:id/stock', { config: { access: ['admin', 'technician'] as const }, schema: { tags, summary: 'Set on-hand counts and reorder lead times (a technician: its own centre)', params: IdParam, body: StockBody, response: { 200: StockView, 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, notFound(req.params.id))
    const r = await net.setStock(req.params.id, req.body)
    if (!r.ok) return sendFailure(reply, r.error)
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'service_center.stock', target: `service_center:${req.params.id}`, detail: { parts: req.body.length } })
    return (await net.centers.stock(req.params.id)).map((s) => ({ partNumber: s.partNumber, onHand: s.onHand, reserved: s.reserved, available: s.onHand - s.reserved, leadTimeDays: s.leadTimeDays }))
  })

  app.put('/service-centers/:id/technicians/:userId', { config: ADMIN, schema: { tags, summary: 'Make a technician user work at this centre', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), userId: Type.String({ minLength: 1, maxLength: 64 }) }), response: { 204: Type.Null(), 400: ErrorBody, 404: ErrorBody } } }, async (req, reply) => {
    const r = await net.assignTechnician(req.params.userId, req.params.id)
    if (!r.ok) return sendFailure(reply, r.error)
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'service_center.technician', target: `user:${req.params.userId}`, detail: { centerId: req.params.id } })
    return reply.code(204).send(null)
  })
}
