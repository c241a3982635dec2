import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { inScope, scopeOfRequest } from '../api/auth/index.js'
import { AlertIdParam, ErrorBody, VerdictBody } from './schemas.js'
import { checkVerdict, ruleFeedback } from './verdicts.core.js'

const DAY_MS = 86_400_000
const Counts = { confirmed: Type.Integer(), falseAlarm: Type.Integer(), notVerified: Type.Integer(), confirmedPrecision: Type.Union([Type.Number(), Type.Null()], { description: 'confirmed / (confirmed + false alarms); unverified left out' }) }
const RuleFeedbackView = Type.Object({ ruleId: Type.String(), ...Counts, weeks: Type.Array(Type.Object({ week: Type.String({ description: 'Monday of the ISO week (UTC)' }), ...Counts })) })

/**
 * Engineers' feedback: a verdict per resolved alert (also given with
 * POST /alerts/:id/resolve) and each rule's confirmed precision, weekly.
 */
export const verdictRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['alerts']
  app.post('/alerts/:id/verdict', {
    config: { access: ['admin', 'support', 'fleet_owner'] },
    schema: { tags, summary: 'Record the verdict on a resolved alert (e.g. one that resolved itself)', params: AlertIdParam, body: VerdictBody, response: { 200: Type.Object({ outcome: Type.String() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    const row = await app.alerts.repo.get(req.params.id)
    if (row === undefined || !inScope(scopeOfRequest(req.principal), row)) return sendFailure(reply, { code: 'GW_ALERT_NOT_FOUND', detail: `alert ${req.params.id} not found` })
    if (row.alert.state !== 'resolved') return sendFailure(reply, { code: 'GW_ALERT_NOT_RESOLVED', detail: `alert ${req.params.id} is ${row.alert.state}; resolve it (with its verdict) first` })
    const v = checkVerdict(req.body)
    if (!v.ok) return sendFailure(reply, v.error)
    await app.alerts.verdicts.record(req.params.id, v.value, req.principal?.actor ?? 'unknown', Date.now())
    return { outcome: v.value.outcome }
  })

  app.get('/kpis/rules', {
    config: { access: ['admin', 'support'] },
    schema: {
      tags,
      summary: "Each rule's confirmed precision from engineers' verdicts, in total and per week",
      querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })) }),
      response: { 200: Type.Object({ from: Type.String(), to: Type.String(), rules: Type.Array(RuleFeedbackView) }) },
    },
  }, async (req) => {
    const toMs = req.query.to === undefined ? Date.now() + 1 : Date.parse(req.query.to)
    const fromMs = req.query.from === undefined ? toMs - 12 * 7 * DAY_MS : Date.parse(req.query.from)
    const rules = ruleFeedback(await app.alerts.verdicts.countsByRuleWeek(fromMs, toMs))
    return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), rules }
  })
}
