import { execFileSync } from 'node:child_process'
import { randomBytes, scryptSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, connectVehicle, provision, startGateway } from '../helper.js'
import { freePort } from '../support/free-port.js'
import { PASSWORD, call, createUser } from './support.js'

/**
 * Password hashing (OWASP scrypt minimum, rehash on log-in, a cap on
 * concurrent hashes), a token on /metrics, and plain MQTT turned off when
 * TLS is configured — one gateway configured for all of them.
 */
const METRICS_TOKEN = 'metrics-token-0123456789abcdef'
const dir = mkdtempSync(path.join(tmpdir(), 'fw-auth-hardening-'))
let gw: TestGateway
let db: pg.Client
let plainPort: number

beforeAll(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(dir, 'server.key'), '-out', path.join(dir, 'server.crt'), '-subj', '/CN=127.0.0.1', '-days', '2'], { stdio: 'pipe' })
  plainPort = await freePort()
  gw = await startGateway({
    AUTH_HASH_CONCURRENCY: '1',
    AUTH_HASH_QUEUE: '0',
    METRICS_TOKEN,
    MQTT_PORT: String(plainPort),
    MQTT_TCP_ENABLED: 'false',
    MQTT_TLS_PORT: '0',
    MQTT_TLS_CERT: path.join(dir, 'server.crt'),
    MQTT_TLS_KEY: path.join(dir, 'server.key'),
  })
  db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
})
afterAll(async () => {
  await db.end()
  await gw.close()
  await gw.dropDatabase()
  rmSync(dir, { recursive: true, force: true })
})

describe('password hashing', () => {
  it('rehashes a password stored with weaker scrypt parameters at the next log-in, and the session works', async () => {
    const created = await createUser(gw, { username: 'legacy', password: PASSWORD, role: 'support' })
    const salt = randomBytes(16)
    const weak = `scrypt$15$8$1$${salt.toString('base64')}$${scryptSync(PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('base64')}`
    await db.query('UPDATE users SET password_hash = $1 WHERE user_id = $2', [weak, created.id])
    const r = await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'legacy', password: PASSWORD } })
    expect(r.status).toBe(200)
    const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE user_id = $1', [created.id])
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$17\$8\$1\$/)
    expect((await call(gw, 'GET', '/auth/me', { token: r.body.token })).status).toBe(200) // sessions are not ended by it
    expect((await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'legacy', password: PASSWORD } })).status).toBe(200)
  })

  it('caps concurrent hashing: the excess answers 503 GW_AUTH_BUSY with Retry-After, nothing is counted as a failure', async () => {
    const attempts = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      call(gw, 'POST', '/auth/login', { token: null, body: { username: `nobody-${i}`, password: 'not the password' } })))
    const statuses = attempts.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true)
    const busy = attempts.find((a) => a.status === 503)
    expect(busy?.body.code).toBe('GW_AUTH_BUSY')
    expect(busy?.headers.get('retry-after')).toBe('1')
  })
})

describe('/metrics with METRICS_TOKEN', () => {
  it('needs the token; the admin token is not it', async () => {
    const res = (token?: string) => fetch(`${gw.httpUrl}/metrics`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
    expect((await res()).status).toBe(401)
    expect((await res('test-admin-token-0123456789abcdef')).status).toBe(401)
    const ok = await res(METRICS_TOKEN)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('fleetwire_')
  })
})

describe('MQTT_TCP_ENABLED=false with TLS', () => {
  it('opens no plain MQTT listener; vehicles connect over TLS', async () => {
    expect(() => gw.app.broker.tcpAddress()).toThrow(/MQTT_TCP_ENABLED=false/)
    const refused = await new Promise<string>((resolve) => {
      const s = connect(plainPort, '127.0.0.1')
      s.once('connect', () => { s.destroy(); resolve('connected') })
      s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
    })
    expect(refused).toBe('ECONNREFUSED')
    const v = await provision(gw)
    const c = await connectVehicle(`mqtts://127.0.0.1:${gw.app.broker.tlsAddress()?.port}`, v, { rejectUnauthorized: false })
    expect(c.connected).toBe(true)
    c.end(true)
  })
})
