import { connect as tcpConnect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import mqttPacket from 'mqtt-packet'
import { signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, closed, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../helper.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const DRAIN_TIMEOUT_MS = 1000

let gw: TestGateway
beforeAll(async () => {
  gw = await startGateway({ MQTT_DRAIN_TIMEOUT_MS: String(DRAIN_TIMEOUT_MS), VEHICLE_MAX_MSGS_PER_S: '1000' })
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

function rawSocket (port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = tcpConnect(port, '127.0.0.1')
    s.once('connect', () => resolve(s))
    s.once('error', reject)
  })
}

/** Resolves with the CONNACK return code, or 'closed' when the connection ends first. */
function rawConnect (s: Socket, v: Provisioned): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    s.once('data', (b: Buffer) => resolve(b[0] === 0x20 ? b[3] as number : 'closed'))
    s.once('close', () => resolve('closed'))
    s.write(mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: v.id, username: v.id, password: Buffer.from(v.password), keepalive: 30 }))
  })
}

describe('broker under attack (real TCP)', () => {
  it('a subscriber that stops reading is dropped after the drain timeout without stalling other vehicles', async () => {
    const slow = await provision(gw)
    const steady = await provision(gw)
    const s = await rawSocket(gw.app.broker.tcpAddress().port)
    expect(await rawConnect(s, slow)).toBe(0)
    const suback = new Promise<void>((resolve) => {
      const onData = (b: Buffer) => { if (b[0] === 0x90) { s.off('data', onData); resolve() } }
      s.on('data', onData)
    })
    s.write(mqttPacket.generate({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: `v/${slow.id}/cmd/req`, qos: 0 }] }))
    await suback
    // Stops reading: the kernel buffers fill, then the broker's writes block. (A paused
    // socket never sees the server's close either, so the drop is observed on the broker.)
    s.pause()
    let droppedAt = 0
    const onDisconnect = (client: { id: string }) => { if (client.id === slow.id) droppedAt = Date.now() }
    gw.app.broker.aedes.on('clientDisconnect', onDisconnect)

    const good = await connectVehicle(gw.mqttUrl, steady)
    const latencies: number[] = []
    let seq = 0
    const base = Date.now()
    const floodStart = Date.now()
    const publisher = (async () => {
      while (droppedAt === 0 && Date.now() - floodStart < 20_000) {
        const t0 = Date.now()
        await publish(good, steady.id, 'telemetry', telemetryPayload(++seq, base, [[signalId('Vehicle.Speed'), 50, seq]]))
        latencies.push(Date.now() - t0)
        await sleep(10)
      }
    })()
    const chunk = Buffer.alloc(60_000, 1)
    for (let i = 0; i < 2000 && droppedAt === 0; i++) {
      gw.app.broker.aedes.publish({ cmd: 'publish', topic: `v/${slow.id}/cmd/req`, payload: chunk, qos: 0, retain: false, dup: false }, () => {})
      if (i % 20 === 0) await sleep(1)
    }
    await publisher
    gw.app.broker.aedes.removeListener('clientDisconnect', onDisconnect)
    const stillOk = good.connected
    good.end(true)
    s.destroy()
    const maxLatency = Math.max(...latencies)
    process.stdout.write(`slow subscriber: dropped ${droppedAt - floodStart} ms after the flood began (drain timeout ${DRAIN_TIMEOUT_MS} ms); steady vehicle ${latencies.length} publishes meanwhile, max PUBACK latency ${maxLatency} ms\n`)
    expect(droppedAt).toBeGreaterThan(0)
    expect(droppedAt - floodStart).toBeLessThan(DRAIN_TIMEOUT_MS + 5000)
    expect(latencies.length).toBeGreaterThan(5)
    expect(maxLatency).toBeLessThan(DRAIN_TIMEOUT_MS)
    expect(stillOk).toBe(true)
  }, 30_000)

  it('a revoked vehicle is disconnected within 5 s', async () => {
    const victim = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, victim)
    const gone = closed(c).then(() => Date.now())
    const t0 = Date.now()
    expect((await api(gw, `/vehicles/${victim.id}/credentials/revoke`, { method: 'POST', body: '{}' })).status).toBe(204)
    const elapsed = (await Promise.race([gone, sleep(5000).then(() => Number.POSITIVE_INFINITY)])) - t0
    expect(elapsed).toBeLessThan(5000)
  })

  it('closes a socket announcing a 256 MB packet before CONNECT, without buffering it', async () => {
    const s = await rawSocket(gw.app.broker.tcpAddress().port)
    const before = process.memoryUsage().rss
    const t0 = Date.now()
    s.write(Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]))
    await new Promise((resolve) => s.once('close', resolve))
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(32 << 20)
  })
})

describe('connection rate per address', () => {
  let limited: TestGateway
  beforeAll(async () => {
    limited = await startGateway({ MQTT_CONN_BURST_PER_ADDR: '5', MQTT_CONN_PER_S_PER_ADDR: '1', MQTT_CONN_BAN_S: '2' })
  })
  afterAll(async () => {
    await limited.close()
    await limited.dropDatabase()
  })

  it('bans a flapping address for MQTT_CONN_BAN_S, then lets it back in', async () => {
    const v = await provision(limited)
    const port = limited.app.broker.tcpAddress().port
    // The limiter's clock stands still unless the test moves it: the ban is checked at its exact moments.
    let now = Date.now()
    limited.app.broker.useClock(() => now)
    // A client reconnecting in a loop: connect, CONNACK, drop, again.
    const outcomes: Array<number | 'closed'> = []
    for (let i = 0; i < 8; i++) {
      const s = await rawSocket(port)
      outcomes.push(await rawConnect(s, v))
      s.destroy()
    }
    expect(outcomes.slice(0, 5)).toEqual([0, 0, 0, 0, 0])
    expect(outcomes.slice(5)).toEqual(['closed', 'closed', 'closed'])
    // Still banned 1.1 s later, although the bucket has refilled by one.
    now += 1100
    expect(await rawConnect(await rawSocket(port), v)).toBe('closed')
    // The 2 s ban is over.
    now += 1500
    const s = await rawSocket(port)
    expect(await rawConnect(s, v)).toBe(0)
    s.destroy()
    const metrics = await (await fetch(`${limited.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/fleetwire_mqtt_connections_refused_total\{reason="GW_MQTT_CONNECTION_RATE"\} 1/)
    expect(metrics).toMatch(/fleetwire_mqtt_connections_refused_total\{reason="GW_MQTT_ADDRESS_BANNED"\} 3/)
  })
})
