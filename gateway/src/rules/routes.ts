import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { scopeOfRequest } from '../api/auth/index.js'
import type { StoredRule } from '../storage/rules.repository.js'
import { createDiagnosticsRepository } from '../storage/diagnostics.repository.js'
import { RuleSchema, validateRule } from './rule.schema.js'
import { backtestRule, signalsRead } from './backtest.core.js'

const RuleView = Type.Object({ rule: RuleSchema, builtin: Type.Boolean(), version: Type.Integer(), updatedAt: Type.String({ format: 'date-time' }) })
const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
const IdParam = Type.Object({ id: Type.String() })
/** A backtest holds the samples in memory: bounded, and the caller is told to narrow the range. */
const MAX_BACKTEST_SAMPLES = 500_000
const MAX_BACKTEST_DTC_EVENTS = 10_000

const BacktestBody = Type.Object({
  ruleId: Type.Optional(Type.String({ description: 'a stored rule (enabled or not)' })),
  rule: Type.Optional(Type.Unknown({ description: 'or a rule document, validated like POST /rules' })),
  vehicleId: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
}, { additionalProperties: false })
const BacktestTransition = Type.Object({
  kind: Type.Union([Type.Literal('raise'), Type.Literal('clear')]),
  severity: Type.String(),
  at: Type.String({ format: 'date-time', description: 'when the condition began to hold' }),
  confirmedAt: Type.String({ format: 'date-time', description: 'when it had held long enough' }),
  value: Type.Number(),
  reason: Type.String(),
  threshold: Type.Number(),
  observed: Type.Number(),
  prediction: Type.Optional(Type.Object({ limit: Type.Number(), expectedAt: Type.String({ format: 'date-time' }), daysToLimit: Type.Number(), slopePerDay: Type.Number(), r2: Type.Number() })),
})
const BacktestResult = Type.Object({
  ruleId: Type.String(),
  vehicleId: Type.String(),
  samples: Type.Integer(),
  dtcEvents: Type.Integer(),
  transitions: Type.Array(BacktestTransition),
})
const iso = (ms: number) => new Date(ms).toISOString()

const view = (s: StoredRule) => ({ rule: s.rule, builtin: s.builtin, version: s.version, updatedAt: s.updatedAt.toISOString() })

/**
 * Rules as data. Bodies are validated by validateRule (not only by the route
 * schema) so an invalid rule is refused with every failing field named.
 */
export const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['rules']
  const { repo } = app.rules
  /** Support engineers read and check rules; changing them is for admins (routes without `access`). */
  const readers = { access: ['admin', 'support'] as const }

  app.get('/rules', { config: readers, schema: { tags, summary: 'List rules (built-in defaults and your own)', response: { 200: Type.Array(RuleView) } } }, async () => (await repo.list()).map(view))

  app.get('/rules/:id', { config: readers, schema: { tags, summary: 'Get a rule', params: IdParam, response: { 200: RuleView, 404: ErrorBody } } }, async (req, reply) => {
    const r = await repo.get(req.params.id)
    return r === undefined ? sendFailure(reply, { code: 'GW_RULE_NOT_FOUND', detail: `rule ${req.params.id} not found` }) : view(r)
  })

  const RuleStatusView = Type.Object({
    ruleId: Type.String(),
    enabled: Type.Boolean(),
    vehiclesTracked: Type.Integer({ description: 'vehicles that sent data since the gateway started' }),
    evaluated: Type.Integer({ description: "vehicles whose latest sample for the rule was judged" }),
    onFallback: Type.Integer({ description: 'of those, judged on a fallback input (tyre pressure compensated with ambient air)' }),
    inactive: Type.Record(Type.String(), Type.Integer(), { description: 'vehicles the rule could not judge, by reason: missing-minus, missing-temperature, conditions-false, too-sparse, warming-up' }),
    noData: Type.Integer({ description: "vehicles that never sent the rule's signal" }),
  })
  app.get('/rules/:id/status', { config: readers, schema: { tags, summary: 'Which vehicles a rule evaluates, and why it cannot evaluate the others', params: IdParam, response: { 200: RuleStatusView, 404: ErrorBody } } }, async (req, reply) => {
    const stored = await repo.get(req.params.id)
    if (stored === undefined) return sendFailure(reply, { code: 'GW_RULE_NOT_FOUND', detail: `rule ${req.params.id} not found` })
    const s = app.rules.service.status(req.params.id)
    if (s === undefined) return { ruleId: req.params.id, enabled: false, vehiclesTracked: 0, evaluated: 0, onFallback: 0, inactive: {}, noData: 0 }
    return { ruleId: s.ruleId, enabled: true, vehiclesTracked: s.vehiclesTracked, evaluated: s.evaluated, onFallback: s.onFallback, inactive: s.inactive, noData: s.noData }
  })

  app.post('/rules', { schema: { tags, summary: 'Create a rule', body: Type.Unknown(), response: { 201: RuleView, 400: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const v = validateRule(req.body)
    if (!v.ok) return sendFailure(reply, v.error)
    const created = await repo.create(v.value)
    if (created === undefined) return sendFailure(reply, { code: 'GW_RULE_EXISTS', detail: `rule ${v.value.id} exists; PUT /rules/${v.value.id} to change it` })
    await app.rules.service.reload()
    return reply.code(201).send(view(created))
  })

  app.put('/rules/:id', { schema: { tags, summary: 'Replace a rule (the id in the body must match)', params: IdParam, body: Type.Unknown(), response: { 200: RuleView, 400: ErrorBody, 404: ErrorBody } } }, async (req, reply) => {
    const v = validateRule(req.body)
    if (!v.ok) return sendFailure(reply, v.error)
    if (v.value.id !== req.params.id) return sendFailure(reply, { code: 'GW_RULE_INVALID', detail: `/id: ${v.value.id} does not match the URL (${req.params.id})` })
    const updated = await repo.update(v.value)
    if (updated === undefined) return sendFailure(reply, { code: 'GW_RULE_NOT_FOUND', detail: `rule ${req.params.id} not found` })
    await app.rules.service.reload()
    return view(updated)
  })

  for (const [action, enabled] of [['enable', true], ['disable', false]] as const) {
    app.post(`/rules/:id/${action}`, { schema: { tags, summary: `${action[0]?.toUpperCase()}${action.slice(1)} a rule`, params: IdParam, response: { 200: RuleView, 404: ErrorBody } } }, async (req, reply) => {
      const current = await repo.get(req.params.id)
      if (current === undefined) return sendFailure(reply, { code: 'GW_RULE_NOT_FOUND', detail: `rule ${req.params.id} not found` })
      const updated = await repo.update({ ...current.rule, enabled })
      await app.rules.service.reload()
      return view(updated ?? current)
    })
  }

  app.post('/rules/validate', { config: readers, schema: { tags, summary: 'Check a rule document without saving it', body: Type.Unknown(), response: { 200: Type.Object({ valid: Type.Literal(true) }), 400: ErrorBody } } }, async (req, reply) => {
    const v = validateRule(req.body)
    return v.ok ? { valid: true as const } : sendFailure(reply, v.error)
  })
}

/**
 * Trying a rule before enabling it: replay one vehicle's recorded history
 * through it (rules/backtest.core.ts) and show what it would have raised.
 */
export const ruleBacktestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const diagnostics = createDiagnosticsRepository(app.storage.pool)
  app.post('/rules/test', {
    config: { access: ['admin', 'support'] },
    schema: { tags: ['rules'], summary: "Test a rule on a vehicle's recorded history (what it would have raised)", body: BacktestBody, response: { 200: BacktestResult, 400: ErrorBody, 404: ErrorBody } },
  }, async (req, reply) => {
    const b = req.body
    const fromMs = Date.parse(b.from)
    const toMs = Date.parse(b.to)
    if (!(toMs > fromMs)) return sendFailure(reply, { code: 'GW_RULE_TEST_BAD_RANGE', detail: '/to must be after /from' })
    if ((b.ruleId === undefined) === (b.rule === undefined)) return sendFailure(reply, { code: 'GW_RULE_INVALID', detail: 'give exactly one of /ruleId and /rule' })
    let rule
    if (b.ruleId !== undefined) {
      rule = (await app.rules.repo.get(b.ruleId))?.rule
      if (rule === undefined) return sendFailure(reply, { code: 'GW_RULE_NOT_FOUND', detail: `rule ${b.ruleId} not found` })
    } else {
      const v = validateRule(b.rule)
      if (!v.ok) return sendFailure(reply, v.error)
      rule = v.value
    }
    const vehicle = await app.vehicles.getVisible(b.vehicleId, scopeOfRequest(req.principal))
    if (vehicle === undefined) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${b.vehicleId} not found` })
    const recorded = await app.storage.telemetry.recorded(vehicle.key, signalsRead(rule), fromMs, toMs, MAX_BACKTEST_SAMPLES + 1)
    if (recorded.tsMs.length > MAX_BACKTEST_SAMPLES) {
      return sendFailure(reply, { code: 'GW_RULE_TEST_TOO_LARGE', detail: `more than ${MAX_BACKTEST_SAMPLES} samples in range; narrow /from–/to` })
    }
    const events = rule.kind.type === 'dtc'
      ? (await diagnostics.events(vehicle.key, fromMs, MAX_BACKTEST_DTC_EVENTS)).filter((e) => e.tsMs < toMs)
      : []
    const presence = app.vehicles.presenceOf(vehicle.key)
    const run = backtestRule(rule, { key: vehicle.key, model: vehicle.model, powerState: presence.powerState, ignitionOn: presence.ignitionOn }, recorded, events, app.models.get(vehicle.model))
    if (!run.ok) return sendFailure(reply, run.error)
    return {
      ruleId: rule.id,
      vehicleId: vehicle.id,
      samples: run.value.samples,
      dtcEvents: run.value.dtcEvents,
      transitions: run.value.transitions.map((t) => ({
        kind: t.kind,
        severity: t.severity,
        at: iso(t.atMs),
        confirmedAt: iso(t.confirmedAtMs),
        value: t.value,
        reason: t.detail.reason,
        threshold: t.detail.threshold,
        observed: t.detail.observed,
        ...(t.detail.prediction === undefined ? {} : { prediction: { ...t.detail.prediction, expectedAt: iso(t.detail.prediction.expectedAtMs) } }),
      })),
    }
  })
}
