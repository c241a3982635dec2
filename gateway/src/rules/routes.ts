import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import type { StoredRule } from '../storage/rules.repository.js'
import { RuleSchema, validateRule } from './rule.schema.js'

const RuleView = Type.Object({ rule: RuleSchema, builtin: Type.Boolean(), version: Type.Integer(), updatedAt: Type.String({ format: 'date-time' }) })
const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
const IdParam = Type.Object({ id: Type.String() })
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
