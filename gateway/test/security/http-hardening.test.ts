import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ADMIN_TOKEN, type TestGateway, provision, startGateway, testVin } from '../helper.js'
import { downloadPath, urlMacInput } from '../../src/ota/download.core.js'
import { call, serviceToken } from './support.js'

const DASHBOARD = 'https://fleet-dashboard.example'
const EVIL = 'https://evil.example'
let gw: TestGateway
beforeAll(async () => {
  gw = await startGateway({ HTTP_CORS_ORIGINS: DASHBOARD, HTTP_RATE_LIMIT_PER_MIN: '40' })
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

/** Opens /live with an Origin header; resolves with the HTTP status of a refused upgrade, or 101. */
function openLive (origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${gw.httpUrl.replace('http', 'ws')}/live`, origin === undefined ? {} : { origin })
    ws.once('open', () => { ws.close(); resolve(101) })
    ws.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate() })
    ws.once('error', (err) => reject(err))
  })
}

describe('HTTP hardening', () => {
  it('sends security headers (helmet) on API responses and pages', async () => {
    for (const path of ['/healthz', '/vehicles', '/']) {
      const r = await call(gw, 'GET', path)
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(r.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/)
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(r.headers.get('content-security-policy'), path).toContain("default-src 'self'")
      expect(r.headers.get('content-security-policy'), path).toContain("frame-ancestors 'self'")
      expect(r.headers.get('content-security-policy'), path).not.toContain('upgrade-insecure-requests')
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(r.headers.get('x-powered-by'), path).toBeNull()
    }
  })

  it('CORS: a configured origin is allowed, any other gets no CORS headers (preflight and request)', async () => {
    const preflight = (origin: string) => fetch(`${gw.httpUrl}/vehicles`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
    const ok = await preflight(DASHBOARD)
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe(DASHBOARD)
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization')
    const evil = await preflight(EVIL)
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    expect(evil.status).not.toBe(204)
    const get = await call(gw, 'GET', '/vehicles', { headers: { origin: EVIL } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await call(gw, 'GET', '/vehicles', { headers: { origin: DASHBOARD } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DASHBOARD)
  })

  it('WebSocket /live: another site\'s origin is refused (403) before the upgrade; own, configured and no origin connect', async () => {
    expect(await openLive(EVIL)).toBe(403)
    expect(await openLive('null')).toBe(403)
    expect(await openLive(DASHBOARD)).toBe(101)
    expect(await openLive(gw.httpUrl)).toBe(101)
    expect(await openLive(undefined)).toBe(101)
  })

  it('limits request sizes: 413 past 1 MiB, past 4 KiB on log-in', async () => {
    const big = await fetch(`${gw.httpUrl}/rules/validate`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat((1 << 20) + 10) }) })
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' })
    const login = await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'u', password: 'p'.repeat(5000) } })
    expect(login.status).toBe(413)
  })

  it('the OpenAPI document builds and lists log-in as needing no token', async () => {
    const doc = await call(gw, 'GET', '/docs/json', { token: null })
    expect(doc.status).toBe(200)
    expect(doc.body.paths['/auth/login'].post.security).toEqual([])
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/users', '/audit/verify', '/vehicles/{id}/export', '/privacy/policy']))
  })

  it('errors are JSON without internals', async () => {
    const bad = await fetch(`${gw.httpUrl}/rules/validate`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{"unterminated' })
    expect(bad.status).toBe(400)
    const text = await bad.text()
    expect(JSON.parse(text)).toHaveProperty('code')
    expect(text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/)
    const unknown = await call(gw, 'GET', '/no/such/route')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toHaveProperty('message')
  })

  it('rate-limits per token: 429 past the limit for that token only, with Retry-After', async () => {
    const a = (await serviceToken(gw)).token
    const b = (await serviceToken(gw)).token
    const statuses: number[] = []
    for (let i = 0; i < 45; i++) statuses.push((await call(gw, 'GET', '/catalog', { token: a })).status)
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(40).every((s) => s === 429)).toBe(true)
    const limited = await call(gw, 'GET', '/catalog', { token: a })
    expect(limited.body).toMatchObject({ code: 'GW_ERR_RATE_LIMITED' })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await call(gw, 'GET', '/catalog', { token: b })).status).toBe(200)
  })

  it('OTA downloads: per vehicle only after its credentials and the URL signature pass; a claimed VIN counts against the caller\'s address', async () => {
    const artifact = 'a'.repeat(64)
    const [victim, neighbour] = [await provision(gw), await provision(gw)]
    const signed = (vehicle: string) => {
      const claims = { artifactId: artifact, vehicleId: vehicle, expiresAtMs: Date.now() + 600_000 }
      return downloadPath(claims, gw.app.ota.signer.mac(urlMacInput(claims)))
    }
    const basic = (v: { id: string, password: string }) => ({ authorization: `Basic ${Buffer.from(`${v.id}:${v.password}`).toString('base64')}` })
    const get = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${gw.httpUrl}${path}`, { headers })).status

    // An attacker rotating VINs with forged URLs (and one naming the victim) shares one budget: its address's
    // (earlier tests here already spent some of it without a token).
    const forged: number[] = []
    for (let i = 0; i < 42; i++) forged.push(await get(`/ota/download/${artifact}?vehicle=${i === 0 ? victim.id : testVin()}&expires=${Date.now() + 60_000}&sig=AAAA`))
    const firstLimited = forged.indexOf(429)
    expect(firstLimited).toBeGreaterThanOrEqual(0)
    expect(forged.slice(firstLimited).every((s) => s === 429)).toBe(true)
    expect(forged.slice(0, firstLimited).every((s) => s === 401)).toBe(true) // no vehicle credentials
    // Even the victim's genuine signed URL without its credentials counts against the address (already spent).
    expect(await get(signed(victim.id))).toBe(429)
    // The victim itself (same address: the same carrier NAT) still has its whole budget, and so does its neighbour.
    const own: number[] = []
    for (let i = 0; i < 41; i++) own.push(await get(signed(victim.id), basic(victim)))
    expect(own.slice(0, 40).every((s) => s === 410)).toBe(true) // authenticated; no update offers this artifact
    expect(own[40]).toBe(429)
    expect(await get(signed(neighbour.id), basic(neighbour))).toBe(410)
  })
})
