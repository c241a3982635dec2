import type { Rule } from './rule.schema.js'

/**
 * The rule set a new installation starts with: one or two detectors per
 * common predictive failure (12 V battery, HV cells and insulation, tyres,
 * cooling, brake pads, state of health). Limits come from standards and
 * component data cited in each description, or from the model catalog
 * (GET /models/:id) where they depend on the model; none is read off a
 * simulator. Trend rules raise on the confidence bound of a robust fit
 * (docs/RULES.md), so their rates are generic too.
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

/** What every tyre-pressure rule shares: one wheel's pressure normalised to 20 °C, quiet for two days after a raise. */
const tyreRule = ([id, label, path]: Wheel, r: Pick<Rule, 'id' | 'name' | 'description' | 'kind' | 'clearDelayS'>): Rule => ({
  id: `${r.id}-${id}`,
  name: `${r.name} (${label})`,
  description: r.description,
  enabled: true,
  severity: 'major',
  signal: `Vehicle.Chassis.Axle.${path}.Tire.Pressure`,
  derived: { compensateTemperature: `Vehicle.Chassis.Axle.${path}.Tire.Temperature`, temperatureFallback: AMBIENT },
  ...(r.clearDelayS === undefined ? {} : { clearDelayS: r.clearDelayS }),
  quietPeriodS: 2 * D,
  kind: r.kind,
})

/** Healthy tyres lose 1–3 % a month through the rubber (< 0.3 kPa/day); a slow puncture loses several kPa a day toward the TPMS warning. */
const tyreLeak = (w: Wheel): Rule => tyreRule(w, {
  id: 'tyre-slow-leak',
  name: 'Slow tyre leak',
  description: 'Tyre pressure normalised to 20 °C falling faster than 2.5 kPa/day (99 % confidence bound): about 1 % of a 250 kPa placard a day, ten times the 1–3 %/month permeation of a sound tyre; a slow puncture, caught days before the TPMS warning at 25 % below placard (FMVSS 138, UN R64/R141).',
  clearDelayS: 6 * H,
  kind: { type: 'slope', op: 'below', perDay: -2.5, clearPerDay: -1, windowS: 3 * D, minSpanS: 1.5 * D, minSamples: 35 },
})

/**
 * The slope needs dense data; a vehicle that is rarely awake reports too few
 * pressures for it. Against the other vehicles of its model (same placard),
 * a tyre 6 σ below the fleet is leaking whatever its sampling rate; σ is the
 * fleet's own spread, floored at 3 kPa (owners inflate differently).
 */
const tyreBelowFleet = (w: Wheel): Rule => tyreRule(w, {
  id: 'tyre-low-vs-fleet',
  name: 'Tyre pressure far below the fleet',
  description: 'Tyre pressure normalised to 20 °C more than 6 standard deviations below the same tyre on the other vehicles of the model.',
  clearDelayS: 6 * H,
  kind: { type: 'cohort', op: 'below', k: 6, clearK: 3, minStd: 3, minCohort: 10 },
})

/**
 * Neither trend nor fleet comparison sees every leak: a puncture drops the
 * pressure in a step (no slope over days), and owners inflate anywhere from
 * well below to well above the placard (a wide fleet). Against the model's
 * own placard a tyre far below it is low whatever its history.
 */
const tyreBelowPlacard = (w: Wheel): Rule => tyreRule(w, {
  id: 'tyre-below-placard',
  name: 'Tyre pressure far below the placard',
  description: "Tyre pressure normalised to 20 °C below 80 % of the model's cold placard pressure (model catalog, front or rear axle) for 10 minutes: the TPMS warning lamp comes at 75 % (25 % below placard, FMVSS 138; UN R141), so this warns first. Models not catalogued: below 160 kPa, 80 % of the lowest common passenger-car placard (200 kPa).",
  kind: {
    type: 'threshold',
    op: 'below',
    raise: 160,
    clear: 170,
    forS: 10 * 60,
    clearForS: H,
    modelLimit: { field: w[2].startsWith('Row1') ? 'tyrePlacardFrontKPa' : 'tyrePlacardRearKPa', factor: 0.8, clearMargin: 10 },
  },
})

/** Healthy wear is 0.1–0.3 %/day; a dragging caliper wears several %/day. */
const padForecast = (side: 'Left' | 'Right'): Rule => ({
  id: `brake-pad-wear-${side === 'Left' ? 'fl' : 'fr'}`,
  name: `Brake pad near its wear limit (front ${side.toLowerCase()})`,
  description: 'Pad wear trend (99 % confidence bound) expected to reach 85 % within 14 days: pads are replaced at about 2–3 mm of 10–12 mm new friction material, i.e. 75–85 % worn.',
  enabled: true,
  severity: 'minor',
  signal: `Vehicle.Chassis.Axle.Row1.Wheel.${side}.Brake.PadWear`,
  clearDelayS: D,
  quietPeriodS: 3 * D,
  kind: { type: 'forecast', op: 'above', limit: 85, horizonS: 14 * D, clearHorizonS: 21 * D, windowS: 10 * D, bucketS: 6 * H, aggregate: 'max', minSpanS: 2 * D, minSamples: 20 },
})

/**
 * A trend fit lags a wear curve that bends upward (most of its window is the
 * slow healthy part); a pad past the replacement point is worn whatever the
 * trend says.
 */
const padWorn = (side: 'Left' | 'Right'): Rule => ({
  id: `brake-pad-worn-${side === 'Left' ? 'fl' : 'fr'}`,
  name: `Brake pad worn to its replacement point (front ${side.toLowerCase()})`,
  description: 'Pad wear above 85 %: pads are replaced at about 2–3 mm of 10–12 mm new friction material (75–85 % worn); past it the backing plate reaches the disc within a few hundred kilometres of hard braking.',
  enabled: true,
  severity: 'major',
  signal: `Vehicle.Chassis.Axle.Row1.Wheel.${side}.Brake.PadWear`,
  quietPeriodS: 3 * D,
  kind: { type: 'threshold', op: 'above', raise: 85, clear: 80, forS: 0, clearForS: H },
})

export const DEFAULT_RULES: readonly Rule[] = Object.freeze([
  {
    id: 'lv-battery-crank-forecast',
    name: '12 V battery weakening',
    description: 'Daily minimum crank / wake-up voltage trending (99 % confidence bound) toward 9.6 V within 7 days: 9.6 V under cranking load is the pass limit of the classic lead-acid load test (half the CCA for 15 s at 21 °C, BCI).',
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
    description: 'A crank / wake-up minimum below 9.6 V, the lead-acid load-test pass limit (BCI): the next start may fail.',
    enabled: true,
    severity: 'critical',
    signal: CRANK,
    quietPeriodS: 2 * D,
    kind: { type: 'threshold', op: 'below', raise: 9.6, clear: 10.2, forS: 0, clearForS: D },
  },
  {
    id: 'hv-cell-spread-high',
    name: 'HV cell voltage spread high',
    description: 'Max − min cell voltage above 80 mV for 30 minutes: Li-ion BMS balance alarms are commonly set at 50–100 mV, and a spread that persists this long is not a load transient.',
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
    description: 'Max − min cell voltage at rest (|current| ≤ 20 A) growing faster than 4 mV/day (99 % confidence bound) over 4 days: a balanced pack\'s spread is flat; 4 mV/day reaches a 50–100 mV balance alarm within weeks.',
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
  ...WHEELS.map(tyreBelowPlacard),
  {
    id: 'coolant-overheat',
    name: 'Coolant over-temperature',
    description: "Coolant above the maker's warning temperature of the vehicle's model (model catalog, coolantWarnC: an engine loop's, or a battery-electric drive-unit loop's, which runs far cooler); models not catalogued: above 110 °C, short of the ~120–125 °C at which 50 % glycol boils under a 100–110 kPa radiator cap.",
    enabled: true,
    severity: 'critical',
    signal: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature',
    // No "driving" condition: only driving heats the loop past its limit (parked it cools, DC charging
    // holds it low), and with sparse sampling the hottest reading is often the one at the end of a
    // trip, at speed 0; a speed gate ignores exactly those.
    quietPeriodS: H,
    // No duration: a short trip may hold only one or two samples.
    kind: { type: 'threshold', op: 'above', raise: 110, clear: 100, forS: 0, clearForS: 10 * 60, modelLimit: { field: 'coolantWarnC', clearMargin: 8 } },
  },
  padForecast('Left'),
  padForecast('Right'),
  padWorn('Left'),
  padWorn('Right'),
  {
    id: 'hv-insulation-low',
    name: 'HV insulation resistance low',
    description: 'Below 500 kΩ for 30 minutes: 500 Ω/V (UN ECE R100 / ISO 6469-3 minimum for circuits with AC parts; 100 Ω/V for DC-only) at 1,000 V, the top of voltage class B, so it holds for every pack without knowing its voltage.',
    enabled: true,
    severity: 'major',
    signal: INSULATION,
    quietPeriodS: D,
    kind: { type: 'threshold', op: 'below', raise: 500, clear: 700, forS: 30 * 60, clearForS: H },
  },
  {
    id: 'hv-insulation-forecast',
    name: 'HV insulation heading below the R100 minimum',
    description: 'Insulation trend (99 % confidence bound) expected below 80 kΩ within 7 days: 100 Ω/V (UN ECE R100 DC minimum) of an 800 V pack, twice that of a 400 V one.',
    enabled: true,
    severity: 'critical',
    signal: INSULATION,
    clearDelayS: 6 * H,
    quietPeriodS: 2 * D,
    kind: { type: 'forecast', op: 'below', limit: 80, horizonS: 7 * D, clearHorizonS: 14 * D, windowS: 3 * D, minSpanS: D, minSamples: 50 },
  },
  {
    id: 'hv-soh-low',
    name: 'HV battery at its end of automotive life',
    description: 'State of health below 80 % for an hour: the end of life of a traction battery in the USABC and IEC 62660-1 test definitions (80 % of rated capacity), where range loss is noticeable and a failed module shows as a sudden drop that no trend predicts.',
    enabled: true,
    severity: 'major',
    signal: `${TB}.StateOfHealth`,
    quietPeriodS: 7 * D,
    kind: { type: 'threshold', op: 'below', raise: 80, clear: 82, forS: H, clearForS: D },
  },
  {
    id: 'hv-soh-fast-fade',
    name: 'HV battery state of health fading fast',
    description: 'State of health falling faster than 0.1 %/day (99 % confidence bound) over a week: Li-ion packs lose about 2 %/year (0.005 %/day) in fleet data, so this fade would reach the 70–80 % end of life within months.',
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
    description: 'State of health trend (99 % confidence bound) expected below 70 % within 30 days: the common traction-battery warranty floor (70 % for 8 years / 160,000 km) and the end of automotive life of Li-ion packs (70–80 %).',
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
