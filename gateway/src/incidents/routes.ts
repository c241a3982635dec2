import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { isUnrestricted, scopeOfRequest } from '../api/auth/index.js'
import type { IncidentRecord } from '../storage/incidents.repository.js'
import { reportCsv } from './report.js'
import { CreateBody, ErrorBody, IncidentIdParam, IncidentView, ReportQuery, SummaryView } from './schemas.js'

const ISSUERS = { access: ['admin'] as const }
const READERS = { access: ['admin', 'support', 'fleet_owner'] as const }
const actorOf = (p: { actor: string } | null) => p?.actor ?? 'unknown'
const view = (i: IncidentRecord) => ({ ...i, affected: i.affected as unknown, createdAt: i.createdAt.toISOString(), closedAt: i.closedAt?.toISOString() ?? null })
const notFound = (id: string) => ({ code: 'GW_INCIDENT_NOT_FOUND', detail: `incident ${id} not found` })

/**
 * Safety incidents. Issued by admins (the car maker); support engineers and
 * fleet owners see an incident when it reaches one of their vehicles, and
 * only their vehicles in its counts, report and timeline details.
 */
export const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['incidents']
  const svc = app.incidents.service

  /** The incident if the caller may see it (it reaches one of the caller's vehicles). */
  async function visible (id: string, principal: Parameters<typeof scopeOfRequest>[0]) {
    const incident = await svc.repo.get(id)
    if (incident === undefined) return undefined
    const scope = scopeOfRequest(principal)
    if (isUnrestricted(scope)) return { incident, scope }
    const summary = await svc.summary(id, scope)
    return summary.affected === 0 ? undefined : { incident, scope }
  }

  app.post('/incidents', { config: ISSUERS, schema: { tags, summary: 'Issue a safety notice: fixes the affected vehicles, sends each a signed notice in its language (critical ones whatever the hour; offline ones on their return), and e-mails / webhooks their fleet owners', body: CreateBody, response: { 201: Type.Object({ incident: IncidentView, vehicles: Type.Integer() }), 400: ErrorBody, 422: ErrorBody } } }, async (req, reply) => {
    const r = await svc.create(req.body, actorOf(req.principal))
    if (!r.ok) return sendFailure(reply, r.error)
    return reply.code(201).send({ incident: view(r.value.incident), vehicles: r.value.vehicles })
  })

  app.get('/incidents', { config: READERS, schema: { tags, summary: 'Incidents newest first (a scoped caller: those reaching its vehicles)', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }), response: { 200: Type.Array(IncidentView) } } }, async (req) =>
    (await svc.repo.list(scopeOfRequest(req.principal), req.query.limit)).map(view))

  app.get('/incidents/:id', { config: READERS, schema: { tags, summary: 'One incident: live counts by country and state, the owners\' notices and the timeline', params: IncidentIdParam, response: { 200: Type.Object({ incident: IncidentView, summary: SummaryView, ownerNotices: Type.Array(Type.Unknown()), timeline: Type.Array(Type.Unknown()) }), 404: ErrorBody } } }, async (req, reply) => {
    const v = await visible(req.params.id, req.principal)
    if (v === undefined) return sendFailure(reply, notFound(req.params.id))
    const whole = isUnrestricted(v.scope)
    return {
      incident: view(v.incident),
      summary: await svc.summary(v.incident.id, v.scope),
      ownerNotices: await app.incidents.ownerNotices.list(v.incident.id, v.scope.fleets),
      // A scoped caller sees what was done and when, not the other regions' figures.
      timeline: (await svc.repo.events(v.incident.id)).map((e) => ({ at: e.at.toISOString(), actor: e.actor, kind: e.kind, detail: whole ? e.detail : {} })),
    }
  })

  app.get('/incidents/:id/report', { config: READERS, schema: { tags, summary: 'Completion report: per country, affected / notified / acknowledged / resolved, and every vehicle still unresolved (JSON, or CSV with format=csv)', params: IncidentIdParam, querystring: ReportQuery, response: { 200: Type.Unknown(), 404: ErrorBody } } }, async (req, reply) => {
    const v = await visible(req.params.id, req.principal)
    if (v === undefined) return sendFailure(reply, notFound(req.params.id))
    const report = {
      incident: view(v.incident),
      generatedAt: new Date().toISOString(),
      summary: await svc.summary(v.incident.id, v.scope),
      unresolved: (await svc.repo.vehicles(v.incident.id, v.scope, { unresolvedOnly: true, limit: req.query.limit })).map((r) => ({
        ...r, sentAt: r.sentAt?.toISOString() ?? null, deliveredAt: r.deliveredAt?.toISOString() ?? null, displayedAt: r.displayedAt?.toISOString() ?? null,
        acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null, resolvedAt: r.resolvedAt?.toISOString() ?? null,
      })),
    }
    await app.audit.record({ actor: actorOf(req.principal), action: 'incident.report', target: `incident:${v.incident.id}`, detail: { format: req.query.format } })
    if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="incident-${v.incident.id}.csv"`).send(reportCsv(report))
    return report
  })

  app.post('/incidents/:id/close', { config: ISSUERS, schema: { tags, summary: 'Close an incident: no more notices are sent; the record and report stay', params: IncidentIdParam, response: { 200: IncidentView, 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const incident = await svc.repo.get(req.params.id)
    if (incident === undefined) return sendFailure(reply, notFound(req.params.id))
    const at = new Date()
    if (!await svc.repo.close(incident.id, at)) return sendFailure(reply, { code: 'GW_INCIDENT_CLOSED', detail: `incident ${incident.id} is already closed` })
    await svc.repo.appendEvent(incident.id, at, actorOf(req.principal), 'closed')
    await app.audit.record({ actor: actorOf(req.principal), action: 'incident.close', target: `incident:${incident.id}` })
    return view(await svc.repo.get(incident.id) as IncidentRecord)
  })
}
