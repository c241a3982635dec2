import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { checkCatalogue, type CatalogueEntry, type ServiceSchedule } from './catalogue.core.js'
import { toCsv } from './forecast.service.js'
import { CatalogueEntrySchema, ModelParam, ScheduleSchema } from './schemas.js'

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
/** Responses are plain mutable copies (the schemas' static types are not readonly). */
const entryView = (e: CatalogueEntry) => ({ ...e, parts: e.parts.map((p) => ({ ...p })) })
const scheduleView = (s: ServiceSchedule) => ({ ...s, parts: s.parts.map((p) => ({ ...p })) })
const STAFF = { access: ['admin', 'support'] as const }
const ADMIN = { access: ['admin'] as const }

/** The part catalogue per model, service schedules and the parts-demand forecast. */
export const partsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['parts']
  const { catalogue, forecast } = app.parts

  app.get('/models/:id/parts', { config: STAFF, schema: { tags, summary: 'What each fault family (or DTC) of the model consumes: parts, share of cases, labour, capability', params: ModelParam, response: { 200: Type.Array(CatalogueEntrySchema) } } }, async (req) =>
    (await catalogue.entries(req.params.id)).map(entryView))

  app.put('/models/:id/parts', { config: ADMIN, schema: { tags, summary: 'Replace the model\'s part catalogue (option shares per family must add up to 1)', params: ModelParam, body: Type.Array(CatalogueEntrySchema, { maxItems: 500 }), response: { 200: Type.Array(CatalogueEntrySchema), 400: ErrorBody } } }, async (req, reply) => {
    const entries = req.body.map((e) => ({ ...e, dtc: e.dtc ?? null, description: e.description ?? '' }))
    const errors = checkCatalogue(entries)
    if (errors.length > 0) return sendFailure(reply, { code: 'GW_CATALOGUE_INVALID', detail: errors.join('; ') })
    await catalogue.replace(req.params.id, entries)
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'catalogue.put', target: `model:${req.params.id}`, detail: { entries: entries.length } })
    return (await catalogue.entries(req.params.id)).map(entryView)
  })

  app.get('/models/:id/service-schedule', { config: STAFF, schema: { tags, summary: 'The model\'s service schedule (every N km or M months, whichever first)', params: ModelParam, response: { 200: ScheduleSchema, 404: ErrorBody } } }, async (req, reply) => {
    const s = await catalogue.schedule(req.params.id)
    return s !== undefined ? scheduleView(s) : sendFailure(reply, { code: 'GW_CATALOGUE_NO_ENTRY', detail: `model ${req.params.id} has no service schedule` })
  })

  app.put('/models/:id/service-schedule', { config: ADMIN, schema: { tags, summary: 'Set the model\'s service schedule', params: ModelParam, body: ScheduleSchema, response: { 200: ScheduleSchema } } }, async (req) => {
    await catalogue.putSchedule(req.params.id, req.body)
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'service_schedule.put', target: `model:${req.params.id}`, detail: req.body })
    return req.body
  })

  app.get('/parts/forecast', {
    config: STAFF,
    schema: {
      tags,
      summary: 'Expected parts demand per part number, country and week with an interval, against the country\'s stock; shortfalls with their order-by date',
      querystring: Type.Object({
        weeks: Type.Integer({ minimum: 1, maximum: 26, default: 8 }),
        level: Type.Number({ minimum: 0.5, maximum: 0.98, default: 0.8 }),
        country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
        format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
      }),
      response: { 200: Type.Unknown() },
    },
  }, async (req, reply) => {
    const r = await forecast.run({ nowMs: Date.now(), weeks: req.query.weeks, level: req.query.level, historyWeeks: 12, country: req.query.country })
    if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="parts-forecast.csv"').send(toCsv(r))
    return r
  })
}
