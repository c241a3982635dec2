import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../helper.js'
import { loadCorpus } from './corpus.js'
import { authenticatedSocket, closedWithin, openSocket } from './raw-client.js'

const corpus = loadCorpus()
let gw: TestGateway
let attacker: Provisioned
let bystander: Provisioned

beforeAll(async () => {
  gw = await startGateway({ VEHICLE_MALFORMED_LIMIT: '100000' })
  attacker = await provision(gw)
  bystander = await provision(gw)
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

describe('fuzz regression corpus', () => {
  it('has entries', () => {
    expect(corpus.length).toBeGreaterThan(10)
  })

  it.each(corpus.map((e) => [e.name, e] as const))('%s: the broker survives it and keeps serving other vehicles', async (_name, entry) => {
    const port = gw.app.broker.tcpAddress().port
    const s = entry.kind === 'preconnect'
      ? await openSocket(port)
      : await authenticatedSocket(port, attacker.id, attacker.password)
    expect(s).toBeDefined()
    s!.on('error', () => {})
    s!.on('data', () => {})
    s!.write(entry.bytes(attacker.id))
    await closedWithin(s!, 200)
    s!.destroy()
    const c = await connectVehicle(gw.mqttUrl, bystander)
    await publish(c, bystander.id, 'telemetry', telemetryPayload(Date.now() % 1_000_000, Date.now(), [[signalId('Vehicle.Speed'), 10]]))
    c.end(true)
    const ready = await fetch(`${gw.httpUrl}/readyz`)
    expect(ready.status).toBe(200)
  })
})
