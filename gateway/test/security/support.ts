import WebSocket from 'ws'
import type { Role } from '../../src/api/auth/principal.js'
import { ADMIN_TOKEN, type TestGateway } from '../helper.js'

/** Calls the real HTTP server as `token` (default: the admin token). */
export async function call (gw: TestGateway, method: string, path: string, opts: { token?: string | null, body?: unknown, headers?: Record<string, string> } = {}): Promise<{ status: number, body: any, headers: Headers }> {
  const token = opts.token === undefined ? ADMIN_TOKEN : opts.token
  const res = await fetch(`${gw.httpUrl}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...opts.headers,
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  })
  const text = await res.text()
  let body: unknown = text
  try { body = text === '' ? null : JSON.parse(text) } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers }
}

export interface NewUser {
  username: string
  password: string
  role: Exclude<Role, 'service'>
  tenantId?: string
  fleets?: string[]
  regions?: string[]
  email?: string
}

export async function createUser (gw: TestGateway, u: NewUser): Promise<{ id: string }> {
  const r = await call(gw, 'POST', '/users', { body: u })
  if (r.status !== 201) throw new Error(`create user ${u.username}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as { id: string }
}

export async function login (gw: TestGateway, username: string, password: string): Promise<string> {
  const r = await call(gw, 'POST', '/auth/login', { token: null, body: { username, password } })
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`)
  return (r.body as { token: string }).token
}

export async function serviceToken (gw: TestGateway, opts: { tenantId?: string, regions?: string[] } = {}): Promise<{ id: string, token: string }> {
  const r = await call(gw, 'POST', '/tokens', { body: { label: 'test integration', ...opts } })
  if (r.status !== 201) throw new Error(`service token: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as { id: string, token: string }
}

export const PASSWORD = 'correct horse battery staple'

/** One user (or token) per role; fleet owner of `tenant` with `fleets`. */
export async function tokensPerRole (gw: TestGateway, tag: string, tenant = { id: `tenant-${tag}`, fleets: [`fleet-${tag}`] }): Promise<Record<Role, string>> {
  await createUser(gw, { username: `admin-${tag}`, password: PASSWORD, role: 'admin' })
  await createUser(gw, { username: `support-${tag}`, password: PASSWORD, role: 'support' })
  await createUser(gw, { username: `owner-${tag}`, password: PASSWORD, role: 'fleet_owner', tenantId: tenant.id, fleets: tenant.fleets })
  await createUser(gw, { username: `technician-${tag}`, password: PASSWORD, role: 'technician' })
  return {
    admin: await login(gw, `admin-${tag}`, PASSWORD),
    support: await login(gw, `support-${tag}`, PASSWORD),
    fleet_owner: await login(gw, `owner-${tag}`, PASSWORD),
    service: (await serviceToken(gw)).token,
    technician: await login(gw, `technician-${tag}`, PASSWORD),
  }
}

export type LiveMessage = Record<string, unknown>

/** A real WebSocket to `/live` that keeps what it receives, for tests to await. */
export interface LiveConnection {
  inbox: LiveMessage[]
  closed: Promise<{ code: number, reason: string }>
  send(m: object): void
  /** Takes the first received message matching `pred` out of the inbox, waiting up to `timeoutMs`. */
  next(pred: (m: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>
  close(): void
}

export async function openLive (gw: TestGateway): Promise<LiveConnection> {
  const ws = new WebSocket(`${gw.httpUrl.replace('http', 'ws')}/live`)
  const inbox: LiveMessage[] = []
  ws.on('message', (raw) => inbox.push(...JSON.parse(String(raw)) as LiveMessage[]))
  const closed = new Promise<{ code: number, reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })))
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject) })
  const next = async (pred: (m: LiveMessage) => boolean, timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs
    for (;;) {
      const i = inbox.findIndex(pred)
      if (i >= 0) return inbox.splice(i, 1)[0] as LiveMessage
      if (Date.now() > until) throw new Error(`no matching live message in ${JSON.stringify(inbox)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return { inbox, closed, send: (m: object) => ws.send(JSON.stringify(m)), next, close: () => ws.close() }
}

/** openLive, authenticated as `token` (waits for `ready`). */
export async function liveAs (gw: TestGateway, token: string): Promise<LiveConnection> {
  const l = await openLive(gw)
  l.send({ type: 'auth', token })
  await l.next((m) => m.type === 'ready')
  return l
}
