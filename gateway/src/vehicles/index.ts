import fp from 'fastify-plugin'
import { randomBytes } from 'node:crypto'
import { createVehiclesRepository } from '../storage/vehicles.repository.js'
import { createVehiclesService, type VehiclesService } from './vehicles.service.js'
import routes from './routes.js'

export type { VehiclesService, AuthenticatedVehicle, IssuedCredentials, VehiclePresence } from './vehicles.service.js'

declare module 'fastify' {
  interface FastifyInstance {
    vehicles: VehiclesService
  }
}

/** Vehicle registry, credentials and presence; REST under /vehicles. */
export default fp(async (app) => {
  const service = createVehiclesService({
    repo: createVehiclesRepository(app.storage.pool),
    randomBytes,
    log: app.log.child({ module: 'vehicles' }),
    instanceId: app.cluster.instanceId,
    ...(app.cluster.enabled ? { onAuthenticated: async (key: number) => { await app.cluster.onVehicleAuthenticated?.(key) } } : {}),
  })
  // No MQTT connection survives a restart; a vehicle is online again with its next birth.
  // In a cluster only this instance's own sessions died: the others' vehicles stay online.
  if (app.cluster.enabled) await service.markOwnDisconnected()
  else await service.markAllDisconnected()
  app.decorate('vehicles', service)
  await app.register(routes, { prefix: '/vehicles' })
  app.addHook('onClose', async () => service.close())
}, { name: 'vehicles', dependencies: ['config', 'storage', 'cluster'] })
