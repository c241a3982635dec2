/**
 * One process of bench:incident's fleet: a share of the vehicles as real
 * mqtt.js clients, each with the simulator's NoticeAgent (verify, receipts,
 * the driver's confirmation). Counts on the vehicles' side, independent of
 * the gateway's records: when each vehicle first held a verified notice,
 * how many copies arrived, how many were refused.
 */
import mqtt, { type MqttClient } from 'mqtt'
import { CATALOG_VERSION, fleetwire, vehicleTopic } from '@fleetwire/proto'
import { NoticeAgent } from '../../firmware-sim/src/notice/notice-agent.js'
import { pinKey } from '../../firmware-sim/src/ota/verify-offer.core.js'
import { mulberry32 } from '../../firmware-sim/src/prng.core.js'

export type ToNoticeFleet =
  | { type: 'start', url: string, vehicles: Array<{ id: string, password: string }>, publicKeyRaw: string, seed: number, readMs: [number, number] }
  | { type: 'stats', noticeId: string }
  | { type: 'stop' }
export type FromNoticeFleet =
  | { type: 'connected', vehicles: number }
  | { type: 'stats', noticeId: string, firstReceivedAtMs: number[], copies: number, rejected: number, acknowledged: number }

const send = (m: FromNoticeFleet) => process.send?.(m)
const clients: MqttClient[] = []
const agents: NoticeAgent[] = []
/** Per notice: vehicle index → when it first arrived (epoch ms), and copies received. */
const arrivals = new Map<string, Map<number, number>>()
const copies = new Map<string, number>()

function noticeIdOf (payload: Buffer): string {
  try {
    return fleetwire.v1.NoticeDocument.decode(fleetwire.v1.SafetyNotice.decode(payload).document).noticeId
  } catch {
    return ''
  }
}

async function start (m: Extract<ToNoticeFleet, { type: 'start' }>): Promise<void> {
  const pinned = pinKey(Buffer.from(m.publicKeyRaw, 'base64'))
  const rng = mulberry32(m.seed)
  let connected = 0
  const connectOne = (v: { id: string, password: string }, n: number) => new Promise<void>((resolve) => {
    const client = mqtt.connect(m.url, { clientId: v.id, username: v.id, password: v.password, protocolVersion: 4, clean: true, reconnectPeriod: 1000, connectTimeout: 30_000, keepalive: 120 })
    const publish = (channel: 'status' | 'notice/ack', payload: Uint8Array) => new Promise<void>((res, rej) => client.publish(vehicleTopic(v.id, channel), Buffer.from(payload), { qos: 1 }, (err) => err ? rej(err) : res()))
    // Arrival is timed when the message reaches the client; it counts once the agent verified and showed it.
    let arrivedAt = 0
    const agent = new NoticeAgent({
      vehicleId: v.id, pinned, driverAckMs: () => m.readMs[0] + rng.next() * (m.readMs[1] - m.readMs[0]), send: (ack) => publish('notice/ack', ack),
      onShown: (notice) => {
        const first = arrivals.get(notice.noticeId) ?? new Map<number, number>()
        arrivals.set(notice.noticeId, first)
        first.set(n, arrivedAt)
      },
    })
    client.on('message', (_topic, payload) => {
      arrivedAt = Date.now()
      const id = noticeIdOf(payload)
      copies.set(id, (copies.get(id) ?? 0) + 1)
      void agent.onNotice(payload).catch(() => undefined)
    })
    client.on('error', () => undefined)
    client.once('connect', () => {
      client.subscribe(vehicleTopic(v.id, 'notice'), { qos: 1 }, () => {
        void publish('status', fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: 1, ignitionOn: false, ecus: [{ ecuId: 'BMS', hardwareId: 'HW-BMS-1', softwareVersion: '1.0.0' }], catalogVersion: CATALOG_VERSION }).finish())
          .then(() => { connected++; resolve() }, () => resolve())
      })
    })
    clients[n] = client
    agents[n] = agent
  })
  // In chunks: the gateway's per-address connection limiter is generous in the bench, but not unbounded.
  for (let i = 0; i < m.vehicles.length; i += 250) {
    await Promise.all(m.vehicles.slice(i, i + 250).map((v, j) => connectOne(v, i + j)))
  }
  send({ type: 'connected', vehicles: connected })
}

process.on('message', (m: ToNoticeFleet) => {
  if (m.type === 'start') void start(m)
  else if (m.type === 'stats') {
    const first = arrivals.get(m.noticeId) ?? new Map<number, number>()
    send({
      type: 'stats', noticeId: m.noticeId, firstReceivedAtMs: [...first.values()], copies: copies.get(m.noticeId) ?? 0,
      rejected: agents.reduce((n, a) => n + a.rejected, 0), acknowledged: agents.filter((a) => a.acknowledged.has(m.noticeId)).length,
    })
  } else if (m.type === 'stop') {
    for (const c of clients) c.end(true)
    process.exit(0)
  }
})
