import { connect as tcpConnect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import mqttPacket from 'mqtt-packet'
import { signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, closed, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

let gw: TestGateway
let car: Provisioned
const MAX_PACKET = 4096

beforeAll(async () => {
  gw = await startGateway({ MQTT_MAX_PACKET_BYTES: String(MAX_PACKET), VEHICLE_MALFORMED_LIMIT: '5', VEHICLE_MALFORMED_BAN_S: '60', VEHICLE_MAX_MSGS_PER_S: '20' })
  car = await provision(gw)
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

/** A raw TCP connection that has completed CONNECT/CONNACK as `v`. */
async function rawSession (v: Provisioned): Promise<Socket> {
  const port = gw.app.broker.tcpAddress().port
  const socket = tcpConnect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write(mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: v.id, username: v.id, password: Buffer.from(v.password), keepalive: 30 }))
  const connack = await new Promise<Buffer>((resolve) => socket.once('data', resolve))
  expect(connack[0]).toBe(0x20)
  expect(connack[3]).toBe(0)
  return socket
}

function socketClosed (s: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (s.destroyed) return resolve()
    s.once('close', () => resolve())
  })
}

async function stats (id: string): Promise<Record<string, unknown>> {
  return await (await api(gw, `/vehicles/${id}/ingest`)).json() as Record<string, unknown>
}

describe('broker limits', () => {
  it('closes a connection announcing a 256 MB packet from its 5-byte header, without buffering', async () => {
    const s = await rawSession(car)
    const before = process.memoryUsage().rss
    s.write(Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]))
    await socketClosed(s)
    expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20)
  })

  it('closes a connection sending a packet over MQTT_MAX_PACKET_BYTES', async () => {
    const c = await connectVehicle(gw.mqttUrl, car)
    const gone = closed(c)
    c.publish(`v/${car.id}/telemetry`, Buffer.alloc(MAX_PACKET + 1), { qos: 0 })
    await gone
  })

  it('closes a connection whose topic has too many levels', async () => {
    const c = await connectVehicle(gw.mqttUrl, car)
    const gone = closed(c)
    c.publish(`v/${car.id}/telemetry/${'x/'.repeat(20)}y`, 'x', { qos: 1 })
    await gone
  })

  it('counts a malformed payload, drops it and keeps the connection', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    await publish(c, v.id, 'telemetry', Buffer.from([0x0a, 0xff, 0xff, 0xff]))
    await publish(c, v.id, 'telemetry', Buffer.from('{"json":"is not protobuf"}'))
    await publish(c, v.id, 'dtc', Buffer.from([0x0a, 0x03, 0x58, 0x58, 0x58])) // code "XXX"
    expect(c.connected).toBe(true)
    await publish(c, v.id, 'telemetry', telemetryPayload(1, Date.now(), [[signalId('Vehicle.Speed'), 42]]))
    expect(await stats(v.id)).toMatchObject({ samplesAccepted: 1, malformed: { GW_INGEST_MALFORMED_PAYLOAD: 2, GW_INGEST_BAD_FIELD: 1 } })
    c.end(true)
  })

  it('quarantines a vehicle that keeps sending garbage, and refuses it for a while', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const gone = closed(c)
    for (let i = 0; i < 6; i++) c.publish(`v/${v.id}/telemetry`, Buffer.from([0xff, 0xff]), { qos: 1 })
    await gone
    const err = await connectVehicle(gw.mqttUrl, v).then(() => undefined, (e: { code?: number }) => e)
    expect(err?.code).toBe(5)
  })

  it('sheds QoS 0 beyond the per-vehicle rate and counts it', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const base = Date.now()
    for (let i = 0; i < 200; i++) c.publish(`v/${v.id}/telemetry`, telemetryPayload(i, base, [[signalId('Vehicle.Speed'), 1, i]]), { qos: 0 })
    const s = await waitFor(async () => {
      const st = await stats(v.id) as { messages: number, shed: Record<string, number>, samplesAccepted: number }
      return st.samplesAccepted + (st.shed.rate_limited ?? 0) === 200 ? st : undefined
    }, 10_000, 'all 200 messages counted')
    expect(s.shed.rate_limited).toBeGreaterThan(0)
    expect(s.samplesAccepted + (s.shed.rate_limited ?? 0)).toBe(200)
    c.end(true)
  })

  it('slows QoS 1 beyond the per-vehicle rate instead of dropping it', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const base = Date.now()
    const started = Date.now()
    // 20/s with a 40-message burst: 60 messages need about a second
    await Promise.all(Array.from({ length: 60 }, (_, i) => publish(c, v.id, 'telemetry', telemetryPayload(i, base, [[signalId('Vehicle.Speed'), 1, i]]))))
    expect(Date.now() - started).toBeGreaterThan(800)
    expect(await stats(v.id)).toMatchObject({ samplesAccepted: 60, shed: {} })
    c.end(true)
  })
})
