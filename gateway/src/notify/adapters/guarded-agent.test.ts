import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetch } from 'undici'
import { parseCidr, type Cidr } from '../address-policy.core.js'
import { createGuardedAgent, RefusedAddressError } from './guarded-agent.js'

let server: Server
let port = 0
const hosts: string[] = []
beforeAll(async () => {
  server = createServer((req, res) => { hosts.push(String(req.headers.host)); res.writeHead(204).end() })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})
afterAll(async () => { await new Promise((resolve) => server.close(resolve)) })

describe('guarded agent (real sockets)', () => {
  it('refuses a name that resolves to loopback when connecting (DNS rebinding), whatever it resolved to before', async () => {
    const agent = createGuardedAgent({ allowed: [], connectTimeoutMs: 2000, resolve: async () => ['127.0.0.1'] })
    const err = await fetch(`http://hooks.example.test:${port}/x`, { dispatcher: agent, method: 'POST' }).catch((e: Error) => e)
    expect((err as Error).cause).toBeInstanceOf(RefusedAddressError)
    expect(((err as Error).cause as RefusedAddressError).cls).toBe('loopback')
    await agent.close()
  })

  it('refuses a name with one public and one private address as a whole', async () => {
    const agent = createGuardedAgent({ allowed: [], connectTimeoutMs: 2000, resolve: async () => ['93.184.216.34', '10.0.0.1'] })
    const err = await fetch(`http://mixed.example.test:${port}/x`, { dispatcher: agent }).catch((e: Error) => e)
    expect(((err as Error).cause as RefusedAddressError).cls).toBe('private')
    await agent.close()
  })

  it('connects to the vetted address of an allowed network and keeps the URL host in the Host header', async () => {
    const agent = createGuardedAgent({ allowed: [parseCidr('127.0.0.1/32') as Cidr], connectTimeoutMs: 2000, resolve: async () => ['127.0.0.1'] })
    const res = await fetch(`http://hooks.example.test:${port}/x`, { dispatcher: agent, method: 'POST', body: '{}' })
    expect(res.status).toBe(204)
    expect(hosts).toEqual([`hooks.example.test:${port}`])
    await agent.close()
  })
})
