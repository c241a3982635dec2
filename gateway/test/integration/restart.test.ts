import { afterAll, describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../support/free-port.js'
import { type TestGateway, api, connectVehicle, provision, publish, startEmbedded, startGateway, telemetryPayload } from '../helper.js'

let second: TestGateway | undefined

afterAll(async () => {
  await second?.close()
  await second?.dropDatabase()
})

describe('restart', () => {
  it('keeps vehicles, credentials and telemetry across a gateway restart', async () => {
    const first = await startGateway()
    const v = await provision(first)
    const c = await connectVehicle(first.mqttUrl, v)
    const t = Date.now() - 10_000
    await publish(c, v.id, 'telemetry', telemetryPayload(1, t, [[signalId('Vehicle.Speed'), 77]]))
    c.end(true)
    await first.close()

    second = await startGateway({}, first.databaseUrl)
    second.dropDatabase = first.dropDatabase
    const latest = await (await api(second, `/vehicles/${v.id}/signals/latest`)).json() as Array<{ value: number, ts: string }>
    expect(latest).toEqual([expect.objectContaining({ value: 77, ts: new Date(t).toISOString() })])
    const again = await connectVehicle(second.mqttUrl, v)
    expect(again.connected).toBe(true)
    again.end(true)
  })
})

describe('graceful shutdown', () => {
  it('closes within a bound while vehicles are still connected', async () => {
    const gw = await startGateway()
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const started = Date.now()
    await gw.close()
    expect(Date.now() - started).toBeLessThan(5000)
    c.end(true)
    await gw.dropDatabase()
  })
})

describe('embedded PostgreSQL (the npm start default)', () => {
  it('starts its own server under DATA_DIR and keeps the data across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fw-embedded-'))
    const port = await freePort()
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), DATABASE_URL: '' }
    try {
      const first = await startEmbedded(env)
      const v = await provision(first)
      await first.close()
      const again = await startEmbedded(env)
      expect((await api(again, `/vehicles/${v.id}`)).status).toBe(200)
      await again.close()
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 90_000)
})
