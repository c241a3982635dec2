import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Log } from '../../common/log.js'
import { type Result, fail, ok } from '../../common/result.js'
import type { TokensRepository } from '../../storage/tokens.repository.js'
import type { Tenant, UserChange, UserRecord, UserRole, UsersRepository } from '../../storage/users.repository.js'
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password.js'
import type { HashGate } from './hash-gate.core.js'
import { createLoginThrottle, throttleKey } from './login-throttle.core.js'
import type { SharedLoginThrottle } from './login-throttle.repository.js'
import type { Principal, Role } from './principal.js'

/** The contract's User (docs: CONTRACTS.md "Login"). */
export interface User {
  readonly id: string
  readonly username: string
  readonly role: Role
  readonly tenantId: string | null
  readonly fleets: string[] | null
  readonly regions: string[] | null
  /** Where OTA reminders reach a fleet owner; only present when set. */
  readonly email?: string
}

export interface NewUserInput {
  readonly username: string
  readonly password: string
  readonly role: Role
  readonly tenantId?: string | undefined
  readonly fleets?: string[] | undefined
  readonly regions?: string[] | undefined
  readonly email?: string | undefined
}

export interface UserChangeInput {
  readonly password?: string | undefined
  readonly role?: Role | undefined
  readonly tenantId?: string | null | undefined
  readonly fleets?: string[] | undefined
  readonly regions?: string[] | null | undefined
  readonly email?: string | null | undefined
}

export interface AuditSink {
  record(e: { actor: string, action: string, target: string, detail?: Record<string, unknown> }): Promise<void>
}

export type UsersFailure = 'GW_AUTH_BUSY' | 'GW_USER_EXISTS' | 'GW_USER_NOT_FOUND' | 'GW_USER_INVALID' | 'GW_TENANT_FLEET_TAKEN' | 'GW_TENANT_NOT_FOUND' | 'GW_TOKEN_NOT_FOUND'
export type LoginFailure = 'GW_AUTH_BAD_CREDENTIALS' | 'GW_AUTH_LOCKED' | 'GW_AUTH_BUSY'

export interface UsersServiceDeps {
  users: UsersRepository
  tokens: TokensRepository
  audit: () => AuditSink
  log: Log
  now: () => number
  tokenTtlMs: number
  loginMaxFailures: number
  loginLockoutMs: number
  /** Caps concurrent password hashing (scrypt) across the process. */
  hashGate: HashGate
  /** A cluster's failure counts (Redis); the in-memory throttle still counts too, and decides while this cannot answer. */
  sharedThrottle?: SharedLoginThrottle | undefined
  /** Tenants, users or tokens changed: open live connections re-check their token and scope. */
  onScopesChanged?: (() => void) | undefined
}

/** API tokens are 256 random bits, so SHA-256 is the right hash (nothing to brute-force). */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()
export const newToken = (): string => `fw_${randomBytes(32).toString('base64url')}`

export const toUser = (u: UserRecord): User =>
  ({ id: u.id, username: u.username, role: u.role, tenantId: u.tenantId, fleets: u.fleets, regions: u.regions, ...(u.email === null ? {} : { email: u.email }) })

export const userOfPrincipal = (p: Principal): User => ({
  id: p.userId ?? p.tokenId ?? p.actor,
  username: p.actor.replace(/^(user|token):/, ''),
  role: p.role,
  tenantId: p.tenantId,
  fleets: p.fleets === null ? null : [...p.fleets],
  regions: p.regions === null ? null : [...p.regions],
})

/** Which scope fields a role may carry: fleet owners a tenant, support engineers regions. */
function checkShape (role: Role, tenantId: string | null, fleets: string[] | undefined, regions: string[] | null): Result<UserRole, 'GW_USER_INVALID'> {
  if (role === 'service') return fail('GW_USER_INVALID', '/role: service accounts are tokens (POST /tokens), not users')
  if (role === 'fleet_owner' && tenantId === null) return fail('GW_USER_INVALID', '/tenantId: a fleet_owner needs a tenant')
  if (role !== 'fleet_owner' && tenantId !== null) return fail('GW_USER_INVALID', `/tenantId: only fleet owners belong to a tenant (role ${role})`)
  if (role !== 'fleet_owner' && fleets !== undefined && fleets.length > 0) return fail('GW_USER_INVALID', '/fleets: only fleet owners are limited to fleets')
  if (role !== 'support' && regions !== null) return fail('GW_USER_INVALID', `/regions: only support engineers are limited to regions (role ${role})`)
  return ok(role)
}

/**
 * People, tenants and tokens: users CRUD, password log-in with a lock-out
 * per username and address, short-lived log-in tokens, service tokens,
 * revocation. Every change is audited.
 */
export function createUsersService (d: UsersServiceDeps) {
  const throttle = createLoginThrottle({ maxFailures: d.loginMaxFailures, windowMs: d.loginLockoutMs, lockoutMs: d.loginLockoutMs, maxEntries: 100_000 })
  const changed = (): void => d.onScopesChanged?.()

  /**
   * Clustered, the shared count decides; this instance's own count (always
   * kept) decides only while Redis cannot answer, so an outage falls back to
   * per-instance limits, never to none.
   */
  async function retryAfterMs (key: string): Promise<number> {
    const shared = await d.sharedThrottle?.retryAfterMs(key)
    return shared ?? throttle.retryAfterMs(key, d.now())
  }

  async function claimFleets (tenantId: string, fleets: readonly string[] | undefined, replace: boolean): Promise<Result<true, UsersFailure>> {
    await d.users.ensureTenant(tenantId, tenantId)
    if (fleets === undefined) return ok(true)
    const taken = await d.users.fleetsOwnedElsewhere(tenantId, fleets)
    if (taken.length > 0) return fail('GW_TENANT_FLEET_TAKEN', `/fleets: ${taken.join(', ')} belong(s) to another tenant`)
    if (replace) await d.users.setFleets(tenantId, fleets)
    else await d.users.addFleets(tenantId, fleets)
    return ok(true)
  }

  const busy = () => fail('GW_AUTH_BUSY', 'too many password checks at once; retry in a second')

  return {
    async create (input: NewUserInput, by: string): Promise<Result<User, UsersFailure>> {
      const shape = checkShape(input.role, input.tenantId ?? null, input.fleets, input.regions ?? null)
      if (!shape.ok) return shape
      const username = input.username.toLowerCase()
      if (await d.users.findByUsername(username) !== undefined) return fail('GW_USER_EXISTS', `user ${username} exists`)
      const passwordHash = await d.hashGate.run(() => hashPassword(input.password))
      if (passwordHash === undefined) return busy()
      if (input.tenantId !== undefined) {
        const claimed = await claimFleets(input.tenantId, input.fleets, false)
        if (!claimed.ok) return claimed
      }
      const created = await d.users.insert({ id: randomUUID(), username, passwordHash, role: shape.value, tenantId: input.tenantId ?? null, regions: input.regions ?? null, email: input.email ?? null })
      if (created === undefined) return fail('GW_USER_EXISTS', `user ${username} exists`)
      await d.audit().record({ actor: by, action: 'user.create', target: `user:${created.username}`, detail: { role: created.role, tenantId: created.tenantId, fleets: input.fleets ?? null, regions: created.regions } })
      d.log.info({ username, role: created.role, by }, 'user created')
      // Its fleets may have joined an existing tenant: that tenant's other members now see more.
      if (input.tenantId !== undefined) changed()
      return ok(toUser(created))
    },

    async update (id: string, c: UserChangeInput, by: string): Promise<Result<User, UsersFailure>> {
      const current = await d.users.get(id)
      if (current === undefined) return fail('GW_USER_NOT_FOUND', `user ${id} not found`)
      const role = c.role ?? current.role
      const tenantId = c.tenantId !== undefined ? c.tenantId : (c.role !== undefined && c.role !== 'fleet_owner' ? null : current.tenantId)
      const regions = c.regions !== undefined ? c.regions : (c.role !== undefined && c.role !== 'support' ? null : current.regions)
      const shape = checkShape(role, tenantId, c.fleets, regions)
      if (!shape.ok) return shape
      const password = c.password
      const passwordHash = password === undefined ? undefined : await d.hashGate.run(() => hashPassword(password))
      if (password !== undefined && passwordHash === undefined) return busy()
      if (tenantId !== null) {
        const claimed = await claimFleets(tenantId, c.fleets, false)
        if (!claimed.ok) return claimed
      }
      const change: UserChange = { role: shape.value, tenantId, regions, email: c.email, passwordHash }
      const updated = await d.users.update(id, change)
      if (updated === undefined) return fail('GW_USER_NOT_FOUND', `user ${id} not found`)
      // A changed password or role ends every open session of the user.
      const revoked = await d.tokens.revokeForUser(id)
      changed()
      await d.audit().record({
        actor: by,
        action: c.password !== undefined && c.role === undefined && c.tenantId === undefined && c.regions === undefined && c.fleets === undefined && c.email === undefined ? 'user.password_change' : 'user.update',
        target: `user:${updated.username}`,
        detail: { role: { from: current.role, to: updated.role }, tenantId: updated.tenantId, regions: updated.regions, fleetsAdded: c.fleets ?? null, emailChanged: c.email !== undefined, passwordChanged: c.password !== undefined, sessionsRevoked: revoked },
      })
      return ok(toUser(updated))
    },

    async remove (id: string, by: string): Promise<Result<true, UsersFailure>> {
      const u = await d.users.get(id)
      if (u === undefined || !await d.users.remove(id)) return fail('GW_USER_NOT_FOUND', `user ${id} not found`)
      changed()
      await d.audit().record({ actor: by, action: 'user.delete', target: `user:${u.username}`, detail: { role: u.role } })
      return ok(true)
    },

    get: async (id: string) => { const u = await d.users.get(id); return u === undefined ? undefined : toUser(u) },
    list: async () => (await d.users.list()).map(toUser),

    async revokeSessions (id: string, by: string): Promise<Result<number, UsersFailure>> {
      const u = await d.users.get(id)
      if (u === undefined) return fail('GW_USER_NOT_FOUND', `user ${id} not found`)
      const n = await d.tokens.revokeForUser(id)
      changed()
      await d.audit().record({ actor: by, action: 'user.sessions_revoke', target: `user:${u.username}`, detail: { revoked: n } })
      return ok(n)
    },

    /** 401 and 429 are told apart only by the lock-out; an unknown user costs as much as a wrong password. */
    async login (username: string, password: string, ip: string): Promise<Result<{ token: string, expiresAt: Date, user: User }, LoginFailure>> {
      const key = throttleKey(username, ip)
      const waitMs = await retryAfterMs(key)
      const target = `user:${username.toLowerCase()}`
      if (waitMs > 0) {
        await d.audit().record({ actor: 'anonymous', action: 'auth.login_locked', target, detail: { ip } })
        return fail('GW_AUTH_LOCKED', `too many failed log-ins; retry in ${Math.ceil(waitMs / 1000)} s`)
      }
      const user = await d.users.findByUsername(username)
      const verified = await d.hashGate.run(() => verifyPassword(password, user?.passwordHash ?? DUMMY_HASH))
      if (verified === undefined) return busy()
      const good = verified && user !== undefined
      if (!good || user === undefined) {
        const lockedHere = throttle.failure(key, d.now())
        const locked = await d.sharedThrottle?.failure(key) ?? lockedHere
        await d.audit().record({ actor: 'anonymous', action: 'auth.login_failed', target, detail: { ip, reason: user === undefined ? 'unknown user' : 'wrong password', locked } })
        d.log.warn({ username, ip, locked }, 'log-in failed')
        return fail('GW_AUTH_BAD_CREDENTIALS', 'wrong username or password')
      }
      throttle.success(key)
      await d.sharedThrottle?.success(key)
      // Stored with weaker scrypt parameters: replace it now that the password is known (sessions stay).
      if (needsRehash(user.passwordHash)) {
        const stronger = await d.hashGate.run(() => hashPassword(password))
        if (stronger !== undefined) {
          await d.users.update(user.id, { passwordHash: stronger })
          d.log.info({ username: user.username }, 'password rehashed with current scrypt parameters')
        }
      }
      const token = newToken()
      const tokenId = randomUUID()
      const expiresAt = new Date(d.now() + d.tokenTtlMs)
      await d.tokens.insert(tokenId, hashToken(token), user.role, `log-in ${user.username}`, { userId: user.id, expiresAt })
      await d.audit().record({ actor: `user:${user.username}`, action: 'auth.login', target: `user:${user.username}`, detail: { ip, tokenId, expiresAt: expiresAt.toISOString() } })
      return ok({ token, expiresAt, user: toUser(user) })
    },

    retryAfterS: async (username: string, ip: string): Promise<number> => Math.ceil(await retryAfterMs(throttleKey(username, ip)) / 1000),

    async logout (p: Principal): Promise<void> {
      if (p.tokenId !== undefined && await d.tokens.revoke(p.tokenId)) changed()
      await d.audit().record({ actor: p.actor, action: 'auth.logout', target: `token:${p.tokenId ?? 'unknown'}` })
    },

    async createServiceToken (input: { label: string, tenantId?: string | undefined, regions?: string[] | undefined, expiresInDays?: number | undefined }, by: string): Promise<Result<{ id: string, token: string, expiresAt: Date | null }, UsersFailure>> {
      if (input.tenantId !== undefined && await d.users.getTenant(input.tenantId) === undefined) return fail('GW_TENANT_NOT_FOUND', `tenant ${input.tenantId} not found`)
      const token = newToken()
      const id = randomUUID()
      const expiresAt = input.expiresInDays === undefined ? null : new Date(d.now() + input.expiresInDays * 86_400_000)
      await d.tokens.insert(id, hashToken(token), 'service', input.label, { tenantId: input.tenantId ?? null, regions: input.regions ?? null, expiresAt: expiresAt ?? undefined })
      await d.audit().record({ actor: by, action: 'token.create', target: `token:${id}`, detail: { role: 'service', label: input.label, tenantId: input.tenantId ?? null, regions: input.regions ?? null } })
      return ok({ id, token, expiresAt })
    },

    async revokeToken (id: string, by: string): Promise<Result<true, UsersFailure>> {
      if (!await d.tokens.revoke(id)) return fail('GW_TOKEN_NOT_FOUND', `no active token ${id}`)
      changed()
      await d.audit().record({ actor: by, action: 'token.revoke', target: `token:${id}` })
      return ok(true)
    },

    listTokens: (filter: { userId?: string | undefined, active?: boolean | undefined }) => d.tokens.list(filter, 500),

    listTenants: (): Promise<Tenant[]> => d.users.listTenants(),

    async putTenant (id: string, body: { name?: string | undefined, fleets: string[] }, by: string): Promise<Result<Tenant, UsersFailure>> {
      const claimed = await claimFleets(id, body.fleets, true)
      if (!claimed.ok) return claimed
      changed()
      if (body.name !== undefined) await d.users.renameTenant(id, body.name)
      const t = await d.users.getTenant(id)
      if (t === undefined) return fail('GW_TENANT_NOT_FOUND', `tenant ${id} not found`)
      await d.audit().record({ actor: by, action: 'tenant.update', target: `tenant:${id}`, detail: { name: t.name, fleets: t.fleets } })
      return ok(t)
    },
  }
}

export type UsersService = ReturnType<typeof createUsersService>
