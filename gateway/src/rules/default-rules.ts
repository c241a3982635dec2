import type { Rule } from './rule.schema.js'

/**
 * The rule set a new installation starts with: one or two detectors per
 * predictive fault of BRIEF §2, aligned with the simulator's fault
 * scenarios (firmware-sim/src/faults). Thresholds are first estimates from
 * the physics (healthy vs failing slopes and levels), to be tuned against
 * simulated fleets.
 */
const H = 3600
const D = 86_400
const TB = 'Vehicle.Powertrain.TractionBattery'
const CRANK = 'Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage'
const INSULATION = 'Vehicle.Fleetwire.TractionBattery.InsulationResistance'
/** Tyre pressure is compensated with the tyre's own temperature; vehicles without it fall back to the ambient air (cold tyres sit at ambient; warm ones read high). */
const AMBIENT = 'Vehicle.Exterior.AirTemperature'

const WHEELS = [
  ['fl', 'front left', 'Row1.Wheel.Left'],
  ['fr', 'front right', 'Row1.Wheel.Right'],
  ['rl', 'rear left', 'Row2.Wheel.Left'],
  ['rr', 'rear right', 'Row2.Wheel.Right'],
] as const

type Wheel = typeof WHEELS[number]

/** What every tyre-pressure rule shares: one wheel's pressure normalised to 20 °C, slow to clear, quiet after. */
const tyreRule = ([id, label, path]: Wheel, r: { id: string, name: string, description: string, kind: Rule['kind'] }): Rule => ({
  id: `${r.id}-${id}`,
  name: `${r.name} (${label})`,
  description: r.description,
  enabled: true,
  severity: 'major',
  signal: `Vehicle.Chassis.Axle.${path}.Tire.Pressure`,
  derived: { compensateTemperature: `Vehicle.Chassis.Axle.${path}.Tire.Temperature`, temperatureFallback: AMBIENT },
  clearDelayS: 6 * H,
  quietPeriodS: 2 * D,
  kind: r.kind,
})

/** Healthy tyres lose ~0.2 kPa/day through the rubber; a slow puncture loses 4–7 kPa/day toward the 25 %-below-placard TPMS warning. */
const tyreLeak = (w: Wheel): Rule => tyreRule(w, {
  id: 'tyre-slow-leak',
  name: 'Slow tyre leak',
  description: 'Tyre pressure normalised to 20 °C falling faster than 2.5 kPa/day: a slow puncture, days before the TPMS warning at 75 % of placard.',
  kind: { type: 'slope', op: 'below', perDay: -2.5, clearPerDay: -1, windowS: 3 * D, minSpanS: 1.5 * D, minSamples: 35 },
})

/**
 * The slope needs dense data; a vehicle that is rarely awake reports too few
 * pressures for it. Against the other vehicles of its model (same placard),
 * a tyre 6 σ below the fleet (healthy tyres sit within about ±2 % of each
 * other, so roughly 10 % low) is leaking whatever its sampling rate.
 */
const tyreBelowFleet = (w: Wheel): Rule => tyreRule(w, {
  id: 'tyre-low-vs-fleet',
  name: 'Tyre pressure far below the fleet',
  description: 'Tyre pressure normalised to 20 °C more than 6 standard deviations below the same tyre on the other vehicles of the model.',
  kind: { type: 'cohort', op: 'below', k: 6, clearK: 3, minStd: 3, minCohort: 10 },
})

/** Healthy wear is 0.1–0.3 %/day; a dragging caliper wears several %/day. */
const padForecast = (side: 'Left' | 'Right'): Rule => ({
  id: `brake-pad-wear-${side === 'Left' ? 'fl' : 'fr'}`,
  name: `Brake pad near its wear limit (front ${side.toLowerCase()})`,
  description: 'Pad wear trend expected to reach 85 % within 14 days.',
  enabled: true,
  severity: 'minor',
  signal: `Vehicle.Chassis.Axle.Row1.Wheel.${side}.Brake.PadWear`,
  clearDelayS: D,
  quietPeriodS: 3 * D,
  kind: { type: 'forecast', op: 'above', limit: 85, horizonS: 14 * D, clearHorizonS: 21 * D, windowS: 10 * D, bucketS: 6 * H, aggregate: 'max', minSpanS: 2 * D, minSamples: 20 },
})

export const DEFAULT_RULES: readonly Rule[] = Object.freeze([
  {
    id: 'lv-battery-crank-forecast',
    name: '12 V battery weakening',
    description: 'Daily minimum crank / wake-up voltage trending toward 9.6 V (no-start territory) within 7 days.',
    enabled: true,
    severity: 'major',
    signal: CRANK,
    clearDelayS: D,
    quietPeriodS: 3 * D,
    kind: { type: 'forecast', op: 'below', limit: 9.6, horizonS: 7 * D, clearHorizonS: 14 * D, windowS: 14 * D, bucketS: D, aggregate: 'min', minSpanS: 4 * D, minSamples: 6 },
  },
  {
    id: 'lv-battery-crank-low',
    name: '12 V battery dips below 9.6 V at crank',
    description: 'A crank / wake-up minimum below 9.6 V: the next start may fail.',
    enabled: true,
    severity: 'critical',
    signal: CRANK,
    quietPeriodS: 2 * D,
    kind: { type: 'threshold', op: 'below', raise: 9.6, clear: 10.2, forS: 0, clearForS: D },
  },
  {
    id: 'hv-cell-spread-high',
    name: 'HV cell voltage spread high',
    description: 'Max − min cell voltage above 80 mV for 30 minutes (healthy packs stay below ~45 mV).',
    enabled: true,
    severity: 'major',
    signal: `${TB}.CellVoltage.Max`,
    derived: { minus: `${TB}.CellVoltage.Min` },
    quietPeriodS: D,
    kind: { type: 'threshold', op: 'above', raise: 0.08, clear: 0.06, forS: 30 * 60, clearForS: H },
  },
  {
    id: 'hv-cell-spread-growing',
    name: 'HV cell imbalance growing',
    description: 'Max − min cell voltage at rest growing faster than 4 mV/day over 4 days (a healthy spread is flat; load current widens it).',
    enabled: true,
    severity: 'minor',
    signal: `${TB}.CellVoltage.Max`,
    derived: { minus: `${TB}.CellVoltage.Min` },
    when: { signalRange: [{ signal: `${TB}.CurrentCurrent`, min: -20, max: 20 }] },
    clearDelayS: D,
    quietPeriodS: 3 * D,
    kind: { type: 'slope', op: 'above', perDay: 0.004, clearPerDay: 0.002, windowS: 4 * D, minSpanS: 2 * D, minSamples: 50 },
  },
  ...WHEELS.map(tyreLeak),
  ...WHEELS.map(tyreBelowFleet),
  {
    id: 'coolant-overheat',
    name: 'Coolant over-temperature',
    description: 'Coolant above 100 °C (healthy: BEV loop ≤ 65 °C, PHEV engine ≤ 97 °C while driving, lower at rest).',
    enabled: true,
    severity: 'critical',
    signal: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature',
    // No "driving" condition: only driving heats the loop past 100 °C (parked it cools, DC charging
    // holds it ≤ 45 °C), and with sparse sampling the hottest reading is often the one at the end of a
    // trip, at speed 0; a speed gate (tried: speed ≥ 5) ignored exactly those and missed faulty
    // vehicles that only make short trips.
    quietPeriodS: H,
    // No duration: at the simulator's compressed sampling a short trip holds one or two samples.
    kind: { type: 'threshold', op: 'above', raise: 100, clear: 90, forS: 0, clearForS: 10 * 60 },
  },
  {
    id: 'coolant-hot-bev',
    name: 'Drive-unit coolant hot (battery-electric)',
    description: 'Coolant above 75 °C on a battery-electric model: its drive-unit loop stays at or below ~65 °C even in 45 °C heat, so this is a failing pump or fan long before the 100 °C that an engine loop may approach.',
    enabled: true,
    severity: 'major',
    signal: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature',
    // The simulator's battery-electric model; a maker lists its own BEV models.
    when: { models: ['FW-E1'] },
    quietPeriodS: H,
    kind: { type: 'threshold', op: 'above', raise: 75, clear: 68, forS: 0, clearForS: 10 * 60 },
  },
  padForecast('Left'),
  padForecast('Right'),
  {
    id: 'hv-insulation-low',
    name: 'HV insulation resistance low',
    description: 'Below 500 kΩ for 30 minutes (healthy packs read several MΩ; UN ECE R100 minimum is 100 Ω/V, about 40 kΩ at 400 V).',
    enabled: true,
    severity: 'major',
    signal: INSULATION,
    quietPeriodS: D,
    kind: { type: 'threshold', op: 'below', raise: 500, clear: 700, forS: 30 * 60, clearForS: H },
  },
  {
    id: 'hv-insulation-forecast',
    name: 'HV insulation heading below the R100 minimum',
    description: 'Insulation trend expected below 80 kΩ (100 Ω/V of an 800 V pack, twice the 400 V minimum) within 7 days.',
    enabled: true,
    severity: 'critical',
    signal: INSULATION,
    clearDelayS: 6 * H,
    quietPeriodS: 2 * D,
    kind: { type: 'forecast', op: 'below', limit: 80, horizonS: 7 * D, clearHorizonS: 14 * D, windowS: 3 * D, minSpanS: D, minSamples: 50 },
  },
  {
    id: 'hv-soh-fast-fade',
    name: 'HV battery state of health fading fast',
    description: 'State of health falling faster than 0.1 %/day over a week (healthy calendar fade is about 0.006 %/day).',
    enabled: true,
    severity: 'major',
    signal: `${TB}.StateOfHealth`,
    clearDelayS: D,
    quietPeriodS: 3 * D,
    kind: { type: 'slope', op: 'below', perDay: -0.1, clearPerDay: -0.05, windowS: 7 * D, minSpanS: 3 * D, minSamples: 50 },
  },
  {
    id: 'hv-soh-end-of-life',
    name: 'HV battery heading to 70 % state of health',
    description: 'State of health trend expected below 70 % (warranty end-of-life) within 30 days.',
    enabled: true,
    severity: 'major',
    signal: `${TB}.StateOfHealth`,
    clearDelayS: D,
    quietPeriodS: 7 * D,
    kind: { type: 'forecast', op: 'below', limit: 70, horizonS: 30 * D, clearHorizonS: 60 * D, windowS: 14 * D, minSpanS: 5 * D, minSamples: 50 },
  },
  {
    id: 'dtc-confirmed-warning-lamp',
    name: 'Confirmed fault code with warning lamp',
    description: 'Any DTC reported confirmed (status bit 3) with the warning indicator requested (bit 7).',
    enabled: true,
    severity: 'major',
    quietPeriodS: D,
    kind: { type: 'dtc', codePattern: '*', statusMask: 0x88 },
  },
  {
    id: 'vehicle-silent',
    name: 'Awake vehicle silent',
    description: 'No data for 30 minutes from a vehicle that is awake or driving, or whose link dropped without a sleep notice.',
    enabled: true,
    severity: 'warning',
    clearDelayS: 5 * 60,
    quietPeriodS: H,
    kind: { type: 'silence', afterS: 30 * 60 },
  },
])
