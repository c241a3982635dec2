import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, provision } from '../helper.js'
import { downloadPath, urlMacInput } from '../../src/ota/download.core.js'
import { uploadArtifact } from '../ota/ota-helper.js'
import { type InProcessCluster, startInProcessCluster } from './cluster-env.js'

let gws: TestGateway[]

let cluster: InProcessCluster
beforeAll(async () => {
  cluster = await startInProcessCluster(['gw-a', 'gw-b'])
  ;({ gws } = cluster)
}, 120_000)
afterAll(() => cluster?.close())

describe('cluster: OTA artifacts and signed URLs on every instance', () => {
  it('an artifact uploaded through A is served, with ranges, by B under a URL A signed', async () => {
    const [a, b] = gws as [TestGateway, TestGateway]
    const body = randomBytes(3 * (1 << 20) + 12345)
    const up = await uploadArtifact(a, body)
    expect(up.status).toBe(201)
    const v = await provision(a)
    // Downloads are for an update that is on: the vehicle's offered update of a running campaign (as the scheduler writes it).
    const key = (await a.app.vehicles.get(v.id))?.key
    await a.app.storage.pool.query(
      `WITH c AS (INSERT INTO ota_campaigns (campaign_id, name, state, artifact_ids, target, plan, waves, created_by)
         VALUES (gen_random_uuid(), 'shared', 'running', $1, '{}', '{}', 1, 'test') RETURNING campaign_id)
       INSERT INTO ota_vehicle_updates (campaign_id, vehicle_key, wave, state, from_versions, to_versions, compatibility, state_since)
       SELECT campaign_id, $2, 0, 'offered', '{}', '{}', '{}', now() FROM c`, [[up.artifact.id], key])
    const claims = { artifactId: up.artifact.id, vehicleId: v.id, expiresAtMs: Date.now() + 600_000 }
    // Signed on A with the cluster's one key: B checks the same MAC.
    const path = downloadPath(claims, a.app.ota.signer.mac(urlMacInput(claims)))
    const auth = { authorization: `Basic ${Buffer.from(`${v.id}:${v.password}`).toString('base64')}` }
    const tail = await fetch(`${b.httpUrl}${path}`, { headers: { ...auth, range: `bytes=${body.length - 1000}-` } })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer()).equals(body.subarray(body.length - 1000))).toBe(true)
    const full = await fetch(`${b.httpUrl}${path}`, { headers: auth })
    expect(full.status).toBe(200)
    expect(Buffer.from(await full.arrayBuffer()).equals(body)).toBe(true)
    expect(b.app.ota.signer.keyId).toBe(a.app.ota.signer.keyId)
  })
})
