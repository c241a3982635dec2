import fp from 'fastify-plugin'
import { randomUUID } from 'node:crypto'
import { createTokensRepository, type TokenRecord } from '../../storage/tokens.repository.js'
import { createUsersRepository } from '../../storage/users.repository.js'
import { ForbiddenError, UnauthorizedError } from '../../common/errors.js'
import type { Principal, Role } from './principal.js'
import { createUsersService, hashToken, newToken, type UsersService } from './users.service.js'
import { authRoutes } from './routes.js'
import { createHashGate } from './hash-gate.core.js'
import { adminRoutes } from './admin.routes.js'
import { createSharedLoginThrottle } from './login-throttle.repository.js'

export type { Principal, Role, VehicleScope } from './principal.js'
export { inScope, isUnrestricted, NOTHING, scopeOf, scopeOfRequest, UNRESTRICTED } from './principal.js'
export type { User, UsersService } from './users.service.js'

export interface Auth {
  /** Set when this start generated the admin token: shown once, then only its hash exists. */
  readonly generatedAdminToken: string | undefined
  /** For transports without request headers (the dashboards' WebSocket). */
  verify(token: string): Promise<Principal | undefined>
  /** People, tenants, log-in and tokens. */
  readonly users: UsersService
  /**
   * Tenants, users or tokens changed (`remote`: on another instance of a
   * cluster): whoever holds a principal beyond one request (live
   * connections) re-checks it.
   */
  onScopesChanged(listener: (remote: boolean) => void): void
  /** Told by the cluster that another instance changed tenants, users or tokens. */
  scopesChangedElsewhere(): void
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

function principalOf (t: TokenRecord): Principal {
  // Fail closed: a fleet owner or tenant token without fleets sees nothing.
  const fleets = t.tenantId === null ? (t.role === 'fleet_owner' || t.role === 'technician' ? [] : null) : (t.fleets ?? [])
  return {
    actor: t.username === null ? `token:${t.tokenId}` : `user:${t.username}`,
    role: t.role,
    tenantId: t.tenantId,
    fleets: t.role === 'admin' ? null : fleets,
    regions: t.role === 'admin' ? null : t.regions,
    tokenId: t.tokenId,
    ...(t.userId === null ? {} : { userId: t.userId }),
  }
}

/**
 * Bearer-token authentication and role checks for the REST API, people and
 * log-in (README: "Security and data protection"). On first start (no admin
 * token stored and none configured) an admin token is generated and handed
 * to server.ts to print once. Tokens are looked up on every request, so a
 * revoked token or a changed role takes effect at once.
 */
export default fp(async (app) => {
  const tokens = createTokensRepository(app.storage.pool)
  const log = app.log.child({ module: 'auth' })
  let generatedAdminToken: string | undefined
  if (app.config.adminToken !== undefined) {
    await tokens.insert(randomUUID(), hashToken(app.config.adminToken), 'admin', 'ADMIN_TOKEN')
  } else if (await tokens.countActive('admin') === 0) {
    generatedAdminToken = newToken()
    await tokens.insert(randomUUID(), hashToken(generatedAdminToken), 'admin', 'generated on first start')
    log.warn('no admin token existed: generated one (printed once on the console)')
  }
  // Principals are not cached (see verify): a change only has to reach those who hold one open.
  const scopeListeners = new Set<(remote: boolean) => void>()
  const scopesChanged = (remote: boolean): void => {
    for (const l of scopeListeners) {
      try {
        l(remote)
      } catch (err) {
        log.error({ err }, 'scope change listener failed')
      }
    }
  }
  const { redis } = app.cluster
  async function verify (token: string): Promise<Principal | undefined> {
    const record = token === '' ? undefined : await tokens.findActiveByHash(hashToken(token))
    return record === undefined ? undefined : principalOf(record)
  }
  const users = createUsersService({
    users: createUsersRepository(app.storage.pool),
    tokens,
    // The audit plugin registers after this one (its routes need this plugin's hook); looked up when used.
    audit: () => app.audit,
    log,
    now: Date.now,
    tokenTtlMs: app.config.auth.tokenTtlMs,
    loginMaxFailures: app.config.auth.loginMaxFailures,
    loginLockoutMs: app.config.auth.loginLockoutMs,
    hashGate: createHashGate({ concurrency: app.config.auth.hashConcurrency, queue: app.config.auth.hashQueue }),
    // Clustered: N instances must not allow N times the tries.
    sharedThrottle: redis === undefined
      ? undefined
      : createSharedLoginThrottle(redis, { maxFailures: app.config.auth.loginMaxFailures, windowMs: app.config.auth.loginLockoutMs, lockoutMs: app.config.auth.loginLockoutMs, timeoutMs: 500 }, log),
    onScopesChanged: () => scopesChanged(false),
  })
  app.decorate('auth', {
    generatedAdminToken,
    verify,
    users,
    onScopesChanged: (l: (remote: boolean) => void) => { scopeListeners.add(l) },
    scopesChangedElsewhere: () => scopesChanged(true),
  })
  app.decorateRequest('principal', null)

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.public === true) return
    const header = req.headers.authorization
    const token = header?.startsWith('Bearer ') === true ? header.slice(7).trim() : undefined
    const principal = token === undefined ? undefined : await verify(token)
    if (principal === undefined) throw new UnauthorizedError()
    req.principal = principal
    const allowed = req.routeOptions.config.access ?? ['admin']
    if (!allowed.includes(principal.role)) throw new ForbiddenError(principal.role)
  })

  await app.register(authRoutes)
  await app.register(adminRoutes)
}, { name: 'auth', dependencies: ['storage', 'config', 'cluster'] })
