import { hashString, mulberry32, type Rng } from '../prng.core.js'
import { isObj, isRange, type Range } from '../scenarios/json-shape.core.js'

/**
 * How a fault progresses from onset (severity 0) to hard failure (1), with
 * progress p = (t − onset) / (failure − onset):
 *  - power: p^k (k > 1 starts slowly, k < 1 starts fast, 1 is linear);
 *  - exponential: (e^(k·p) − 1) / (e^k − 1), a runaway that shows late;
 *  - step: nothing until p = at, then a jump to `to` and linear to 1
 *    (a puncture, a cracked hose);
 *  - intermittent: the power envelope, present only in episodes of
 *    `episodeMs` that are active with probability `duty` each (a loose
 *    connector, a sticking thermostat); 0 between them.
 * From the failure time on, severity is 1 whatever the shape.
 */
export type SeverityCurve =
  | { readonly shape: 'power', readonly k: number }
  | { readonly shape: 'exponential', readonly k: number }
  | { readonly shape: 'step', readonly at: number, readonly to: number }
  | { readonly shape: 'intermittent', readonly k: number, readonly duty: number, readonly episodeMs: number, readonly seed: number }

export type CurveShape = SeverityCurve['shape']
const CURVE_SHAPES: readonly CurveShape[] = ['power', 'exponential', 'step', 'intermittent']

/** A fault family's progression in a scenario file; parameters left out keep the family's default. */
export interface FaultCurveSpec {
  readonly shape?: CurveShape
  /** Exponent (power, intermittent) or growth rate (exponential). */
  readonly k?: Range
  /** Step: where in the onset→failure span the step happens (0–1) and the severity it jumps to. */
  readonly stepAt?: Range
  readonly stepTo?: Range
  /** Intermittent: share of episodes in which the fault shows, and their length. */
  readonly duty?: Range
  readonly episodeHours?: Range
  /** Onset to hard failure, simulated days: the fault's rate. */
  readonly durationDays?: Range
  /** Onset, days after the simulated start (kept early enough for the failure to fall inside the run). */
  readonly onsetDays?: Range
}

/** Progress 0–1 of t between onset and failure. */
const progressOf = (onsetMs: number, failureMs: number, tMs: number) => (tMs - onsetMs) / (failureMs - onsetMs)

/** The severity the fault would have at progress p if it showed (for intermittent faults: in an episode). */
export function envelope (c: SeverityCurve, p: number): number {
  if (p <= 0) return 0
  if (p >= 1) return 1
  switch (c.shape) {
    case 'power':
    case 'intermittent': return Math.pow(p, c.k)
    case 'exponential': return Math.expm1(c.k * p) / Math.expm1(c.k)
    case 'step': return p < c.at ? 0 : c.to + (1 - c.to) * (p - c.at) / (1 - c.at)
  }
}

/** Whether an intermittent fault shows at tMs (always for the other shapes). */
function inEpisode (c: SeverityCurve, onsetMs: number, tMs: number): boolean {
  if (c.shape !== 'intermittent') return true
  const slot = Math.floor((tMs - onsetMs) / c.episodeMs)
  // Through the generator, not the bare hash: consecutive slots hash to nearby values.
  return mulberry32(hashString(`${c.seed}/${slot}`)).next() < c.duty
}

export function severityAt (c: SeverityCurve, onsetMs: number, failureMs: number, tMs: number): number {
  if (tMs <= onsetMs) return 0
  if (tMs >= failureMs) return 1
  return inEpisode(c, onsetMs, tMs) ? envelope(c, progressOf(onsetMs, failureMs, tMs)) : 0
}

/** First time the envelope reaches s (an intermittent fault may show it later, in its next episode). */
export function timeAtSeverity (c: SeverityCurve, onsetMs: number, failureMs: number, s: number): number {
  const target = Math.max(0, Math.min(1, s))
  let p: number
  switch (c.shape) {
    case 'power':
    case 'intermittent': p = Math.pow(target, 1 / c.k); break
    case 'exponential': p = Math.log1p(target * Math.expm1(c.k)) / c.k; break
    case 'step': p = target === 0 ? 0 : target <= c.to ? c.at : c.at + (1 - c.at) * (target - c.to) / (1 - c.to); break
  }
  return onsetMs + (failureMs - onsetMs) * p
}

const draw = (rng: Rng, r: Range): number => (typeof r === 'number' ? r : rng.range(r[0], r[1]))

/** One fault's curve from a scenario's spec for its family (default: the family's power curve). */
export function drawCurve (spec: FaultCurveSpec | undefined, defaultK: number, rng: Rng, seed: number): SeverityCurve {
  const k = spec?.k === undefined ? undefined : draw(rng, spec.k)
  switch (spec?.shape ?? 'power') {
    case 'power': return { shape: 'power', k: k ?? defaultK }
    case 'exponential': return { shape: 'exponential', k: k ?? 3 }
    case 'step': return { shape: 'step', at: draw(rng, spec?.stepAt ?? [0.1, 0.5]), to: draw(rng, spec?.stepTo ?? [0.3, 0.6]) }
    case 'intermittent': return {
      shape: 'intermittent',
      k: k ?? defaultK,
      duty: draw(rng, spec?.duty ?? 0.5),
      episodeMs: draw(rng, spec?.episodeHours ?? 6) * 3_600_000,
      seed,
    }
  }
}

const CURVE_FIELDS: Record<keyof FaultCurveSpec, [number, number] | null> = {
  shape: null,
  k: [0.1, 20],
  stepAt: [0, 0.95],
  stepTo: [0, 0.95],
  duty: [0.05, 1],
  episodeHours: [0.25, 72],
  durationDays: [0.5, 60],
  onsetDays: [0, 60],
}

/** Validates one family's curve spec; reports each bad field under `path`. */
export function validateCurveSpec (x: unknown, path: string, bad: (path: string, why: string) => void): x is FaultCurveSpec {
  if (!isObj(x)) {
    bad(path, 'expected an object')
    return false
  }
  let ok = true
  for (const [k, v] of Object.entries(x)) {
    const bounds = (CURVE_FIELDS as Record<string, [number, number] | null | undefined>)[k]
    if (bounds === undefined) {
      bad(`${path}/${k}`, 'unknown field')
      ok = false
    } else if (bounds === null) {
      if (!(CURVE_SHAPES as readonly unknown[]).includes(v)) {
        bad(`${path}/${k}`, `expected one of ${CURVE_SHAPES.join(', ')}`)
        ok = false
      }
    } else if (!isRange(v, bounds[0], bounds[1])) {
      bad(`${path}/${k}`, `expected a number or [min, max] within [${bounds[0]}, ${bounds[1]}]`)
      ok = false
    }
  }
  return ok
}
