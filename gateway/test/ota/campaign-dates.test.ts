import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { campaign, control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

const HOUR = 3_600_000
/** Fake scheduler clock; the campaign's dates are set relative to it. */
const T0 = Date.now()

describe('campaign start and end dates (fake clock, real PostgreSQL, MQTT, simulated vehicles)', () => {
  let gw: TestGateway
  let fleet: TestFleet
  let now = T0
  let id: string

  beforeAll(async () => {
    gw = await startGateway(otaEnv({ OTA_TICK_MS: '0' }))
    gw.app.ota.useClock(() => now)
    fleet = await startFleet(gw, 3)
    // The third vehicle is parked and asleep: no offer goes to it while it sleeps.
    const sleeper = fleet.vehicles[2]
    await sleeper?.birth('asleep')
    await waitFor(async () => (await (await api(gw, `/vehicles/${fleet.ids[2] as string}`)).json() as { powerState: string }).powerState === 'asleep' || undefined, 5000, 'asleep')
    const up = await uploadArtifact(gw, randomBytes(20_000))
    id = await createCampaign(gw, {
      name: 'dated', artifactIds: [up.artifact.id], target: { vins: fleet.ids },
      plan: plan({ startsAt: new Date(T0 + HOUR).toISOString(), endsAt: new Date(T0 + 3 * HOUR).toISOString() }),
    })
  }, 120_000)
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('is scheduled by start, offers nothing before its start date, and starts at it', async () => {
    const started = await control(gw, id, 'start')
    expect((await started.json() as { state: string }).state).toBe('scheduled')
    now = T0 + HOUR - 60_000
    await gw.app.ota.tick()
    await gw.app.ota.tick()
    // Two full passes a minute before the start date: nothing offered (the gateway's count, then the vehicles').
    expect(gw.app.ota.stats.scheduler.offersSent).toBe(0)
    const before = await campaign(gw, id)
    expect(before.state).toBe('scheduled')
    expect(before.counts.queued).toBe(3)
    for (const v of fleet.vehicles) expect(v.agent.offer).toBeUndefined()

    now = T0 + HOUR
    await gw.app.ota.tick()
    const running = await waitForCampaign(gw, id, (c) => c.counts.succeeded === 2, 15_000, 'the awake vehicles updated')
    expect(running.state).toBe('running') // the sleeping vehicle is still queued
    expect(running.counts.queued).toBe(1)
    expect(running.events.find((e) => e.kind === 'started')).toMatchObject({ actor: 'scheduler' })
  }, 30_000)

  it('at its end date completes, cancels what was not offered (campaign_ended), and sends no offer afterwards', async () => {
    now = T0 + 3 * HOUR
    await gw.app.ota.tick()
    const ended = await campaign(gw, id)
    expect(ended.state).toBe('completed')
    expect(ended.counts).toMatchObject({ succeeded: 2, cancelled: 1, queued: 0 })
    expect(ended.events.find((e) => e.kind === 'ended')).toMatchObject({ actor: 'scheduler', detail: { cancelled: 1 } })

    // The sleeper wakes up after the end: it is never offered the update, and the campaign cannot be resumed.
    const sleeper = fleet.vehicles[2]
    await sleeper?.birth('awake')
    await waitFor(async () => (await (await api(gw, `/vehicles/${fleet.ids[2] as string}`)).json() as { powerState: string }).powerState === 'awake' || undefined, 5000, 'awake')
    const offered = gw.app.ota.stats.scheduler.offersSent
    now = T0 + 3 * HOUR + 60_000
    await gw.app.ota.tick()
    await gw.app.ota.tick()
    expect(gw.app.ota.stats.scheduler.offersSent).toBe(offered)
    expect(sleeper?.agent.offer).toBeUndefined()
    const rec = await (await api(gw, `/vehicles/${fleet.ids[2] as string}/updates`)).json() as { items: Array<{ state: string, reason: string }> }
    expect(rec.items[0]).toMatchObject({ state: 'cancelled', reason: 'campaign_ended' })
    expect((await control(gw, id, 'resume')).status).toBe(409)
  }, 30_000)
})
