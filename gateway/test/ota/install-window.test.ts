import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { fleetwire } from '@fleetwire/proto'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, control, type TestFleet } from './ota-helper.js'

const S = fleetwire.v1.OtaState
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

async function stateOf (gw: TestGateway, vehicleId: string): Promise<{ state: string, history: Array<{ to: string }> }> {
  const body = await (await api(gw, `/vehicles/${vehicleId}/updates`)).json() as { items: Array<{ state: string, history: Array<{ to: string }> }> }
  return body.items[0] as { state: string, history: Array<{ to: string }> }
}

describe('per-vehicle install windows in local time (two time zones, one campaign; window set around the current UTC time)', () => {
  let gw: TestGateway
  let fleet: TestFleet
  let id: string
  // A three-hour window around the current UTC time: open in UTC, closed in Tokyo (UTC+9, no DST).
  const nowUtcMin = Math.floor(Date.now() / 60_000) % 1440
  const start = (nowUtcMin - 60 + 1440) % 1440
  const end = (nowUtcMin + 120) % 1440

  beforeAll(async () => {
    gw = await startGateway(otaEnv())
    fleet = await startFleet(gw, 2, { timeZone: (i) => ['UTC', 'Asia/Tokyo'][i] as string })
    const up = await uploadArtifact(gw, randomBytes(20_000))
    id = await createCampaign(gw, {
      name: 'windowed', artifactIds: [up.artifact.id], target: { vins: fleet.ids },
      // A short in-progress timeout: a vehicle waiting for its window must not be taken for a stuck one.
      plan: plan({ installWindow: { start: hhmm(start), end: hhmm(end) }, inProgressTimeoutS: 1 }),
    })
  }, 120_000)
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('installs where the local time is inside the window, holds the other vehicle downloaded until its window opens', async () => {
    const [inUtc, inTokyo] = fleet.vehicles
    const [utcId, tokyoId] = fleet.ids as [string, string]
    if (inUtc === undefined || inTokyo === undefined) throw new Error('vehicles missing')
    expect((await control(gw, id, 'start')).status).toBe(200)
    await waitFor(async () => (await stateOf(gw, utcId)).state === 'succeeded' || undefined, 15_000, 'the UTC vehicle updated')
    await waitFor(async () => (await stateOf(gw, tokyoId)).state === 'downloaded' || undefined, 10_000, 'the Tokyo vehicle downloaded')
    // Each offer names the window in its own vehicle's time zone.
    expect(inUtc.agent.offer?.installWindow).toEqual({ startMinute: start, endMinute: end, timeZone: 'UTC' })
    expect(inTokyo.agent.offer?.installWindow).toEqual({ startMinute: start, endMinute: end, timeZone: 'Asia/Tokyo' })

    // Well past the in-progress timeout (the gateway's clock moved a minute on, a full scheduler pass run)
    // and two more window checks on the vehicle: still waiting, not installing, not timed out.
    const checks = inTokyo.agent.windowWaits
    gw.app.ota.useClock(() => Date.now() + 60_000)
    await gw.app.ota.tick()
    await gw.app.ota.tick()
    await waitFor(() => inTokyo.agent.windowWaits >= checks + 2 || undefined, 10_000, 'two more window checks')
    expect((await stateOf(gw, tokyoId)).state).toBe('downloaded')
    expect(gw.app.ota.stats.scheduler.timedOut).toBe(0)
    expect(inTokyo.agent.reports.map((r) => r.state)).not.toContain(S.OTA_STATE_INSTALLING)

    // Its local time reaches the window (the vehicle's clock moves nine hours back): now it installs.
    inTokyo.agent.o.clockOffsetMs = -9 * 3_600_000
    await waitFor(async () => (await stateOf(gw, tokyoId)).state === 'succeeded' || undefined, 15_000, 'the Tokyo vehicle updated in its window')
    const h = (await stateOf(gw, tokyoId)).history.map((e) => e.to)
    expect(h.slice(h.indexOf('downloaded'))).toEqual(['downloaded', 'installing', 'verifying', 'succeeded'])
    await waitForCampaign(gw, id, (c) => c.state === 'completed' && c.counts.succeeded === 2, 5000, 'completed')
  }, 60_000)
})
