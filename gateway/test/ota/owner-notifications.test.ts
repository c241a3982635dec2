import { createServer, type IncomingMessage, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signWebhookBody } from '../../src/notify/adapters/webhook.js'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { PASSWORD, call, createUser, login } from '../security/support.js'
import { startTestSmtp, type TestSmtp } from '../support/smtp.js'
import { control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

const HOUR = 3_600_000
const day = new Date()
/** Fake clock: 08:00 UTC today, moved by the test. */
const T0 = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8, 0)

interface Hook { url: string, received: Array<{ headers: IncomingMessage['headers'], body: string }>, server: Server }

/** A webhook receiver answering `status` to every POST. */
async function startHook (status: number): Promise<Hook> {
  const received: Hook['received'] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => { body += c.toString() })
    req.on('end', () => {
      if (status < 300) received.push({ headers: req.headers, body })
      res.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, received, server }
}

interface NotificationView { key: string, channel: string, fleet: string, status: string, attempts: number, lastError: string | null, recipients: number | null, payload: { vehicleId: string }, deliveries: Array<{ webhookId: string, status: string, attempts: number, lastError: string | null }> }
async function notifications (gw: TestGateway, campaignId: string): Promise<NotificationView[]> {
  return (await (await api(gw, `/ota/campaigns/${campaignId}/notifications`)).json() as { items: NotificationView[] }).items
}

/** Owners (with or without an address) of a tenant owning `fleet`; returns the token of the first. */
async function owners (gw: TestGateway, tag: string, fleet: string, emails: Array<string | undefined>): Promise<string> {
  const names = emails.map((_, i) => `nt-${tag}-${i}-${randomBytes(3).toString('hex')}`)
  for (const [i, email] of emails.entries()) {
    await createUser(gw, { username: names[i] as string, password: PASSWORD, role: 'fleet_owner', tenantId: `nt-tenant-${tag}`, fleets: [fleet], ...(email === undefined ? {} : { email }) })
  }
  return login(gw, names[0] as string, PASSWORD)
}

const NOTIFY_ENV = { OTA_TICK_MS: '0', OTA_REMINDER_SCHEDULE_S: '3600', OTA_REMINDER_MAX: '1', OTA_QUIET_HOURS: '00:00-00:00', NOTIFY_POLL_MS: '50', NOTIFY_RETRY_BASE_MS: '100', NOTIFY_RETRY_MAX_MS: '200', NOTIFY_MAX_ATTEMPTS: '3', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.1' } // the test receivers listen on loopback, plain http

/** Starts a campaign whose drivers postpone, and fires their first reminder (fake clock). */
async function remindersFired (gws: TestGateway[], fleets: string[], setNow: (t: number) => void): Promise<string> {
  const gw = gws[0] as TestGateway
  const up = await uploadArtifact(gw, randomBytes(20_000), { releaseNotes: { en: 'Range fix', de: 'Reichweitenkorrektur' } })
  const id = await createCampaign(gw, { name: `notify-${fleets.join('-')}`, artifactIds: [up.artifact.id], target: { fleets }, plan: plan() })
  expect((await control(gw, id, 'start')).status).toBe(200)
  await gw.app.ota.tick()
  await waitForCampaign(gw, id, (c) => c.counts.postponed === fleets.length, 10_000, 'drivers postponing')
  setNow(T0 + HOUR + 60_000)
  for (let i = 0; i < 2; i++) await Promise.all(gws.map((g) => g.app.ota.tick()))
  return id
}

describe('fleet-owner reminder notifications: signed webhooks and e-mail, once across two gateways', () => {
  let smtp: TestSmtp
  let gw1: TestGateway
  let gw2: TestGateway
  let fleet: TestFleet
  let now = T0
  const hooks: Hook[] = []

  beforeAll(async () => {
    smtp = await startTestSmtp()
    const env = otaEnv({ ...NOTIFY_ENV, SMTP_URL: smtp.url, SMTP_FROM: 'Fleetwire OTA <ota@fleetwire.test>' })
    gw1 = await startGateway(env)
    gw2 = await startGateway({ ...env }, gw1.databaseUrl)
    for (const g of [gw1, gw2]) g.app.ota.useClock(() => now)
    fleet = await startFleet(gw1, 3, { fleet: (i) => ['nt-a', 'nt-b', 'nt-c'][i] as string, driver: { accept: 0, postpone: 1, decline: 0 } })
  }, 120_000)
  afterAll(async () => {
    await fleet?.stop()
    await gw2?.close()
    await gw1?.close()
    await gw1?.dropDatabase()
    await smtp?.close()
    for (const h of hooks) await new Promise((resolve) => h.server.close(resolve))
  })

  it('delivers each reminder once per channel: to the owning tenant\'s webhooks (signed) and owners\' addresses, retried, dead-lettered when it cannot', async () => {
    const [va, vb, vc] = fleet.ids as [string, string, string]
    expect((await api(gw1, `/vehicles/${va}/ota-preferences`, { method: 'PUT', body: JSON.stringify({ language: 'de', quietHours: '00:00-00:00' }) })).status).toBe(204)
    const ownerA = await owners(gw1, 'a', 'nt-a', ['a1@owner-a.test', 'a2@owner-a.test', undefined])
    const ownerB = await owners(gw1, 'b', 'nt-b', ['b@owner-b.test'])
    await owners(gw1, 'c', 'nt-c', [undefined])
    const [hookA, hookB, hookDown] = [await startHook(204), await startHook(204), await startHook(503)]
    hooks.push(hookA, hookB, hookDown)
    const subscribe = async (token: string | undefined, url: string) => {
      const r = await call(gw1, 'POST', '/webhooks', { ...(token === undefined ? {} : { token }), body: { url, events: ['ota.reminder'] } })
      expect(r.status).toBe(201)
      return r.body as { id: string, secret: string }
    }
    const subA = await subscribe(ownerA, hookA.url)
    const subB = await subscribe(ownerB, hookB.url)
    const subDown = await subscribe(undefined, hookDown.url) // the admin's: every fleet
    // A fleet owner sees and manages only its tenant's webhooks.
    expect((await call(gw1, 'GET', '/webhooks', { token: ownerA })).body.map((w: { id: string }) => w.id)).toEqual([subA.id])
    expect((await call(gw1, 'GET', `/webhooks/${subB.id}/deliveries`, { token: ownerA })).status).toBe(404)
    expect((await call(gw1, 'DELETE', `/webhooks/${subB.id}`, { token: ownerA })).status).toBe(404)
    expect((await call(gw1, 'GET', '/webhooks')).body).toHaveLength(3)
    smtp.failNext(1) // the first e-mail attempt meets a temporary SMTP failure

    const id = await remindersFired([gw1, gw2], ['nt-a', 'nt-b', 'nt-c'], (t) => { now = t })

    const settled = await waitFor(async () => {
      const rows = await notifications(gw1, id)
      const down = rows.flatMap((n) => n.deliveries.filter((d) => d.webhookId === subDown.id))
      return rows.length === 6 && rows.every((n) => n.status !== 'pending') && down.length === 3 && down.every((d) => d.status === 'dead') ? rows : undefined
    }, 20_000, 'every notification sent or dead')
    await new Promise((resolve) => setTimeout(resolve, 500)) // room for a duplicate from the second gateway to show
    const row = (channel: string, vehicleId: string) => settled.find((n) => n.channel === channel && n.payload.vehicleId === vehicleId) as NotificationView

    // E-mail: one message per reminder to the tenant's owners with an address, in the vehicle's language.
    expect(smtp.mails).toHaveLength(2)
    const mailA = smtp.mails.find((m) => m.to.includes('a1@owner-a.test'))
    const mailB = smtp.mails.find((m) => m.to.includes('b@owner-b.test'))
    expect(mailA?.to).toEqual(['a1@owner-a.test', 'a2@owner-a.test'])
    expect(mailA?.header('Subject')).toBe(`Software-Update wartet für Fahrzeug ${va}`)
    expect(mailA?.text).toContain(`Fahrzeug: ${va}`)
    expect(mailA?.text).toContain('Reichweitenkorrektur')
    expect(mailA?.header('X-Fleetwire-Event-Id')).toBe(row('email', va).key)
    expect(mailB?.to).toEqual(['b@owner-b.test'])
    expect(mailB?.header('Subject')).toBe(`Software update waiting for vehicle ${vb}`)
    expect(row('email', va)).toMatchObject({ status: 'sent', recipients: 2, lastError: null })
    expect(row('email', vb)).toMatchObject({ status: 'sent', recipients: 1 })
    expect(row('email', va).attempts + row('email', vb).attempts).toBe(3) // one of them needed a second attempt
    // No owner of fleet nt-c has an address: retried, then dead with the reason.
    expect(row('email', vc)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'no fleet owner of nt-c has an e-mail address' })

    // Webhooks: each tenant's receiver gets its own fleet's reminder once, signed; the admin's failing one is dead-lettered.
    expect(hookA.received.map((r) => JSON.parse(r.body).vehicleId)).toEqual([va])
    expect(hookB.received.map((r) => JSON.parse(r.body).vehicleId)).toEqual([vb])
    const got = hookA.received[0] as Hook['received'][number]
    expect(JSON.parse(got.body)).toMatchObject({ type: 'ota.reminder', campaignId: id, fleet: 'nt-a', number: 1, language: 'de' })
    expect(got.headers['x-fleetwire-event-id']).toBe(row('webhook', va).key)
    expect(got.headers['x-fleetwire-signature']).toBe(signWebhookBody(subA.secret, String(got.headers['x-fleetwire-timestamp']), got.body))
    expect(row('webhook', va)).toMatchObject({ status: 'sent', recipients: 2 })
    expect(row('webhook', vc)).toMatchObject({ status: 'sent', recipients: 1 })
    expect(row('webhook', va).deliveries.find((d) => d.webhookId === subDown.id)).toEqual({ webhookId: subDown.id, status: 'dead', attempts: 3, lastError: 'http_5xx' })
    const dead = await call(gw1, 'GET', `/webhooks/${subDown.id}/deliveries?status=dead`)
    expect(dead.body).toHaveLength(3)
    expect((await call(gw1, 'GET', `/webhooks/${subA.id}/deliveries`, { token: ownerA })).body.map((d: { status: string }) => d.status)).toEqual(['delivered'])

    const metrics = await (await fetch(`${gw1.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/fleetwire_ota_notifications\{channel="email",status="dead"\} 1/)
    expect(metrics).toMatch(/fleetwire_notify_smtp_configured 1/)
  }, 60_000)
})

describe('e-mail notifications without SMTP stay pending, and go out after a restart with SMTP', () => {
  let smtp: TestSmtp
  let gw: TestGateway
  let dropDatabase = async (): Promise<void> => {}
  let fleet: TestFleet | undefined
  let now = T0

  beforeAll(async () => {
    smtp = await startTestSmtp()
  })
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await dropDatabase()
    await smtp?.close()
  })

  it('never marks them sent while SMTP_URL is unset, says so on /metrics, and sends them once it is set', async () => {
    const env = otaEnv(NOTIFY_ENV)
    gw = await startGateway(env)
    dropDatabase = gw.dropDatabase
    gw.app.ota.useClock(() => now)
    fleet = await startFleet(gw, 1, { fleet: () => 'nt-d', driver: { accept: 0, postpone: 1, decline: 0 } })
    await owners(gw, 'd', 'nt-d', ['d@owner-d.test'])
    const id = await remindersFired([gw], ['nt-d'], (t) => { now = t })
    await waitFor(async () => (await notifications(gw, id)).find((n) => n.channel === 'webhook')?.status === 'sent' || undefined, 5000, 'webhook row relayed')
    await new Promise((resolve) => setTimeout(resolve, 400)) // several relay rounds
    const email = (await notifications(gw, id)).find((n) => n.channel === 'email')
    expect(email).toMatchObject({ status: 'pending', attempts: 0, lastError: null })
    const metrics = await (await fetch(`${gw.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/fleetwire_ota_notifications\{channel="email",status="pending"\} 1/)
    expect(metrics).toMatch(/fleetwire_notify_smtp_configured 0/)

    // Durable: the outbox row survives the restart and the configured gateway sends it.
    await fleet.stop()
    fleet = undefined
    await gw.close()
    gw = await startGateway({ ...env, SMTP_URL: smtp.url, SMTP_FROM: 'ota@fleetwire.test' }, gw.databaseUrl)
    await waitFor(() => smtp.mails.length === 1 || undefined, 10_000, 'the waiting e-mail')
    expect(smtp.mails[0]?.to).toEqual(['d@owner-d.test'])
    await waitFor(async () => (await notifications(gw, id)).find((n) => n.channel === 'email')?.status === 'sent' || undefined, 5000, 'e-mail row sent')
  }, 90_000)
})
