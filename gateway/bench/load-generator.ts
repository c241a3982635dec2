/**
 * One load-generator process (forked by generator-pool.ts): a share of the
 * bench vehicles as mqtt.js clients publishing TelemetryBatch messages,
 * driven by GeneratorCommand messages over IPC.
 */
import mqtt, { type MqttClient } from 'mqtt'
import type { Socket } from 'node:net'
import { fleetwire, SIGNALS, vehicleTopic } from '@fleetwire/proto'
import { planFleet } from '../../firmware-sim/src/fleet-plan.core.js'
import { createVehicleState, type VehicleState } from '../../firmware-sim/src/physics/vehicle-state.core.js'
import { measure, signalSource } from '../../firmware-sim/src/physics/signals.core.js'
import { createHistogram, record } from './latency-histogram.js'
import type { GeneratorCommand, GeneratorReport, LoadSpec, SampleValues, VehicleLogin, WindowCounters } from './generator-protocol.js'

interface Vehicle {
  readonly id: string
  readonly topic: string
  /** Base times of the batches acknowledged (PUBACK received). */
  readonly acked: number[]
  readonly client: MqttClient
  inflight: number
  seq: number
  lastBaseMs: number
  /** `healthy` values: a simulated healthy vehicle whose sensors are read for each sample. */
  readonly healthy: VehicleState | undefined
}

const CONNECT_CONCURRENCY = 25
const TICK_MS = 2
/** Open loop: a backlog older than this is dropped and counted as missed, not sent late in a burst. */
const MAX_BACKLOG_S = 0.5
const DRAIN_TIMEOUT_MS = 30_000

let vehicles: Vehicle[] = []
let load: LoadSpec | undefined
let counters = freshCounters()
let since = performance.now()
let cursor = 0
let openStartMs = 0
let issued = 0
let ticker: NodeJS.Timeout | undefined

function reply (report: GeneratorReport): void {
  process.send?.(report)
}

function freshCounters (): WindowCounters {
  return { intervalMs: 0, sent: 0, completed: 0, errors: 0, missed: 0, disconnects: 0, latency: createHistogram() }
}

// Reused between batches: encoding is the generator's hottest path.
let samples = makeSamples(25)

function makeSamples (n: number) {
  return Array.from({ length: n }, (_, j) => ({ signalId: SIGNALS[j % SIGNALS.length]!.id, value: 0, offsetMs: j }))
}

/**
 * Sample j carries signal j mod |catalog| at offset j, and every batch of a
 * vehicle starts at a later base time, so (signal, ts) never repeats for a
 * vehicle: the gateway's key is (vehicle, signal, ts) and a repeat would be
 * counted as a duplicate instead of stored.
 */
function encodeBatch (v: Vehicle): Uint8Array {
  const n = SIGNALS.length
  v.lastBaseMs = Math.max(Date.now(), v.lastBaseMs + (samples.length > n ? samples.length : 1))
  v.seq++
  for (let j = 0; j < samples.length; j++) {
    const def = SIGNALS[j % n]!
    samples[j]!.value = v.healthy !== undefined ? healthyValue(v.healthy, def) : def.unit === 'bool' ? Math.round(Math.random()) : def.min + Math.random() * (def.max - def.min)
  }
  return fleetwire.v1.TelemetryBatch.encode({ seq: v.seq, baseTimeMs: v.lastBaseMs, session: 1, samples }).finish()
}

/** A signal the vehicle's model lacks (fuel level of a BEV) reads mid-range. */
function healthyValue (state: VehicleState, def: (typeof SIGNALS)[number]): number {
  const src = signalSource(def.id)
  return src === undefined || (src.only !== undefined && src.only !== state.model.powertrain) ? (def.min + def.max) / 2 : measure(state, src)
}

/**
 * `dueMs`: when an open-loop publish was due. Its latency is counted from
 * then, not from when a client had room to send it, so a server that makes
 * publishes wait shows that wait (no coordinated omission).
 */
function publish (v: Vehicle, spec: LoadSpec, dueMs?: number): void {
  v.inflight++
  counters.sent++
  const t0 = dueMs ?? performance.now()
  const payload = encodeBatch(v)
  const base = v.lastBaseMs
  v.client.publish(v.topic, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), { qos: spec.qos }, (err) => {
    v.inflight--
    if (err !== undefined && err !== null) {
      counters.errors++
      return
    }
    counters.completed++
    if (spec.qos === 1) v.acked.push(base)
    record(counters.latency, performance.now() - t0)
    if (load === spec && spec.mode === 'closed' && v.client.connected) publish(v, spec)
  })
}

/** Open loop: send what is due by now, round-robin over clients with room in their window. */
function tick (spec: LoadSpec): void {
  let due = Math.floor((performance.now() - openStartMs) * spec.msgsPerS / 1000) - issued
  const cap = Math.ceil(spec.msgsPerS * MAX_BACKLOG_S)
  if (due > cap) {
    counters.missed += due - cap
    issued += due - cap
    due = cap
  }
  let skipped = 0
  while (due > 0 && skipped < vehicles.length) {
    const v = vehicles[cursor]!
    cursor = (cursor + 1) % vehicles.length
    if (v.inflight >= spec.window || !v.client.connected) {
      skipped++
      continue
    }
    skipped = 0
    publish(v, spec, openStartMs + issued * 1000 / spec.msgsPerS)
    issued++
    due--
  }
}

function startLoad (spec: LoadSpec): void {
  stopTicker()
  load = spec
  if (spec.mode === 'closed') {
    for (const v of vehicles) {
      while (v.inflight < spec.window && v.client.connected) publish(v, spec)
    }
    return
  }
  openStartMs = performance.now()
  issued = 0
  ticker = setInterval(() => tick(spec), TICK_MS)
}

function stopTicker (): void {
  if (ticker !== undefined) clearInterval(ticker)
  ticker = undefined
}

async function stopLoad (): Promise<number> {
  stopTicker()
  load = undefined
  const deadline = Date.now() + DRAIN_TIMEOUT_MS
  const inflight = () => vehicles.reduce((s, v) => s + v.inflight, 0)
  while (inflight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  return inflight()
}

function connectOne (url: string, login: VehicleLogin, healthy: VehicleState | undefined): Promise<Vehicle> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, {
      clientId: login.username,
      username: login.username,
      password: login.password,
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      reconnectPeriod: 0,
      connectTimeout: 30_000,
    })
    client.once('connect', () => {
      // Neither side disables Nagle by default; without this p99 sits at ~40 ms (Nagle + delayed ACK).
      (client.stream as Partial<Socket>).setNoDelay?.(true)
      client.removeListener('error', reject)
      client.on('error', () => { counters.errors++ })
      client.on('close', () => { counters.disconnects++ })
      resolve({ id: login.username, topic: vehicleTopic(login.username, 'telemetry'), acked: [], client, inflight: 0, seq: 0, lastBaseMs: 0, healthy })
    })
    client.once('error', reject)
  })
}

async function connectAll (url: string, logins: VehicleLogin[], values: SampleValues): Promise<void> {
  const now = Date.now()
  // Healthy vehicles planned from the simulator's fleet (fixed seed: the same fleet every run).
  const specs = values === 'healthy' ? planFleet({ count: logins.length, seed: 1, simStartMs: now, horizonMs: 86_400_000 }) : []
  for (let i = 0; i < logins.length; i += CONNECT_CONCURRENCY) {
    vehicles.push(...await Promise.all(logins.slice(i, i + CONNECT_CONCURRENCY).map((l, j) => {
      const spec = specs[i + j]
      return connectOne(url, l, spec === undefined ? undefined : createVehicleState(spec, now, i + j + 1))
    })))
  }
}

async function handle (cmd: GeneratorCommand): Promise<void> {
  switch (cmd.type) {
    case 'connect':
      samples = makeSamples(cmd.samples)
      try {
        await connectAll(cmd.url, cmd.logins, cmd.values)
        reply({ type: 'connected', clients: vehicles.length })
      } catch (err) {
        reply({ type: 'failed', detail: err instanceof Error ? err.message : String(err) })
      }
      return
    case 'load':
      startLoad(cmd.spec)
      return
    case 'stop-load':
      reply({ type: 'stopped', inflight: await stopLoad() })
      return
    case 'snapshot': {
      const now = performance.now()
      const out = { ...counters, intervalMs: now - since }
      counters = freshCounters()
      since = now
      reply({ type: 'snapshot', counters: out })
      return
    }
    case 'acked':
      reply({ type: 'acked', vehicles: vehicles.map((v) => ({ vehicleId: v.id, bases: v.acked })) })
      return
    case 'disconnect':
      await stopLoad()
      // Closed on purpose: not counted as disconnects.
      await Promise.all(vehicles.map((v) => v.client.removeAllListeners('close').endAsync(true)))
      vehicles = []
      reply({ type: 'disconnected' })
  }
}

process.on('message', (cmd: GeneratorCommand) => { void handle(cmd) })
process.on('disconnect', () => process.exit(0))
