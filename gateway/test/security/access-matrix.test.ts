import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_ROLES as ROLES, type Role } from '../../src/api/auth/principal.js'
import { type TestGateway, startGateway } from '../helper.js'
import { ACCESS_MATRIX } from './access-matrix.js'
import { PASSWORD, call, createUser, login, serviceToken, tokensPerRole } from './support.js'

let gw: TestGateway
let tokens: Record<Role, string>

beforeAll(async () => {
  gw = await startGateway({ HTTP_CORS_ORIGINS: DASHBOARD_ORIGIN })
  tokens = await tokensPerRole(gw, 'matrix')
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

const DASHBOARD_ORIGIN = 'https://dashboard.example'
const key = (r: { method: string, url: string }) => `${r.method} ${r.url}`

/** A concrete path for a route pattern: ids that do not exist (so nothing is changed), a real signal name. */
function pathFor (url: string): string {
  if (url === '*') return '/vehicles'
  const kind = url.split('/')[1]
  const id = kind === 'vehicles' ? 'WVWZZZ1JZXW999999' : kind === 'alerts' ? '00000000-0000-4000-8000-000000000000' : kind === 'tenants' ? 'matrix-probe' : 'no-such-id'
  return url.replace(':id', id).replace(':signal', 'Vehicle.Speed').replace('*', 'no-such-file.css')
}

/** Logout revokes the calling token: every call to it gets a fresh one. */
let fresh = 0
async function freshToken (role: Role): Promise<string> {
  if (role === 'service') return (await serviceToken(gw)).token
  const username = `fresh-${role.replace('_', '-')}-${++fresh}`
  await createUser(gw, { username, password: PASSWORD, role: role as Exclude<Role, 'service'>, ...(role === 'fleet_owner' ? { tenantId: 'tenant-matrix' } : {}) })
  return login(gw, username, PASSWORD)
}

describe('route × role access matrix', () => {
  it('every registered route has an entry in the matrix, and every entry a route', () => {
    const registered = gw.app.httpSecurity.routes().map(key)
    const missing = registered.filter((k) => !(k in ACCESS_MATRIX))
    const stale = Object.keys(ACCESS_MATRIX).filter((k) => !registered.includes(k))
    expect(missing, 'routes without an entry in test/security/access-matrix.ts').toEqual([])
    expect(stale, 'matrix entries without a route').toEqual([])
    expect(registered.length).toBeGreaterThanOrEqual(60)
  })

  it('every route declares what the matrix says (public, or exactly these roles)', () => {
    for (const r of gw.app.httpSecurity.routes()) {
      const want = ACCESS_MATRIX[key(r)]
      // The CORS preflight is answered before authentication (api/hardening.plugin.ts); everything else by config.
      const isPublic = r.public || r.method === 'OPTIONS'
      if (want === 'public') {
        expect(isPublic, key(r)).toBe(true)
      } else {
        expect(isPublic, key(r)).toBe(false)
        expect([...(r.access ?? ['admin'])].sort(), key(r)).toEqual([...(want ?? [])].sort())
      }
    }
  })

  it('the running gateway allows and refuses each role on each route as the matrix says (real HTTP)', async () => {
    const outcomes: string[] = []
    let checks = 0
    for (const r of gw.app.httpSecurity.routes()) {
      const want = ACCESS_MATRIX[key(r)]
      const path = pathFor(r.url)
      const body = ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined
      // The preflight is what a browser sends from an allowed origin before a cross-site call.
      const headers = r.method === 'OPTIONS' ? { origin: DASHBOARD_ORIGIN, 'access-control-request-method': 'GET' } : undefined
      const anonymous = await call(gw, r.method, path, { token: null, body, ...(headers === undefined ? {} : { headers }) })
      checks++
      // A 5xx is never an answer: the route broke on input a client may send.
      if (want === 'public' ? [401, 403].includes(anonymous.status) || anonymous.status >= 500 : anonymous.status !== 401) outcomes.push(`${key(r)} anonymous → ${anonymous.status}`)
      if (want === 'public') continue
      for (const role of ROLES) {
        const token = r.url === '/auth/logout' ? await freshToken(role) : tokens[role]
        const res = await call(gw, r.method, path, { token, body })
        checks++
        const allowed = want?.includes(role) === true
        if (allowed ? [401, 403].includes(res.status) || res.status >= 500 : res.status !== 403) outcomes.push(`${key(r)} ${role} → ${res.status} (${allowed ? 'allowed' : 'denied'} in the matrix)`)
        if (!allowed) expect(res.body).toEqual({ code: 'GW_ERR_FORBIDDEN', message: `the ${role} role may not use this route` })
      }
    }
    expect(outcomes).toEqual([])
    expect(checks).toBe(gw.app.httpSecurity.routes().length + ROLES.length * Object.values(ACCESS_MATRIX).filter((w) => w !== 'public').length)
  }, 180_000) // ~400 real HTTP calls, and a log-in (scrypt) per role for the logout route
})
