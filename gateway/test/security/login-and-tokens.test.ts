import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, startGateway } from '../helper.js'
import { PASSWORD, call, createUser, login, serviceToken } from './support.js'

let gw: TestGateway
let db: pg.Client
beforeAll(async () => {
  gw = await startGateway({ AUTH_LOGIN_MAX_FAILURES: '3', AUTH_LOGIN_LOCKOUT_S: '60' })
  db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
})
afterAll(async () => {
  await db.end()
  await gw.close()
  await gw.dropDatabase()
})

describe('password log-in', () => {
  it('issues a short-lived token for the right password; the contract\'s User comes back', async () => {
    const created = await createUser(gw, { username: 'alice', password: PASSWORD, role: 'support', regions: ['EU', 'SEA'] })
    const before = Date.now()
    const r = await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'alice', password: PASSWORD } })
    expect(r.status).toBe(200)
    expect(r.body.user).toEqual({ id: created.id, username: 'alice', role: 'support', tenantId: null, fleets: null, regions: ['EU', 'SEA'] })
    const ttl = Date.parse(r.body.expiresAt) - before
    expect(ttl).toBeGreaterThan(3_590_000)
    expect(ttl).toBeLessThan(3_700_000)
    expect((await call(gw, 'GET', '/auth/me', { token: r.body.token })).body).toMatchObject({ username: 'alice', role: 'support', regions: ['EU', 'SEA'] })
  })

  it('stores only a salted scrypt hash of the password', async () => {
    await createUser(gw, { username: 'hash-check', password: PASSWORD, role: 'admin' })
    await createUser(gw, { username: 'hash-check-2', password: PASSWORD, role: 'admin' })
    const { rows } = await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username LIKE 'hash-check%'")
    expect(rows).toHaveLength(2)
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
      expect(r.password_hash).not.toContain(PASSWORD)
    }
    expect(rows[0]?.password_hash).not.toBe(rows[1]?.password_hash)
  })

  it('answers 401 GW_AUTH_BAD_CREDENTIALS for a wrong password and an unknown user alike', async () => {
    const wrong = await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'alice', password: 'not the password' } })
    const unknown = await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'nobody-here', password: 'whatever it is' } })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual({ code: 'GW_AUTH_BAD_CREDENTIALS', message: 'wrong username or password' })
    expect(unknown.body).toEqual(wrong.body)
  })

  it('locks a username+address out with 429 after repeated failures, even for the right password', async () => {
    await createUser(gw, { username: 'bob', password: PASSWORD, role: 'support' })
    for (let i = 0; i < 3; i++) {
      expect((await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'bob', password: `guess-${i}-xxxxx` } })).status).toBe(401)
    }
    const locked = await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'bob', password: PASSWORD } })
    expect(locked.status).toBe(429)
    expect(locked.body.code).toBe('GW_AUTH_LOCKED')
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(50)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // other users from the same address are not locked
    expect((await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'alice', password: PASSWORD } })).status).toBe(200)
    const audit = await call(gw, 'GET', '/audit?target=user:bob')
    expect(audit.body.items.map((x: { action: string }) => x.action)).toEqual(['auth.login_locked', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'user.create'])
  })
})

describe('token revocation', () => {
  it('logout revokes the calling token at once', async () => {
    await createUser(gw, { username: 'carol', password: PASSWORD, role: 'admin' })
    const token = await login(gw, 'carol', PASSWORD)
    const other = await login(gw, 'carol', PASSWORD)
    expect((await call(gw, 'GET', '/vehicles', { token })).status).toBe(200)
    expect((await call(gw, 'POST', '/auth/logout', { token })).status).toBe(204)
    expect((await call(gw, 'GET', '/vehicles', { token })).status).toBe(401)
    // the user's other session stays
    expect((await call(gw, 'GET', '/vehicles', { token: other })).status).toBe(200)
  })

  it('an admin revokes all of a user\'s sessions, or one token', async () => {
    const u = await createUser(gw, { username: 'dave', password: PASSWORD, role: 'support' })
    const t1 = await login(gw, 'dave', PASSWORD)
    const t2 = await login(gw, 'dave', PASSWORD)
    const r = await call(gw, 'DELETE', `/users/${u.id}/sessions`)
    expect(r.body).toEqual({ revoked: 2 })
    for (const t of [t1, t2]) expect((await call(gw, 'GET', '/auth/me', { token: t })).status).toBe(401)
    const t3 = await login(gw, 'dave', PASSWORD)
    const tokens = await call(gw, 'GET', `/tokens?userId=${u.id}&active=true`)
    expect(tokens.body.items).toHaveLength(1)
    expect(JSON.stringify(tokens.body)).not.toContain(t3)
    expect((await call(gw, 'DELETE', `/tokens/${tokens.body.items[0].id}`)).status).toBe(204)
    expect((await call(gw, 'GET', '/auth/me', { token: t3 })).status).toBe(401)
    expect((await call(gw, 'DELETE', `/tokens/${tokens.body.items[0].id}`)).status).toBe(404)
  })

  it('an expired token is refused', async () => {
    await createUser(gw, { username: 'erin', password: PASSWORD, role: 'support' })
    const token = await login(gw, 'erin', PASSWORD)
    await db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE label = 'log-in erin'")
    expect((await call(gw, 'GET', '/auth/me', { token })).status).toBe(401)
  })

  it('changing a user\'s role or password ends its sessions; a deleted user\'s tokens stop working', async () => {
    const u = await createUser(gw, { username: 'frank', password: PASSWORD, role: 'admin' })
    const token = await login(gw, 'frank', PASSWORD)
    const changed = await call(gw, 'PATCH', `/users/${u.id}`, { body: { role: 'support', regions: ['AU'] } })
    expect(changed.body).toMatchObject({ role: 'support', regions: ['AU'], tenantId: null })
    expect((await call(gw, 'GET', '/auth/me', { token })).status).toBe(401)
    const again = await login(gw, 'frank', PASSWORD)
    expect((await call(gw, 'POST', '/users', { token: again, body: {} })).status).toBe(403)
    await call(gw, 'PATCH', `/users/${u.id}`, { body: { password: 'a brand new passphrase' } })
    expect((await call(gw, 'GET', '/auth/me', { token: again })).status).toBe(401)
    expect((await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'frank', password: PASSWORD } })).status).toBe(401)
    const latest = await login(gw, 'frank', 'a brand new passphrase')
    expect((await call(gw, 'DELETE', `/users/${u.id}`)).status).toBe(204)
    expect((await call(gw, 'GET', '/auth/me', { token: latest })).status).toBe(401)
    expect((await call(gw, 'GET', `/users/${u.id}`)).status).toBe(404)
  })

  it('service tokens: shown once, scoped to a tenant, revocable', async () => {
    await call(gw, 'PUT', '/tenants/svc-tenant', { body: { name: 'Svc Ltd', fleets: ['svc-fleet'] } })
    const s = await serviceToken(gw, { tenantId: 'svc-tenant' })
    expect((await call(gw, 'GET', '/auth/me', { token: s.token })).body).toMatchObject({ role: 'service', tenantId: 'svc-tenant', fleets: ['svc-fleet'] })
    expect((await call(gw, 'POST', '/vehicles', { token: s.token, body: {} })).status).toBe(403)
    expect((await call(gw, 'DELETE', `/tokens/${s.id}`)).status).toBe(204)
    expect((await call(gw, 'GET', '/auth/me', { token: s.token })).status).toBe(401)
    expect((await call(gw, 'POST', '/tokens', { body: { label: 'x', tenantId: 'no-such-tenant' } })).status).toBe(404)
  })
})

describe('users administration', () => {
  it('refuses duplicates, role/scope mismatches and weak passwords with precise messages', async () => {
    await createUser(gw, { username: 'grace', password: PASSWORD, role: 'support' })
    expect((await call(gw, 'POST', '/users', { body: { username: 'GRACE', password: PASSWORD, role: 'support' } })).body.code).toBe('GW_USER_EXISTS')
    const noTenant = await call(gw, 'POST', '/users', { body: { username: 'heidi', password: PASSWORD, role: 'fleet_owner' } })
    expect(noTenant).toMatchObject({ status: 400, body: { code: 'GW_USER_INVALID', message: '/tenantId: a fleet_owner needs a tenant' } })
    expect((await call(gw, 'POST', '/users', { body: { username: 'ivan', password: PASSWORD, role: 'admin', regions: ['EU'] } })).body.message).toContain('/regions')
    expect((await call(gw, 'POST', '/users', { body: { username: 'judy', password: 'short', role: 'admin' } })).body).toMatchObject({ code: 'GW_ERR_INVALID_INPUT' })
    expect((await call(gw, 'POST', '/users', { body: { username: 'svc', password: PASSWORD, role: 'service' } })).body.message).toContain('POST /tokens')
  })

  it('a fleet belongs to one tenant', async () => {
    await createUser(gw, { username: 'owner-x', password: PASSWORD, role: 'fleet_owner', tenantId: 'tenant-x', fleets: ['fleet-x'] })
    const clash = await call(gw, 'POST', '/users', { body: { username: 'owner-y', password: PASSWORD, role: 'fleet_owner', tenantId: 'tenant-y', fleets: ['fleet-x'] } })
    expect(clash).toMatchObject({ status: 409, body: { code: 'GW_TENANT_FLEET_TAKEN' } })
    // a second owner of the same tenant sees the tenant's fleets
    await createUser(gw, { username: 'owner-x2', password: PASSWORD, role: 'fleet_owner', tenantId: 'tenant-x' })
    expect((await call(gw, 'GET', '/auth/me', { token: await login(gw, 'owner-x2', PASSWORD) })).body.fleets).toEqual(['fleet-x'])
    const tenants = await call(gw, 'GET', '/tenants')
    expect(tenants.body.items).toContainEqual({ id: 'tenant-x', name: 'tenant-x', fleets: ['fleet-x'] })
  })
})
