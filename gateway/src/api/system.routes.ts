import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { CATALOG_VERSION, SIGNALS } from '@fleetwire/proto'

/** Health, readiness and the signal catalog. */
const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['system'], summary: 'The process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Database reachable and migrations applied; in a cluster, what is degraded (Redis down: ingest goes on, cross-instance routing, fan-out and cache invalidation wait)',
      response: {
        200: Type.Object({
          status: Type.Literal('ready'),
          timescale: Type.Boolean(),
          cluster: Type.Optional(Type.Object({ instanceId: Type.String(), redis: Type.Union([Type.Literal('up'), Type.Literal('down')]), degraded: Type.Array(Type.String()) })),
        }),
        503: Type.Object({ status: Type.Literal('unavailable') }),
      },
    },
  }, async (_req, reply) => {
    if (!await app.storage.ready()) return reply.code(503).send({ status: 'unavailable' as const })
    const c = app.cluster
    if (!c.enabled) return { status: 'ready' as const, timescale: app.storage.timescale }
    const redis = c.redisState() === 'up' ? 'up' as const : 'down' as const
    // Still ready while Redis is down: this instance ingests and acknowledges on its own.
    const degraded = redis === 'up' ? [] : ['cross-instance downlink', 'live fan-out across instances', 'cache invalidation across instances', 'shared rate limits']
    return { status: 'ready' as const, timescale: app.storage.timescale, cluster: { instanceId: c.instanceId, redis, degraded } }
  })

  app.get('/catalog', {
    config: { access: ['admin', 'support', 'fleet_owner', 'service'] },
    schema: {
      tags: ['system'],
      summary: 'The signal catalog: VSS name, unit, valid range and wire id of every signal',
      response: { 200: Type.Object({ version: Type.String(), signals: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), unit: Type.String(), min: Type.Number(), max: Type.Number(), description: Type.String() })) }) },
    },
  }, async () => ({ version: CATALOG_VERSION, signals: [...SIGNALS] }))
}

export default systemRoutes
