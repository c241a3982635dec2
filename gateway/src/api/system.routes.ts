import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { CATALOG_VERSION, SIGNALS } from '@fleetwire/proto'

/** Health, readiness and the signal catalog. */
const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['system'], summary: 'The process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Database reachable and migrations applied', response: { 200: Type.Object({ status: Type.Literal('ready'), timescale: Type.Boolean() }), 503: Type.Object({ status: Type.Literal('unavailable') }) } },
  }, async (_req, reply) => {
    return await app.storage.ready()
      ? { status: 'ready' as const, timescale: app.storage.timescale }
      : reply.code(503).send({ status: 'unavailable' as const })
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
