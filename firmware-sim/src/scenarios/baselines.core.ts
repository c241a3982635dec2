import { isObj, isRange, type Range } from './json-shape.core.js'

/**
 * Healthy starting values a scenario draws from other ranges than the
 * simulator's defaults: for the whole fleet, and per model (a model's entry
 * overrides the fleet's field by field). Each is drawn uniformly per vehicle.
 */
export interface BaselineRanges {
  /** Cell voltage spread (max − min) of a healthy pack, mV. */
  readonly cellSpreadMv?: Range
  /** HV insulation resistance of a healthy pack, kΩ. */
  readonly insulationKOhm?: Range
  /** 12 V battery resting voltage, V. */
  readonly lvRestV?: Range
  /** Brake pad wear at the start, %. */
  readonly padWearPct?: Range
  /** Owners' cold inflation per wheel, as a fraction of the placard pressure. */
  readonly tyreInflation?: Range
}

export interface FleetBaselines {
  readonly fleet?: BaselineRanges
  readonly models?: Readonly<Record<string, BaselineRanges>>
}

/** The simulator's own ranges (the fleet the default rules were tuned on). */
const DEFAULT_BASELINES: Required<BaselineRanges> = {
  cellSpreadMv: [8, 22],
  insulationKOhm: [3000, 12_000],
  lvRestV: [12.55, 12.75],
  padWearPct: [5, 50],
  tyreInflation: [0.99, 1.05],
}

const LIMITS: Record<keyof BaselineRanges, [number, number]> = {
  cellSpreadMv: [0, 500],
  insulationKOhm: [1, 1e6],
  lvRestV: [10, 15],
  padWearPct: [0, 90],
  tyreInflation: [0.5, 1.5],
}

/** The ranges that apply to a vehicle of `model`. */
export function baselinesFor (b: FleetBaselines | undefined, model: string): Required<BaselineRanges> {
  return { ...DEFAULT_BASELINES, ...b?.fleet, ...b?.models?.[model] }
}

function validateRanges (x: unknown, path: string, bad: (path: string, why: string) => void): void {
  if (!isObj(x)) return bad(path, 'expected an object')
  for (const [k, v] of Object.entries(x)) {
    const limits = (LIMITS as Record<string, [number, number] | undefined>)[k]
    if (limits === undefined) bad(`${path}/${k}`, `unknown field (one of ${Object.keys(LIMITS).join(', ')})`)
    else if (!isRange(v, limits[0], limits[1])) bad(`${path}/${k}`, `expected a number or [min, max] within [${limits[0]}, ${limits[1]}]`)
  }
}

/** Validates a scenario's `baselines`; model ids must be in `models`. */
export function validateBaselines (x: unknown, path: string, models: readonly string[], bad: (path: string, why: string) => void): void {
  if (!isObj(x)) return bad(path, 'expected an object')
  for (const k of Object.keys(x)) if (k !== 'fleet' && k !== 'models') bad(`${path}/${k}`, 'unknown field (fleet, models)')
  if (x.fleet !== undefined) validateRanges(x.fleet, `${path}/fleet`, bad)
  if (x.models === undefined) return
  if (!isObj(x.models)) return bad(`${path}/models`, 'expected an object keyed by model id')
  for (const [id, r] of Object.entries(x.models)) {
    if (!models.includes(id)) bad(`${path}/models/${id}`, `unknown model (one of ${models.join(', ')})`)
    else validateRanges(r, `${path}/models/${id}`, bad)
  }
}
