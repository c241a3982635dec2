import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { campaign, control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

describe('OTA rollout in waves (real PostgreSQL, MQTT, simulated vehicles)', () => {
  let gw: TestGateway
  let fleet: TestFleet
  let artifactId: string

  beforeAll(async () => {
    gw = await startGateway(otaEnv())
    fleet = await startFleet(gw, 90, { soakMs: () => 150 })
    const up = await uploadArtifact(gw, randomBytes(96 * 1024))
    expect(up.status).toBe(201)
    artifactId = up.artifact.id
  }, 120_000)
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('runs a 3-wave campaign over 50 vehicles to completion, each wave after the previous one reached its threshold', async () => {
    const vins = fleet.ids.slice(0, 50)
    const id = await createCampaign(gw, { name: 'bms-1.1-three-waves', artifactIds: [artifactId], target: { vins }, plan: plan({ waves: [{ percent: 10 }, { percent: 30 }, { percent: 60 }], successThreshold: 0.9, errorThreshold: 0.2 }) })
    expect((await control(gw, id, 'start')).status).toBe(200)
    const done = await waitForCampaign(gw, id, (c) => c.state === 'completed', 60_000, 'completed campaign')
    expect(done.counts.succeeded).toBe(50)
    expect(done.progress.byWave.map((w) => w.size)).toEqual([5, 15, 30])
    expect(done.progress.byWave.map((w) => w.byState.succeeded)).toEqual([5, 15, 30])
    expect(done.events.filter((e) => e.kind === 'wave_started')).toHaveLength(2)
    // Every vehicle told the gateway its new inventory; the update record is complete and its history ordered.
    const v = vins[0] as string
    await waitFor(async () => ((await (await api(gw, `/vehicles/${v}/software`)).json()) as { ecus: Array<{ version: string }> }).ecus[0]?.version === '1.1.0' || undefined, 5000, 'new inventory')
    const updates = await (await api(gw, `/vehicles/${v}/updates`)).json() as { items: Array<{ state: string, fromVersion: string, toVersion: string, record: { signerKeyId: string, artifacts: Array<{ sha256: string }>, driverConsent: { decision: string }, preconditions: { met: boolean }, compatibility: { ok: boolean } }, history: Array<{ seq: number, to: string }> }> }
    const u = updates.items[0]
    expect(u).toMatchObject({ state: 'succeeded', fromVersion: '1.0.0', toVersion: '1.1.0' })
    expect(u?.record.artifacts[0]?.sha256).toBe(artifactId)
    expect(u?.record.signerKeyId).toMatch(/^[0-9a-f]{16}$/)
    expect(u?.record.driverConsent.decision).toBe('accepted')
    expect(u?.record.preconditions.met).toBe(true)
    expect(u?.history.map((h) => h.to)).toEqual(['queued', 'offered', 'awaiting_consent', 'downloading', 'downloaded', 'installing', 'verifying', 'succeeded'])
    expect(u?.history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  }, 90_000)

  it('pauses on 10 % failures in wave 1, and wave 2 never starts', async () => {
    const vins = fleet.ids.slice(50, 80)
    const body = { name: 'bms-1.1-failing-wave', artifactIds: [artifactId], target: { vins }, plan: plan({ waves: [{ count: 10 }, { count: 10 }, { count: 10 }], successThreshold: 0.9, errorThreshold: 0.1 }) }
    const preview = await (await api(gw, '/ota/campaigns/preview', { method: 'POST', body: JSON.stringify(body) })).json() as { waves: Array<{ vehicleIds: string[] }> }
    const wave1 = preview.waves[0]?.vehicleIds ?? []
    expect(wave1).toHaveLength(10)
    // One of ten wave-1 vehicles fails its install (A/B rollback): 10 %.
    const failing = fleet.byId.get(wave1[0] as string)
    if (failing === undefined) throw new Error('vehicle missing')
    failing.agent.o.installFailureRate = 1
    const id = await createCampaign(gw, body)
    await control(gw, id, 'start')
    const paused = await waitForCampaign(gw, id, (c) => c.state === 'paused', 30_000, 'paused campaign')
    expect(paused.pauseReason).toContain('error_threshold')
    expect(paused.failureReasons).toEqual({ install_failed: 1 })
    // Once the rest of wave 1 has finished, a full scheduler pass later: still paused, and no vehicle of
    // waves 2-3 was ever offered the update.
    const finished = (byState: Record<string, number> = {}) => ['succeeded', 'failed', 'rolled_back', 'declined', 'cancelled', 'timed_out'].reduce((n, k) => n + (byState[k] ?? 0), 0)
    await waitForCampaign(gw, id, (c) => finished(c.progress.byWave[0]?.byState) === 10, 30_000, 'wave 1 finished')
    await gw.app.ota.tick()
    const later = await campaign(gw, id)
    expect(later.state).toBe('paused')
    expect(later.currentWave).toBe(1)
    expect(later.progress.byWave[1]?.byState.queued).toBe(10)
    expect(later.progress.byWave[2]?.byState.queued).toBe(10)
    for (const vin of preview.waves[1]?.vehicleIds ?? []) expect(fleet.byId.get(vin)?.agent.offer).toBeUndefined()
    // Controls: resuming a paused campaign is legal, starting it again is not.
    expect((await control(gw, id, 'start')).status).toBe(409)
  }, 60_000)

  it('waits for approval between waves; a recall past its deadline cannot be postponed', async () => {
    const vins = fleet.ids.slice(80, 90)
    // Drivers who would always postpone: past the recall deadline the head unit no longer offers it.
    for (const vin of vins) {
      const v = fleet.byId.get(vin)
      if (v !== undefined) v.agent.o.driver = { accept: 0, postpone: 1, decline: 0 }
    }
    const id = await createCampaign(gw, {
      name: 'recall-approval', artifactIds: [artifactId], target: { vins }, recall: { deadline: new Date(Date.now() - 60_000).toISOString() },
      plan: plan({ waves: [{ count: 4 }, { count: 6 }], successThreshold: 1, errorThreshold: 0.5, autoAdvance: false }),
    })
    await control(gw, id, 'start')
    const waiting = await waitForCampaign(gw, id, (c) => c.progress.byWave[0]?.byState.succeeded === 4 && c.events.some((e) => e.kind === 'awaiting_approval'), 30_000, 'wave 1 done, awaiting approval')
    // A full scheduler pass after the wave finished: the next wave still waits for the approval.
    await gw.app.ota.tick()
    const still = await campaign(gw, id)
    expect(still.currentWave).toBe(1)
    expect(still.progress.byWave[1]?.byState.queued).toBe(6)
    expect(waiting.state).toBe('running')
    expect((await control(gw, id, 'approve-next-wave')).status).toBe(200)
    const done = await waitForCampaign(gw, id, (c) => c.state === 'completed', 30_000, 'completed after approval')
    expect(done.counts.succeeded).toBe(10)
    expect(done.counts.postponed).toBe(0)
    expect((await control(gw, id, 'approve-next-wave')).status).toBe(409)
  }, 60_000)
})
