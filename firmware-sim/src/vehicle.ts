import type { KeyObject } from 'node:crypto'
import type { MqttClient } from 'mqtt'
import { VEHICLE_TOPIC_ROOT, vehicleTopic } from '@fleetwire/proto'
import type { Rng } from './prng.core.js'
import { backoffDelay, type BackoffPolicy, type ConnectGate } from './backoff.core.js'
import type { DtcEvent } from './dtc-memory.core.js'
import { handleUdsRequest, type CommandCodec, type UdsContext } from './diagnostics-handlers.js'
import { readSignal } from './physics/signals.core.js'
import type { PhysicsSink } from './physics/emit.core.js'
import type { Phase, VehicleState } from './physics/vehicle-state.core.js'
import { TelemetryRecorder, type UplinkMessage } from './telemetry-recorder.js'
import { encodeDeath, encodeStatus, ownBuffer, type DeathReason } from './wire-codec.js'
import type { SimLogger } from './log.js'
import { openLink } from './mqtt-link.js'
import { NoticeAgent } from './notice/notice-agent.js'

/** How long a unit going to sleep keeps its link up to deliver what it holds (real ms). */
const SLEEP_GRACE_MS = 5000

export type LinkState = 'offline' | 'connecting' | 'online' | 'sleeping' | 'outage' | 'stopped'

/** What every vehicle of a fleet shares. */
export interface WireContext {
  readonly url: URL
  readonly gate: ConnectGate
  readonly backoff: BackoffPolicy
  readonly maxInFlight: number
  readonly keepaliveS: number
  /** A sleep shorter than this in real time keeps the link up (announced by a status, not a disconnect). */
  readonly minRealSleepMs: number
  readonly codec: CommandCodec | undefined
  /** The gateway's pinned key for safety notices; without it the units do not subscribe to notices. */
  readonly noticeKey?: { readonly keyId: string, readonly key: KeyObject } | undefined
  /** Real ms a driver reads a notice before confirming it: [shortest, longest]. */
  readonly noticeReadMs: readonly [number, number]
  readonly log: SimLogger
  /** Simulated ms → real ms at the current clock speed. */
  realDuration(simMs: number): number
  simNow(): number
  onDtc(vin: string, e: DtcEvent): void
}

/**
 * One telematics unit on the wire: an mqtt.js client per connection (MQTT
 * 3.1.1, clientId = username = VIN), birth on connect, death as the will,
 * store-and-forward with bounded QoS 1 in flight, its own reconnect backoff
 * with jitter through the fleet's connect gate, and a deliberate sleep.
 */
export class SimulatedVehicle implements PhysicsSink {
  readonly recorder: TelemetryRecorder
  link: LinkState = 'offline'
  session = 0
  nextConnectAt = 0
  reconnects = 0
  connectFailures = 0
  authFailures = 0
  outages = 0
  commandsIgnored = 0
  private client: MqttClient | undefined
  private generation = 0
  /** What the last birth certificate said (session/power/ignition): status is sent only when it changes. */
  private lastStatus = ''
  /** A phase changed since the last status: said at the next batch interval, not at once (see power()). */
  private statusDue = false
  private wakingToDeliver = false
  private attempt = 0
  private deepSleep = false
  private sleepDeadline = 0
  private sleepPending = false
  private outageEnd = 0
  private readonly topics: Record<'telemetry' | 'dtc' | 'status' | 'death' | 'cmdReq' | 'cmdRes' | 'notice' | 'noticeAck', string>
  /** The head unit's safety notices (shown to the driver, who confirms after reading). */
  readonly notices: NoticeAgent | undefined

  constructor (readonly state: VehicleState, private readonly password: string, private readonly ctx: WireContext, private readonly rng: Rng, spoolLimit: number) {
    this.recorder = new TelemetryRecorder(spoolLimit)
    const vin = state.spec.vin
    this.topics = {
      telemetry: vehicleTopic(vin, 'telemetry'),
      dtc: vehicleTopic(vin, 'dtc'),
      status: vehicleTopic(vin, 'status'),
      death: vehicleTopic(vin, 'death'),
      cmdReq: vehicleTopic(vin, 'cmd/req'),
      cmdRes: `${VEHICLE_TOPIC_ROOT}/${vin}/cmd/res`,
      notice: vehicleTopic(vin, 'notice'),
      noticeAck: vehicleTopic(vin, 'notice/ack'),
    }
    this.notices = ctx.noticeKey === undefined
      ? undefined
      : new NoticeAgent({
        vehicleId: vin,
        pinned: ctx.noticeKey,
        driverAckMs: () => ctx.noticeReadMs[0] + this.rng.next() * (ctx.noticeReadMs[1] - ctx.noticeReadMs[0]),
        // A receipt lost with the link is harmless: the gateway sends the notice again on the vehicle's return.
        send: (ack) => new Promise<void>((resolve, reject) => {
          const c = this.client
          if (c === undefined) reject(new Error('offline'))
          else c.publish(this.topics.noticeAck, Buffer.from(ack), { qos: 1 }, (err) => err ? reject(err) : resolve())
        }),
      })
  }

  get vin (): string { return this.state.spec.vin }

  // ── PhysicsSink ──
  sample (signalId: number, value: number, tMs: number): void {
    this.recorder.add(signalId, value, tMs)
  }

  dtc (e: DtcEvent): void {
    this.recorder.dtc(e)
    this.ctx.onDtc(this.vin, e)
  }

  power (phase: Phase, tMs: number): void {
    if (phase === 'asleep') {
      this.flushBatch()
      this.deepSleep = this.ctx.realDuration(this.state.phaseEndMs - tMs) >= this.ctx.minRealSleepMs
      if (this.deepSleep && this.link === 'online') {
        this.sleepPending = true
        this.sleepDeadline = Date.now() + SLEEP_GRACE_MS
        return
      }
    } else {
      this.deepSleep = false
      this.sleepPending = false
    }
    // Said at the next batch interval: at accelerated time one interval spans several trips, and a birth
    // per phase change outnumbered telemetry 140k to 59k in a score run. At speed 1 it is ≤ 1 interval late.
    this.statusDue = true
  }

  /** Called once per batch interval: what was recorded becomes a telemetry batch in the spool, and a changed state a birth. */
  flushBatch (): void {
    this.recorder.flush(this.session)
    if (this.statusDue && this.link === 'online') {
      this.statusDue = false
      this.sendStatus()
    }
  }

  /** Called on every scheduler tick. */
  tick (now: number): void {
    switch (this.link) {
      case 'online':
        if (this.sleepPending && (this.recorder.spool.size === 0 || now >= this.sleepDeadline)) return this.goToSleep()
        return this.pump()
      case 'offline':
        if (this.deepSleep && !this.wakingToDeliver) {
          this.link = 'sleeping'
          return
        }
        if (now >= this.nextConnectAt && this.ctx.gate.tryTake(now)) this.connect()
        return
      case 'sleeping':
        if (!this.deepSleep) {
          this.link = 'offline'
          this.nextConnectAt = now
        }
        return
      case 'outage':
        if (now >= this.outageEnd) {
          this.state.noCoverage = false
          this.reconnects++ // coverage is back: the unit reconnects
          this.link = 'offline'
          this.nextConnectAt = now + this.rng.range(0, 2000)
        }
        return
      default:
    }
  }

  /** A deeply asleep unit holding data connects, delivers it and sleeps again, as at its next wake-up (end of a run). */
  wakeToDeliver (now: number): void {
    if (this.link !== 'sleeping' || this.recorder.spool.size === 0) return
    this.wakingToDeliver = true
    this.link = 'offline'
    this.nextConnectAt = now
  }

  /** Loses coverage for `ms` real milliseconds (a tunnel): the broker sees the TCP link drop and publishes the will. */
  startOutage (now: number, ms: number): void {
    if (this.link === 'stopped') return
    this.outages++
    this.state.noCoverage = true
    this.outageEnd = now + ms
    this.dropClient(true)
    this.link = 'outage'
  }

  /** Clean shutdown: death certificate SHUTDOWN, then DISCONNECT (so no will). */
  async stop (): Promise<void> {
    const c = this.client
    const wasOnline = this.link === 'online'
    this.link = 'stopped'
    this.generation++
    this.client = undefined
    if (c === undefined) return
    if (!wasOnline) {
      c.end(true)
      return
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => c.end(true, () => resolve()), 3000)
      c.publish(this.topics.death, Buffer.from(encodeDeath(this.session, 'shutdown')), { qos: 1 }, () => {
        clearTimeout(timer)
        c.end(false, () => resolve())
      })
    })
  }

  private connect (): void {
    this.session++
    const gen = ++this.generation
    this.link = 'connecting'
    const vin = this.vin
    const c = openLink(this.ctx.url, {
      vin,
      password: this.password,
      keepaliveS: this.ctx.keepaliveS,
      will: { topic: this.topics.death, payload: ownBuffer(encodeDeath(this.session, 'link-lost')) },
    })
    this.client = c
    c.on('connect', () => {
      if (gen !== this.generation) return
      this.link = 'online'
      this.attempt = 0
      this.wakingToDeliver = false
      c.subscribe(this.notices === undefined ? [this.topics.cmdReq] : [this.topics.cmdReq, this.topics.notice], { qos: 1 })
      this.sendStatus()
      if (this.deepSleep && this.state.phase === 'asleep') {
        // A fresh grace period: with the expired one a unit woken to deliver slept again at once.
        this.sleepPending = true
        this.sleepDeadline = Date.now() + SLEEP_GRACE_MS
      }
      this.pump()
    })
    c.on('message', (topic, payload) => {
      if (topic === this.topics.notice) void this.notices?.onNotice(payload).catch(() => undefined)
      else this.onCommand(payload)
    })
    c.on('error', (err: Error & { code?: unknown }) => {
      if (gen !== this.generation) return
      if (err.code === 4 || err.code === 5) {
        if (this.authFailures++ === 0) this.ctx.log.warn({ vin, code: err.code }, 'connection refused: bad credentials')
      } else {
        this.ctx.log.debug({ vin, err: err.message }, 'link error')
      }
    })
    c.on('close', () => {
      if (gen !== this.generation) return
      const wasOnline = this.link === 'online'
      this.dropClient(false)
      this.link = 'offline'
      if (wasOnline) {
        this.reconnects++
        this.attempt = 0
      } else {
        this.connectFailures++
        this.attempt++
      }
      const auth = this.authFailures > 0 ? 4 : 0
      this.nextConnectAt = Date.now() + backoffDelay(this.ctx.backoff, this.attempt + auth, this.rng)
    })
  }

  /** Forgets the current client; what was in flight goes back to the spool. */
  private dropClient (abrupt: boolean): void {
    const c = this.client
    this.client = undefined
    this.generation++
    this.recorder.spool.requeue()
    if (c === undefined) return
    if (abrupt) c.stream?.destroy()
    c.end(true)
    c.removeAllListeners('message')
  }

  private pump (): void {
    const c = this.client
    if (c === undefined) return
    const spool = this.recorder.spool
    const gen = this.generation
    while (spool.inFlight < this.ctx.maxInFlight) {
      const e = spool.take()
      if (e === undefined) return
      const m: UplinkMessage = e.message
      c.publish(m.channel === 'telemetry' ? this.topics.telemetry : this.topics.dtc, m.payload, { qos: 1 }, (err) => {
        if (err !== undefined && err !== null) return
        if (gen !== this.generation) return
        spool.ack(e)
        if (this.link === 'online' && spool.inFlight < this.ctx.maxInFlight / 2) this.pump()
      })
    }
  }

  private sendStatus (): void {
    const s = this.state
    // A birth certificate on every connect and whenever what it says changes, not on every phase change.
    const said = `${this.session}/${s.phase === 'driving' ? 'driving' : s.phase === 'asleep' ? 'asleep' : 'awake'}/${s.ignitionOn}`
    if (said === this.lastStatus) return
    this.lastStatus = said
    this.client?.publish(this.topics.status, Buffer.from(encodeStatus({
      session: this.session,
      timeMs: this.ctx.simNow(),
      phase: s.phase,
      ignitionOn: s.ignitionOn,
      ecus: s.spec.ecus,
      lastSeq: this.recorder.lastSeq,
    })), { qos: 1 })
  }

  private goToSleep (): void {
    const c = this.client
    this.sleepPending = false
    this.generation++
    this.client = undefined
    this.recorder.spool.requeue()
    this.link = 'sleeping'
    if (c === undefined) return
    this.sendDeath(c, 'going-to-sleep')
  }

  private sendDeath (c: MqttClient, reason: DeathReason): void {
    c.publish(this.topics.death, Buffer.from(encodeDeath(this.session, reason)), { qos: 1 }, () => c.end(false))
  }

  private onCommand (payload: Buffer): void {
    const codec = this.ctx.codec
    const req = codec?.decode(payload)
    if (codec === undefined || req === undefined || (req.expiresAtMs !== undefined && req.expiresAtMs > 0 && req.expiresAtMs < Date.now())) {
      this.commandsIgnored++
      return
    }
    const s = this.state
    const cleared: DtcEvent[] = []
    const ctx: UdsContext = {
      vin: this.vin,
      ecus: s.spec.ecus,
      dtc: s.dtc,
      readSignal: (id) => readSignal(s, id),
      nowMs: () => this.ctx.simNow(),
      report: (events) => {
        for (const e of events) this.recorder.dtc(e)
        cleared.push(...events)
      },
    }
    const res = handleUdsRequest(req.request, ctx)
    this.client?.publish(this.topics.cmdRes, Buffer.from(codec.encode(req.correlationId, res, ctx, { cleared })), { qos: 1 })
  }
}
