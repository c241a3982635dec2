import { FAULT_KINDS, WHEELS, type FaultKind, type PadSide, type Wheel } from './fault-types.core.js'

/**
 * Which vehicles get which faults: a fraction of the fleet (`--faults 10%`,
 * kinds spread evenly, reproducible from the seed) and/or explicit entries
 * from a scenario file.
 */
export interface ScenarioFault {
  /** Vehicle index in the plan (0-based) or its VIN. */
  readonly vehicle: number | string
  readonly fault: FaultKind
  /** Days after the simulated start; default: drawn from the seed. */
  readonly onsetDay?: number
  readonly failureDay?: number
  readonly target?: Wheel | PadSide
}

export interface FaultSelection {
  /** Share of vehicles that get one random fault each, 0–1. */
  readonly fraction: number
  /** Kinds used for the random share; default all. */
  readonly kinds: readonly FaultKind[]
  readonly explicit: readonly ScenarioFault[]
}

export const NO_FAULTS: FaultSelection = { fraction: 0, kinds: FAULT_KINDS, explicit: [] }

export type ParseResult<T> = { ok: true, value: T } | { ok: false, error: { code: string, detail: string } }

/** "10%", "0.1", "0", "none". */
export function parseFraction (text: string): ParseResult<number> {
  const t = text.trim().toLowerCase()
  if (t === '' || t === 'none' || t === 'off') return { ok: true, value: 0 }
  const pct = t.endsWith('%')
  const n = Number(pct ? t.slice(0, -1) : t)
  const v = pct || n > 1 ? n / 100 : n
  if (!Number.isFinite(n) || v < 0 || v > 1) return { ok: false, error: { code: 'SIM_FAULTS_BAD_FRACTION', detail: `--faults wants a share like 10% or 0.1, got "${text}"` } }
  return { ok: true, value: v }
}

const isKind = (k: unknown): k is FaultKind => typeof k === 'string' && (FAULT_KINDS as readonly string[]).includes(k)
const isTarget = (t: unknown): t is Wheel | PadSide => typeof t === 'string' && ((WHEELS as readonly string[]).includes(t) || t === 'L' || t === 'R')

/**
 * A scenario file: `{ "fraction": "10%", "kinds": [...], "faults": [{ "vehicle": 0,
 * "fault": "cell-imbalance", "onsetDay": 2, "failureDay": 12, "target": "FL" }] }`.
 */
export function parseScenario (json: unknown): ParseResult<FaultSelection> {
  const bad = (detail: string): ParseResult<FaultSelection> => ({ ok: false, error: { code: 'SIM_SCENARIO_INVALID', detail } })
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return bad('a scenario is a JSON object')
  const o = json as Record<string, unknown>
  let fraction = 0
  if (o.fraction !== undefined) {
    const f = parseFraction(String(o.fraction))
    if (!f.ok) return bad(f.error.detail)
    fraction = f.value
  }
  let kinds: readonly FaultKind[] = FAULT_KINDS
  if (o.kinds !== undefined) {
    if (!Array.isArray(o.kinds) || o.kinds.length === 0 || !o.kinds.every(isKind)) return bad(`"kinds" must list some of ${FAULT_KINDS.join(', ')}`)
    kinds = o.kinds
  }
  const explicit: ScenarioFault[] = []
  const faults = o.faults ?? []
  if (!Array.isArray(faults)) return bad('"faults" must be an array')
  for (const [i, f] of faults.entries()) {
    if (typeof f !== 'object' || f === null) return bad(`faults[${i}] must be an object`)
    const e = f as Record<string, unknown>
    if (typeof e.vehicle !== 'number' && typeof e.vehicle !== 'string') return bad(`faults[${i}].vehicle must be an index or a VIN`)
    if (!isKind(e.fault)) return bad(`faults[${i}].fault must be one of ${FAULT_KINDS.join(', ')}`)
    if (e.target !== undefined && !isTarget(e.target)) return bad(`faults[${i}].target must be FL, FR, RL, RR (tyres) or L, R (pads)`)
    for (const k of ['onsetDay', 'failureDay'] as const) {
      if (e[k] !== undefined && (typeof e[k] !== 'number' || e[k] < 0)) return bad(`faults[${i}].${k} must be a number of days >= 0`)
    }
    if (typeof e.onsetDay === 'number' && typeof e.failureDay === 'number' && e.failureDay <= e.onsetDay) return bad(`faults[${i}]: failureDay must come after onsetDay`)
    explicit.push({
      vehicle: e.vehicle,
      fault: e.fault,
      ...(typeof e.onsetDay === 'number' ? { onsetDay: e.onsetDay } : {}),
      ...(typeof e.failureDay === 'number' ? { failureDay: e.failureDay } : {}),
      ...(e.target === undefined ? {} : { target: e.target }),
    })
  }
  return { ok: true, value: { fraction, kinds, explicit } }
}
