import { signalById, signalId } from '@fleetwire/proto'
import type { Powertrain } from '../models.core.js'
import type { VehicleState } from './vehicle-state.core.js'

/**
 * How each catalog signal is read from the vehicle state and reported:
 * group (fast: every fast period; slow: every slow period; event: only when
 * it happens), sensor noise, resolution. Values are clamped to the catalog
 * range, so a healthy or a failing vehicle never sends an out-of-range value.
 */
export type SignalGroup = 'fast' | 'slow' | 'event'

export interface SignalSource {
  readonly id: number
  readonly group: SignalGroup
  readonly read: (v: VehicleState) => number
  /** Standard deviation of the sensor noise, in the signal's unit; relative when `relative`. */
  readonly noise: number
  readonly relative?: boolean
  readonly decimals: number
  readonly only?: Powertrain
}

const TB = 'Vehicle.Powertrain.TractionBattery'
const src = (name: string, group: SignalGroup, read: (v: VehicleState) => number, noise: number, decimals: number, extra: Partial<SignalSource> = {}): SignalSource =>
  ({ id: signalId(name), group, read, noise, decimals, ...extra })

export const SIGNAL_SOURCES: readonly SignalSource[] = Object.freeze([
  src('Vehicle.Speed', 'fast', (v) => v.speedKmh, 0, 1),
  src('Vehicle.CurrentLocation.Latitude', 'fast', (v) => v.lat, 0, 5),
  src('Vehicle.CurrentLocation.Longitude', 'fast', (v) => v.lon, 0, 5),
  src('Vehicle.Powertrain.ElectricMotor.Power', 'fast', (v) => v.motorKW, 0, 1),
  src(`${TB}.StateOfCharge.Current`, 'fast', (v) => v.socPct, 0, 1),
  src(`${TB}.CurrentCurrent`, 'fast', (v) => v.currentA, 0.3, 1),
  src(`${TB}.CurrentVoltage`, 'fast', (v) => v.packV, 0.2, 1),
  src(`${TB}.Charging.IsCharging`, 'fast', (v) => (v.phase === 'charging' ? 1 : 0), 0, 0),
  src('Vehicle.Powertrain.CombustionEngine.Speed', 'fast', (v) => v.engineRpm, 0, 0),
  src('Vehicle.Body.Lights.IsBrakeOn', 'fast', (v) => (v.brakeOn ? 1 : 0), 0, 0),
  src('Vehicle.TraveledDistance', 'slow', (v) => v.odometerKm, 0, 1),
  src('Vehicle.Exterior.AirTemperature', 'slow', (v) => v.ambientC, 0.2, 1),
  src(`${TB}.StateOfHealth`, 'slow', (v) => v.sohPct, 0, 1),
  src(`${TB}.CellVoltage.Min`, 'slow', (v) => v.cellMinV, 0.002, 3),
  src(`${TB}.CellVoltage.Max`, 'slow', (v) => v.cellMaxV, 0.002, 3),
  src(`${TB}.Temperature.Average`, 'slow', (v) => v.packTempC, 0.2, 1),
  src('Vehicle.Fleetwire.TractionBattery.InsulationResistance', 'slow', (v) => v.insulationKOhm, 0.04, 0, { relative: true }),
  src('Vehicle.LowVoltageBattery.CurrentVoltage', 'slow', (v) => v.lvV, 0.02, 2),
  src('Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage', 'event', (v) => v.crankMinV, 0.08, 2),
  src('Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature', 'slow', (v) => v.coolantC, 0.3, 1),
  src('Vehicle.Powertrain.FuelSystem.RelativeLevel', 'slow', (v) => v.fuelPct, 0, 1, { only: 'PHEV' }),
  src('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure', 'slow', (v) => v.tyreKPa[0], 0.6, 1),
  src('Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure', 'slow', (v) => v.tyreKPa[1], 0.6, 1),
  src('Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure', 'slow', (v) => v.tyreKPa[2], 0.6, 1),
  src('Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure', 'slow', (v) => v.tyreKPa[3], 0.6, 1),
  src('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature', 'slow', (v) => v.tyreTempC[0], 0.3, 1),
  src('Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Temperature', 'slow', (v) => v.tyreTempC[1], 0.3, 1),
  src('Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Temperature', 'slow', (v) => v.tyreTempC[2], 0.3, 1),
  src('Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Temperature', 'slow', (v) => v.tyreTempC[3], 0.3, 1),
  src('Vehicle.Chassis.Axle.Row1.Wheel.Left.Brake.PadWear', 'slow', (v) => v.padWearPct[0] + v.padExtraPct[0], 0, 1),
  src('Vehicle.Chassis.Axle.Row1.Wheel.Right.Brake.PadWear', 'slow', (v) => v.padWearPct[1] + v.padExtraPct[1], 0, 1),
  src('Vehicle.Cabin.HVAC.AmbientAirTemperature', 'slow', (v) => v.cabinC, 0.2, 1),
  src('Vehicle.Connectivity.SignalStrength', 'slow', (v) => v.signalDbm, 1.5, 0),
])

const byId = new Map(SIGNAL_SOURCES.map((s) => [s.id, s]))
const RANGE = new Map(SIGNAL_SOURCES.map((s) => {
  const def = signalById(s.id)
  if (def === undefined) throw new Error(`signal ${s.id} is not in the catalog`)
  return [s.id, [def.min, def.max] as const]
}))

export const CRANK_MIN_ID = signalId('Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage')

/** The signal's true (noise-free) value now, clamped to the catalog range; undefined if the model lacks it. */
export function readSignal (v: VehicleState, id: number): number | undefined {
  const s = byId.get(id)
  if (s === undefined || (s.only !== undefined && s.only !== v.model.powertrain)) return undefined
  return clampToRange(id, round(s.read(v), s.decimals))
}

/** The value the sensor reports: true value plus noise, at the sensor's resolution, in range. */
export function measure (v: VehicleState, s: SignalSource): number {
  const x = s.read(v)
  const noisy = s.noise === 0 ? x : s.relative === true ? x * (1 + v.rng.normal(0, s.noise)) : x + v.rng.normal(0, s.noise)
  return clampToRange(s.id, round(noisy, s.decimals))
}

export function sourcesFor (powertrain: Powertrain, group: SignalGroup): SignalSource[] {
  return SIGNAL_SOURCES.filter((s) => s.group === group && (s.only === undefined || s.only === powertrain))
}

export function signalSource (id: number): SignalSource | undefined {
  return byId.get(id)
}

/** Clamps a value to its signal's catalog range (readings altered after measure(), e.g. by a scenario's sensor effects). */
export function clampToCatalog (id: number, x: number): number {
  return clampToRange(id, x)
}

function clampToRange (id: number, x: number): number {
  const r = RANGE.get(id)
  if (r === undefined || !Number.isFinite(x)) return 0
  return x < r[0] ? r[0] : x > r[1] ? r[1] : x
}

function round (x: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(x * f) / f
}
