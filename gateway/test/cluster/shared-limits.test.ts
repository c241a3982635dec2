import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { type TestGateway, startGateway, waitFor } from '../helper.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { freePort } from '../support/free-port.js'
import { createUser } from '../security/support.js'
import { RedisServer } from '../../scripts/cluster/redis-server.js'
import { HaproxyProcess } from '../../scripts/cluster/haproxy.js'
import { clusterEnv } from './cluster-env.js'
import { createServer, type Server } from 'node:net'
import pino from 'pino'
import { connectRedis } from '../../src/cluster/redis.js'
import { createSharedLoginThrottle } from '../../src/api/auth/login-throttle.repository.js'

/** Three gateway instances (in this process) behind the test HAProxy, on one PostgreSQL and one Redis. */
const MAX_FAILURES = 4
const PASSWORD = 'correct horse battery staple'
let redis: RedisServer
let db: TestDatabase
let gws: TestGateway[]
let lb: HaproxyProcess
let lbUrl: string

beforeAll(async () => {
  redis = await RedisServer.start()
  db = await createTestDatabase()
  gws = []
  for (const id of ['gw-a', 'gw-b', 'gw-c']) {
    gws.push(await startGateway(clusterEnv(redis.url, id, { AUTH_LOGIN_MAX_FAILURES: String(MAX_FAILURES), TRUST_PROXY: '127.0.0.1' }), db.url))
  }
  const ports = { bindHost: '127.0.0.1', httpPort: await freePort(), mqttPort: await freePort() }
  lb = await HaproxyProcess.start(ports, gws.map((g, i) => ({
    name: `gw${i}`,
    host: '127.0.0.1',
    httpPort: Number(new URL(g.httpUrl).port),
    mqttPort: Number(new URL(g.mqttUrl).port),
  })))
  lbUrl = `http://127.0.0.1:${ports.httpPort}`
}, 120_000)
afterAll(async () => {
  await lb?.stop()
  for (const g of gws ?? []) await g.close()
  await db?.drop()
  await redis?.close()
})

async function login (base: string, username: string, password: string, forwardedFor?: string): Promise<{ status: number, retryAfter: string | null }> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
    body: JSON.stringify({ username, password }),
  })
  await res.arrayBuffer()
  return { status: res.status, retryAfter: res.headers.get('retry-after') }
}

const instances = () => gws.map((g) => g.httpUrl)

describe('cluster: the log-in throttle holds across instances', () => {
  it('failures spread over the instances by HAProxy lock the username+address at AUTH_LOGIN_MAX_FAILURES; every instance answers 429 with Retry-After', async () => {
    await createUser(gws[0] as TestGateway, { username: 'spread', password: PASSWORD, role: 'support' })
    // Round robin over three instances: none of them sees more than two of the four failures.
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(lbUrl, 'spread', 'wrong')).status).toBe(401)
    for (const base of [...instances(), lbUrl, lbUrl, lbUrl]) {
      const r = await login(base, 'spread', PASSWORD)
      expect(r.status).toBe(429)
      const s = Number(r.retryAfter)
      expect(s).toBeGreaterThan(0)
      expect(s).toBeLessThanOrEqual(900)
    }
    // Only that username from that address: the same user elsewhere, and other users here, still log in.
    expect((await login(lbUrl, 'spread', PASSWORD, '10.20.30.40')).status).toBe(200)
    // Redis holds the lock-out under a hashed key that expires by itself (nothing outlives AUTH_LOGIN_LOCKOUT_S).
    const r = new Redis(redis.url)
    try {
      const keys = await r.keys('fw:login:*')
      expect(keys.length).toBeGreaterThan(0)
      expect(keys.some((k) => k.includes('spread'))).toBe(false)
      for (const k of keys) expect(await r.pttl(k)).toBeGreaterThan(0)
    } finally {
      r.disconnect()
    }
  })

  it('failures made directly on each instance in turn add up to one count', async () => {
    await createUser(gws[0] as TestGateway, { username: 'direct', password: PASSWORD, role: 'support' })
    const order = instances()
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await login(order[i % order.length] as string, 'direct', 'wrong')).status).toBe(401)
    // One short of the limit: the right password still works (and clears the count everywhere).
    expect((await login(order[1] as string, 'direct', PASSWORD)).status).toBe(200)
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(order[i % order.length] as string, 'direct', 'wrong')).status).toBe(401)
    for (const base of order) expect((await login(base, 'direct', PASSWORD)).status).toBe(429)
  })

  it('Redis unreachable: each instance throttles on its own (degraded), nobody is locked out, and the count is shared again when Redis returns', async () => {
    await createUser(gws[0] as TestGateway, { username: 'outage', password: PASSWORD, role: 'support' })
    const [a, b] = instances() as [string, string]
    await redis.stop()
    try {
      // A correct log-in is not refused because the shared count cannot be read.
      expect((await login(b, 'outage', PASSWORD)).status).toBe(200)
      // Tries are still limited: A counts alone and locks at the same limit.
      for (let i = 0; i < MAX_FAILURES; i++) expect((await login(a, 'outage', 'wrong')).status).toBe(401)
      const locked = await login(a, 'outage', PASSWORD)
      expect(locked.status).toBe(429)
      expect(Number(locked.retryAfter)).toBeGreaterThan(0)
    } finally {
      await redis.restart()
    }
    // Back on Redis: a fresh pair is counted across instances again.
    await createUser(gws[0] as TestGateway, { username: 'after', password: PASSWORD, role: 'support' })
    const order = instances()
    const until = Date.now() + 10_000
    // The instances' Redis connections come back within their retry period (at most a second apart).
    while (gws.some((g) => g.app.cluster.redisState() !== 'up')) {
      if (Date.now() > until) throw new Error('Redis connections did not come back')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(order[i % order.length] as string, 'after', 'wrong')).status).toBe(401)
    for (const base of order) expect((await login(base, 'after', PASSWORD)).status).toBe(429)
  })
})

const ready = async (r: Redis): Promise<void> => {
  if (r.status !== 'ready') await new Promise((resolve) => r.once('ready', resolve))
}

describe('shared log-in throttle on Redis', () => {
  const silent = pino({ level: 'silent' })
  const opts = { maxFailures: 3, windowMs: 60_000, lockoutMs: 60_000, timeoutMs: 300 }

  it('locks at maxFailures, starts counting from zero after a lock-out, and a success clears the count', async () => {
    const r = connectRedis(redis.url, 'cmd', silent)
    await ready(r)
    try {
      const t = createSharedLoginThrottle(r, opts, silent)
      expect(await t.failure('k1')).toBe(false)
      expect(await t.failure('k1')).toBe(false)
      expect(await t.success('k1')).toBeUndefined()
      expect(await t.failure('k1')).toBe(false)
      expect(await t.failure('k1')).toBe(false)
      expect(await t.retryAfterMs('k1')).toBe(0)
      expect(await t.failure('k1')).toBe(true)
      const wait = await t.retryAfterMs('k1') as number
      expect(wait).toBeGreaterThan(59_000)
      expect(wait).toBeLessThanOrEqual(60_000)
      // Another pair is untouched.
      expect(await t.retryAfterMs('k2')).toBe(0)
      const short = createSharedLoginThrottle(r, { ...opts, lockoutMs: 300 }, silent)
      for (let i = 0; i < 3; i++) await short.failure('k3')
      expect(await short.retryAfterMs('k3')).toBeGreaterThan(0)
      // The lock-out key expires by itself; the count starts from zero after it.
      await waitFor(async () => await short.retryAfterMs('k3') === 0 || undefined, 5000, 'lock-out expired')
      expect(await short.failure('k3')).toBe(false)
    } finally {
      r.disconnect()
    }
  })

  it('answers "unknown" (never locked, never unlimited: the caller falls back) when Redis is down or does not answer', async () => {
    // Nobody listening.
    const down = connectRedis(`redis://127.0.0.1:${await freePort()}`, 'cmd', silent)
    // Completes the connection handshake (client name, ready check), then answers nothing: a stalled Redis.
    const mute: Server = createServer((sock) => {
      sock.on('data', (d: Buffer) => {
        const text = d.toString().toLowerCase()
        // CLIENT SETNAME / SETINFO: OK each; INFO: not loading; anything after: silence.
        sock.write('+OK\r\n'.repeat(text.split('$6\r\nclient\r\n').length - 1))
        if (text.includes('\r\ninfo\r\n')) sock.write('$21\r\n# Server\r\nloading:0\r\n\r\n')
      })
    })
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve))
    const address = mute.address()
    const hung = connectRedis(`redis://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`, 'cmd', silent)
    await ready(hung)
    try {
      for (const conn of [down, hung]) {
        const t = createSharedLoginThrottle(conn, opts, silent)
        const t0 = Date.now()
        expect(await t.retryAfterMs('k')).toBeUndefined()
        expect(await t.failure('k')).toBeUndefined()
        await t.success('k')
        // Each call gives up within its timeout: a log-in never hangs on Redis.
        expect(Date.now() - t0).toBeLessThan(3 * opts.timeoutMs + 500)
      }
    } finally {
      down.disconnect()
      hung.disconnect()
      await new Promise((resolve) => mute.close(resolve))
    }
  })
})
