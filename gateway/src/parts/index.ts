import fp from 'fastify-plugin'
import { DEFAULT_CATALOGUE, DEFAULT_SCHEDULES } from './catalogue.core.js'
import { createCatalogueRepository, type CatalogueRepository } from './catalogue.repository.js'
import { createForecastRepository } from './forecast.repository.js'
import { createForecastService, type ForecastService } from './forecast.service.js'
import { partsRoutes } from './routes.js'

export type { CatalogueRepository } from './catalogue.repository.js'
export type { ForecastService, ForecastReport } from './forecast.service.js'

export interface Parts {
  readonly catalogue: CatalogueRepository
  readonly forecast: ForecastService
}

declare module 'fastify' {
  interface FastifyInstance {
    parts: Parts
  }
}

/**
 * Part catalogue per model (seeded for the simulated models on first start,
 * edits kept), service schedules and the parts-demand forecast. Models are
 * referenced by their id string only.
 */
export default fp(async (app) => {
  const catalogue = createCatalogueRepository(app.storage.pool)
  await catalogue.seed(DEFAULT_CATALOGUE, DEFAULT_SCHEDULES)
  const forecast = createForecastService({ repo: createForecastRepository(app.storage.pool), centers: app.serviceNetwork.centers, catalogue })
  app.decorate('parts', { catalogue, forecast })
  await app.register(partsRoutes)
}, { name: 'parts', dependencies: ['storage', 'service-network', 'audit'] })
