import { derive } from './prng.core.js'
import { createSimClock, type Pacing } from './sim-clock.core.js'
import { planFleet, type VehicleSpec } from './fleet-plan.core.js'
import { NO_FAULTS, parseFraction, type FaultSelection } from './faults/scenario.core.js'
import { FAULT_KINDS } from './faults/fault-types.core.js'
import { createVehicleState, samplingFor, type FaultRuntime, type SimConfig } from './physics/vehicle-state.core.js'
import { repairAtServiceCenter, type RepairDone } from './service/repair.core.js'
import { compileSensorEffects } from './scenarios/sensor-effects.core.js'
import { planOptionsOf, type ScenarioFile } from './scenarios/scenario-file.core.js'
import { advance } from './physics/advance.core.js'
import { start } from './physics/lifecycle.core.js'
import { DEFAULT_BACKOFF, createConnectGate } from './backoff.core.js'
import { SimulatedVehicle, type WireContext } from './vehicle.js'
import { provisionAll, restRegistrar, type Registrar } from './provision.js'
import { buildGroundTruth, writeGroundTruth, type GroundTruth } from './ground-truth.js'
import { RateMeter, collectStats, type FleetStats } from './fleet-stats.js'
import { SILENT_LOGGER, type SimLogger } from './log.js'
import type { CommandCodec } from './diagnostics-handlers.js'
import { protobufCommandCodec } from './command-codec.js'
import { pinKey } from './ota/verify-offer.core.js'

const DAY_MS = 86_400_000

export interface FleetOptions {
  /** Broker URL, e.g. mqtt://localhost:1883 (TCP gets TCP_NODELAY; ws:// works too). */
  url: string
  /** How many vehicles to plan from the seed, or an explicit plan. Default 10. */
  vehicles?: number | readonly VehicleSpec[]
  /** Telemetry batches per real second per vehicle. Default 1. */
  rate?: number
  /** Simulated seconds per real second. Default 1. See sim-clock.core.ts for how time stays in the past. */
  speed?: number
  /** Simulated span the faults are planned in; with speed > 1 the clock starts this far back. Default 24, at most 29. */
  days?: number
  seed?: number
  /** "10%" or a parsed scenario. Default none. */
  faults?: string | FaultSelection
  /** VIN → MQTT secret. */
  credentials?: ReadonlyMap<string, string>
  /** Registers vehicles that have no credentials: the gateway's REST API, or a function. */
  provision?: { apiUrl: string, token: string } | Registrar
  /** Telematics never sleeps: every vehicle stays connected (benchmarks, demos). */
  keepAwake?: boolean
  /** Random coverage losses per vehicle (tunnels): on average every `everyS`, lasting about `forS` real seconds. */
  outages?: { everyS: number, forS: number }
  /** Store-and-forward bound per vehicle, in messages. Default 3600. */
  spoolLimit?: number
  /** Unacknowledged QoS 1 messages per vehicle. Default 16. */
  maxInFlight?: number
  /** Fleet-wide CONNECTs per second (start ramp and reconnects). Default 250. */
  connectRatePerS?: number
  /** Real-time sleeps shorter than this keep the link up. Default 15 s. */
  minRealSleepMs?: number
  groundTruthFile?: string
  /** A scenario file: climate, sensor behaviour, baselines and fault progressions (scenarios/scenario-file.core.ts). */
  scenario?: ScenarioFile
  commandCodec?: CommandCodec
  /** The gateway's OTA public key (GET /ota/keys, raw): the units pin it and show safety notices signed with it. */
  noticeKeyRaw?: Uint8Array
  /** Real ms a driver reads a safety notice before confirming it, [shortest, longest]. Default 5–30 s. */
  noticeReadMs?: readonly [number, number]
  log?: SimLogger
  tickMs?: number
  /** Real epoch ms at which the simulated clock starts (default now); pass the value a plan was made with. */
  startedAtMs?: number
  /**
   * Accelerated time only: the simulated epoch ms to start at, instead of `days` before the start (at most 29
   * days back). Tests pin it to a time of day (pinnedSimStart) so the vehicles' daily schedule does not
   * follow the wall clock.
   */
  simStartMs?: number
  /**
   * Accelerated time only: simulated time slows above half this many unacknowledged messages in the spools
   * of vehicles that can deliver them (not asleep, not in an outage) and holds at this many, so a gateway
   * that falls behind slows the fleet instead of piling data up. Default 2 per vehicle; Infinity = wall-clock paced.
   */
  maxBacklog?: number
}

export interface Fleet {
  readonly vehicles: readonly VehicleSpec[]
  readonly simStartMs: number
  stats(): FleetStats
  groundTruth(): GroundTruth
  /** Takes one vehicle (or all, when vin is undefined) off the air for `ms` real milliseconds. */
  outage(vin: string | undefined, ms: number): void
  /** The live vehicle objects (tests, diagnostics). */
  unit(vin: string): SimulatedVehicle | undefined
  /** A workshop repair of one fault family on the vehicle (service/repair.core.ts); undefined for a VIN not in the fleet. */
  repair(vin: string, family: string): RepairDone | undefined
  /**
   * Delivers what is spooled (up to drainMs), then death certificates (SHUTDOWN), clean disconnects, final
   * ground truth. With `wakeSleepers`, asleep vehicles holding data connect to deliver it first (as they
   * would at their next wake-up); otherwise they keep it.
   */
  stop(drainMs?: number, opts?: { wakeSleepers?: boolean }): Promise<void>
}

export function faultSelection (faults: string | FaultSelection | undefined): FaultSelection {
  if (faults === undefined) return NO_FAULTS
  if (typeof faults !== 'string') return faults
  const f = parseFraction(faults)
  if (!f.ok) throw new Error(f.error.detail)
  return { fraction: f.value, kinds: FAULT_KINDS, explicit: [] }
}

/** Starts N simulated vehicles in this process, all driven by one scheduler tick. */
export async function startFleet (opts: FleetOptions): Promise<Fleet> {
  const rate = opts.rate ?? 1
  const speed = opts.speed ?? 1
  const seed = opts.seed ?? 1
  const keepAwake = opts.keepAwake ?? false
  const log = opts.log ?? SILENT_LOGGER
  if (!(rate > 0 && rate <= 50)) throw new Error(`rate must be in (0, 50] batches per second, got ${rate}`)
  const realStart = opts.startedAtMs ?? Date.now()
  if (opts.simStartMs !== undefined && !(speed > 1 && opts.simStartMs < realStart)) throw new Error('simStartMs needs accelerated time (speed > 1) and a start in the past')
  const horizonMs = opts.simStartMs === undefined ? (opts.days ?? 24) * DAY_MS : realStart - opts.simStartMs
  const specCount = Array.isArray(opts.vehicles) ? opts.vehicles.length : (opts.vehicles as number | undefined) ?? 10
  const clock = createSimClock({ speed, horizonMs, realStartMs: realStart, pacing: pacingFor(opts.maxBacklog ?? 2 * specCount) })
  const specs = Array.isArray(opts.vehicles)
    ? opts.vehicles as readonly VehicleSpec[]
    : planFleet({ count: (opts.vehicles as number | undefined) ?? 10, seed, simStartMs: clock.simStartMs, horizonMs, faults: faultSelection(opts.faults), ...planOptionsOf(opts.scenario) })

  let creds = new Map(opts.credentials ?? [])
  if (specs.some((v) => !creds.has(v.vin))) {
    if (opts.provision === undefined) throw new Error(`no credentials for ${specs.filter((v) => !creds.has(v.vin)).length} vehicles: pass credentials or provision`)
    const registrar = typeof opts.provision === 'function' ? opts.provision : restRegistrar(opts.provision)
    creds = await provisionAll(specs, registrar, creds)
    log.info({ vehicles: specs.length }, 'vehicles provisioned')
  }

  const sensors = opts.scenario === undefined ? undefined : compileSensorEffects(opts.scenario.sensors)
  const cfg: SimConfig = {
    ...samplingFor(rate, speed, keepAwake),
    ...(sensors === undefined ? {} : { sensors }),
    ...(opts.scenario === undefined || opts.scenario.ambientOffsetC === 0 ? {} : { ambientOffsetC: opts.scenario.ambientOffsetC }),
  }
  let caughtUp = clock.caughtUp()
  let dtcsSet = 0
  let gtDirty = true
  const connectRate = opts.connectRatePerS ?? 250
  const ctx: WireContext = {
    url: new URL(opts.url),
    gate: createConnectGate(connectRate),
    backoff: DEFAULT_BACKOFF,
    maxInFlight: opts.maxInFlight ?? 16,
    keepaliveS: 60,
    minRealSleepMs: opts.minRealSleepMs ?? 15_000,
    codec: opts.commandCodec ?? protobufCommandCodec,
    noticeKey: opts.noticeKeyRaw === undefined ? undefined : pinKey(opts.noticeKeyRaw),
    noticeReadMs: opts.noticeReadMs ?? [5000, 30_000],
    log,
    realDuration: (simMs) => simMs / (caughtUp ? 1 : speed),
    simNow: () => clock.now(),
    onDtc: (vin, e) => {
      dtcsSet += e.action === 'set' ? 1 : 0
      gtDirty = true
      log.info({ vin, code: e.code, action: e.action }, 'DTC')
    },
  }
  const intervalMs = 1000 / rate
  const rampMs = Math.max(1000, (specs.length / connectRate) * 1000)
  const units = specs.map((spec, i) => {
    const wireRng = derive(seed, 'wire', spec.index)
    const u = new SimulatedVehicle(createVehicleState(spec, clock.simStartMs, seed), creds.get(spec.vin) as string, ctx, wireRng, opts.spoolLimit ?? 3600)
    u.nextConnectAt = realStart + wireRng.range(0, rampMs)
    start(u.state, cfg, u)
    return { u, wireRng, nextBatchAt: realStart + intervalMs * ((i * 0.618034) % 1), nextOutageAt: opts.outages === undefined ? Infinity : realStart + exp(wireRng.next(), opts.outages.everyS * 1000) }
  })
  const byVin = new Map(units.map((x) => [x.u.vin, x.u]))
  const meter = new RateMeter()
  let lastMeter = 0
  let lastGt = 0
  let gtWrite: Promise<void> = Promise.resolve()
  // A repaired fault stays in the ground truth: it was there, and alerts about it were right.
  const repaired = new Map<string, FaultRuntime[]>()
  const groundTruth = () => buildGroundTruth({ seed, speed, simStartMs: clock.simStartMs, horizonMs }, units.map(({ u }) => ({ spec: u.state.spec, faults: [...(repaired.get(u.vin) ?? []), ...u.state.faults] })))
  const saveGroundTruth = () => {
    if (opts.groundTruthFile === undefined || !gtDirty) return gtWrite
    gtDirty = false
    const file = opts.groundTruthFile
    gtWrite = gtWrite.then(() => writeGroundTruth(file, groundTruth())).catch((err: Error) => log.error({ err: err.message }, 'writing ground truth failed'))
    return gtWrite
  }
  await saveGroundTruth()
  log.info({ vehicles: specs.length, rate, speed, simStart: new Date(clock.simStartMs).toISOString() }, 'fleet started')

  const tick = (): void => {
    const now = Date.now()
    const sim = clock.step(now, caughtUp ? 0 : deliverableBacklog(units))
    if (!caughtUp && clock.caughtUp()) {
      caughtUp = true
      Object.assign(cfg, samplingFor(rate, 1, keepAwake))
      // Samples planned with the accelerated (long) periods would leave minutes of silence.
      for (const { u } of units) {
        u.state.nextFastMs = Math.min(u.state.nextFastMs, sim + cfg.fastPeriodMs)
        u.state.nextSlowMs = Math.min(u.state.nextSlowMs, sim + cfg.slowPeriodMs)
      }
      log.info({ simTime: new Date(sim).toISOString() }, 'simulated time caught up with real time; running at speed 1')
    }
    for (const x of units) {
      advance(x.u.state, sim, cfg, x.u)
      if (now >= x.nextBatchAt) {
        x.u.flushBatch()
        // Keep each vehicle's phase even after a stall, so the fleet never falls into step.
        x.nextBatchAt += Math.max(1, Math.ceil((now - x.nextBatchAt) / intervalMs)) * intervalMs
      }
      if (now >= x.nextOutageAt && opts.outages !== undefined) {
        if (x.u.link === 'online') x.u.startOutage(now, opts.outages.forS * 1000 * (0.5 + x.wireRng.next()))
        x.nextOutageAt = now + exp(x.wireRng.next(), opts.outages.everyS * 1000)
      }
      x.u.tick(now)
    }
    if (now - lastMeter >= 1000) {
      lastMeter = now
      let acked = 0
      for (const x of units) acked += x.u.recorder.spool.stats().acked
      meter.record(now, acked)
    }
    if (now - lastGt >= 2000) {
      lastGt = now
      void saveGroundTruth()
    }
  }
  const timer = setInterval(tick, opts.tickMs ?? 100)
  tick()

  return {
    vehicles: specs,
    simStartMs: clock.simStartMs,
    stats: () => collectStats(units.map((x) => x.u), { rate, msgsPerS: meter.perSecond(), dtcsSet, simTimeMs: clock.now(), caughtUp, pace: clock.pace() }),
    groundTruth,
    outage (vin, ms) {
      const now = Date.now()
      for (const x of units) if (vin === undefined || x.u.vin === vin) x.u.startOutage(now, ms)
    },
    unit: (vin) => byVin.get(vin),
    repair (vin, family) {
      const u = byVin.get(vin)
      if (u === undefined) return undefined
      const before = [...u.state.faults]
      const done = repairAtServiceCenter(u.state, family, clock.now())
      repaired.set(vin, [...(repaired.get(vin) ?? []), ...before.filter((f) => !u.state.faults.includes(f))])
      gtDirty = true
      return done
    },
    async stop (drainMs = 2000, stopOpts = {}) {
      clearInterval(timer)
      // Deliver what was recorded, briefly, before saying goodbye.
      const until = Date.now() + drainMs
      for (const x of units) x.u.flushBatch()
      if (stopOpts.wakeSleepers === true) for (const x of units) x.u.wakeToDeliver(Date.now())
      // Vehicles reconnecting (backoff, woken sleepers) count too: their data is on its way.
      while (Date.now() < until && units.some((x) => canDeliver(x.u) && x.u.recorder.spool.size > 0)) {
        const now = Date.now()
        for (const x of units) if (x.u.link === 'online' || (canDeliver(x.u) && x.u.recorder.spool.size > 0)) x.u.tick(now)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      await Promise.all(units.map((x) => x.u.stop()))
      gtDirty = true
      await saveGroundTruth()
      log.info({}, 'fleet stopped')
    },
  }
}

/** Low water half the bound: between the two, simulated time slows gradually instead of stopping and starting. */
function pacingFor (maxBacklog: number): Pacing | undefined {
  return Number.isFinite(maxBacklog) ? { lowWater: maxBacklog / 2, highWater: maxBacklog } : undefined
}

/** Online, or on the way to be (connecting, reconnect backoff): not asleep, not out of coverage, not stopped. */
function canDeliver (u: SimulatedVehicle): boolean {
  return u.link === 'online' || u.link === 'connecting' || u.link === 'offline'
}

/** Messages waiting or in flight in the spools of vehicles that can deliver them now. */
function deliverableBacklog (units: ReadonlyArray<{ u: SimulatedVehicle }>): number {
  let n = 0
  for (const { u } of units) if (canDeliver(u)) n += u.recorder.spool.size
  return n
}

/** An exponentially distributed delay with the given mean, from a uniform draw. */
function exp (u: number, meanMs: number): number {
  return -Math.log(1 - u) * meanMs
}
