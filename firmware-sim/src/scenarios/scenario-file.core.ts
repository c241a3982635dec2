import { signalId } from '@fleetwire/proto'
import { FAULTS, FAULT_KINDS, type FaultKind } from '../faults/fault-types.core.js'
import type { FaultCurves } from '../faults/plan-faults.core.js'
import { validateCurveSpec } from '../faults/severity-curve.core.js'
import { MODELS } from '../models.core.js'
import type { PlanOptions } from '../fleet-plan.core.js'
import { validateBaselines, type FleetBaselines } from './baselines.core.js'
import { isNumberIn as num, isObj } from './json-shape.core.js'

/**
 * A scenario file: how a simulated fleet differs from the one the default
 * rules were tuned on, as data. Climate (ambient offset), sensor behaviour
 * per signal (extra white or relative noise, autocorrelated drift, quantised
 * readings, stuck sensors, dropouts), healthy baselines per model (cell
 * spread, insulation, 12 V rest voltage, pad wear, owners' tyre inflation),
 * and per fault family its progression (shape and rate). Files live in
 * firmware-sim/scenarios/*.json; `role` says whether rules may be tuned on
 * it ("tuning") or it is kept for scoring only ("held-out").
 */
export interface SensorEffect {
  /** VSS name, or a prefix ending in "." (e.g. "Vehicle.Chassis.Axle."): the first matching entry applies. */
  readonly signal: string
  /** Extra Gaussian noise, σ in the signal's unit. */
  readonly noise?: number
  /** Extra multiplicative noise, σ as a fraction of the value. */
  readonly relativeNoise?: number
  /** Autocorrelated offset added to every reading: o ← phi·o + N(0, sigma) per reading. */
  readonly drift?: { readonly phi: number, readonly sigma: number }
  /** Readings are rounded to a multiple of this (a coarse ADC or CAN scaling). */
  readonly quantum?: number
  /** Probability that a reading is not reported at all. */
  readonly dropout?: number
  /** Per simulated day, the chance that the sensor freezes at its last reading for `hours`. */
  readonly stuck?: { readonly perDay: number, readonly hours: number }
}

export interface ScenarioFile {
  readonly name: string
  readonly role: 'tuning' | 'held-out'
  readonly description: string
  /** Added to every vehicle's ambient temperature (°C): a hotter or colder climate than the markets' normals. */
  readonly ambientOffsetC: number
  readonly sensors: readonly SensorEffect[]
  /** Share of vehicles with one fault each ("12%"); default the score's --faults. */
  readonly faults?: string
  readonly baselines?: FleetBaselines
  readonly faultCurves?: FaultCurves
}

export type ScenarioResult = { ok: true, value: ScenarioFile } | { ok: false, error: { code: 'SIM_SCENARIO_INVALID', detail: string } }


/** Validates a parsed scenario file; the detail names every invalid field by its JSON pointer. */
export function validateScenario (doc: unknown): ScenarioResult {
  const errors: string[] = []
  const bad = (path: string, why: string) => errors.push(`${path}: ${why}`)
  if (!isObj(doc)) return { ok: false, error: { code: 'SIM_SCENARIO_INVALID', detail: '/: expected an object' } }
  const known = new Set(['name', 'role', 'description', 'ambientOffsetC', 'sensors', 'faults', 'baselines', 'faultCurves'])
  for (const k of Object.keys(doc)) if (!known.has(k)) bad(`/${k}`, 'unknown field')
  if (typeof doc.name !== 'string' || doc.name === '') bad('/name', 'expected a non-empty string')
  if (doc.role !== 'tuning' && doc.role !== 'held-out') bad('/role', 'expected "tuning" or "held-out"')
  if (doc.description !== undefined && typeof doc.description !== 'string') bad('/description', 'expected a string')
  if (doc.ambientOffsetC !== undefined && !num(doc.ambientOffsetC, -40, 40)) bad('/ambientOffsetC', 'expected a number in [-40, 40]')
  if (doc.faults !== undefined && (typeof doc.faults !== 'string' || !/^\d+(\.\d+)?%?$/.test(doc.faults))) bad('/faults', 'expected a share like "12%"')
  const sensors = doc.sensors ?? []
  if (!Array.isArray(sensors)) bad('/sensors', 'expected an array')
  else {
    for (const [i, s] of (sensors as unknown[]).entries()) {
      const p = `/sensors/${i}`
      if (!isObj(s)) {
        bad(p, 'expected an object')
        continue
      }
      const fields = new Set(['signal', 'noise', 'relativeNoise', 'drift', 'quantum', 'dropout', 'stuck'])
      for (const k of Object.keys(s)) if (!fields.has(k)) bad(`${p}/${k}`, 'unknown field')
      if (typeof s.signal !== 'string' || s.signal === '') bad(`${p}/signal`, 'expected a VSS name or prefix')
      else if (!s.signal.endsWith('.') && signalIdOrUndefined(s.signal) === undefined) bad(`${p}/signal`, `unknown signal ${s.signal} (a prefix ends with ".")`)
      if (s.noise !== undefined && !num(s.noise, 0, 1e6)) bad(`${p}/noise`, 'expected a number ≥ 0')
      if (s.relativeNoise !== undefined && !num(s.relativeNoise, 0, 1)) bad(`${p}/relativeNoise`, 'expected a fraction in [0, 1]')
      if (s.quantum !== undefined && !num(s.quantum, 1e-9, 1e6)) bad(`${p}/quantum`, 'expected a number > 0')
      if (s.dropout !== undefined && !num(s.dropout, 0, 0.99)) bad(`${p}/dropout`, 'expected a probability in [0, 0.99]')
      if (s.drift !== undefined && !(isObj(s.drift) && num(s.drift.phi, 0, 0.9999) && num(s.drift.sigma, 0, 1e6))) bad(`${p}/drift`, 'expected {phi in [0, 1), sigma ≥ 0}')
      if (s.stuck !== undefined && !(isObj(s.stuck) && num(s.stuck.perDay, 0, 1) && num(s.stuck.hours, 0, 24 * 30))) bad(`${p}/stuck`, 'expected {perDay in [0, 1], hours in [0, 720]}')
    }
  }
  if (doc.baselines !== undefined) validateBaselines(doc.baselines, '/baselines', MODELS.map((m) => m.model), bad)
  if (doc.faultCurves !== undefined) {
    if (!isObj(doc.faultCurves)) bad('/faultCurves', 'expected an object keyed by fault family')
    else {
      for (const [kind, spec] of Object.entries(doc.faultCurves)) {
        if (!(FAULT_KINDS as readonly string[]).includes(kind)) bad(`/faultCurves/${kind}`, `unknown fault family (one of ${FAULT_KINDS.join(', ')})`)
        else if (validateCurveSpec(spec, `/faultCurves/${kind}`, bad) && spec.shape === 'intermittent' && FAULTS[kind as FaultKind].cumulative) {
          bad(`/faultCurves/${kind}/shape`, 'this fault accumulates (wear, air lost, capacity faded) and cannot come and go: not intermittent')
        }
      }
    }
  }
  if (errors.length > 0) return { ok: false, error: { code: 'SIM_SCENARIO_INVALID', detail: errors.slice(0, 8).join('; ') } }
  return {
    ok: true,
    value: {
      name: doc.name as string,
      role: doc.role as ScenarioFile['role'],
      description: (doc.description as string | undefined) ?? '',
      ambientOffsetC: (doc.ambientOffsetC as number | undefined) ?? 0,
      sensors: sensors as SensorEffect[],
      ...(doc.faults === undefined ? {} : { faults: doc.faults as string }),
      ...(doc.baselines === undefined ? {} : { baselines: doc.baselines as FleetBaselines }),
      ...(doc.faultCurves === undefined ? {} : { faultCurves: doc.faultCurves as FaultCurves }),
    },
  }
}

function signalIdOrUndefined (name: string): number | undefined {
  try {
    return signalId(name)
  } catch {
    return undefined
  }
}

/** Parses and validates scenario JSON text; a syntax error is reported like a field error. */
export function parseScenarioFile (text: string, source = 'scenario'): ScenarioResult {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    return { ok: false, error: { code: 'SIM_SCENARIO_INVALID', detail: `${source}: not JSON (${(err as Error).message})` } }
  }
  const r = validateScenario(doc)
  return r.ok ? r : { ok: false, error: { code: r.error.code, detail: `${source}: ${r.error.detail}` } }
}

/** What a scenario changes in the fleet plan (healthy baselines, fault progressions). */
export function planOptionsOf (s: ScenarioFile | undefined): Pick<PlanOptions, 'baselines' | 'faultCurves'> {
  return {
    ...(s?.baselines === undefined ? {} : { baselines: s.baselines }),
    ...(s?.faultCurves === undefined ? {} : { faultCurves: s.faultCurves }),
  }
}
