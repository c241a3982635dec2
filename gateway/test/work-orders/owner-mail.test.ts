import { randomBytes } from 'node:crypto'
import type { MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, api, startGateway, waitFor } from '../helper.js'
import { PASSWORD, call, createUser } from '../security/support.js'
import { startTestSmtp, type TestSmtp } from '../support/smtp.js'
import { berlinVehicle, openAlertOf, seedNetwork } from './fixtures.js'

/**
 * Owners hear about their work orders by e-mail too: a booking made by a
 * support engineer reaches the fleet's owners (those with an address) over a
 * real SMTP server, in the vehicle's language, through the owners' e-mail
 * outbox, which retries a temporary SMTP refusal.
 */
let smtp: TestSmtp
let gw: TestGateway
let client: MqttClient | undefined
const fleet = `mail-${randomBytes(3).toString('hex')}`

beforeAll(async () => {
  smtp = await startTestSmtp()
  gw = await startGateway({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'Fleetwire Service <service@fleetwire.test>',
    NOTIFY_POLL_MS: '50',
    NOTIFY_RETRY_BASE_MS: '100',
    NOTIFY_RETRY_MAX_MS: '200',
    NOTIFY_MAX_ATTEMPTS: '3',
  })
  await seedNetwork(gw)
  await createUser(gw, {
    username: `${fleet}-owner`,
    password: PASSWORD,
    role: 'fleet_owner',
    tenantId: `${fleet}-tenant`,
    fleets: [fleet],
    email: 'owner@mail-fleet.test',
  })
  await createUser(gw, { username: `${fleet}-clerk`, password: PASSWORD, role: 'fleet_owner', tenantId: `${fleet}-tenant`, fleets: [fleet] })
}, 60_000)

afterAll(async () => {
  client?.end(true)
  await gw?.close()
  await gw?.dropDatabase()
  await smtp?.close()
})

describe('work-order e-mail to the owner', () => {
  it("mails a booking in the vehicle's language, once, after a temporary SMTP failure", async () => {
    const v = await berlinVehicle(gw, fleet, { odometerKm: 1000, weak: true })
    client = v.client
    expect((await call(gw, 'PUT', `/vehicles/${v.v.id}/ota-preferences`, { body: { language: 'de', quietHours: '22:00-07:00' } })).status).toBe(204)
    const alertId = await openAlertOf(gw, v.v.id)
    smtp.failNext(1)
    const booked = await call(gw, 'POST', '/work-orders', { body: { alertId, centerId: 'c-near' } })
    expect(booked.status).toBe(201)
    const id = (booked.body as { id: string }).id

    const mail = await waitFor(
      async () => smtp.mails.find((m) => m.header('X-Fleetwire-Event-Id')?.startsWith(`work-order:${id}:`) === true),
      10_000,
      'the booking e-mail',
    )
    // Only the owner with an address; the subject and text in German.
    expect(mail.to).toEqual(['owner@mail-fleet.test'])
    expect(mail.header('Subject')).toBe(`Werkstatttermin für Fahrzeug ${v.v.id}`)
    expect(mail.text).toContain(`Fahrzeug ${v.v.id}: Reparatur bei Centre c-near am`)
    const key = mail.header('X-Fleetwire-Event-Id') as string
    // The relay records the send after the SMTP server has the message.
    const row = await waitFor(
      async () => {
        const r = await gw.app.notify.ownerMails.get(key)
        return r?.status === 'sent' ? r : undefined
      },
      10_000,
      'the outbox row marked sent',
    )
    expect(row).toEqual({ status: 'sent', attempts: 2, recipients: 1, lastError: null })
    expect(smtp.mails.filter((m) => m.header('X-Fleetwire-Event-Id') === key)).toHaveLength(1)
    expect(await (await api(gw, '/metrics')).text()).toMatch(/fleetwire_owner_mails\{status="sent"\} 1\b/)
  }, 60_000)
})
