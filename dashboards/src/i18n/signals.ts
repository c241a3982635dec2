import { k, t, type MessageKey } from './i18n.js'

/** A readable, translated name per catalog signal (proto/src/catalog.ts); the VSS path stays the id and the tooltip. */
const SIGNAL_LABELS: Readonly<Record<string, MessageKey>> = {
  'Vehicle.Speed': k('signal.speed'),
  'Vehicle.TraveledDistance': k('signal.odometer'),
  'Vehicle.CurrentLocation.Latitude': k('signal.latitude'),
  'Vehicle.CurrentLocation.Longitude': k('signal.longitude'),
  'Vehicle.Exterior.AirTemperature': k('signal.outsideTemperature'),
  'Vehicle.Powertrain.ElectricMotor.Power': k('signal.motorPower'),
  'Vehicle.Fleetwire.TractionBattery.InsulationResistance': k('signal.insulation'),
  'Vehicle.Powertrain.TractionBattery.Charging.IsCharging': k('signal.charging'),
  'Vehicle.LowVoltageBattery.CurrentVoltage': k('signal.lvVoltage'),
  'Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage': k('signal.lvCrankMin'),
  'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature': k('signal.coolant'),
  'Vehicle.Powertrain.CombustionEngine.Speed': k('signal.engineSpeed'),
  'Vehicle.Powertrain.FuelSystem.RelativeLevel': k('signal.fuelLevel'),
  'Vehicle.Body.Lights.IsBrakeOn': k('signal.brakeLights'),
  'Vehicle.Cabin.HVAC.AmbientAirTemperature': k('signal.cabinTemperature'),
  'Vehicle.Connectivity.SignalStrength': k('signal.signalStrength'),
}

const TB = 'Vehicle.Powertrain.TractionBattery.'
const TRACTION_BATTERY: Readonly<Record<string, MessageKey>> = {
  'StateOfCharge.Current': k('signal.soc'), StateOfHealth: k('signal.soh'), 'CellVoltage.Min': k('signal.cellMin'),
  'CellVoltage.Max': k('signal.cellMax'), 'Temperature.Average': k('signal.batteryTemperature'),
  CurrentCurrent: k('signal.batteryCurrent'), CurrentVoltage: k('signal.batteryVoltage'),
}

const WHEEL: Readonly<Record<string, MessageKey>> = {
  'Row1.Wheel.Left': k('signal.wheelFL'), 'Row1.Wheel.Right': k('signal.wheelFR'),
  'Row2.Wheel.Left': k('signal.wheelRL'), 'Row2.Wheel.Right': k('signal.wheelRR'),
}

/**
 * The label of a signal in the current language. Per-wheel and per-cell signals
 * are named by pattern (tyre pressure front left, …); a signal this catalogue
 * does not know keeps its VSS path.
 */
export function signalLabel (name: string): string {
  const key = SIGNAL_LABELS[name]
  if (key !== undefined) return t(key)
  const wheel = /^Vehicle\.Chassis\.Axle\.(Row\d\.Wheel\.(?:Left|Right))\.(Tire\.Pressure|Tire\.Temperature|Brake\.PadWear)$/.exec(name)
  const where = wheel === null ? undefined : WHEEL[wheel[1] as string]
  if (wheel !== null && where !== undefined) {
    const what = wheel[2] === 'Tire.Pressure' ? k('signal.tyrePressure') : wheel[2] === 'Tire.Temperature' ? k('signal.tyreTemperature') : k('signal.padWear')
    return t(what, { wheel: t(where) })
  }
  const battery = name.startsWith(TB) ? TRACTION_BATTERY[name.slice(TB.length)] : undefined
  return battery === undefined ? name : t(battery)
}
