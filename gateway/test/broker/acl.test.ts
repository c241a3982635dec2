import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { fleetwire, signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, closed, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

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
    ['a shared subscription to another vehicle\'s commands', '$share/grp/v/BOB/cmd/req'],
    ['a shared subscription to its own commands', '$share/grp/v/ALICE/cmd/req'],
    ['a shared subscription over all vehicles', '$share/grp/v/+/cmd/req'],
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

  it('a refused $share subscription receives nothing of the other vehicle\'s commands', async () => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    const got: string[] = []
    c.on('message', (topic) => got.push(topic))
    expect(await subscribe(c, `$share/grp/v/${bob.id}/cmd/req`)).toBe(128)
    expect(await subscribe(c, `v/${alice.id}/cmd/req`)).toBe(1)
    // Bob's command first, then Alice's own: once hers has arrived, his would have too.
    await publishFromGateway(`v/${bob.id}/cmd/req`)
    await publishFromGateway(`v/${alice.id}/cmd/req`)
    await waitFor(() => got.length > 0 || undefined, 5000, 'alice\'s own command')
    expect(got).toEqual([`v/${alice.id}/cmd/req`])
    c.end(true)
  })

  it('keeps no retained message from a vehicle, on its own topic or (disconnected) on another\'s', async () => {
    const c = await connectVehicle(gw.mqttUrl, alice)
    await new Promise<void>((resolve, reject) => c.publish(`v/${alice.id}/status`, birth(), { qos: 1, retain: true }, (err) => err ? reject(err) : resolve()))
    const gone = closed(c)
    c.publish(`v/${bob.id}/cmd/req`, Buffer.from('forged command'), { qos: 1, retain: true })
    await gone
    expect(await retainedTopics()).toEqual([])
  })

  it('drops a will aimed at another vehicle\'s topic (its own will still goes out)', async () => {
    const carol = await provision(gw)
    const before = await ingestOf(bob.id)
    const liar = await connectVehicle(gw.mqttUrl, alice, { will: { topic: `v/${bob.id}/death`, payload: death(), qos: 1, retain: false } })
    const honest = await connectVehicle(gw.mqttUrl, carol, { will: { topic: `v/${carol.id}/death`, payload: death(), qos: 1, retain: false } })
    // Both links are lost (no DISCONNECT): the broker publishes their wills, the liar's first.
    liar.stream.destroy()
    honest.stream.destroy()
    await waitFor(async () => (await ingestOf(carol.id)).messages === 1 || undefined, 10_000, 'carol\'s will')
    expect(await ingestOf(bob.id)).toEqual(before)
  })

  it('QoS 2: another vehicle\'s topic disconnects and stores nothing; its own topic is stored once', async () => {
    const before = await ingestOf(bob.id)
    const c = await connectVehicle(gw.mqttUrl, alice)
    await new Promise<void>((resolve, reject) => c.publish(`v/${alice.id}/telemetry`, telemetryPayload(77, Date.now(), [[signalId('Vehicle.Speed'), 42]]), { qos: 2 }, (err) => err ? reject(err) : resolve()))
    const latest = await (await api(gw, `/vehicles/${alice.id}/signals/latest`)).json() as Record<string, unknown>
    expect(JSON.stringify(latest)).toContain('42')
    const gone = closed(c)
    c.publish(`v/${bob.id}/telemetry`, telemetryPayload(78, Date.now(), [[signalId('Vehicle.Speed'), 43]]), { qos: 2 })
    await gone
    expect(await ingestOf(bob.id)).toEqual(before)
  })
})

function publishFromGateway (topic: string): Promise<void> {
  return new Promise((resolve, reject) => gw.app.broker.aedes.publish({ cmd: 'publish', topic, payload: Buffer.from('x'), qos: 1, retain: false, dup: false }, (err) => err ? reject(err) : resolve()))
}

async function retainedTopics (): Promise<string[]> {
  const topics: string[] = []
  // aedes' persistence is not in its type declarations.
  const { persistence } = gw.app.broker.aedes as unknown as { persistence: { createRetainedStream(pattern: string): AsyncIterable<{ topic: string }> } }
  for await (const p of persistence.createRetainedStream('#')) topics.push(p.topic)
  return topics
}

async function ingestOf (id: string): Promise<{ messages: number }> {
  return await (await api(gw, `/vehicles/${id}/ingest`)).json() as { messages: number }
}

const birth = () => Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: 1 }).finish())
const death = () => Buffer.from(fleetwire.v1.DeathCertificate.encode({ session: 1, reason: 1 }).finish())
