import { signalId } from '@fleetwire/proto'

/**
 * The fault scenarios, as data: which ECU reports them, the DTC it sets at
 * hard failure, the shape of the progression, when the ECU can observe the
 * failure, what goes into the freeze frame, and the rule a reasonable rules
 * engine would use to catch it early (npm run score:alerts scores alerts against these).
 */
export const FAULT_KINDS = [
  'weak-12v-battery',
  'cell-imbalance',
  'slow-tyre-leak',
  'cooling-fault',
  'pad-wear',
  'insulation-falling',
  'soh-fast-fade',
] as const
export type FaultKind = typeof FAULT_KINDS[number]

export type Wheel = 'FL' | 'FR' | 'RL' | 'RR'
export const WHEELS: readonly Wheel[] = ['FL', 'FR', 'RL', 'RR']
export type PadSide = 'L' | 'R'

export type Comparator = 'below' | 'above' | 'slope-above' | 'slope-below'

export interface WarningRule {
  /** VSS name and wire id of the signal the rule watches. */
  readonly signal: string
  readonly signalId: number
  readonly comparator: Comparator
  /** In the signal's unit; slopes are per simulated day. */
  readonly threshold: number
  /** When set, the rule watches the difference signal − minus (e.g. cell spread = max − min). */
  readonly minus?: { readonly signal: string, readonly signalId: number }
  readonly note: string
}

export interface WarningContext {
  /** Tyre placard pressure of the vehicle's model, kPa. */
  readonly placardKPa: number
}

/** When the ECU can see the failure and set the DTC. */
export type Observability = 'wake' | 'driving' | 'awake'

export interface FaultDefinition {
  readonly kind: FaultKind
  readonly title: string
  readonly ecuId: string
  readonly dtc: (target: Wheel | PadSide | undefined) => string
  readonly dtcTitle: string
  /** Default progression: severity = progress^powerK, progress = (t − onset) / (failure − onset); a scenario may give another curve. */
  readonly powerK: number
  /** What the fault does accumulates (wear, air lost, capacity faded): it cannot come and go, so no intermittent shape. */
  readonly cumulative: boolean
  readonly observedOn: Observability
  /** UDS status bit 7 (warning indicator requested) goes on with the code. */
  readonly warningLamp: boolean
  readonly freezeFrame: readonly number[]
  /** Besides full severity, the ECU only sets the code when it measures this (e.g. an actual over-temperature). */
  readonly setsWhen?: { readonly signalId: number, readonly above: number }
  readonly warnings: (target: Wheel | PadSide | undefined, ctx: WarningContext) => readonly WarningRule[]
}

const TB = 'Vehicle.Powertrain.TractionBattery'
const S = {
  speed: signalId('Vehicle.Speed'),
  odometer: signalId('Vehicle.TraveledDistance'),
  ambient: signalId('Vehicle.Exterior.AirTemperature'),
  power: signalId('Vehicle.Powertrain.ElectricMotor.Power'),
  soc: signalId(`${TB}.StateOfCharge.Current`),
  soh: signalId(`${TB}.StateOfHealth`),
  cellMin: signalId(`${TB}.CellVoltage.Min`),
  cellMax: signalId(`${TB}.CellVoltage.Max`),
  packTemp: signalId(`${TB}.Temperature.Average`),
  current: signalId(`${TB}.CurrentCurrent`),
  packV: signalId(`${TB}.CurrentVoltage`),
  insulation: signalId('Vehicle.Fleetwire.TractionBattery.InsulationResistance'),
  lv: signalId('Vehicle.LowVoltageBattery.CurrentVoltage'),
  crank: signalId('Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage'),
  coolant: signalId('Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'),
  tyreTempFL: signalId('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature'),
}

const WHEEL_PATH: Record<Wheel, string> = {
  FL: 'Vehicle.Chassis.Axle.Row1.Wheel.Left',
  FR: 'Vehicle.Chassis.Axle.Row1.Wheel.Right',
  RL: 'Vehicle.Chassis.Axle.Row2.Wheel.Left',
  RR: 'Vehicle.Chassis.Axle.Row2.Wheel.Right',
}
/** GM-style TPMS codes, one per wheel position. */
const TPMS_DTC: Record<Wheel, string> = { FL: 'C0750', FR: 'C0755', RL: 'C0760', RR: 'C0765' }

const rule = (signal: string, comparator: Comparator, threshold: number, note: string, minus?: string): WarningRule => ({
  signal,
  signalId: signalId(signal),
  comparator,
  threshold,
  ...(minus === undefined ? {} : { minus: { signal: minus, signalId: signalId(minus) } }),
  note,
})

export const FAULTS: Readonly<Record<FaultKind, FaultDefinition>> = Object.freeze({
  'weak-12v-battery': {
    kind: 'weak-12v-battery',
    title: 'Weakening 12 V battery',
    ecuId: 'BCM',
    dtc: () => 'P0562',
    dtcTitle: 'System voltage low',
    powerK: 1.5,
    cumulative: false,
    observedOn: 'wake',
    warningLamp: false,
    freezeFrame: [S.crank, S.lv, S.ambient, S.odometer, S.soc],
    warnings: () => [rule('Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage', 'below', 9.6, 'crank / wake-up minimum below 9.6 V, trending down over successive cranks')],
  },
  'cell-imbalance': {
    kind: 'cell-imbalance',
    title: 'HV cell imbalance growing',
    ecuId: 'BMS',
    dtc: () => 'P0A80',
    dtcTitle: 'Replace hybrid/EV battery pack',
    powerK: 2,
    cumulative: false,
    observedOn: 'awake',
    warningLamp: true,
    freezeFrame: [S.cellMin, S.cellMax, S.packV, S.current, S.packTemp, S.soc, S.odometer],
    warnings: () => [rule(`${TB}.CellVoltage.Max`, 'above', 0.08, 'cell voltage spread (max − min) above 80 mV; healthy packs stay below about 45 mV', `${TB}.CellVoltage.Min`)],
  },
  'slow-tyre-leak': {
    kind: 'slow-tyre-leak',
    title: 'Slow tyre leak',
    ecuId: 'TPMS',
    dtc: (w) => TPMS_DTC[(w ?? 'FL') as Wheel],
    dtcTitle: 'Tyre pressure below 75 % of placard',
    powerK: 1,
    cumulative: true,
    observedOn: 'awake',
    warningLamp: true,
    freezeFrame: [S.speed, S.ambient, S.tyreTempFL, S.odometer],
    warnings: (w, ctx) => [rule(`${WHEEL_PATH[(w ?? 'FL') as Wheel]}.Tire.Pressure`, 'below', Math.round(0.85 * ctx.placardKPa), 'pressure compensated to 20 °C (absolute pressure scales with tyre temperature in kelvin) below 85 % of the placard pressure')],
  },
  'cooling-fault': {
    kind: 'cooling-fault',
    title: 'Cooling fault (coolant temperature creeping up under load)',
    ecuId: 'VCU',
    dtc: () => 'P0217',
    dtcTitle: 'Coolant over-temperature condition',
    powerK: 1.2,
    cumulative: false,
    observedOn: 'driving',
    warningLamp: true,
    freezeFrame: [S.coolant, S.speed, S.power, S.ambient, S.packTemp, S.odometer],
    setsWhen: { signalId: S.coolant, above: 108 },
    warnings: () => [rule('Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature', 'above', 100, 'coolant above 100 °C while driving under load (healthy: BEV loop ≤ 65 °C, PHEV engine ≤ 97 °C)')],
  },
  'pad-wear': {
    kind: 'pad-wear',
    title: 'Accelerated brake pad wear (dragging caliper)',
    ecuId: 'ESC',
    dtc: (side) => (side === 'R' ? 'C1B12' : 'C1B11'),
    dtcTitle: 'Brake pad wear limit reached (manufacturer-specific)',
    powerK: 1,
    cumulative: true,
    observedOn: 'driving',
    warningLamp: true,
    freezeFrame: [S.speed, S.odometer, S.ambient],
    warnings: (side) => {
      const signal = `Vehicle.Chassis.Axle.Row1.Wheel.${side === 'R' ? 'Right' : 'Left'}.Brake.PadWear`
      return [
        rule(signal, 'slope-above', 1, 'pad wear growing faster than 1 %/day (healthy: < 0.4 %/day)'),
        rule(signal, 'above', 80, 'pad wear above 80 %'),
      ]
    },
  },
  'insulation-falling': {
    kind: 'insulation-falling',
    title: 'HV insulation resistance falling',
    ecuId: 'BMS',
    dtc: () => 'P0AA6',
    dtcTitle: 'Hybrid/EV battery voltage system isolation fault',
    powerK: 1.3,
    cumulative: false,
    observedOn: 'awake',
    warningLamp: true,
    freezeFrame: [S.insulation, S.packV, S.packTemp, S.ambient, S.odometer],
    warnings: () => [rule('Vehicle.Fleetwire.TractionBattery.InsulationResistance', 'below', 500, 'insulation below 500 kΩ (about 1,250 Ω/V); healthy packs read several MΩ; R100 minimum is 100 Ω/V')],
  },
  'soh-fast-fade': {
    kind: 'soh-fast-fade',
    title: 'State of health fading too fast',
    ecuId: 'BMS',
    dtc: () => 'P0A7F',
    dtcTitle: 'Hybrid/EV battery pack deterioration',
    powerK: 1,
    cumulative: true,
    observedOn: 'awake',
    warningLamp: true,
    freezeFrame: [S.soh, S.soc, S.packV, S.packTemp, S.odometer],
    warnings: () => [rule(`${TB}.StateOfHealth`, 'below', 80, 'state of health below 80 % (healthy fleet ≥ 85 %, fading about 0.005 %/day)')],
  },
})
