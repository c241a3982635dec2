import type { MessageKey } from './catalogs/en.js'
import { localise } from './index.js'

/** A readable, translated name per catalog signal (proto/src/catalog.ts); the VSS path stays the id and the tooltip. */
const SIGNAL_LABELS: Readonly<Record<string, MessageKey>> = {
  'Vehicle.Speed': 'signal.speed',
  'Vehicle.TraveledDistance': 'signal.odometer',
  'Vehicle.CurrentLocation.Latitude': 'signal.latitude',
  'Vehicle.CurrentLocation.Longitude': 'signal.longitude',
  'Vehicle.Exterior.AirTemperature': 'signal.outsideTemperature',
  'Vehicle.Powertrain.ElectricMotor.Power': 'signal.motorPower',
  'Vehicle.Fleetwire.TractionBattery.InsulationResistance': 'signal.insulation',
  'Vehicle.Powertrain.TractionBattery.Charging.IsCharging': 'signal.charging',
  'Vehicle.LowVoltageBattery.CurrentVoltage': 'signal.lvVoltage',
  'Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage': 'signal.lvCrankMin',
  'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature': 'signal.coolant',
  'Vehicle.Powertrain.CombustionEngine.Speed': 'signal.engineSpeed',
  'Vehicle.Powertrain.FuelSystem.RelativeLevel': 'signal.fuelLevel',
  'Vehicle.Body.Lights.IsBrakeOn': 'signal.brakeLights',
  'Vehicle.Cabin.HVAC.AmbientAirTemperature': 'signal.cabinTemperature',
  'Vehicle.Connectivity.SignalStrength': 'signal.signalStrength',
}

const TB = 'Vehicle.Powertrain.TractionBattery.'
const TRACTION_BATTERY: Readonly<Record<string, MessageKey>> = {
  'StateOfCharge.Current': 'signal.soc', StateOfHealth: 'signal.soh', 'CellVoltage.Min': 'signal.cellMin',
  'CellVoltage.Max': 'signal.cellMax', 'Temperature.Average': 'signal.batteryTemperature',
  CurrentCurrent: 'signal.batteryCurrent', CurrentVoltage: 'signal.batteryVoltage',
}

const WHEEL: Readonly<Record<string, MessageKey>> = {
  'Row1.Wheel.Left': 'signal.wheelFL', 'Row1.Wheel.Right': 'signal.wheelFR',
  'Row2.Wheel.Left': 'signal.wheelRL', 'Row2.Wheel.Right': 'signal.wheelRR',
}
const WHEEL_SIGNAL = /^Vehicle\.Chassis\.Axle\.(Row\d\.Wheel\.(?:Left|Right))\.(Tire\.Pressure|Tire\.Temperature|Brake\.PadWear)$/

/** Every message key a signal label may use (the catalogue check counts them as used). */
export const SIGNAL_KEYS: readonly MessageKey[] = [...Object.values(SIGNAL_LABELS), ...Object.values(TRACTION_BATTERY), ...Object.values(WHEEL), 'signal.tyrePressure', 'signal.tyreTemperature', 'signal.padWear']

/** "StateOfCharge" → "State of charge": a readable fallback from a VSS segment. */
const words = (segment: string): string => segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`)

/**
 * The label of a signal in `lang`. Per-wheel signals are named by pattern
 * (tyre pressure front left, …); a signal the catalogue does not name gets its
 * last two VSS segments in words ("Wiping.Mode" → "Wiping mode"), which reads
 * better than the full path and still identifies it next to the path tooltip.
 */
export function signalLabel (lang: string, name: string): string {
  const key = SIGNAL_LABELS[name] ?? (name.startsWith(TB) ? TRACTION_BATTERY[name.slice(TB.length)] : undefined)
  if (key !== undefined) return localise(lang, key)
  const wheel = WHEEL_SIGNAL.exec(name)
  const where = wheel === null ? undefined : WHEEL[wheel[1] as string]
  if (wheel !== null && where !== undefined) {
    const what: MessageKey = wheel[2] === 'Tire.Pressure' ? 'signal.tyrePressure' : wheel[2] === 'Tire.Temperature' ? 'signal.tyreTemperature' : 'signal.padWear'
    return localise(lang, what, { wheel: localise(lang, where) })
  }
  const tail = name.split('.').filter((s) => s !== '').slice(-2).map(words)
  return tail.length === 0 ? name : tail.join(' ')
}
