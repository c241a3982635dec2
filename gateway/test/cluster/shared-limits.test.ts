import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { type TestGateway, startGateway } from '../helper.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { freePort } from '../support/free-port.js'
import { createUser } from '../security/support.js'
import { RedisServer } from '../../scripts/cluster/redis-server.js'
import { HaproxyProcess } from '../../scripts/cluster/haproxy.js'
import { clusterEnv } from './cluster-env.js'

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
