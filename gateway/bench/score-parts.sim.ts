import { mulberry32, type Rng } from '../../firmware-sim/src/prng.core.js'

/**
 * The fleet-level demand simulation behind `npm run score:parts`: the
 * "real world" the forecast is scored against. Its constants are private to
 * this file; the forecast (gateway/src/parts/) never reads them — it sees
 * only what a gateway would see: vehicles, positions, odometers, alerts with
 * their predictions, and completed work orders.
 *
 * What it simulates (per simulated week, events at exact times):
 *  - a fleet of VEHICLES vehicles in four countries with different climates
 *    (ES hot, DE temperate, PL continental, SE cold), two models (FW-E1 BEV,
 *    FW-P1 PHEV), ages 0–6 years, parked near a service centre of their country;
 *  - faults per vehicle-week with a hazard per family × climate × age × model,
 *    plus a winter ramp for 12 V batteries in cold countries and a coolant-pump
 *    batch problem on FW-P1 in ES from week 6 (shifts a naive average misses);
 *  - each fault is detected by a predictive alert with a family-specific
 *    probability, some days before the repair (forecast-kind families carry a
 *    predicted failure date with ±2 days of noise); undetected faults are
 *    repaired 1–5 days after they start (breakdowns, work orders without alert);
 *  - false-positive alerts (no fault) that are resolved after 3–10 days with
 *    no part used;
 *  - the parts a repair really uses, drawn with the simulator's own option
 *    shares (they differ from the catalogue's seed shares);
 *  - scheduled maintenance: km per day per vehicle, odometer written weekly;
 *    the gateway's own reminders propose a service, the owner accepts with
 *    probability 0.75 and the service is done 0–10 days later.
 */
export const VEHICLES = 2400
export const COUNTRIES = {
  DE: { share: 0.36, climate: 'temperate', lat: 51, lon: 10, centers: 8 },
  ES: { share: 0.24, climate: 'hot', lat: 40.2, lon: -3.7, centers: 6 },
  PL: { share: 0.22, climate: 'continental', lat: 52, lon: 19.5, centers: 5 },
  SE: { share: 0.18, climate: 'cold', lat: 59.5, lon: 15.5, centers: 4 },
} as const
export type Country = keyof typeof COUNTRIES
type Climate = typeof COUNTRIES[Country]['climate']

export type Family = 'tyre_leak' | 'lv_battery' | 'cell_imbalance' | 'coolant' | 'pad_wear' | 'insulation'

export const RULE_OF: Readonly<Record<Family, string>> = {
  tyre_leak: 'tyre-slow-leak-fl', lv_battery: 'lv-battery-crank-forecast', cell_imbalance: 'hv-cell-spread-growing',
  coolant: 'coolant-overheat', pad_wear: 'brake-pad-wear-fl', insulation: 'hv-insulation-forecast',
}

interface FamilyTruth {
  readonly hazard: number
  readonly climate: Partial<Record<Climate, number>>
  readonly perYearOfAge: number
  readonly model: Partial<Record<string, number>>
  readonly detect: number
  readonly leadDays: readonly [number, number]
  readonly predicts: boolean
  readonly falsePositive: number
}

const TRUTH: Readonly<Record<Family, FamilyTruth>> = {
  tyre_leak: { hazard: 0.0045, climate: { hot: 1.25 }, perYearOfAge: 0.05, model: {}, detect: 0.85, leadDays: [2, 9], predicts: false, falsePositive: 0.0004 },
  lv_battery: { hazard: 0.0022, climate: { cold: 2.2, continental: 1.5, hot: 1.3 }, perYearOfAge: 0.3, model: {}, detect: 0.8, leadDays: [4, 16], predicts: true, falsePositive: 0.0003 },
  cell_imbalance: { hazard: 0.0005, climate: { hot: 1.4 }, perYearOfAge: 0.25, model: { 'FW-P1': 1.4 }, detect: 0.9, leadDays: [10, 30], predicts: false, falsePositive: 0.0001 },
  coolant: { hazard: 0.0009, climate: { hot: 1.8 }, perYearOfAge: 0.1, model: { 'FW-P1': 1.5 }, detect: 0.65, leadDays: [3, 12], predicts: false, falsePositive: 0.0002 },
  pad_wear: { hazard: 0.0032, climate: {}, perYearOfAge: 0, model: { 'FW-E1': 0.6 }, detect: 0.9, leadDays: [6, 20], predicts: true, falsePositive: 0.0002 },
  insulation: { hazard: 0.0003, climate: { cold: 1.3 }, perYearOfAge: 0.15, model: {}, detect: 0.8, leadDays: [10, 28], predicts: true, falsePositive: 0.0001 },
}

/** Parts a repair of the family really uses: [probability, parts] options. */
const TRUE_PARTS: Readonly<Record<string, Readonly<Record<Family, ReadonlyArray<readonly [number, Record<string, number>]>>>>> = {
  'FW-E1': {
    tyre_leak: [[0.62, { 'TYR-KIT-01': 1 }], [0.38, { 'TYR-235-45R19': 1 }]],
    lv_battery: [[1, { 'BAT-12V-70AH': 1 }]],
    cell_imbalance: [[0.5, { 'BMS-SVC-KIT': 1 }], [0.5, { 'HVM-E1-MOD': 1 }]],
    coolant: [[0.8, { 'CLT-PUMP-E1': 1 }], [0.2, { 'CLT-VALVE-E1': 1 }]],
    pad_wear: [[0.88, { 'BRK-PAD-E1-F': 1 }], [0.12, { 'BRK-PAD-E1-F': 2 }]],
    insulation: [[0.65, { 'HV-CONN-01': 1 }], [0.35, { 'HV-CABLE-E1': 1 }]],
  },
  'FW-P1': {
    tyre_leak: [[0.7, { 'TYR-KIT-01': 1 }], [0.3, { 'TYR-215-55R17': 1 }]],
    lv_battery: [[1, { 'BAT-12V-60AH': 1 }]],
    cell_imbalance: [[0.6, { 'BMS-SVC-KIT': 1 }], [0.4, { 'HVM-P1-MOD': 1 }]],
    coolant: [[0.55, { 'CLT-PUMP-P1': 1 }], [0.45, { 'CLT-THERM-P1': 1 }]],
    pad_wear: [[0.85, { 'BRK-PAD-P1-F': 1 }], [0.15, { 'BRK-PAD-P1-F': 2 }]],
    insulation: [[0.55, { 'HV-CONN-01': 1 }], [0.45, { 'HV-CABLE-P1': 1 }]],
  },
}

export const MAINTENANCE_ACCEPT = 0.75

export interface SimVehicle {
  readonly index: number
  readonly id: string
  readonly model: 'FW-E1' | 'FW-P1'
  readonly country: Country
  readonly ageYears: number
  readonly lat: number
  readonly lon: number
  readonly kmPerDay: number
  odometerKm: number
}

export interface SimCenter { readonly id: string, readonly country: Country, readonly lat: number, readonly lon: number }

export function makeWorld (seed: number): { rng: Rng, centers: SimCenter[], vehicles: SimVehicle[] } {
  const rng = mulberry32(seed)
  const centers: SimCenter[] = []
  for (const [country, c] of Object.entries(COUNTRIES) as Array<[Country, typeof COUNTRIES[Country]]>) {
    for (let i = 0; i < c.centers; i++) centers.push({ id: `sc-${country.toLowerCase()}-${i + 1}`, country, lat: c.lat + rng.range(-1.5, 1.5), lon: c.lon + rng.range(-2, 2) })
  }
  const vehicles: SimVehicle[] = []
  const countries = Object.keys(COUNTRIES) as Country[]
  for (let i = 0; i < VEHICLES; i++) {
    let u = rng.next()
    const country = countries.find((c) => (u -= COUNTRIES[c].share) < 0) ?? 'DE'
    const home = rng.pick(centers.filter((c) => c.country === country))
    const ageYears = rng.range(0, 6)
    const kmPerDay = Math.exp(rng.normal(Math.log(38), 0.45))
    vehicles.push({
      index: i, id: `SIMPARTS${String(seed % 1000).padStart(3, '0')}${String(i).padStart(6, '0')}`, model: rng.chance(0.6) ? 'FW-E1' : 'FW-P1', country, ageYears,
      lat: home.lat + rng.range(-0.4, 0.4), lon: home.lon + rng.range(-0.4, 0.4), kmPerDay, odometerKm: ageYears * 365 * kmPerDay,
    })
  }
  return { rng, centers, vehicles }
}

/** Weekly fault probability of one vehicle (the world's truth). */
export function hazard (v: SimVehicle, f: Family, week: number): number {
  const t = TRUTH[f]
  const climate = COUNTRIES[v.country].climate
  let h = t.hazard * (t.climate[climate] ?? 1) * (1 + t.perYearOfAge * v.ageYears) * (t.model[v.model] ?? 1)
  // Winter approaches: 12 V failures in cold and continental countries climb week by week.
  if (f === 'lv_battery' && (climate === 'cold' || climate === 'continental')) h *= 1 + 0.05 * Math.max(0, week)
  // A batch of weak coolant pumps on FW-P1 in Spain from week 6 on.
  if (f === 'coolant' && v.model === 'FW-P1' && v.country === 'ES' && week >= 6) h *= 4
  return h
}

export interface SimFault {
  readonly vehicle: SimVehicle
  readonly family: Family
  readonly startMs: number
  /** Alert time (undefined: nobody predicted it). */
  readonly alertAtMs: number | undefined
  readonly predictedAtMs: number | null
  readonly repairAtMs: number
  readonly parts: Record<string, number>
}

export interface SimFalseAlarm { readonly vehicle: SimVehicle, readonly family: Family, readonly alertAtMs: number, readonly resolveAtMs: number }

const DAY_MS = 86_400_000

export function weekEvents (rng: Rng, vehicles: readonly SimVehicle[], week: number, weekStartMs: number): { faults: SimFault[], falseAlarms: SimFalseAlarm[] } {
  const faults: SimFault[] = []
  const falseAlarms: SimFalseAlarm[] = []
  for (const v of vehicles) {
    for (const f of Object.keys(TRUTH) as Family[]) {
      const t = TRUTH[f]
      if (rng.chance(hazard(v, f, week))) {
        const startMs = weekStartMs + rng.range(0, 7 * DAY_MS)
        const detected = rng.chance(t.detect)
        const lead = rng.range(t.leadDays[0], t.leadDays[1]) * DAY_MS
        const repairAtMs = detected ? startMs + lead : startMs + rng.range(1, 5) * DAY_MS
        let u = rng.next()
        const parts = TRUE_PARTS[v.model]![f].find(([p]) => (u -= p) < 0)?.[1] ?? TRUE_PARTS[v.model]![f][0]![1]
        faults.push({ vehicle: v, family: f, startMs, alertAtMs: detected ? startMs : undefined, predictedAtMs: detected && t.predicts ? repairAtMs + rng.normal(0, 2) * DAY_MS : null, repairAtMs, parts })
      }
      if (rng.chance(t.falsePositive)) {
        const alertAtMs = weekStartMs + rng.range(0, 7 * DAY_MS)
        falseAlarms.push({ vehicle: v, family: f, alertAtMs, resolveAtMs: alertAtMs + rng.range(3, 10) * DAY_MS })
      }
    }
  }
  return { faults, falseAlarms }
}

/** Key of a (part, country) demand cell. */
export const demandKey = (part: string, country: string): string => `${part}|${country}`

/** Adds qty to a demand cell. */
export function addDemand (into: Map<string, number>, key: string, qty: number): void {
  into.set(key, (into.get(key) ?? 0) + qty)
}

/**
 * The world's expected parts (per `part|country`) for repairs of faults that
 * start in `week` (at weekStartMs, uniformly over its 7 days) and are repaired
 * in [fromMs, toMs): the score's oracle, which knows the true rates but not
 * which vehicles fail next. Quantities at their expected value.
 */
export function expectedRepairParts (vehicles: readonly SimVehicle[], week: number, weekStartMs: number, fromMs: number, toMs: number): Map<string, number> {
  const STEPS = 56
  // P(start + lead ∈ [fromMs, toMs)) for a lead uniform in [lo, hi) days, averaged over the start.
  const within = (lo: number, hi: number) => {
    let p = 0
    for (let i = 0; i < STEPS; i++) {
      const s = weekStartMs + ((i + 0.5) / STEPS) * 7 * DAY_MS
      const a = Math.max(lo * DAY_MS, fromMs - s)
      const b = Math.min(hi * DAY_MS, toMs - s)
      if (b > a) p += (b - a) / ((hi - lo) * DAY_MS)
    }
    return p / STEPS
  }
  const out = new Map<string, number>()
  for (const f of Object.keys(TRUTH) as Family[]) {
    const t = TRUTH[f]
    const repaired = t.detect * within(t.leadDays[0], t.leadDays[1]) + (1 - t.detect) * within(1, 5)
    if (repaired === 0) continue
    for (const v of vehicles) {
      const rate = hazard(v, f, week) * repaired
      for (const [share, parts] of TRUE_PARTS[v.model]![f]) {
        for (const [part, qty] of Object.entries(parts)) {
          addDemand(out, demandKey(part, v.country), rate * share * qty)
        }
      }
    }
  }
  return out
}
