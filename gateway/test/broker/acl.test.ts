import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, closed, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../helper.js'

let gw: TestGateway
let alice: Provisioned
let bob: Provisioned

beforeAll(async () => {
  gw = await startGateway()
  alice = await provision(gw)
  bob = await provision(gw)
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

function subscribe (c: MqttClient, topic: string): Promise<number> {
  return new Promise((resolve, reject) => c.subscribe(topic, { qos: 1 }, (err, granted) => {
    // mqtt.js reports a SUBACK return code 0x80 as an error ("Unspecified error")
    if (err !== null && err !== undefined) return err.message.includes('Unspecified error') ? resolve(128) : reject(err)
    resolve(granted?.[0]?.qos ?? -1)
  }))
}

describe('topic ACLs', () => {
  it('lets a vehicle subscribe to its own command topic', async () => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    expect(await subscribe(c, `v/${alice.id}/cmd/req`)).toBe(1)
    c.end(true)
  })

  it.each([
    ['#', '#'],
    ['another vehicle\'s commands', 'v/BOB/cmd/req'],
    ['a wildcard over all vehicles', 'v/+/cmd/req'],
    ['a wildcard inside its own tree', 'v/ALICE/#'],
    ['$SYS', '$SYS/#'],
    ['its own telemetry (uplink only)', 'v/ALICE/telemetry'],
  ])('refuses a subscription to %s with SUBACK 0x80 and keeps the session', async (_label, pattern) => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    const topic = pattern.replace('BOB', bob.id).replace('ALICE', alice.id)
    expect(await subscribe(c, topic)).toBe(128)
    expect(c.connected).toBe(true)
    c.end(true)
  })

  it('disconnects a vehicle that publishes to another vehicle\'s topic; nothing is stored for the other', async () => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    const gone = closed(c)
    c.publish(`v/${bob.id}/telemetry`, telemetryPayload(1, Date.now(), [[signalId('Vehicle.Speed'), 10]]), { qos: 1 })
    await gone
    const stats = await gw.app.inject({ url: `/vehicles/${bob.id}/ingest`, headers: { authorization: 'Bearer test-admin-token-0123456789abcdef' } })
    expect(stats.json()).toMatchObject({ messages: 0 })
  })

  it('disconnects a vehicle that publishes to $SYS', async () => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    const gone = closed(c)
    c.publish('$SYS/broker/fake', 'x', { qos: 1 })
    await gone
  })

  it('keeps serving the vehicle after its own valid publish', async () => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    await publish(c, alice.id, 'telemetry', telemetryPayload(1, Date.now(), [[signalId('Vehicle.Speed'), 10]]))
    expect(c.connected).toBe(true)
    c.end(true)
  })
})
