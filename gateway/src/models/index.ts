import fp from 'fastify-plugin'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { createModelsRepository, type StoredModel } from '../storage/models.repository.js'
import { ModelIdParam, ModelView, validateModelSpec, type ModelSpec } from './model.schema.js'

export type { ModelSpec } from './model.schema.js'

export interface Models {
  /** The catalogued spec of a model, from memory (the rules' hot path reads it per batch). */
  get(id: string): ModelSpec | undefined
  /** A model was catalogued through this instance (a cluster announces it to the others). */
  onChanged(listener: (id: string) => void): void
  /** Another instance catalogued `id` (undefined: perhaps anything, e.g. announcements were lost): read the catalog again. */
  changedElsewhere(id?: string): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    models: Models
  }
}

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
const view = (m: StoredModel) => ({ id: m.id, spec: m.spec, updatedAt: m.updatedAt.toISOString() })

/** The vehicle model catalog: GET /models, GET/PUT /models/:id. Kept in memory; writes go through to PostgreSQL. */
export default fp(async (app) => {
  const repo = createModelsRepository(app.storage.pool)
  const cache = new Map<string, StoredModel>()
  for (const m of await repo.list()) cache.set(m.id, m)
  const log = app.log.child({ module: 'models' })
  const listeners = new Set<(id: string) => void>()
  /** Reloads can finish out of order: an older copy never replaces a newer one. */
  const keep = (m: StoredModel): void => {
    const held = cache.get(m.id)
    if (held === undefined || held.updatedAt.getTime() <= m.updatedAt.getTime()) cache.set(m.id, m)
  }

  app.decorate('models', {
    get: (id: string) => cache.get(id)?.spec,
    onChanged: (l: (id: string) => void) => { listeners.add(l) },
    async changedElsewhere (id?: string) {
      // The catalog is a few dozen rows: reading it whole also repairs any earlier announcement that was lost.
      for (const m of await repo.list()) keep(m)
      log.info({ model: id ?? 'all', models: cache.size }, 'model catalog reloaded after a change elsewhere')
    },
  })

  const routes: FastifyPluginAsyncTypebox = async (r) => {
    const tags = ['models']
    const readers = { access: ['admin', 'support'] as const }
    r.get('/models', { config: readers, schema: { tags, summary: 'The vehicle model catalog', response: { 200: Type.Array(ModelView) } } }, async () => [...cache.values()].map(view))
    r.get('/models/:id', { config: readers, schema: { tags, summary: 'One model', params: ModelIdParam, response: { 200: ModelView, 404: ErrorBody } } }, async (req, reply) => {
      const m = cache.get(req.params.id)
      return m === undefined ? sendFailure(reply, { code: 'GW_MODEL_NOT_FOUND', detail: `model ${req.params.id} not catalogued` }) : view(m)
    })
    r.put('/models/:id', { schema: { tags, summary: "Create or replace a model's spec (limits rules read per model)", params: ModelIdParam, body: Type.Unknown({ description: 'a ModelSpec' }), response: { 200: ModelView, 400: ErrorBody } } }, async (req, reply) => {
      const v = validateModelSpec(req.body)
      if (!v.ok) return sendFailure(reply, v.error)
      const stored = await repo.put(req.params.id, v.value)
      keep(stored)
      log.info({ model: stored.id }, 'model catalogued')
      for (const l of listeners) l(stored.id)
      return view(stored)
    })
  }
  await app.register(routes)
}, { name: 'models', dependencies: ['storage'] })
