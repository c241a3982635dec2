import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { campaign, control, createCampaign, otaEnv, plan, startFleet, ownerToken, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

const HOUR = 3_600_000
const day = new Date()
/** Fake clock: 08:00 UTC today, moved by the test. */
const T0 = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8, 0)

describe('fleet-owner opt-in, driver consent and durable reminders (fake clock, two gateways on one database)', () => {
  // Reminders 1 h, 3 h and 7 h after the driver was asked; the scheduler runs only when the test ticks.
  const env = otaEnv({ OTA_TICK_MS: '0', OTA_REMINDER_SCHEDULE_S: '3600,10800,25200', OTA_REMINDER_MAX: '3', OTA_QUIET_HOURS: '22:00-07:00' })
  let gw1: TestGateway
  let gw2: TestGateway
  let fleetA: TestFleet
  let fleetB: TestFleet
  let now = T0
  let campaignId: string
  let owner: string
  const ownerApi = (path: string, init: RequestInit = {}) => fetch(`${gw1.httpUrl}${path}`, { ...init, headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' } })
  // Both gateways tick at once; a reminder fired by gw2 reaches the head unit through gw1 (where the vehicle is connected) on gw1's next pass.
  const tickBoth = async () => {
    await Promise.all([gw1.app.ota.tick(), gw2.app.ota.tick()])
    await Promise.all([gw1.app.ota.tick(), gw2.app.ota.tick()])
  }

  beforeAll(async () => {
    gw1 = await startGateway(env)
    gw2 = await startGateway({ ...env }, gw1.databaseUrl)
    for (const g of [gw1, gw2]) g.app.ota.useClock(() => now)
    fleetA = await startFleet(gw1, 4, { fleet: () => 'fleet-a', driver: { accept: 0, postpone: 1, decline: 0 } })
    fleetB = await startFleet(gw1, 2, { fleet: () => 'fleet-b' })
    owner = await ownerToken(gw1, ['fleet-a', 'fleet-b'])
    const up = await uploadArtifact(gw1, randomBytes(30_000), { releaseNotes: { en: 'Range fix', de: 'Reichweitenkorrektur' } })
    campaignId = await createCampaign(gw1, { name: 'opt-in', artifactIds: [up.artifact.id], target: { fleets: ['fleet-a', 'fleet-b'] }, requiresOptIn: true, plan: plan() })
  }, 120_000)
  afterAll(async () => {
    await fleetA?.stop()
    await fleetB?.stop()
    await gw2?.close()
    await gw1?.close()
    await gw1?.dropDatabase()
  })

  it('lets fleet owners see the campaign and opt fleets in or out; nothing is offered before opt-in, never after opt-out', async () => {
    expect((await ownerApi('/ota/campaigns')).status).toBe(403)
    await control(gw1, campaignId, 'start')
    await gw1.app.ota.tick()
    expect((await campaign(gw1, campaignId)).counts.pending_opt_in).toBe(6)
    for (const v of [...fleetA.vehicles, ...fleetB.vehicles]) expect(v.agent.offer).toBeUndefined()
    expect((await ownerApi(`/owner/campaigns/${campaignId}/consent`, { method: 'PUT', body: JSON.stringify({ decision: 'opted_out', fleet: 'fleet-b' }) })).status).toBe(200)
    expect((await ownerApi(`/owner/campaigns/${campaignId}/consent`, { method: 'PUT', body: JSON.stringify({ decision: 'opted_in', fleet: 'fleet-a' }) })).status).toBe(200)
    const mine = await (await ownerApi('/owner/campaigns')).json() as { items: Array<{ id: string, myVehicles: number, consent: Array<{ fleet: string, decision: string, decidedBy: string }> }> }
    const c = mine.items.find((x) => x.id === campaignId)
    expect(c?.myVehicles).toBe(6)
    expect(c?.consent.filter((x) => x.decision === 'opted_out').map((x) => x.fleet)).toEqual(['fleet-b', 'fleet-b'])
    expect(c?.consent.every((x) => x.decidedBy.startsWith('user:'))).toBe(true) // who decided: the owner's user account
    await gw1.app.ota.tick()
    await waitFor(() => fleetA.vehicles.every((v) => v.agent.phase === 'postponed') || undefined, 10_000, 'drivers postponing')
    const view = await waitForCampaign(gw1, campaignId, (x) => x.counts.postponed === 4, 5000, 'four postponed')
    expect(view.counts.declined).toBe(2)
    for (const v of fleetB.vehicles) expect(v.agent.offer).toBeUndefined()
    const rec = await (await api(gw1, `/vehicles/${fleetB.ids[0] as string}/updates`)).json() as { items: Array<{ state: string, reason: string, record: { ownerConsent: { decision: string } } }> }
    expect(rec.items[0]).toMatchObject({ state: 'declined', reason: 'owner_opted_out', record: { ownerConsent: { decision: 'opted_out' } } })
  })

  it('fires reminders on schedule, once across two gateways, in the vehicle\'s language outside its quiet hours, and stops when the driver answers', async () => {
    const [quiet, eager1, eager2, stubborn] = fleetA.vehicles
    if (quiet === undefined || eager1 === undefined || eager2 === undefined || stubborn === undefined) throw new Error('vehicles missing')
    expect((await api(gw1, `/vehicles/${quiet.agent.o.vehicleId}/ota-preferences`, { method: 'PUT', body: JSON.stringify({ language: 'de', quietHours: '08:30-10:00' }) })).status).toBe(204)
    const numbers = (v: typeof quiet) => v.reminders.map((r) => r.number)
    const firedAnywhere = () => gw1.app.ota.stats.scheduler.remindersFired + gw2.app.ota.stats.scheduler.remindersFired
    const delivered = () => gw1.app.ota.stats.scheduler.remindersDelivered + gw2.app.ota.stats.scheduler.remindersDelivered

    now = T0 + HOUR - 60_000
    await tickBoth()
    // Both gateways' passes have run a minute before the first reminder is due: none fired, none sent.
    expect(firedAnywhere() + delivered()).toBe(0)
    expect(fleetA.vehicles.every((v) => v.reminders.length === 0)).toBe(true)

    now = T0 + HOUR + 60_000
    await tickBoth()
    await waitFor(() => [eager1, eager2, stubborn].every((v) => v.reminders.length === 1) || undefined, 5000, 'first reminders')
    expect(quiet.reminders).toHaveLength(0) // 09:01 is inside its quiet hours (08:30-10:00)

    now = T0 + 2 * HOUR + 60_000
    await tickBoth()
    await waitFor(() => quiet.reminders.length === 1 || undefined, 5000, 'reminder after quiet hours')
    expect(quiet.reminders[0]?.language).toBe('de')
    expect(quiet.reminders[0]?.text).toContain('Reichweitenkorrektur')

    // Two drivers will accept when reminded next.
    eager1.agent.o.driver = { accept: 1, postpone: 0, decline: 0 }
    eager2.agent.o.driver = { accept: 1, postpone: 0, decline: 0 }
    now = T0 + 3 * HOUR + 60_000
    await tickBoth()
    await waitFor(() => [eager1, eager2].every((v) => v.agent.phase === 'done') || undefined, 10_000, 'accepted updates')
    // The agents are done once they have sent their last report; the gateways may store it after a pass has
    // run, so each look is preceded by a pass (the scheduler only runs when the test ticks).
    await waitFor(async () => {
      await tickBoth()
      return (await campaign(gw1, campaignId)).counts.succeeded === 2 || undefined
    }, 10_000, 'two successes').catch(async (err: unknown) => {
      const c = await campaign(gw1, campaignId)
      throw new Error(`${(err as Error).message}: counts ${JSON.stringify(c.counts)}, failure reasons ${JSON.stringify(c.failureReasons)}`)
    })

    now = T0 + 7 * HOUR + 60_000
    await tickBoth()
    await waitFor(() => stubborn.reminders.length === 3 || undefined, 5000, 'third reminder')
    now = T0 + 30 * HOUR
    await tickBoth()
    await tickBoth()
    // Every reminder the gateways sent is on its head unit (none still in flight) before the counts are read.
    await waitFor(() => fleetA.vehicles.reduce((n, v) => n + v.reminders.length, 0) === delivered() || undefined, 5000, 'every reminder sent received')
    expect(numbers(eager1)).toEqual([1, 2])
    expect(numbers(eager2)).toEqual([1, 2])
    expect(numbers(stubborn)).toEqual([1, 2, 3]) // OTA_REMINDER_MAX
    // The fleet owner's outbox: one e-mail and one webhook row per fired reminder, no duplicates from the second gateway.
    const out = await (await api(gw1, `/ota/campaigns/${campaignId}/notifications`)).json() as { items: Array<{ channel: string, payload: { vehicleId: string, number: number } }> }
    const emails = out.items.filter((n) => n.channel === 'email')
    const fired = [...fleetA.vehicles].reduce((n, v) => n + v.reminders.length, 0)
    expect(emails).toHaveLength(fired)
    expect(out.items.filter((n) => n.channel === 'webhook')).toHaveLength(fired)
    expect(new Set(emails.map((n) => `${n.payload.vehicleId}/${n.payload.number}`)).size).toBe(fired)
    expect(fired).toBe(2 + 2 + 3 + quiet.reminders.length)
  }, 60_000)
})
