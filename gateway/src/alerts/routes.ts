import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import type { AlertRow } from '../storage/alerts.repository.js'
import { alarmStatus } from './lifecycle.core.js'
import { AlertBody, AlertIdParam, AlertListQuery, ErrorBody, NoteBody, OptionalNoteBody, ResolveBody } from './schemas.js'
import { checkVerdict } from './verdicts.core.js'
import { reasonIn, ruleNameIn } from '@fleetwire/i18n/reasons'
import { requestLanguage } from '../api/request-language.js'
import { type Principal, inScope, scopeOfRequest } from '../api/auth/index.js'
import { ROLES } from '../api/auth/principal.js'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
/** Signal window served with an alert: this long before and after the trigger. */
const EVIDENCE_WINDOW_MS = 6 * 3_600_000

/** An alert as a reader sees it: the rule's name and the reason in the reader's language (`lang`). */
function toBody (r: AlertRow, lang: string) {
  const a = r.alert
  const reason = reasonIn(lang, a.ruleId, a.evidence)
  const given = a.evidence.message?.values.rule
  return {
    id: a.id,
    vehicleId: r.vehicleId,
    region: r.region,
    fleet: r.fleet,
    ruleId: a.ruleId,
    ruleName: given === undefined ? a.ruleId : ruleNameIn(lang, a.ruleId, given),
    severity: a.severity,
    state: a.state,
    status: alarmStatus(a),
    openedAt: new Date(a.openedAtMs).toISOString(),
    raisedAt: new Date(a.raisedAtMs).toISOString(),
    acknowledgedAt: iso(a.acknowledgedAtMs),
    acknowledgedBy: a.acknowledgedBy,
    resolvedAt: iso(a.resolvedAtMs),
    resolvedBy: a.resolvedBy,
    reopenCount: a.reopenCount,
    reason,
    evidence: { ...a.evidence, reason },
  }
}

export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['alerts']
  const actor = (p: Principal | null) => p?.actor ?? 'unknown'
  /** Everyone reads alerts in their scope; people (not integrations) act on them. */
  const readers = { access: ROLES }
  const people = { access: ['admin', 'support', 'fleet_owner'] as const }
  const notFound = (id: string) => ({ code: 'GW_ALERT_NOT_FOUND', detail: `alert ${id} not found` })
  /** An alert outside the caller's scope is answered like a missing one (OWASP API1). */
  async function visible (id: string, p: Principal | null): Promise<AlertRow | undefined> {
    const row = await app.alerts.repo.get(id)
    return row !== undefined && inScope(scopeOfRequest(p), row) ? row : undefined
  }

  app.get('/alerts', { config: readers, schema: { tags, summary: 'Alert queue: active first, most severe first, newest first', querystring: AlertListQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(AlertBody) }) } } }, async (req) => {
    const q = req.query
    const scope = scopeOfRequest(req.principal)
    const page = await app.alerts.repo.list({
      scopeFleets: scope.fleets, scopeRegions: scope.regions,
      fleet: q.fleet, region: q.region, vehicleId: q.vehicle, severity: q.severity, state: q.state,
      fromMs: q.from === undefined ? undefined : Date.parse(q.from), toMs: q.to === undefined ? undefined : Date.parse(q.to), limit: q.limit, offset: q.offset,
    })
    return { total: page.total, items: page.items.map((r) => toBody(r, requestLanguage(req))) }
  })

  app.get('/alerts/:id', {
    config: readers,
    schema: {
      tags,
      summary: 'One alert with its evidence (signal window around the trigger) and its full history',
      params: AlertIdParam,
      response: { 200: Type.Object({ alert: AlertBody, history: Type.Array(Type.Unknown()), signalWindow: Type.Unknown() }), 404: ErrorBody },
    },
  }, async (req, reply) => {
    const row = await visible(req.params.id, req.principal)
    if (row === undefined) return sendFailure(reply, notFound(req.params.id))
    const signalId = app.rules.signalOf(row.alert.ruleId)
    const signalWindow = signalId === undefined
      ? null
      : await app.storage.telemetry.history({ vehicleKey: row.alert.vehicleKey, signalId, fromMs: row.alert.raisedAtMs - EVIDENCE_WINDOW_MS, toMs: row.alert.raisedAtMs + EVIDENCE_WINDOW_MS, bucketS: 300 })
    const history = (await app.alerts.repo.events(req.params.id)).map((e) => ({ ...e, at: new Date(e.atMs).toISOString() }))
    return { alert: toBody(row, requestLanguage(req)), history, signalWindow }
  })

  app.post('/alerts/:id/acknowledge', { config: people, schema: { tags, summary: 'Acknowledge an open alert', params: AlertIdParam, body: OptionalNoteBody, response: { 200: Type.Object({ state: Type.String() }), 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, notFound(req.params.id))
    const r = await app.alerts.service.acknowledge(req.params.id, actor(req.principal), req.body.note)
    return r.ok ? { state: r.value?.state ?? 'unknown' } : sendFailure(reply, r.error)
  })

  app.post('/alerts/:id/resolve', { config: people, schema: { tags, summary: 'Resolve an alert by hand, with a note and the verdict (confirmed fault with the part found, false alarm, could not verify)', params: AlertIdParam, body: ResolveBody, response: { 200: Type.Object({ state: Type.String() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, notFound(req.params.id))
    const verdict = req.body.verdict === undefined ? undefined : checkVerdict(req.body.verdict)
    if (verdict !== undefined && !verdict.ok) return sendFailure(reply, verdict.error)
    const r = await app.alerts.service.resolve(req.params.id, actor(req.principal), req.body.note)
    if (r.ok && verdict !== undefined) await app.alerts.verdicts.record(req.params.id, verdict.value, actor(req.principal), Date.now())
    return r.ok ? { state: r.value?.state ?? 'unknown' } : sendFailure(reply, r.error)
  })

  app.post('/alerts/:id/notes', { config: people, schema: { tags, summary: 'Add a note to an alert', params: AlertIdParam, body: NoteBody, response: { 201: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, notFound(req.params.id))
    const r = await app.alerts.service.addNote(req.params.id, actor(req.principal), req.body.note)
    return r.ok ? reply.code(201).send(null) : sendFailure(reply, r.error)
  })

  app.get('/kpis/alerts', {
    config: { access: ['admin', 'support'] },
    schema: {
      tags,
      summary: 'Time to acknowledge and to resolve, per region and severity (seconds; median and p90)',
      querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })) }),
      response: { 200: Type.Object({ from: Type.String(), to: Type.String(), rows: Type.Array(Type.Unknown()) }) },
    },
  }, async (req) => {
    const toMs = req.query.to === undefined ? Date.now() : Date.parse(req.query.to)
    const fromMs = req.query.from === undefined ? toMs - 30 * 86_400_000 : Date.parse(req.query.from)
    const regions = scopeOfRequest(req.principal).regions
    const rows = (await app.alerts.repo.kpis(fromMs, toMs)).filter((r) => regions === null || regions.includes(r.region))
    return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), rows }
  })
}
