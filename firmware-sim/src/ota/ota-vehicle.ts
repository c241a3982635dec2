import mqtt, { type MqttClient } from 'mqtt'
import { CATALOG_VERSION, fleetwire, vehicleTopic } from '@fleetwire/proto'
import { mulberry32 } from '../prng.core.js'
import { OtaAgent, type OtaAgentOptions } from './ota-agent.js'
import { pinKey, type InventoryEcu } from './verify-offer.core.js'
import type { PreconditionState } from './driver.core.js'
import { NoticeAgent } from '../notice/notice-agent.js'

export interface OtaVehicleOptions extends Partial<Pick<OtaAgentOptions, 'driver' | 'installFailureRate' | 'soakDtcRate' | 'downloadDropRate' | 'stepMs' | 'soakMs' | 'clockOffsetMs'>> {
  readonly url: string
  readonly vehicleId: string
  readonly password: string
  /** Raw Ed25519 public key the vehicle pins (GET /ota/keys → publicKeyRaw). */
  readonly publicKeyRaw: Uint8Array
  readonly ecus: readonly InventoryEcu[]
  readonly seed?: number
  readonly power?: 'awake' | 'asleep' | 'driving'
  readonly preconditions?: () => PreconditionState
  /** Real ms the driver takes to confirm a safety notice on screen (default 200). */
  readonly noticeReadMs?: number
}

export interface OtaVehicle {
  readonly agent: OtaAgent
  /** The head unit's safety notices (shown, confirmed). */
  readonly notices: NoticeAgent
  readonly client: MqttClient
  readonly reminders: Array<{ number: number, urgent: boolean, language: string, text: string, atMs: number }>
  /** Sends a birth certificate with the current inventory and power state. */
  birth(power?: 'awake' | 'asleep' | 'driving'): Promise<void>
  stop(): Promise<void>
}

const POWER = { awake: 1, driving: 2, asleep: 3 } as const

/**
 * A telematics unit reduced to what OTA and safety notices need, over real MQTT: birth with
 * its ECU inventory, offers, reminders, revocations and notices in, OtaStatus, receipts and DTCs out, and
 * mqtt.js reconnecting by itself (reports published while the link is down
 * are queued and sent after the reconnect).
 */
export function startOtaVehicle (o: OtaVehicleOptions): Promise<OtaVehicle> {
  const inventory = o.ecus.map((e) => ({ ...e }))
  let session = 0
  let power = o.power ?? 'awake'
  // mqtt.js re-dials every reconnectPeriod until a CONNACK arrives: a period shorter than a busy
  // gateway's CONNACK (250 ms against a gateway starting up) restarted every attempt, for good.
  // A refused CONNECT (e.g. "server unavailable" from a gateway that is shutting down) is retried
  // like a lost link: mqtt.js would otherwise stop reconnecting for good, which no vehicle does.
  const client = mqtt.connect(o.url, { clientId: o.vehicleId, username: o.vehicleId, password: o.password, protocolVersion: 4, clean: true, reconnectPeriod: 1000, reconnectOnConnackError: true, connectTimeout: 5000, keepalive: 30 })
  const publish = (channel: 'ota/status' | 'status' | 'dtc' | 'notice/ack', payload: Uint8Array) => new Promise<void>((resolve, reject) => {
    client.publish(vehicleTopic(o.vehicleId, channel), Buffer.from(payload), { qos: 1 }, (err) => err ? reject(err) : resolve())
  })
  // Store-and-forward for OTA reports and DTCs: kept until the gateway acknowledged them (PUBACK),
  // sent in order, and sent again after a reconnect (a clean session forgets what was in flight).
  const spool: Array<{ channel: 'ota/status' | 'dtc' | 'notice/ack', payload: Uint8Array, done: () => void }> = []
  let pumping = false
  const pump = async (): Promise<void> => {
    if (pumping) return
    pumping = true
    try {
      while (spool.length > 0 && client.connected) {
        const head = spool[0] as (typeof spool)[number]
        const acked = await Promise.race([
          publish(head.channel, head.payload).then(() => true, () => false),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
        ])
        if (!acked) break
        spool.shift()
        head.done()
      }
    } finally {
      pumping = false
      // Something is still unacknowledged (the link dropped, or a reconnect came while we waited): try again shortly.
      if (spool.length > 0 && !stopped) setTimeout(() => { void pump() }, 500)
    }
  }
  let stopped = false
  const reliable = (channel: 'ota/status' | 'dtc' | 'notice/ack', payload: Uint8Array) => new Promise<void>((resolve) => {
    spool.push({ channel, payload, done: resolve })
    void pump()
  })
  const birth = async (p?: 'awake' | 'asleep' | 'driving') => {
    if (p !== undefined) power = p
    await publish('status', fleetwire.v1.VehicleStatus.encode({
      session, timeMs: Date.now(), powerState: POWER[power], ignitionOn: power === 'driving',
      ecus: inventory.map((e) => ({ ecuId: e.ecuId, hardwareId: e.hardwareId, softwareVersion: e.softwareVersion })), catalogVersion: CATALOG_VERSION,
    }).finish())
  }
  const agent = new OtaAgent({
    vehicleId: o.vehicleId,
    password: o.password,
    pinned: pinKey(o.publicKeyRaw),
    inventory,
    rng: mulberry32(o.seed ?? 1),
    driver: o.driver ?? { accept: 1, postpone: 0, decline: 0 },
    installFailureRate: o.installFailureRate ?? 0,
    soakDtcRate: o.soakDtcRate ?? 0,
    downloadDropRate: o.downloadDropRate ?? 0,
    stepMs: o.stepMs ?? 20,
    soakMs: o.soakMs ?? (() => 50),
    clockOffsetMs: o.clockOffsetMs ?? 0,
    preconditions: o.preconditions ?? (() => ({ parked: power !== 'driving', socPct: 80, charging: false, auxBatteryV: 12.6 })),
    send: (status) => reliable('ota/status', status),
    onDtc: (ecuId) => reliable('dtc', fleetwire.v1.DiagnosticEvent.encode({ code: 'U3000', ecuId, status: 0x09, action: 1, timeMs: Date.now() }).finish()),
    // A birth lost with a dropped link is not an update failure (the next connect sends one with
    // the new inventory anyway); letting it throw would end the update without its final report.
    onInventory: () => birth().catch(() => undefined),
  })
  const notices = new NoticeAgent({
    vehicleId: o.vehicleId,
    pinned: pinKey(o.publicKeyRaw),
    driverAckMs: () => o.noticeReadMs ?? 200,
    send: (ack) => reliable('notice/ack', ack),
  })
  const reminders: OtaVehicle['reminders'] = []
  const offerTopic = vehicleTopic(o.vehicleId, 'ota/offer')
  const reminderTopic = vehicleTopic(o.vehicleId, 'ota/reminder')
  const revokeTopic = vehicleTopic(o.vehicleId, 'ota/revoke')
  const noticeTopic = vehicleTopic(o.vehicleId, 'notice')
  client.on('message', (topic, payload) => {
    if (topic === offerTopic) void agent.onOffer(payload).catch(() => undefined)
    else if (topic === revokeTopic) void agent.onRevocation(payload).catch(() => undefined)
    else if (topic === noticeTopic) void notices.onNotice(payload).catch(() => undefined)
    else if (topic === reminderTopic) {
      const r = fleetwire.v1.OtaReminder.decode(payload)
      reminders.push({ number: r.number, urgent: r.urgent, language: r.language, text: r.text, atMs: Date.now() })
      void agent.onReminder(payload).catch(() => undefined)
    }
  })
  // Refusals and socket errors end in a reconnect (above); an unheard 'error' event would throw.
  client.on('error', () => undefined)
  client.on('connect', () => {
    session++
    client.subscribe([offerTopic, reminderTopic, revokeTopic, noticeTopic], { qos: 1 }, () => {
      void birth().catch(() => undefined)
      void pump()
    })
  })
  return new Promise((resolve, reject) => {
    // Only a failure before the first connect fails the start; later errors end in a reconnect.
    const failStart = (err: Error) => {
      client.end(true)
      reject(err)
    }
    client.once('error', failStart)
    client.once('connect', () => {
      client.off('error', failStart)
      resolve({
        agent, notices, client, reminders, birth,
        stop: () => new Promise<void>((r) => {
          stopped = true
          client.end(true, {}, () => r())
        }),
      })
    })
  })
}
