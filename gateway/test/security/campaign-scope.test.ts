import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type TestGateway, provision, startGateway, waitFor } from '../helper.js'
import { PASSWORD, call, createUser, liveAs, login } from './support.js'
import { startOtaVehicle, type OtaVehicle } from '../../../firmware-sim/src/ota/ota-vehicle.js'
import { BMS, createCampaign, plan, publicKey, uploadArtifact } from '../ota/ota-helper.js'

/**
 * A campaign spanning regions, seen and driven by a support engineer limited
 * to one of them: it sees the campaign through its own vehicles only (counts,
 * VINs, notification rows, event detail) and may not control it, because a
 * control acts on every vehicle (README: "Authorisation"). A fleet owner's
 * /owner/campaigns counts only its own vehicles.
 */
let gw: TestGateway
let units: OtaVehicle[] = []
const eu = { vin: '', key: 0 }
const na = { vin: '', key: 0 }
let span = ''
let euOnly = ''
let supportEu = ''
let ownerEu = ''

const CONTROLS = ['start', 'pause', 'resume', 'cancel', 'approve-next-wave', 'retry-failed']
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((n, x) => n + x, 0)

beforeAll(async () => {
  gw = await startGateway({ OTA_TICK_MS: '0' })
  const key = await publicKey(gw)
  for (const [v, region, fleet] of [[eu, 'EU', 'cs-eu'], [na, 'NA', 'cs-na']] as const) {
    const p = await provision(gw, { region, fleet })
    v.vin = p.id
    units.push(await startOtaVehicle({ url: gw.mqttUrl, vehicleId: p.id, password: p.password, publicKeyRaw: key, ecus: [BMS] }))
  }
  // Campaigns target vehicles by their reported ECUs: wait for both births.
  for (const v of [eu, na]) {
    v.key = await waitFor(async () => { const r = await gw.app.vehicles.get(v.vin); return r !== undefined && r.ecus.length > 0 ? r.key : undefined }, 10_000, `birth of ${v.vin}`)
  }
  const artifact = (await uploadArtifact(gw, Buffer.from('campaign scope package'))).artifact.id
  span = await createCampaign(gw, { name: 'span', artifactIds: [artifact], target: { vins: [eu.vin, na.vin] }, plan: plan() })
  euOnly = await createCampaign(gw, { name: 'eu-only', artifactIds: [artifact], target: { vins: [eu.vin] }, plan: plan() })
  await createUser(gw, { username: 'cs-support-eu', password: PASSWORD, role: 'support', regions: ['EU'] })
  await createUser(gw, { username: 'cs-owner-eu', password: PASSWORD, role: 'fleet_owner', tenantId: 'cs-tenant', fleets: ['cs-eu'] })
  supportEu = await login(gw, 'cs-support-eu', PASSWORD)
  ownerEu = await login(gw, 'cs-owner-eu', PASSWORD)
  // One fleet-owner notification row per vehicle of the spanning campaign (as the reminder scheduler writes them).
  const db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
  for (const v of [eu, na]) {
    await db.query(`INSERT INTO ota_notifications (notification_key, channel, fleet, campaign_id, vehicle_key, payload, created_at)
      VALUES ($1, 'email', 'x', $2, $3, '{}'::jsonb, now())`, [`cs-${v.vin}`, span, v.key])
  }
  await db.end()
})
afterAll(async () => {
  await Promise.all(units.map((u) => u.stop()))
  units = []
  await gw.close()
  await gw.dropDatabase()
})

describe('a campaign spanning regions, for a support engineer limited to one', () => {
  it('is listed with its in-scope vehicles only', async () => {
    const mine = (await call(gw, 'GET', '/ota/campaigns', { token: supportEu })).body.items.find((c: { id: string }) => c.id === span)
    expect([mine.vehicles, sum(mine.counts)]).toEqual([1, 1])
    const all = (await call(gw, 'GET', '/ota/campaigns')).body.items.find((c: { id: string }) => c.id === span)
    expect([all.vehicles, sum(all.counts)]).toEqual([2, 2])
  })

  it('shows counts, failure reasons, named VINs and event detail of its own vehicles only', async () => {
    const d = (await call(gw, 'GET', `/ota/campaigns/${span}`, { token: supportEu })).body
    expect(d.vehicles).toBe(1)
    expect(sum(d.progress.byState)).toBe(1)
    expect(d.progress.byWave.reduce((n: number, w: { size: number }) => n + w.size, 0)).toBe(1)
    expect(d.target.vins).toEqual([eu.vin])
    expect(JSON.stringify(d)).not.toContain(na.vin)
    const created = d.events.find((e: { kind: string }) => e.kind === 'created')
    expect(created.detail).toEqual({}) // the total of every region's vehicles is not shown
    const admin = (await call(gw, 'GET', `/ota/campaigns/${span}`)).body
    expect([admin.vehicles, admin.target.vins.length, admin.events.find((e: { kind: string }) => e.kind === 'created').detail.vehicles]).toEqual([2, 2, 2])
  })

  it('lists notification rows of its own vehicles only', async () => {
    const mine = (await call(gw, 'GET', `/ota/campaigns/${span}/notifications`, { token: supportEu })).body.items
    expect(mine.map((n: { key: string }) => n.key)).toEqual([`cs-${eu.vin}`])
    const all = (await call(gw, 'GET', `/ota/campaigns/${span}/notifications`)).body.items
    expect(all.map((n: { key: string }) => n.key).sort()).toEqual([`cs-${eu.vin}`, `cs-${na.vin}`].sort())
  })

  it('refuses every control (403) and changes nothing; the same engineer controls a campaign wholly in its region', async () => {
    for (const control of CONTROLS) {
      const r = await call(gw, 'POST', `/ota/campaigns/${span}/${control}`, { token: supportEu, body: {} })
      expect([control, r.status, r.body.code]).toEqual([control, 403, 'GW_OTA_CAMPAIGN_OUT_OF_SCOPE'])
    }
    expect((await call(gw, 'GET', `/ota/campaigns/${span}`)).body.state).toBe('draft')
    const own = await call(gw, 'POST', `/ota/campaigns/${euOnly}/cancel`, { token: supportEu, body: {} })
    expect([own.status, own.body.state]).toEqual([200, 'cancelled'])
    const refused = (await call(gw, 'GET', `/audit?action=ota.campaign.start&target=campaign:${span}`)).body.items
    expect(refused[0].detail).toEqual({ outcome: 'GW_OTA_CAMPAIGN_OUT_OF_SCOPE' })
  })

  it('a target selection naming another region is out of scope for controls even without a vehicle there', async () => {
    const artifact = (await call(gw, 'GET', '/ota/artifacts')).body.items[0].id as string
    const named = await createCampaign(gw, { name: 'named-regions', artifactIds: [artifact], target: { regions: ['EU', 'NA'], fleets: ['cs-eu'] }, plan: plan() })
    expect((await call(gw, 'GET', `/ota/campaigns/${named}`, { token: supportEu })).body.vehicles).toBe(1)
    expect((await call(gw, 'POST', `/ota/campaigns/${named}/cancel`, { token: supportEu, body: {} })).status).toBe(403)
  })

  it('on /live: another region\'s campaign is refused; the spanning one streams its own vehicles\' progress only', async () => {
    const artifact = (await call(gw, 'GET', '/ota/artifacts')).body.items[0].id as string
    const naOnly = await createCampaign(gw, { name: 'na-only', artifactIds: [artifact], target: { vins: [na.vin] }, plan: plan() })
    const mine = await liveAs(gw, supportEu)
    const whole = await liveAs(gw, ADMIN_TOKEN)
    try {
      mine.send({ type: 'subscribe', topic: `campaign/${naOnly}` })
      expect(await mine.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_NOT_FOUND', topic: `campaign/${naOnly}` })
      for (const l of [mine, whole]) {
        l.send({ type: 'subscribe', topic: `campaign/${span}` })
        await l.next((m) => m.type === 'subscribed')
      }
      expect((await call(gw, 'POST', `/ota/campaigns/${span}/start`, { body: {} })).status).toBe(200)
      await gw.app.ota.tick()
      const counts = async (l: typeof mine) => sum(((await l.next((m) => m.type === 'event' && m.topic === `campaign/${span}`)).payload as { counts: Record<string, number> }).counts)
      expect(await counts(whole)).toBe(2)
      expect(await counts(mine)).toBe(1)
    } finally {
      mine.close()
      whole.close()
    }
  })

  it('a fleet owner\'s /owner/campaigns counts only its own vehicles', async () => {
    const c = (await call(gw, 'GET', '/owner/campaigns', { token: ownerEu })).body.items.find((x: { id: string }) => x.id === span)
    expect([c.vehicles, sum(c.counts), c.myVehicles, c.consent.map((x: { vehicleId: string }) => x.vehicleId)]).toEqual([1, 1, 1, [eu.vin]])
  })
})
