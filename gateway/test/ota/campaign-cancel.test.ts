import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fleetwire } from '@fleetwire/proto'
import { startGateway, waitFor, type TestGateway } from '../helper.js'
import { control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, type TestFleet } from './ota-helper.js'

/**
 * Cancelling a campaign withdraws its offers: vehicles holding one get a
 * signed revocation and report it, a vehicle that was offline gets it when it
 * is back, and the download URLs of the cancelled update are refused.
 */
const S = fleetwire.v1.OtaState
const basic = (id: string, password: string) => `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`

let gw: TestGateway
let fleet: TestFleet
let db: pg.Client

beforeAll(async () => {
  gw = await startGateway(otaEnv())
  // Drivers who always postpone: the offer stays with the vehicle.
  fleet = await startFleet(gw, 3, { driver: { accept: 0, postpone: 1, decline: 0 } })
  db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
}, 120_000)
afterAll(async () => {
  await db?.end()
  await fleet?.stop()
  await gw?.close()
  await gw?.dropDatabase()
})

const reported = (i: number, state: number) => fleet.vehicles[i]?.agent.reports.some((r) => r.state === state) === true

describe('cancelling a campaign', () => {
  it('revokes every held offer (the offline vehicle\'s when it is back) and refuses the update\'s downloads', async () => {
    const artifact = (await uploadArtifact(gw, randomBytes(4096))).artifact
    const id = await createCampaign(gw, { name: 'to-cancel', artifactIds: [artifact.id], target: { vins: fleet.ids }, plan: plan() })
    expect((await control(gw, id, 'start')).status).toBe(200)
    await waitFor(async () => fleet.vehicles.every((_, i) => reported(i, S.OTA_STATE_POSTPONED)) || undefined, 20_000, 'every driver postponed')

    const [held, , away] = fleet.vehicles as [typeof fleet.vehicles[0], unknown, typeof fleet.vehicles[0]]
    const url = held.agent.offer?.targets[0]?.url as string
    const download = () => fetch(url, { headers: { authorization: basic(held.agent.o.vehicleId, held.agent.o.password) } })
    expect((await download()).status).toBe(200) // the URL works while the update is on
    await new Promise<void>((resolve) => away.client.end(false, {}, () => resolve()))

    expect((await control(gw, id, 'cancel')).status).toBe(200)
    await waitFor(async () => (reported(0, S.OTA_STATE_REVOKED) && reported(1, S.OTA_STATE_REVOKED)) || undefined, 10_000, 'online vehicles revoked their offers')
    const refused = await download()
    expect(refused.status).toBe(410)
    expect(await refused.json()).toMatchObject({ code: 'GW_OTA_UPDATE_WITHDRAWN' })
    expect(reported(2, S.OTA_STATE_REVOKED)).toBe(false) // it was away when the campaign was cancelled

    away.client.reconnect()
    await waitFor(async () => reported(2, S.OTA_STATE_REVOKED) || undefined, 15_000, 'the vehicle that was away revoked its offer on return')
    expect(fleet.vehicles.map((v) => v.agent.phase)).toEqual(['done', 'done', 'done'])
    // Each vehicle's confirmation is recorded against its cancelled update (no more revocations for it).
    await waitFor(async () => {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM ota_vehicle_updates WHERE campaign_id = $1 AND state = 'cancelled' AND last_report_at >= state_since", [id])
      return rows[0]?.n === 3 || undefined
    }, 10_000, 'revocations acknowledged')
  }, 90_000)
})
