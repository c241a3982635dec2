import { derive, hashString, type Rng } from './prng.core.js'
import { buildVin } from './vin.core.js'
import { MARKETS, type City } from './markets.core.js'
import { MODELS, type ModelSpec, type Powertrain } from './models.core.js'
import { NO_FAULTS, type FaultSelection } from './faults/scenario.core.js'
import { planFaults, type FaultCurves, type PlannedFault } from './faults/plan-faults.core.js'
import type { Range } from './scenarios/json-shape.core.js'
import { baselinesFor, type FleetBaselines } from './scenarios/baselines.core.js'

/**
 * The fleet plan: every vehicle's identity (VIN, model, market, fleet, ECUs),
 * its physical starting point and the faults it will develop. A pure function
 * of the seed and the options, so the same seed plans the same fleet.
 */
export interface EcuSpec {
  readonly ecuId: string
  readonly hardwareId: string
  readonly versions: readonly string[]
}

export interface EcuInfo {
  readonly ecuId: string
  readonly hardwareId: string
  readonly softwareVersion: string
}

export interface VehicleInit {
  readonly odometerKm: number
  readonly socPct: number
  readonly sohPct: number
  readonly lvRestV: number
  readonly cellSpreadMv: number
  readonly insulationKOhm: number
  /** Cold (20 °C) inflation per wheel FL, FR, RL, RR, kPa gauge. */
  readonly tyreColdKPa: readonly [number, number, number, number]
  /** Pad wear left, right, percent. */
  readonly padWearPct: readonly [number, number]
  readonly fuelPct: number
  readonly home: { readonly lat: number, readonly lon: number }
  readonly work: { readonly lat: number, readonly lon: number }
  /** How much the vehicle is used: 1 = a private commuter, 1.5 = ride-hailing. */
  readonly intensity: number
  readonly weatherPhase: number
}

export interface VehicleSpec {
  readonly index: number
  readonly vin: string
  readonly model: string
  readonly powertrain: Powertrain
  readonly region: string
  readonly city: City
  readonly timeZone: string
  readonly fleet: string
  readonly ecus: readonly EcuInfo[]
  readonly init: VehicleInit
  readonly faults: readonly PlannedFault[]
}

export interface PlanOptions {
  readonly count: number
  readonly seed: number
  /** Simulated epoch ms at which the simulation starts. */
  readonly simStartMs: number
  /** Simulated span the faults are planned within. */
  readonly horizonMs: number
  readonly faults?: FaultSelection
  /** A scenario's healthy starting values and fault progressions (default: the simulator's own). */
  readonly baselines?: FleetBaselines
  readonly faultCurves?: FaultCurves
}

export function planFleet (opts: PlanOptions): VehicleSpec[] {
  if (!Number.isInteger(opts.count) || opts.count < 0 || opts.count > 500_000) throw new Error(`vehicle count must be an integer in [0, 500000], got ${opts.count}`)
  const serialBase = hashString(`serial/${opts.seed}`) % 500_000
  const vehicles: VehicleSpec[] = []
  for (let i = 0; i < opts.count; i++) vehicles.push(planVehicle(opts.seed, i, serialBase, opts.baselines))
  const faulted = planFaults(vehicles, {
    seed: opts.seed,
    simStartMs: opts.simStartMs,
    horizonMs: opts.horizonMs,
    selection: opts.faults ?? NO_FAULTS,
    ...(opts.faultCurves === undefined ? {} : { curves: opts.faultCurves }),
  })
  return vehicles.map((v, i) => ({ ...v, faults: faulted[i] ?? [] }))
}

function planVehicle (seed: number, index: number, serialBase: number, baselines: FleetBaselines | undefined): VehicleSpec {
  const rng = derive(seed, 'vehicle', index)
  const market = rng.pick(MARKETS)
  const city = rng.pick(market.cities)
  const spec: ModelSpec = rng.chance(0.6) ? MODELS[0] as ModelSpec : MODELS[1] as ModelSpec
  const vin = buildVin({
    wmi: market.wmi,
    vds: `${spec.powertrain === 'BEV' ? 'E1' : 'P1'}A5${spec.powertrain === 'BEV' ? 'E' : 'H'}`,
    modelYear: rng.int(2022, 2026),
    plant: market.plant,
    serial: (serialBase + index) % 1_000_000,
  })
  const fleet = rng.pick(market.fleets)
  const heavyUse = /taxi|ridehail|rental/.test(fleet)
  const odometerKm = Math.round(rng.range(3000, heavyUse ? 160_000 : 90_000))
  const home = offset(city, rng.range(2, 18), rng.range(0, 2 * Math.PI))
  const workFromHome = offset(home, rng.range(5, 28), rng.range(0, 2 * Math.PI))
  const work = distanceKm(city, workFromHome) > 38 ? offset(city, rng.range(2, 10), rng.range(0, 2 * Math.PI)) : workFromHome
  const b = baselinesFor(baselines, spec.model)
  // One draw per value even when a scenario fixes it, so the rest of the vehicle is drawn as without it.
  const within = (r: Range) => {
    const u = rng.next()
    return typeof r === 'number' ? r : r[0] + (r[1] - r[0]) * u
  }
  const padLeft = within(b.padWearPct)
  const tyre = (): number => round1(spec.placardKPa * within(b.tyreInflation))
  const init: VehicleInit = {
    odometerKm,
    socPct: round1(rng.range(35, 90)),
    sohPct: round1(Math.max(86, 99.5 - (odometerKm / 160_000) * 9 - rng.range(0, 2))),
    lvRestV: round2(within(b.lvRestV)),
    cellSpreadMv: round1(within(b.cellSpreadMv)),
    insulationKOhm: Math.round(within(b.insulationKOhm)),
    tyreColdKPa: [tyre(), tyre(), tyre(), tyre()],
    padWearPct: [round1(padLeft), round1(Math.max(1, padLeft + rng.range(-2, 2)))],
    fuelPct: spec.powertrain === 'PHEV' ? round1(rng.range(25, 100)) : 0,
    home,
    work,
    intensity: rng.range(0.7, 1.3) * (heavyUse ? 1.4 : 1),
    weatherPhase: rng.range(0, 2 * Math.PI),
  }
  return {
    index,
    vin,
    model: spec.model,
    powertrain: spec.powertrain,
    region: market.region,
    city,
    timeZone: city.timeZone,
    fleet,
    ecus: spec.ecus.map((e) => ({ ecuId: e.ecuId, hardwareId: e.hardwareId, softwareVersion: pickVersion(rng, e.versions) })),
    init,
    faults: [],
  }
}

function pickVersion (rng: Rng, versions: readonly string[]): string {
  // Most of a fleet runs the newest release; a tail lags behind.
  return rng.chance(0.7) ? versions[versions.length - 1] as string : rng.pick(versions)
}

const KM_PER_DEG = 111.32

/** A point `km` away from `from` in direction `bearing` (radians from north). */
export function offset (from: { lat: number, lon: number }, km: number, bearing: number): { lat: number, lon: number } {
  const lat = from.lat + (km * Math.cos(bearing)) / KM_PER_DEG
  const lon = from.lon + (km * Math.sin(bearing)) / (KM_PER_DEG * Math.cos((from.lat * Math.PI) / 180))
  return { lat: round5(lat), lon: round5(lon) }
}

/** Equirectangular distance: plenty for the tens of kilometres a car covers in town. */
export function distanceKm (a: { lat: number, lon: number }, b: { lat: number, lon: number }): number {
  const dy = (b.lat - a.lat) * KM_PER_DEG
  const dx = (b.lon - a.lon) * KM_PER_DEG * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180)
  return Math.sqrt(dx * dx + dy * dy)
}

const round1 = (x: number) => Math.round(x * 10) / 10
const round2 = (x: number) => Math.round(x * 100) / 100
const round5 = (x: number) => Math.round(x * 1e5) / 1e5
