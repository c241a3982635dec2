import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { campaign, control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

const MIN = 60_000
/** Fake clock for the scheduler (retry backoff); the vehicles run in real time. */
const T0 = Date.now()

interface History { state: string, reason: string | null, attempts: number, history: Array<{ to: string, reason: string, source: string }> }
async function updateOf (gw: TestGateway, vehicleId: string, campaignId: string): Promise<History> {
  const body = await (await api(gw, `/vehicles/${vehicleId}/updates`)).json() as { items: Array<History & { campaignId: string }> }
  return body.items.find((u) => u.campaignId === campaignId) as History
}
const offers = (u: History) => u.history.filter((h) => h.to === 'offered').length

describe('retry policy keyed on the failure reason, and the retry-failed control (real PostgreSQL, MQTT, simulated vehicles)', () => {
  let gw: TestGateway
  let fleet: TestFleet
  let now = T0
  let id: string
  let settle: (what: string, ok: (u: Record<string, History>) => boolean) => Promise<void>

  beforeAll(async () => {
    gw = await startGateway(otaEnv({ OTA_TICK_MS: '0' }))
    gw.app.ota.useClock(() => now)
    fleet = await startFleet(gw, 3)
    const [flaky, faulty] = fleet.vehicles
    if (flaky === undefined || faulty === undefined) throw new Error('vehicles missing')
    flaky.agent.o.installFailureRate = 1 // install fails: A/B rollback, reason install_failed (retryable in this plan)
    faulty.agent.o.soakDtcRate = 1 // a fault in the soak: rollback, reason soak_dtc (no retry policy)
    const up = await uploadArtifact(gw, randomBytes(20_000))
    id = await createCampaign(gw, { name: 'retry', artifactIds: [up.artifact.id], target: { vins: fleet.ids }, plan: plan({ errorThreshold: 1, retry: { install_failed: { maxAttempts: 1, backoffS: 600 } } }) })
    settle = async (what, ok) => {
      await waitFor(async () => {
        await gw.app.ota.tick()
        const u = Object.fromEntries(await Promise.all(fleet.ids.map(async (v) => [v, await updateOf(gw, v, id)] as const)))
        return ok(u) || undefined
      }, 15_000, what)
    }
  }, 120_000)
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('re-offers a retryable failure after its backoff, at most maxAttempts times, and never a failure without a policy', async () => {
    const [flaky, faulty, fine] = fleet.ids as [string, string, string]
    expect((await control(gw, id, 'start')).status).toBe(200)
    await settle('first outcomes', (u) => u[flaky]?.state === 'rolled_back' && u[faulty]?.state === 'rolled_back' && u[fine]?.state === 'succeeded')
    expect((await updateOf(gw, flaky, id)).reason).toBe('install_failed')
    expect((await updateOf(gw, faulty, id)).reason).toBe('soak_dtc')
    // A retry is still due: the campaign stays open for it instead of completing.
    expect((await campaign(gw, id)).state).toBe('running')

    now = T0 + 9 * MIN // before the 600 s backoff
    await gw.app.ota.tick()
    expect(offers(await updateOf(gw, flaky, id))).toBe(1)

    now = T0 + 11 * MIN
    await settle('automatic retry of install_failed', (u) => offers(u[flaky] as History) === 2 && u[flaky]?.state === 'rolled_back')
    const retried = await updateOf(gw, flaky, id)
    expect(retried.attempts).toBe(1)
    expect(retried.history.find((h) => h.reason === 'auto_retry')).toMatchObject({ to: 'queued', source: 'scheduler' })

    // maxAttempts 1 is spent; soak_dtc has no policy: neither comes back on its own, and the campaign completes.
    now = T0 + 24 * 60 * MIN
    await gw.app.ota.tick()
    await gw.app.ota.tick()
    expect(offers(await updateOf(gw, flaky, id))).toBe(2)
    expect(offers(await updateOf(gw, faulty, id))).toBe(1)
    expect((await waitForCampaign(gw, id, (c) => c.state === 'completed', 5000, 'completed')).counts).toMatchObject({ succeeded: 1, rolled_back: 2 })
  }, 60_000)

  it('retry-failed re-offers every failed vehicle, whatever its reason', async () => {
    const [flaky, faulty] = fleet.ids as [string, string, string]
    for (const v of fleet.vehicles) {
      v.agent.o.installFailureRate = 0
      v.agent.o.soakDtcRate = 0
    }
    const r = await control(gw, id, 'retry-failed')
    expect(r.status).toBe(200)
    expect((await r.json() as { state: string }).state).toBe('running')
    await settle('manual retries succeed', (u) => u[flaky]?.state === 'succeeded' && u[faulty]?.state === 'succeeded')
    expect(offers(await updateOf(gw, flaky, id))).toBe(3)
    expect(offers(await updateOf(gw, faulty, id))).toBe(2)
    expect((await updateOf(gw, faulty, id)).history.filter((h) => h.reason === 'manual_retry')).toHaveLength(1)
    // The scheduler (ticked by the test here) completes the campaign on its next pass.
    await waitFor(async () => {
      await gw.app.ota.tick()
      const c = await campaign(gw, id)
      return (c.state === 'completed' && c.counts.succeeded === 3) || undefined
    }, 5000, 'all succeeded')
  }, 60_000)
})
