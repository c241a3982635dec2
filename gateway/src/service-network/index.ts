import fp from 'fastify-plugin'
import type { Principal } from '../api/auth/index.js'
import { fail, ok, type Result } from '../common/result.js'
import { createCentersRepository, type CentersRepository } from './centers.repository.js'
import { serviceNetworkRoutes } from './routes.js'

export type { ServiceCenter, CentersRepository, StockRow } from './centers.repository.js'

export interface ServiceNetwork {
  readonly centers: CentersRepository
  /** The centre a technician works at (undefined for everyone else, or a technician not yet assigned). */
  centerOf(p: Principal): Promise<string | undefined>
  setStock(centerId: string, rows: ReadonlyArray<{ partNumber: string, onHand: number, leadTimeDays: number }>): Promise<Result<void, 'GW_STOCK_BELOW_RESERVED'>>
  assignTechnician(userId: string, centerId: string): Promise<Result<void, 'GW_SERVICE_CENTER_NOT_FOUND' | 'GW_USER_NOT_FOUND' | 'GW_USER_INVALID'>>
}

declare module 'fastify' {
  interface FastifyInstance {
    serviceNetwork: ServiceNetwork
  }
}

/** Service centres (position, hours, capabilities, bays), their parts stock and technicians (README: "Service network and work orders"). */
export default fp(async (app) => {
  const centers = createCentersRepository(app.storage.pool)
  const net: ServiceNetwork = {
    centers,
    async centerOf (p) {
      return p.role === 'technician' && p.userId !== undefined ? centers.centerOfUser(p.userId) : undefined
    },
    async setStock (centerId, rows) {
      try {
        await centers.setStock(centerId, rows)
        return ok(undefined)
      } catch (err) {
        // part_stock's CHECK (reserved <= on_hand): a count below what bookings hold is refused, not clamped.
        if ((err as { code?: string }).code === '23514') return fail('GW_STOCK_BELOW_RESERVED', 'on-hand count below the units reserved by booked work orders')
        throw err
      }
    },
    async assignTechnician (userId, centerId) {
      if (await centers.get(centerId) === undefined) return fail('GW_SERVICE_CENTER_NOT_FOUND', `service centre ${centerId} not found`)
      const role = await centers.roleOfUser(userId)
      if (role === undefined) return fail('GW_USER_NOT_FOUND', `user ${userId} not found`)
      if (role !== 'technician') return fail('GW_USER_INVALID', `/role: user ${userId} is a ${role}, not a technician`)
      await centers.assignTechnician(userId, centerId)
      return ok(undefined)
    },
  }
  app.decorate('serviceNetwork', net)
  await app.register(serviceNetworkRoutes)
}, { name: 'service-network', dependencies: ['storage', 'auth', 'audit'] })
