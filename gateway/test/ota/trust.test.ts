import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { BMS, control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, waitForCampaign, type TestFleet } from './ota-helper.js'

const basic = (id: string, password: string) => `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`

describe('OTA trust: signed offers, integrity, signed download URLs', () => {
  const env = otaEnv({ OTA_ARTIFACT_MAX_BYTES: String(256 * 1024) })
  let gw: TestGateway
  let fleet: TestFleet
  let skewed: TestFleet

  beforeAll(async () => {
    gw = await startGateway(env)
    fleet = await startFleet(gw, 12)
    // Vehicles whose clock runs 8 days ahead see every offer (7-day validity) as expired: a replayed, stale offer.
    skewed = await startFleet(gw, 6, { clockOffsetMs: 8 * 86_400_000 })
  }, 120_000)
  afterAll(async () => {
    await fleet?.stop()
    await skewed?.stop()
    await gw?.close()
    await gw?.dropDatabase()
  })

  it('stores artifacts by content: the same bytes twice are one artifact; too large is refused', async () => {
    const bytes = randomBytes(10_000)
    const a = await uploadArtifact(gw, bytes, { version: '1.0.5' })
    const b = await uploadArtifact(gw, bytes, { version: '1.0.5' })
    expect(a.status).toBe(201)
    expect(b.status).toBe(200)
    expect(b.artifact.id).toBe(a.artifact.id)
    expect(a.artifact.size).toBe(10_000)
    const big = await uploadArtifact(gw, randomBytes(300 * 1024), { version: '9.9.9' })
    expect(big.status).toBe(413)
    const bad = await api(gw, '/ota/artifacts?ecu=BMS&version=1.2.0&hardwareIds=X&releaseNotes=%7Bnope', { method: 'POST', body: new Uint8Array(10), headers: { 'content-type': 'application/octet-stream' } })
    expect(bad.status).toBe(400)
  })

  it('every vehicle rejects an artifact changed by one byte, counted as failed with the reason', async () => {
    const up = await uploadArtifact(gw, randomBytes(64 * 1024), { version: '1.2.0' })
    const file = join(env.OTA_ARTIFACT_DIR as string, up.artifact.id.slice(0, 2), up.artifact.id)
    const bytes = readFileSync(file)
    bytes[1000] = (bytes[1000] as number) ^ 0x01
    writeFileSync(file, bytes)
    const id = await createCampaign(gw, { name: 'tampered', artifactIds: [up.artifact.id], target: { vins: fleet.ids.slice(0, 6) }, plan: plan({ errorThreshold: 1 }) })
    await control(gw, id, 'start')
    const c = await waitForCampaign(gw, id, (x) => (x.counts.failed ?? 0) === 6, 30_000, 'six failures')
    expect(c.failureReasons).toEqual({ hash_mismatch: 6 })
    for (const vin of fleet.ids.slice(0, 6)) expect(fleet.byId.get(vin)?.agent.o.inventory[0]?.softwareVersion).toBe(BMS.softwareVersion)
  })

  it('every vehicle rejects an expired offer, counted as failed with the reason', async () => {
    const up = await uploadArtifact(gw, randomBytes(20_000), { version: '1.3.0' })
    const id = await createCampaign(gw, { name: 'expired', artifactIds: [up.artifact.id], target: { vins: skewed.ids }, plan: plan({ errorThreshold: 1 }) })
    await control(gw, id, 'start')
    const c = await waitForCampaign(gw, id, (x) => (x.counts.failed ?? 0) === 6, 30_000, 'six rejections')
    expect(c.failureReasons).toEqual({ offer_expired: 6 })
    for (const v of skewed.vehicles) expect(v.agent.bytesDownloaded).toBe(0)
  })

  it('serves ranges to the vehicle the URL was issued to, and refuses other vehicles, bad signatures and expired URLs', async () => {
    const up = await uploadArtifact(gw, randomBytes(50_000), { version: '1.4.0' })
    const vins = fleet.ids.slice(6, 8)
    const [va, vb] = vins.map((v) => fleet.byId.get(v))
    if (va === undefined || vb === undefined) throw new Error('vehicles missing')
    va.agent.o.driver = { accept: 0, postpone: 1, decline: 0 }
    const id = await createCampaign(gw, { name: 'downloads', artifactIds: [up.artifact.id], target: { vins: [va.agent.o.vehicleId] }, plan: plan() })
    await control(gw, id, 'start')
    const url = await waitFor(() => va.agent.offer?.targets[0]?.url, 10_000, 'offer')
    const own = basic(va.agent.o.vehicleId, va.agent.o.password)
    const full = await fetch(url, { headers: { authorization: own } })
    expect(full.status).toBe(200)
    expect((await full.arrayBuffer()).byteLength).toBe(50_000)
    const part = await fetch(url, { headers: { authorization: own, range: 'bytes=49000-' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 49000-49999/50000')
    expect((await part.arrayBuffer()).byteLength).toBe(1000)
    expect((await fetch(url, { headers: { authorization: own, range: 'bytes=60000-' } })).status).toBe(416)
    const other = await fetch(url, { headers: { authorization: basic(vb.agent.o.vehicleId, vb.agent.o.password) } })
    expect(other.status).toBe(403)
    expect((await other.json() as { code: string }).code).toBe('GW_OTA_URL_OTHER_VEHICLE')
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, { headers: { authorization: basic(va.agent.o.vehicleId, 'wrong') } })).status).toBe(401)
    expect((await fetch(url.replace(/sig=.{4}/, 'sig=AAAA'), { headers: { authorization: own } })).status).toBe(403)
    gw.app.ota.useClock(() => Date.now() + 16 * 60_000)
    try {
      const expired = await fetch(url, { headers: { authorization: own } })
      expect(expired.status).toBe(403)
      expect((await expired.json() as { code: string }).code).toBe('GW_OTA_URL_EXPIRED')
    } finally {
      gw.app.ota.useClock(Date.now)
    }
  })

  it('rolls back when the updated ECU sets a fault during the soak, and never counts it as a success', async () => {
    const up = await uploadArtifact(gw, randomBytes(8_000), { version: '1.5.0' })
    const v = fleet.byId.get(fleet.ids[9] as string)
    if (v === undefined) throw new Error('vehicle missing')
    v.agent.o.soakDtcRate = 1
    const id = await createCampaign(gw, { name: 'soak', artifactIds: [up.artifact.id], target: { vins: [v.agent.o.vehicleId] }, plan: plan({ errorThreshold: 1 }) })
    await control(gw, id, 'start')
    const c = await waitForCampaign(gw, id, (x) => x.counts.rolled_back === 1, 20_000, 'rollback')
    expect(c.failureReasons).toEqual({ soak_dtc: 1 })
    expect(c.counts.succeeded).toBe(0)
    expect(v.agent.o.inventory[0]?.softwareVersion).toBe(BMS.softwareVersion)
    const rec = await (await api(gw, `/vehicles/${v.agent.o.vehicleId}/updates`)).json() as { items: Array<{ campaignId: string, record: { rolledBack: boolean, outcome: string } }> }
    expect(rec.items.find((x) => x.campaignId === id)?.record).toMatchObject({ rolledBack: true, outcome: 'rolled_back' })
  })

  it('publishes the pinned key and refuses illegal controls and unknown campaigns', async () => {
    const keys = await (await fetch(`${gw.httpUrl}/ota/keys`)).json() as { keys: Array<{ keyId: string, publicKeyRaw: string }> }
    expect(keys.keys[0]?.keyId).toBe(gw.app.ota.signer.keyId)
    expect(Buffer.from(keys.keys[0]?.publicKeyRaw ?? '', 'base64')).toHaveLength(32)
    expect((await control(gw, '00000000-0000-4000-8000-000000000000', 'start')).status).toBe(404)
  })
})
