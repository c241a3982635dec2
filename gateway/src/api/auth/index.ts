import fp from 'fastify-plugin'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { createTokensRepository, type TokenRecord } from '../../storage/tokens.repository.js'
import { ForbiddenError, UnauthorizedError } from '../../shared/errors.js'
import type { Principal, Role } from './principal.js'

export type { Principal, Role, VehicleScope } from './principal.js'
export { inScope, scopeOf, UNRESTRICTED } from './principal.js'

export interface Auth {
  /** Set when this start generated the admin token: shown once, then only its hash exists. */
  readonly generatedAdminToken: string | undefined
  /** For transports without request headers (the dashboards' WebSocket). */
  verify(token: string): Promise<Principal | undefined>
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: Auth
  }
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyContextConfig {
    /** Reachable without a token (health, metrics, docs, MQTT over WebSocket, dashboard assets). */
    public?: boolean
    /** Roles allowed on this route; a route without it is admin-only. */
    access?: readonly Role[]
  }
}

/** API tokens are 256 random bits, so SHA-256 is the right hash (nothing to brute-force). */
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest()
const newToken = () => `fw_${randomBytes(32).toString('base64url')}`

const principalOf = (t: TokenRecord): Principal =>
  ({ actor: `token:${t.tokenId}`, role: t.role, tenantId: null, fleets: null, regions: null })

/**
 * Bearer-token authentication for the REST API. On first start (no admin
 * token stored and none configured) an admin token is generated and handed
 * to server.ts to print once. The role model grows in a later issue.
 */
export default fp(async (app) => {
  const repo = createTokensRepository(app.storage.pool)
  const log = app.log.child({ module: 'auth' })
  let generatedAdminToken: string | undefined
  if (app.config.adminToken !== undefined) {
    await repo.insert(randomUUID(), hashToken(app.config.adminToken), 'admin', 'ADMIN_TOKEN')
  } else if (await repo.countActive('admin') === 0) {
    generatedAdminToken = newToken()
    await repo.insert(randomUUID(), hashToken(generatedAdminToken), 'admin', 'generated on first start')
    log.warn('no admin token existed: generated one (printed once on the console)')
  }
  async function verify (token: string): Promise<Principal | undefined> {
    const record = token === '' ? undefined : await repo.findActiveByHash(hashToken(token))
    return record === undefined ? undefined : principalOf(record)
  }
  app.decorate('auth', { generatedAdminToken, verify })
  app.decorateRequest('principal', null)

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.public === true || req.url.startsWith('/docs')) return
    const header = req.headers.authorization
    const token = header?.startsWith('Bearer ') === true ? header.slice(7).trim() : undefined
    const principal = token === undefined ? undefined : await verify(token)
    if (principal === undefined) throw new UnauthorizedError()
    req.principal = principal
    const allowed = req.routeOptions.config.access ?? ['admin']
    if (!allowed.includes(principal.role)) throw new ForbiddenError(principal.role)
  })
}, { name: 'auth', dependencies: ['storage', 'config'] })
