import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

describe('offline-aware in-progress timeouts (fake clock)', () => {
  let gw: TestGateway
  let fleet: TestFleet
  let now = Date.now()

  beforeAll(async () => {
    gw = await startGateway(otaEnv({ OTA_TICK_MS: '0' }))
    gw.app.ota.useClock(() => now)
    // Both vehicles download, then wait (silently) for preconditions that never hold: the 12 V system is weak.
    fleet = await startFleet(gw, 2, { stepMs: 2000, preconditions: () => ({ parked: true, socPct: 80, charging: false, auxBatteryV: 10.5 }) })
  }, 60_000)
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('times out an awake vehicle that went silent, and lets a sleeping one wait', async () => {
    const up = await uploadArtifact(gw, randomBytes(10_000))
    const id = await createCampaign(gw, { name: 'timeouts', artifactIds: [up.artifact.id], target: { vins: fleet.ids }, plan: plan({ inProgressTimeoutS: 600, errorThreshold: 1, retry: { in_progress_timeout: { maxAttempts: 0, backoffS: 0 } } }) })
    await control(gw, id, 'start')
    await gw.app.ota.tick()
    await waitForCampaign(gw, id, (c) => c.counts.downloaded === 2, 15_000, 'both downloaded')
    const [awake, sleeping] = fleet.vehicles
    if (awake === undefined || sleeping === undefined) throw new Error('vehicles missing')
    await sleeping.birth('asleep')
    await waitFor(async () => ((await (await api(gw, `/vehicles/${sleeping.agent.o.vehicleId}`)).json()) as { powerState: string }).powerState === 'asleep' || undefined, 5000, 'asleep')
    now += 5 * 60_000
    await gw.app.ota.tick()
    const mid = await waitForCampaign(gw, id, () => true)
    expect(mid.counts.downloaded).toBe(2) // within the timeout: nobody is timed out
    now += 6 * 60_000
    await gw.app.ota.tick()
    const after = await waitForCampaign(gw, id, (c) => c.counts.timed_out === 1, 5000, 'one timeout')
    expect(after.counts.downloaded).toBe(1)
    const a = await (await api(gw, `/vehicles/${awake.agent.o.vehicleId}/updates`)).json() as { items: Array<{ state: string, reason: string, record: { preconditions: { met: boolean, auxBatteryV: number } } }> }
    expect(a.items[0]).toMatchObject({ state: 'timed_out', reason: 'in_progress_timeout' })
    // What the vehicle reported about its preconditions is on the record.
    expect(a.items[0]?.record.preconditions).toMatchObject({ met: false, auxBatteryV: 10.5 })
    const s = await (await api(gw, `/vehicles/${sleeping.agent.o.vehicleId}/updates`)).json() as { items: Array<{ state: string }> }
    expect(s.items[0]?.state).toBe('downloaded')
  }, 60_000)
})
