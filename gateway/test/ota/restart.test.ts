import { afterAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { api, startGateway, type TestGateway } from '../helper.js'
import { freePort } from '../support/free-port.js'
import { campaign, control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

describe('OTA campaign across a gateway restart', () => {
  let gw: TestGateway | undefined
  let fleet: TestFleet | undefined
  afterAll(async () => {
    await fleet?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('loses no state: the campaign, its wave and every vehicle\'s history continue where they were', async () => {
    // Fixed ports so the vehicles (and their download URLs) reach the restarted gateway.
    const env = otaEnv({ HTTP_PORT: String(await freePort()), MQTT_PORT: String(await freePort()) })
    gw = await startGateway(env)
    fleet = await startFleet(gw, 20, { soakMs: () => 600, stepMs: 30 })
    const up = await uploadArtifact(gw, randomBytes(200_000))
    const id = await createCampaign(gw, { name: 'restart', artifactIds: [up.artifact.id], target: { vins: fleet.ids }, plan: plan({ waves: [{ percent: 50 }, { percent: 50 }], successThreshold: 0.9, errorThreshold: 0.3 }) })
    await control(gw, id, 'start')
    const before = await waitForCampaign(gw, id, (c) => (c.counts.verifying ?? 0) + (c.counts.succeeded ?? 0) >= 3, 30_000, 'progress before the restart')
    expect(before.state).toBe('running')
    const databaseUrl = gw.databaseUrl
    await gw.close()
    gw = await startGateway(env, databaseUrl)
    const done = await waitForCampaign(gw, id, (c) => c.state === 'completed', 60_000, 'completed after the restart').catch(async (err: Error) => {
      const c = await campaign(gw as TestGateway, id)
      throw new Error(`${err.message}: ${c.state} ${JSON.stringify(c.counts)} reasons=${JSON.stringify(c.failureReasons)} phases=${JSON.stringify(fleet?.vehicles.map((v) => v.agent.phase))}`)
    })
    expect(done.counts.succeeded).toBe(20)
    expect(done.events.filter((e) => e.kind === 'wave_started')).toHaveLength(1)
    expect(done.events.filter((e) => e.kind === 'created')).toHaveLength(1)
    for (const vin of fleet.ids) {
      const u = await (await api(gw, `/vehicles/${vin}/updates`)).json() as { items: Array<{ state: string, history: Array<{ seq: number, to: string }> }> }
      const h = u.items[0]?.history ?? []
      expect(h.map((x) => x.seq)).toEqual(h.map((_, i) => i + 1))
      expect(h.at(-1)?.to).toBe('succeeded')
      expect(h.filter((x) => x.to === 'succeeded')).toHaveLength(1)
    }
    expect((await campaign(gw, id)).failureReasons).toEqual({})
    // The history is append-only in the database itself, not only by convention.
    const c = new pg.Client({ connectionString: gw.databaseUrl })
    await c.connect()
    try {
      await expect(c.query("UPDATE ota_update_events SET reason = 'rewritten'")).rejects.toThrow(/append-only/)
      await expect(c.query('DELETE FROM ota_update_events')).rejects.toThrow(/append-only/)
    } finally {
      await c.end()
    }
  }, 120_000)
})
