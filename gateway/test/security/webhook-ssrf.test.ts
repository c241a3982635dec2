import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, startGateway, waitFor } from '../helper.js'
import { PASSWORD, call, createUser, login } from './support.js'

interface Receiver { server: Server, url: string, hits: number }

async function receiver (status: number, headers: Record<string, string> = {}): Promise<Receiver> {
  const r: Receiver = { server: createServer((req, res) => { r.hits++; req.resume(); res.writeHead(status, headers).end() }), url: '', hits: 0 }
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve))
  r.url = `http://127.0.0.1:${(r.server.address() as { port: number }).port}/hook`
  return r
}

/** Delivery rows of a webhook once none is pending. */
async function settled (gw: TestGateway, id: string): Promise<Array<{ status: string, lastError: string | null }>> {
  return waitFor(async () => {
    const rows = (await call(gw, 'GET', `/webhooks/${id}/deliveries`)).body as Array<{ status: string, lastError: string | null }>
    return rows.length > 0 && rows.every((d) => d.status !== 'pending') ? rows : undefined
  }, 15_000, 'deliveries settled')
}

const NOTIFY = { NOTIFY_POLL_MS: '50', NOTIFY_RETRY_BASE_MS: '50', NOTIFY_RETRY_MAX_MS: '50', NOTIFY_MAX_ATTEMPTS: '1' }

describe('webhook destinations (SSRF)', () => {
  let gw: TestGateway
  let owner: string
  beforeAll(async () => {
    gw = await startGateway(NOTIFY) // no allow-list: public addresses only
    await createUser(gw, { username: 'ssrf-owner', password: PASSWORD, role: 'fleet_owner', tenantId: 'ssrf-tenant', fleets: ['ssrf-fleet'] })
    owner = await login(gw, 'ssrf-owner', PASSWORD)
  }, 120_000)
  afterAll(async () => {
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('refuses a fleet owner\'s plain-http URL, and its allowInsecure flag', async () => {
    const plain = await call(gw, 'POST', '/webhooks', { token: owner, body: { url: 'http://hooks.example.com/x', events: ['alert.opened'] } })
    expect([plain.status, plain.body.code]).toEqual([400, 'GW_WEBHOOK_HTTPS_REQUIRED'])
    const insecure = await call(gw, 'POST', '/webhooks', { token: owner, body: { url: 'http://hooks.example.com/x', allowInsecure: true, events: ['alert.opened'] } })
    expect([insecure.status, insecure.body.code]).toEqual([403, 'GW_WEBHOOK_INSECURE_ADMIN_ONLY'])
  })

  it('refuses loopback, private, link-local, metadata, CGNAT and mapped addresses for a fleet owner', async () => {
    const hosts = ['127.0.0.1:54329', 'localhost', '[::1]', '[::ffff:127.0.0.1]', '169.254.169.254', '10.0.0.5', '192.168.1.1', '172.16.3.4', '100.64.0.1', '0.0.0.0', '198.18.0.1', '[fd00:ec2::254]', '[fe80::1]']
    const answers = []
    for (const h of hosts) {
      const r = await call(gw, 'POST', '/webhooks', { token: owner, body: { url: `https://${h}/hook`, events: ['alert.opened'] } })
      answers.push([h, r.status, r.body.code])
    }
    expect(answers).toEqual(hosts.map((h) => [h, 400, 'GW_WEBHOOK_ADDRESS_REFUSED']))
    expect((await call(gw, 'GET', '/webhooks', { token: owner })).body).toEqual([])
  })

  it('refuses an admin\'s loopback URL too unless the network is allowed', async () => {
    const r = await call(gw, 'POST', '/webhooks', { body: { url: 'http://127.0.0.1:9/hook', allowInsecure: true, events: ['alert.opened'] } })
    expect([r.status, r.body.code]).toEqual([400, 'GW_WEBHOOK_ADDRESS_REFUSED'])
  })
})

describe('webhook deliveries are checked at connect time and fail with a class, not network detail', () => {
  let db: string
  const receivers: Receiver[] = []
  afterAll(async () => {
    for (const r of receivers) await new Promise((resolve) => r.server.close(resolve))
  })

  it('follows no redirect, stores error classes, and refuses at connect time a destination no longer allowed', async () => {
    const target = await receiver(204)
    const redirecting = await receiver(302, { location: target.url })
    const failing = await receiver(503)
    const closed = await receiver(204)
    await new Promise((resolve) => closed.server.close(resolve)) // nobody listens on its port any more
    receivers.push(target, redirecting, failing)
    const gw = await startGateway({ ...NOTIFY, WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.1/32' })
    db = gw.databaseUrl
    const hook = async (url: string) => {
      const r = await call(gw, 'POST', '/webhooks', { body: { url, allowInsecure: true, events: ['alert.opened'] } })
      expect(r.status).toBe(201)
      return r.body.id as string
    }
    const [toRedirect, toFailing, toClosed] = [await hook(redirecting.url), await hook(failing.url), await hook(closed.url)]
    await gw.app.notify.publish('alert.opened', 'ssrf-event-1', { event: 'alert.opened' }, null)
    expect(await settled(gw, toRedirect)).toMatchObject([{ status: 'dead', lastError: 'redirect_refused' }])
    expect(await settled(gw, toFailing)).toMatchObject([{ status: 'dead', lastError: 'http_5xx' }])
    expect(await settled(gw, toClosed)).toMatchObject([{ status: 'dead', lastError: 'connect_failed' }])
    expect(redirecting.hits).toBe(1)
    expect(target.hits).toBe(0) // the redirect was not followed
    const direct = await hook(target.url)
    await gw.app.notify.publish('alert.opened', 'ssrf-event-2', { event: 'alert.opened' }, null)
    expect(await settled(gw, direct)).toMatchObject([{ status: 'delivered', lastError: null }])
    expect(target.hits).toBe(1)
    await gw.close()

    // The same webhook row, on a gateway whose operator no longer allows loopback: refused when connecting.
    const strict = await startGateway(NOTIFY, db)
    try {
      await strict.app.notify.publish('alert.opened', 'ssrf-event-3', { event: 'alert.opened' }, null)
      const rows = await waitFor(async () => {
        const all = (await call(strict, 'GET', `/webhooks/${direct}/deliveries`)).body as Array<{ eventKey: string, status: string, lastError: string | null }>
        const row = all.find((d) => d.eventKey === 'ssrf-event-3')
        return row !== undefined && row.status !== 'pending' ? row : undefined
      }, 15_000, 'refused delivery')
      expect(rows).toMatchObject({ status: 'dead', lastError: 'refused_address' })
      expect(target.hits).toBe(1) // nothing reached the receiver
    } finally {
      await strict.close()
      await strict.dropDatabase()
    }
  })
})
