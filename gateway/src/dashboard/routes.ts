import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { scopeOfRequest } from '../api/auth/index.js'
import { POSITION_SIGNAL_IDS, policyFor, reducePosition } from '../privacy/policy.core.js'

const Presence = Type.Union([Type.Literal('online'), Type.Literal('asleep'), Type.Literal('offline')])
export const FleetSummaryBody = Type.Object({
  vehicles: Type.Integer(),
  online: Type.Integer(),
  asleep: Type.Integer(),
  offline: Type.Integer(),
  openAlerts: Type.Record(Type.String(), Type.Integer(), { description: 'open or acknowledged alerts by severity' }),
})
const Position = Type.Object({
  id: Type.String(),
  model: Type.String(),
  region: Type.String(),
  fleet: Type.String(),
  presence: Presence,
  lat: Type.Union([Type.Number(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
})

/** Read models for the dashboards, always narrowed to the caller's scope. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['dashboard']
  const access = ['admin', 'support', 'fleet_owner'] as const

  app.get('/fleet/summary', {
    config: { access },
    schema: { tags, summary: 'Online / asleep / offline counts and open alerts by severity, for the caller\'s vehicles', response: { 200: FleetSummaryBody } },
  }, async (req) => app.dashboard.repo.summary(scopeOfRequest(req.principal)))

  app.get('/fleet/positions', {
    config: { access },
    schema: {
      tags,
      summary: 'The vehicles of the caller\'s scope with their last reported position (map markers), in vehicle id order; pages of `limit`, the next one from `after=nextAfter`',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000, description: 'vehicles per page (at most 5000)' }),
        after: Type.Optional(Type.String({ maxLength: 64, description: 'the previous page\'s nextAfter' })),
      }),
      response: { 200: Type.Object({ items: Type.Array(Position), nextAfter: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }) }) },
    },
  }, async (req) => {
    const [lat, lon] = POSITION_SIGNAL_IDS as [number, number]
    const page = await app.dashboard.repo.positions(scopeOfRequest(req.principal), { after: req.query.after, limit: req.query.limit })
    // Positions leave the gateway at their region's precision (data protection), as on every read path.
    const items = page.map((v) => {
      const decimals = policyFor(app.config.dataPolicy, v.region).positionDecimals
      return { ...v, lat: v.lat === null ? null : reducePosition(lat, v.lat, decimals), lon: v.lon === null ? null : reducePosition(lon, v.lon, decimals) }
    })
    return { items, nextAfter: page.length === req.query.limit ? (page[page.length - 1]?.id ?? null) : null }
  })
}
