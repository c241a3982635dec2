import type { SensorEffects } from '../scenarios/sensor-effects.core.js'
import { derive, type Rng } from '../prng.core.js'
import { modelSpec, type ModelSpec } from '../models.core.js'
import type { VehicleSpec } from '../fleet-plan.core.js'
import type { PlannedFault } from '../faults/plan-faults.core.js'
import { createDtcMemory, type DtcMemory } from '../dtc-memory.core.js'

/** What the vehicle is doing. `asleep`: telematics off; `parked`: awake, ignition off. */
export type Phase = 'asleep' | 'parked' | 'driving' | 'charging'
export type PlaceKind = 'home' | 'work' | 'errand' | 'road'
export type SegmentKind = 'urban' | 'suburban' | 'highway'

/**
 * Sampling and stepping of the whole fleet; derived from rate and speed (see
 * samplingFor). Mutable: it changes once when the clock has caught up.
 */
export interface SimConfig {
  /** Fast signals (speed, power, SoC, position, …) every this many simulated ms while parked or charging. */
  fastPeriodMs: number
  /** Slow signals (temperatures, pressures, SoH, …) while parked or charging. */
  slowPeriodMs: number
  /** The same while driving: denser, so trips show up even when a batch spans hours. */
  driveFastMs: number
  driveSlowMs: number
  driveStepMs: number
  awakeStepMs: number
  /** Telematics never sleeps (benchmarks, demos): parked vehicles stay online. */
  keepAwake: boolean
  /** A scenario's sensor behaviour (scenarios/sensor-effects.core.ts), applied to every reported reading. */
  sensors?: SensorEffects
  /** A scenario's climate: added to every vehicle's ambient temperature, °C. */
  ambientOffsetC?: number
}

export interface FaultRuntime {
  readonly plan: PlannedFault
  severity: number
  /** Value of the affected quantity at onset (pad wear, SoH), captured when the fault starts. */
  atOnset: number | undefined
  dtcSetAtMs: number | undefined
}

export interface VehicleState {
  readonly spec: VehicleSpec
  readonly model: ModelSpec
  readonly rng: Rng
  readonly dtc: DtcMemory
  readonly faults: FaultRuntime[]
  /** Simulated time up to which the state is integrated. */
  t: number
  phase: Phase
  /** asleep: wake time; parked: sleep time; others: not used. */
  phaseEndMs: number
  nextDepartureMs: number
  ignitionOn: boolean
  // where and how it moves
  lat: number
  lon: number
  place: PlaceKind
  destLat: number
  destLon: number
  destKind: PlaceKind
  tripStartMs: number
  segKind: SegmentKind
  segTargetKmh: number
  segRemainingS: number
  stopRemainingS: number
  wigglePhase: number
  speedKmh: number
  motorKW: number
  brakeOn: boolean
  engineOn: boolean
  engineRpm: number
  // traction battery
  socPct: number
  sohHealthyPct: number
  sohPct: number
  packTempC: number
  currentA: number
  packV: number
  cellMinV: number
  cellMaxV: number
  insulationKOhm: number
  chargeKW: number
  chargeTargetPct: number
  dcCharging: boolean
  // 12 V
  lvV: number
  lvDrainV: number
  /** Lowest 12 V voltage of the last crank / wake-up. */
  crankMinV: number
  // thermal, chassis, misc
  ambientC: number
  coolantC: number
  cabinC: number
  tyreTempC: [number, number, number, number]
  /** Cold (20 °C) pressures before any leak, kPa gauge. */
  tyreColdKPa: [number, number, number, number]
  tyreKPa: [number, number, number, number]
  padWearPct: [number, number]
  padExtraPct: [number, number]
  odometerKm: number
  fuelPct: number
  signalDbm: number
  /** Set by the wire layer while the vehicle is in a tunnel / without coverage. */
  noCoverage: boolean
  nextFastMs: number
  nextSlowMs: number
}

export function createVehicleState (spec: VehicleSpec, simStartMs: number, seed: number): VehicleState {
  const model = modelSpec(spec.model)
  const i = spec.init
  const cellV = 3.7
  return {
    spec,
    model,
    rng: derive(seed, 'physics', spec.index),
    dtc: createDtcMemory(),
    faults: spec.faults.map((plan) => ({ plan, severity: 0, atOnset: undefined, dtcSetAtMs: undefined })),
    t: simStartMs,
    phase: 'parked',
    phaseEndMs: simStartMs,
    nextDepartureMs: simStartMs,
    ignitionOn: false,
    lat: i.home.lat,
    lon: i.home.lon,
    place: 'home',
    destLat: i.work.lat,
    destLon: i.work.lon,
    destKind: 'work',
    tripStartMs: simStartMs,
    segKind: 'urban',
    segTargetKmh: 40,
    segRemainingS: 0,
    stopRemainingS: 0,
    wigglePhase: 0,
    speedKmh: 0,
    motorKW: 0,
    brakeOn: false,
    engineOn: false,
    engineRpm: 0,
    socPct: i.socPct,
    sohHealthyPct: i.sohPct,
    sohPct: i.sohPct,
    packTempC: spec.city.meanTempC,
    currentA: 0,
    packV: model.cellsInSeries * cellV,
    cellMinV: cellV,
    cellMaxV: cellV,
    insulationKOhm: i.insulationKOhm,
    chargeKW: 0,
    chargeTargetPct: 80,
    dcCharging: false,
    lvV: i.lvRestV,
    lvDrainV: 0,
    crankMinV: i.lvRestV - 1,
    ambientC: spec.city.meanTempC,
    coolantC: spec.city.meanTempC,
    cabinC: spec.city.meanTempC,
    tyreTempC: [spec.city.meanTempC, spec.city.meanTempC, spec.city.meanTempC, spec.city.meanTempC],
    tyreColdKPa: [...i.tyreColdKPa],
    tyreKPa: [...i.tyreColdKPa],
    padWearPct: [...i.padWearPct],
    padExtraPct: [0, 0],
    odometerKm: i.odometerKm,
    fuelPct: i.fuelPct,
    signalDbm: -85,
    noCoverage: false,
    nextFastMs: simStartMs,
    nextSlowMs: simStartMs,
  }
}

/**
 * Sampling for a batch rate (batches per real second) and a clock speed.
 * Parked or charging: fast signals up to `snapshotsPerBatch` times per batch
 * but at most once per simulated second unless batches are shorter than
 * that (then once per batch); slow signals at least a minute apart.
 * Driving: four times denser (slow signals at least every 30 s), so a rule
 * with a duration still sees a trip when one batch spans an hour. Physics
 * steps no longer than the periods.
 */
export function samplingFor (rate: number, speed: number, keepAwake: boolean, snapshotsPerBatch = 4): SimConfig {
  const spanMs = (1000 / rate) * speed
  const period = (ms: number) => Math.max(50, Math.round(ms / 50) * 50)
  const fastPeriodMs = Math.max(period(spanMs / snapshotsPerBatch), period(Math.min(spanMs, 1000)))
  const slowPeriodMs = Math.max(60_000, fastPeriodMs)
  const driveFastMs = Math.max(period(fastPeriodMs / 4), Math.min(fastPeriodMs, 1000))
  return {
    fastPeriodMs,
    slowPeriodMs,
    driveFastMs,
    driveSlowMs: Math.max(driveFastMs, Math.min(slowPeriodMs, 30_000)),
    driveStepMs: Math.min(5000, driveFastMs),
    awakeStepMs: Math.min(60_000, fastPeriodMs),
    keepAwake,
  }
}
