import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox'
import { Value, ValueErrorType } from '@sinclair/typebox/value'
import { type Result, fail, ok } from '../common/result.js'
import { semanticErrors } from './rule-semantics.js'
import { MODEL_LIMIT_FIELDS, POWERTRAINS } from '../models/model.schema.js'

/**
 * A rule is a document: stored as JSON, edited through the API, validated
 * here. `kind.type` selects the detector; everything else is common.
 * Durations are in seconds, values in the catalog unit of the signal
 * (slopes per day).
 */
function literals<const T extends readonly string[]> (values: T, description: string): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v)), { description }) as never
}

const seconds = (description: string) => Type.Number({ minimum: 0, maximum: 10 * 366 * 86_400, description })
const positiveSeconds = (description: string) => Type.Number({ exclusiveMinimum: 0, maximum: 10 * 366 * 86_400, description })
const count = (min: number, description: string) => Type.Integer({ minimum: min, maximum: 1_000_000, description })
const VssName = Type.String({ minLength: 1, maxLength: 200, description: 'VSS signal name from the catalog' })
const strict = { additionalProperties: false } as const

export const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const
export type Severity = typeof SEVERITIES[number]
export const RULE_POWER_STATES = ['driving', 'awake', 'asleep', 'offline'] as const
export type RulePowerState = typeof RULE_POWER_STATES[number]

const Direction = literals(['above', 'below'], 'which side of the limit is bad')
const ZSide = literals(['above', 'below', 'both'], 'which side of the baseline is anomalous (default both)')

export const ThresholdKind = Type.Object({
  type: Type.Literal('threshold'),
  op: Direction,
  raise: Type.Number({ description: 'raise when the value is beyond this for forS' }),
  clear: Type.Number({ description: 'clear when the value is back past this for clearForS (hysteresis)' }),
  forS: seconds('the raise condition must hold this long'),
  clearForS: seconds('the clear condition must hold this long'),
  modelLimit: Type.Optional(Type.Object({
    field: literals(MODEL_LIMIT_FIELDS, 'numeric field of the model catalog (GET /models/:id)'),
    factor: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'raise at field × factor (default 1)' })),
    clearMargin: Type.Number({ minimum: 0, description: 'clear this far back from the raise limit' }),
  }, { ...strict, description: "take the raise limit from the vehicle's model when catalogued; raise/clear apply to models without it" })),
}, strict)

const windowParams = {
  windowS: positiveSeconds('least-squares window'),
  minSpanS: Type.Optional(seconds('the window must hold data spanning at least this (default windowS / 2)')),
  minSamples: count(3, 'raw samples needed in the window before the fit is trusted'),
  forS: Type.Optional(seconds('the raise condition must hold this long (default 0)')),
  confidence: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.99999, description: 'one-sided confidence level of the robust trend bound that must cross the limit (default 0.99)' })),
}

export const SlopeKind = Type.Object({
  type: Type.Literal('slope'),
  op: Direction,
  perDay: Type.Number({ description: 'raise when the slope (units per day) is beyond this' }),
  clearPerDay: Type.Optional(Type.Number({ description: 'clear when the slope is back past this (default perDay)' })),
  ...windowParams,
}, strict)

const zParams = {
  op: Type.Optional(ZSide),
  k: Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'raise when |z| exceeds k' }),
  clearK: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'clear when |z| is below this (default k)' })),
  minStd: Type.Optional(Type.Number({ minimum: 0, description: 'floor of the standard deviation, for quantised or very steady signals' })),
}

export const EwmaKind = Type.Object({
  type: Type.Literal('ewma'),
  ...zParams,
  alpha: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'EWMA weight of a new sample' }),
  forS: seconds('the anomaly must last this long'),
  warmupSamples: count(2, 'samples learned per vehicle before it is judged'),
}, strict)

export const CohortKind = Type.Object({
  type: Type.Literal('cohort'),
  ...zParams,
  minCohort: count(3, 'other vehicles of the same model needed before comparing'),
  forS: Type.Optional(seconds('the deviation must last this long (default 0)')),
}, strict)

export const ForecastKind = Type.Object({
  type: Type.Literal('forecast'),
  op: literals(['above', 'below'], 'direction from which the trend approaches the limit'),
  limit: Type.Number({ description: 'value the trend is extrapolated to' }),
  horizonS: positiveSeconds('raise when the limit is predicted within this'),
  clearHorizonS: Type.Optional(positiveSeconds('clear when the prediction is further away than this (default horizonS)')),
  aggregate: Type.Optional(literals(['min', 'mean', 'max'], 'one point per bucket (default mean)')),
  bucketS: Type.Optional(positiveSeconds('bucket of the aggregate (default windowS / 64)')),
  ...windowParams,
}, strict)

export const DtcKind = Type.Object({
  type: Type.Literal('dtc'),
  codePattern: Type.String({ minLength: 1, maxLength: 64, description: "glob (P0A8?, C07*) or /RegExp/" }),
  statusMask: Type.Integer({ minimum: 0, maximum: 0xff, description: 'UDS status bits that must all be set (0x08 = confirmed)' }),
}, strict)

export const SilenceKind = Type.Object({
  type: Type.Literal('silence'),
  afterS: positiveSeconds('raise after this long without data from an awake vehicle'),
}, strict)

const KINDS = {
  threshold: ThresholdKind,
  slope: SlopeKind,
  ewma: EwmaKind,
  cohort: CohortKind,
  forecast: ForecastKind,
  dtc: DtcKind,
  silence: SilenceKind,
} as const satisfies Record<string, TSchema>
export type KindType = keyof typeof KINDS
export const KIND_TYPES = Object.keys(KINDS) as KindType[]

export const RuleKind = Type.Union([ThresholdKind, SlopeKind, EwmaKind, CohortKind, ForecastKind, DtcKind, SilenceKind])

export const Derived = Type.Object({
  minus: Type.Optional({ ...VssName, description: 'subtract this signal sampled at the same timestamp (e.g. cell spread = Max − Min)' }),
  compensateTemperature: Type.Optional({ ...VssName, description: 'normalise a gauge pressure (kPa) to 20 °C with this temperature signal (ideal gas)' }),
  temperatureFallback: Type.Optional({ ...VssName, description: 'compensate with this temperature (e.g. ambient air) when the vehicle has not reported compensateTemperature for an hour' }),
}, strict)

export const SignalRange = Type.Object({
  signal: VssName,
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
}, strict)

export const When = Type.Object({
  models: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, uniqueItems: true, description: 'only vehicles of these models' })),
  powertrains: Type.Optional(Type.Array(literals(POWERTRAINS, 'powertrain'), { minItems: 1, uniqueItems: true, description: 'only vehicles whose catalogued model (GET /models/:id) has one of these powertrains; uncatalogued models are left out' })),
  ignitionOn: Type.Optional(Type.Boolean()),
  powerState: Type.Optional(Type.Array(literals(RULE_POWER_STATES, 'power state'), { minItems: 1, uniqueItems: true })),
  signalRange: Type.Optional(Type.Array(SignalRange, { minItems: 1, maxItems: 4, description: "the vehicle's latest value of each signal must be in range" })),
}, strict)

const common = {
  id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description: 'slug' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  enabled: Type.Boolean(),
  severity: literals(SEVERITIES, 'alert severity'),
  signal: Type.Optional(VssName),
  derived: Type.Optional(Derived),
  when: Type.Optional(When),
  clearDelayS: Type.Optional(seconds('the clear condition must hold this long (all kinds but threshold, which has kind.clearForS; default 0)')),
  quietPeriodS: Type.Optional(seconds('a raise this soon after an auto-resolve re-opens the alert (default 0)')),
}

export const RuleSchema = Type.Object({ ...common, kind: RuleKind }, strict)
export type Rule = Static<typeof RuleSchema>
export type RuleKindParams = Static<typeof RuleKind>
export type ThresholdParams = Static<typeof ThresholdKind>
export type SlopeParams = Static<typeof SlopeKind>
export type EwmaParams = Static<typeof EwmaKind>
export type CohortParams = Static<typeof CohortKind>
export type ForecastParams = Static<typeof ForecastKind>
export type DtcParams = Static<typeof DtcKind>
export type SilenceParams = Static<typeof SilenceKind>

/** First pass: common fields, with `kind` only checked for its discriminator so that kind errors can name their field. */
const Envelope = Type.Object({
  ...common,
  kind: Type.Object({ type: literals(KIND_TYPES, 'rule kind') }),
}, strict)

const MAX_REPORTED = 8

/** Validates a rule document; the detail names every failing field by its JSON pointer (`/kind/raise: Expected number`). */
export function validateRule (doc: unknown): Result<Rule, 'GW_RULE_INVALID'> {
  const errors = schemaErrors(Envelope, doc, '')
  if (errors.length === 0) {
    const kind = (doc as { kind: { type: KindType } }).kind
    errors.push(...schemaErrors(KINDS[kind.type], kind, '/kind'))
  }
  if (errors.length === 0) errors.push(...semanticErrors(doc as Rule))
  if (errors.length > 0) return fail('GW_RULE_INVALID', errors.slice(0, MAX_REPORTED).join('; '))
  return ok(doc as Rule)
}

function schemaErrors (schema: TSchema, value: unknown, prefix: string): string[] {
  const out: string[] = []
  for (const e of Value.Errors(schema, value)) {
    const anyOf = (e.schema as { anyOf?: Array<{ const?: unknown }> }).anyOf
    const message = e.type === ValueErrorType.Union && anyOf !== undefined && anyOf.every((s) => s.const !== undefined)
      ? `Expected one of ${anyOf.map((s) => JSON.stringify(s.const)).join(', ')}`
      : e.message
    const line = `${prefix}${e.path}: ${message}`
    // A missing union member reports "required" and "expected one of" on the same path: keep the first.
    if (!out.some((o) => o.startsWith(`${prefix}${e.path}: `))) out.push(line)
  }
  return out
}
