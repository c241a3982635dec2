/**
 * The signal catalog: every signal a vehicle may send, by COVESA VSS name,
 * with its unit, valid range and the numeric id used on the wire.
 * Wire ids are permanent; never renumber or reuse one.
 */
export interface SignalDefinition {
  /** Numeric id carried in fleetwire.v1.Sample.signal_id. */
  readonly id: number
  /** COVESA VSS path, or a `Vehicle.Fleetwire.*` extension where VSS has none. */
  readonly name: string
  readonly unit: string
  readonly min: number
  readonly max: number
  readonly description: string
}

export const CATALOG_VERSION = '1.0.0'

const TB = 'Vehicle.Powertrain.TractionBattery'
const wheel = (row: 1 | 2, side: 'Left' | 'Right') => `Vehicle.Chassis.Axle.Row${row}.Wheel.${side}`

export const SIGNALS: readonly SignalDefinition[] = Object.freeze([
  { id: 1, name: 'Vehicle.Speed', unit: 'km/h', min: 0, max: 300, description: 'Vehicle speed' },
  { id: 2, name: 'Vehicle.TraveledDistance', unit: 'km', min: 0, max: 2_000_000, description: 'Odometer' },
  { id: 3, name: 'Vehicle.CurrentLocation.Latitude', unit: 'degrees', min: -90, max: 90, description: 'Position latitude (WGS 84)' },
  { id: 4, name: 'Vehicle.CurrentLocation.Longitude', unit: 'degrees', min: -180, max: 180, description: 'Position longitude (WGS 84)' },
  { id: 5, name: 'Vehicle.Exterior.AirTemperature', unit: 'celsius', min: -60, max: 70, description: 'Ambient air temperature' },
  { id: 6, name: 'Vehicle.Powertrain.ElectricMotor.Power', unit: 'kW', min: -400, max: 600, description: 'Traction motor power (negative = regeneration)' },
  { id: 10, name: `${TB}.StateOfCharge.Current`, unit: 'percent', min: 0, max: 100, description: 'HV battery state of charge' },
  { id: 11, name: `${TB}.StateOfHealth`, unit: 'percent', min: 0, max: 100, description: 'HV battery state of health' },
  { id: 12, name: `${TB}.CellVoltage.Min`, unit: 'V', min: 0, max: 5, description: 'Lowest HV cell voltage' },
  { id: 13, name: `${TB}.CellVoltage.Max`, unit: 'V', min: 0, max: 5, description: 'Highest HV cell voltage' },
  { id: 14, name: `${TB}.Temperature.Average`, unit: 'celsius', min: -40, max: 100, description: 'HV pack temperature' },
  { id: 15, name: `${TB}.CurrentCurrent`, unit: 'A', min: -1000, max: 1000, description: 'HV pack current (positive = discharge)' },
  { id: 16, name: `${TB}.CurrentVoltage`, unit: 'V', min: 0, max: 1000, description: 'HV pack voltage' },
  { id: 17, name: 'Vehicle.Fleetwire.TractionBattery.InsulationResistance', unit: 'kOhm', min: 0, max: 100_000, description: 'HV insulation resistance (no VSS signal; UN ECE R100 wants >= 100 Ohm/V)' },
  { id: 18, name: 'Vehicle.Powertrain.TractionBattery.Charging.IsCharging', unit: 'bool', min: 0, max: 1, description: 'Charging in progress (0/1)' },
  { id: 20, name: 'Vehicle.LowVoltageBattery.CurrentVoltage', unit: 'V', min: 0, max: 20, description: '12 V battery voltage' },
  { id: 21, name: 'Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage', unit: 'V', min: 0, max: 20, description: 'Lowest 12 V voltage during the last crank / wake-up' },
  { id: 30, name: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature', unit: 'celsius', min: -40, max: 150, description: 'Engine / drive-unit coolant temperature' },
  { id: 31, name: 'Vehicle.Powertrain.CombustionEngine.Speed', unit: 'rpm', min: 0, max: 10_000, description: 'Engine speed (PHEV; 0 on a BEV)' },
  { id: 32, name: 'Vehicle.Powertrain.FuelSystem.RelativeLevel', unit: 'percent', min: 0, max: 100, description: 'Fuel level (PHEV)' },
  { id: 40, name: `${wheel(1, 'Left')}.Tire.Pressure`, unit: 'kPa', min: 0, max: 600, description: 'Tyre pressure front left' },
  { id: 41, name: `${wheel(1, 'Right')}.Tire.Pressure`, unit: 'kPa', min: 0, max: 600, description: 'Tyre pressure front right' },
  { id: 42, name: `${wheel(2, 'Left')}.Tire.Pressure`, unit: 'kPa', min: 0, max: 600, description: 'Tyre pressure rear left' },
  { id: 43, name: `${wheel(2, 'Right')}.Tire.Pressure`, unit: 'kPa', min: 0, max: 600, description: 'Tyre pressure rear right' },
  { id: 44, name: `${wheel(1, 'Left')}.Tire.Temperature`, unit: 'celsius', min: -40, max: 150, description: 'Tyre temperature front left' },
  { id: 45, name: `${wheel(1, 'Right')}.Tire.Temperature`, unit: 'celsius', min: -40, max: 150, description: 'Tyre temperature front right' },
  { id: 46, name: `${wheel(2, 'Left')}.Tire.Temperature`, unit: 'celsius', min: -40, max: 150, description: 'Tyre temperature rear left' },
  { id: 47, name: `${wheel(2, 'Right')}.Tire.Temperature`, unit: 'celsius', min: -40, max: 150, description: 'Tyre temperature rear right' },
  { id: 50, name: `${wheel(1, 'Left')}.Brake.PadWear`, unit: 'percent', min: 0, max: 100, description: 'Brake pad wear front left (100 = worn out)' },
  { id: 51, name: `${wheel(1, 'Right')}.Brake.PadWear`, unit: 'percent', min: 0, max: 100, description: 'Brake pad wear front right' },
  { id: 60, name: 'Vehicle.Body.Lights.IsBrakeOn', unit: 'bool', min: 0, max: 1, description: 'Brake pedal pressed (0/1)' },
  { id: 61, name: 'Vehicle.Cabin.HVAC.AmbientAirTemperature', unit: 'celsius', min: -40, max: 80, description: 'Cabin temperature' },
  { id: 62, name: 'Vehicle.Connectivity.SignalStrength', unit: 'dBm', min: -140, max: 0, description: 'Cellular signal strength (Fleetwire extension of VSS Connectivity)' },
])

const byId = new Map(SIGNALS.map((s) => [s.id, s]))
const byName = new Map(SIGNALS.map((s) => [s.name, s]))

export function signalById (id: number): SignalDefinition | undefined {
  return byId.get(id)
}

export function signalByName (name: string): SignalDefinition | undefined {
  return byName.get(name)
}

/** Looks a signal up by VSS name and fails loudly: for code that names catalog signals statically. */
export function signalId (name: string): number {
  const s = byName.get(name)
  if (s === undefined) throw new Error(`signal ${name} is not in catalog ${CATALOG_VERSION}`)
  return s.id
}
