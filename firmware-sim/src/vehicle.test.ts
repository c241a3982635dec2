import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Aedes } from 'aedes'
import mqtt, { type MqttClient } from 'mqtt'
import { generateKeyPairSync, sign } from 'node:crypto'
import { fleetwire, noticeSigningInput } from '@fleetwire/proto'
import { startFleet, type Fleet } from './fleet.js'
import { pinKey } from './ota/verify-offer.core.js'
import type { CommandCodec } from './diagnostics-handlers.js'

// The unit's wire behaviour against a bare in-process broker (aedes); the
// gateway itself is exercised in test/integration.test.ts.
let broker: Aedes
let server: Server
let url: string
let monitor: MqttClient
const seen: Array<{ topic: string, payload: Buffer }> = []

beforeAll(async () => {
  broker = await Aedes.createBroker()
  server = createServer(broker.handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  url = `mqtt://127.0.0.1:${port}`
  monitor = await mqtt.connectAsync(url, { clientId: 'monitor', protocolVersion: 4 })
  await monitor.subscribeAsync('v/#', { qos: 1 })
  monitor.on('message', (topic, payload) => seen.push({ topic, payload }))
})
afterAll(async () => {
  await monitor.endAsync()
  await new Promise<void>((resolve) => broker.close(() => resolve()))
  server.close()
})

/** A stand-in for the gateway's command messages: JSON with the UDS PDU in hex. */
const jsonCodec: CommandCodec = {
  decode (payload) {
    const m = JSON.parse(Buffer.from(payload).toString()) as { id: string, uds: string }
    return { correlationId: m.id, request: Buffer.from(m.uds, 'hex') }
  },
  encode: (id, response) => Buffer.from(JSON.stringify({ id, uds: Buffer.from(response).toString('hex') })),
}

const until = async <T>(probe: () => T | undefined, what: string, ms = 8000): Promise<T> => {
  const end = Date.now() + ms
  for (;;) {
    const v = probe()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('a simulated unit on the wire', () => {
  let fleet: Fleet
  let vin: string
  const of = (channel: string) => seen.filter((m) => m.topic === `v/${vin}/${channel}`)

  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const keyRaw = publicKey.export({ type: 'spki', format: 'der' }).subarray(12)

  beforeAll(async () => {
    fleet = await startFleet({ url, vehicles: 1, seed: 3, rate: 10, keepAwake: true, credentials: new Map(), provision: async () => 'secret', commandCodec: jsonCodec, noticeKeyRaw: keyRaw, noticeReadMs: [10, 20] })
    vin = fleet.vehicles[0]!.vin
  })
  afterAll(async () => { await fleet.stop() })

  it('sends a birth with session 1, its ECUs, then telemetry batches with seq 1, 2, 3…', async () => {
    await until(() => (of('telemetry').length >= 3 ? true : undefined), 'three batches')
    const birth = fleetwire.v1.VehicleStatus.decode(of('status')[0]!.payload)
    expect(birth).toMatchObject({ session: 1, catalogVersion: '1.0.0' })
    expect(birth.ecus.map((e) => e.ecuId)).toEqual(fleet.vehicles[0]!.ecus.map((e) => e.ecuId))
    const seqs = of('telemetry').map((m) => fleetwire.v1.TelemetryBatch.decode(m.payload).seq)
    expect(seqs.slice(0, 3)).toEqual([1, 2, 3])
  })

  it('on a lost link the broker publishes its will (LINK_LOST, same session); it comes back with session 2 and resends in order', async () => {
    fleet.outage(vin, 600)
    const death = await until(() => of('death')[0], 'the will')
    expect(fleetwire.v1.DeathCertificate.decode(death.payload)).toMatchObject({ session: 1, reason: fleetwire.v1.DeathCertificate.Reason.REASON_LINK_LOST })
    await until(() => (of('status').length >= 2 ? true : undefined), 'a second birth')
    expect(fleetwire.v1.VehicleStatus.decode(of('status')[1]!.payload).session).toBe(2)
    await until(() => (fleet.unit(vin)!.recorder.spool.size === 0 ? true : undefined), 'spool drained')
    const seqs = [...new Set(of('telemetry').map((m) => fleetwire.v1.TelemetryBatch.decode(m.payload).seq))]
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1)) // no seq missing
  })

  it('answers diagnostic requests through the handler table (UDS 0x22 F190 → VIN)', async () => {
    monitor.publish(`v/${vin}/cmd/req`, JSON.stringify({ id: 'c1', uds: '22f190' }), { qos: 1 })
    const res = await until(() => of('cmd/res')[0], 'a response')
    const body = JSON.parse(res.payload.toString()) as { id: string, uds: string }
    expect(body.id).toBe('c1')
    expect(Buffer.from(body.uds, 'hex').subarray(3).toString('ascii')).toBe(vin)
  })

  it('shows a signed safety notice and reports it delivered, displayed and confirmed by the driver', async () => {
    const document = fleetwire.v1.NoticeDocument.encode({ noticeId: 'n-1', vehicleId: vin, issuedAtMs: Date.now(), severity: 3, requiredAction: 1, language: 'en', title: 'Stop', message: 'Stop driving.' }).finish()
    const { keyId } = pinKey(keyRaw)
    monitor.publish(`v/${vin}/notice`, Buffer.from(fleetwire.v1.SafetyNotice.encode({ document, signature: sign(null, noticeSigningInput(document), privateKey), keyId }).finish()), { qos: 1 })
    await until(() => (of('notice/ack').length >= 3 ? true : undefined), 'three receipts')
    expect(of('notice/ack').map((m) => fleetwire.v1.NoticeAck.decode(m.payload).state)).toEqual([1, 2, 3])
    expect(fleet.unit(vin)!.notices?.shown.map((n) => n.title)).toEqual(['Stop'])
  })

  it('says SHUTDOWN when stopped', async () => {
    await fleet.stop()
    const last = of('death').at(-1)!
    expect(fleetwire.v1.DeathCertificate.decode(last.payload)).toMatchObject({ session: 2, reason: fleetwire.v1.DeathCertificate.Reason.REASON_SHUTDOWN })
  })
})
