import type { CohortStats } from './cohort-stats.core.js'
import type { Severity } from './rule.schema.js'
import type { ModelSpec } from '../models/model.schema.js'
import type { ReasonMessage } from './reason.core.js'

/** Power state as the gateway knows it (vehicles registry): `offline` = the link dropped without a goodbye. */
export type VehiclePowerState = 'unknown' | 'awake' | 'driving' | 'asleep' | 'offline'

export interface VehicleContext {
  readonly key: number
  readonly model: string
  readonly powerState: VehiclePowerState
  readonly ignitionOn: boolean
}

/**
 * What the evaluator needs besides the sample. The caller builds it once per
 * batch; `cohort` is the shared ModelCohorts of the vehicle's model.
 */
export interface EvalContext {
  readonly vehicle: VehicleContext
  readonly cohort?: ModelCohorts
  /** The vehicle model's catalogued spec (GET /models/:id), when catalogued. */
  readonly model?: ModelSpec
}

/** Fleet statistics of one model, one entry per cohort rule of the compiled set (shared by all vehicles of the model). */
export interface ModelCohorts {
  readonly byRule: readonly CohortStats[]
}

export interface Prediction {
  readonly limit: number
  /** Event time at which the fitted trend reaches the limit. */
  readonly expectedAtMs: number
  readonly daysToLimit: number
  readonly slopePerDay: number
  readonly r2: number
}

export interface FrozenSignal {
  readonly signalId: number
  readonly value: number
}

export interface TransitionDetail {
  /** English sentence for logs and notifications; the structured fields are for translation. */
  readonly reason: string
  /** The same reason as a catalogue message, rendered in each reader's language. */
  readonly message?: ReasonMessage
  /** The limit the observed quantity was compared with (value, slope, z or days, by kind). */
  readonly threshold: number
  readonly observed: number
  readonly prediction?: Prediction
  readonly dtc?: { readonly code: string, readonly status: number, readonly freezeFrame: readonly FrozenSignal[] }
}

export type RuleTransitionKind = 'raise' | 'clear'

/**
 * A rule changed its mind about one vehicle. Emitted once per change:
 * `atMs` is the event time at which the condition began to hold,
 * `confirmedAtMs` the event time at which it had held long enough.
 */
export interface RuleTransition {
  readonly ruleId: string
  readonly severity: Severity
  readonly kind: RuleTransitionKind
  readonly atMs: number
  readonly confirmedAtMs: number
  /** The (derived) signal value at confirmation; for silence, the silence in ms. */
  readonly value: number
  readonly detail: TransitionDetail
}

export interface DiagnosticEvent {
  readonly code: string
  readonly status: number
  readonly action: 'set' | 'cleared'
  readonly tsMs: number
  readonly freezeFrame: readonly FrozenSignal[]
}
