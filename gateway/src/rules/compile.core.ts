import { signalId } from '@fleetwire/proto'
import { compileCodePattern, type CodeMatcher } from './code-pattern.core.js'
import { createCohortStats } from './cohort-stats.core.js'
import type { Rule, Severity } from './rule.schema.js'
import type { EvalContext, ModelCohorts } from './types.js'
import type { KindBehaviour } from './kinds/kind.js'
import { thresholdKind } from './kinds/threshold.core.js'
import { slopeKind } from './kinds/slope.core.js'
import { ewmaKind } from './kinds/ewma.core.js'
import { cohortKind } from './kinds/cohort.core.js'
import { forecastKind } from './kinds/forecast.core.js'

/** Enabling conditions, compiled: `latest` holds [tsMs, value] per context signal of the set. */
export type EnablingCheck = (ctx: EvalContext, latest: Float64Array) => boolean

interface CompiledBase {
  /** Position in CompiledRuleSet.rules and in every VehicleRuleState.slots. */
  readonly index: number
  readonly id: string
  readonly severity: Severity
  readonly rule: Rule
  /** Canonical JSON of what shapes the rule's state (signal, derived, kind): restored state is kept only if it matches. */
  readonly fingerprint: string
  readonly when: EnablingCheck | null
}

export interface CompiledSampleRule extends CompiledBase {
  readonly type: 'sample'
  readonly signalId: number
  /** Wire id of `derived.minus`, -1 when none. */
  readonly minusId: number
  /** Context index of `derived.compensateTemperature` (paired by timestamp, like minus), -1 when none. */
  readonly temperatureIndex: number
  /** Context index of `derived.temperatureFallback`, used when the vehicle does not report the own temperature; -1 when none. */
  readonly fallbackTemperatureIndex: number
  readonly behaviour: KindBehaviour
}

export interface CompiledDtcRule extends CompiledBase {
  readonly type: 'dtc'
  readonly matches: CodeMatcher
  readonly statusMask: number
}

export interface CompiledSilenceRule extends CompiledBase {
  readonly type: 'silence'
  readonly afterMs: number
  readonly clearForMs: number
}

export type CompiledRule = CompiledSampleRule | CompiledDtcRule | CompiledSilenceRule

/** Everything a sample of one signal touches. */
export interface SignalRoute {
  /** Rules whose `signal` this is. */
  readonly primary: CompiledSampleRule[]
  /** Rules whose `derived.minus` this is. */
  readonly minus: CompiledSampleRule[]
  /** Rules whose `derived.compensateTemperature` this is. */
  readonly compensated: CompiledSampleRule[]
  /** Rules whose `derived.temperatureFallback` this is. */
  readonly fallback: CompiledSampleRule[]
  /** Index into VehicleRuleState.latest when conditions or compensation read this signal, else -1. */
  contextIndex: number
}

export interface CompiledRuleSet {
  readonly rules: readonly CompiledRule[]
  readonly bySignal: ReadonlyMap<number, SignalRoute>
  /** Wire ids of the context signals, by context index. */
  readonly contextSignals: readonly number[]
  readonly dtcRules: readonly CompiledDtcRule[]
  readonly silenceRules: readonly CompiledSilenceRule[]
  /** Number of cohort rules: the length of ModelCohorts.byRule. */
  readonly cohortRules: number
}

/**
 * Compiles validated rules (validateRule) into the evaluation index; disabled
 * rules are left out. Throws on what validation already refuses (unknown
 * signals, bad code patterns) and on duplicate ids.
 */
export function compileRules (rules: readonly Rule[]): CompiledRuleSet {
  const compiled: CompiledRule[] = []
  const bySignal = new Map<number, SignalRoute>()
  const contextSignals: number[] = []
  const seen = new Set<string>()
  let cohortRules = 0

  const route = (id: number): SignalRoute => {
    let r = bySignal.get(id)
    if (r === undefined) bySignal.set(id, r = { primary: [], minus: [], compensated: [], fallback: [], contextIndex: -1 })
    return r
  }
  const contextIndex = (name: string): number => {
    const r = route(signalId(name))
    if (r.contextIndex < 0) r.contextIndex = contextSignals.push(signalId(name)) - 1
    return r.contextIndex
  }

  for (const rule of rules) {
    if (!rule.enabled) continue
    if (seen.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`)
    seen.add(rule.id)
    const base = {
      index: compiled.length,
      id: rule.id,
      severity: rule.severity,
      rule,
      fingerprint: canonical({ signal: rule.signal, derived: rule.derived, kind: rule.kind }),
      when: compileWhen(rule, contextIndex),
    }
    const clearForMs = (rule.clearDelayS ?? 0) * 1000
    const k = rule.kind
    if (k.type === 'dtc') {
      const matches = compileCodePattern(k.codePattern)
      if (typeof matches === 'string') throw new Error(`rule ${rule.id}: ${matches}`)
      const c: CompiledDtcRule = { ...base, type: 'dtc', matches, statusMask: k.statusMask }
      compiled.push(c)
      continue
    }
    if (k.type === 'silence') {
      compiled.push({ ...base, type: 'silence', afterMs: k.afterS * 1000, clearForMs })
      continue
    }
    if (rule.signal === undefined) throw new Error(`rule ${rule.id}: ${k.type} rules need a signal`)
    const behaviour = k.type === 'threshold'
      ? thresholdKind(k, rule.name)
      : k.type === 'slope'
        ? slopeKind(k, rule.name, clearForMs)
        : k.type === 'ewma'
          ? ewmaKind(k, rule.name, clearForMs)
          : k.type === 'cohort'
            ? cohortKind(k, rule.name, clearForMs, cohortRules++)
            : forecastKind(k, rule.name, clearForMs)
    const minus = rule.derived?.minus
    const temperature = rule.derived?.compensateTemperature
    const fallback = temperature === undefined ? undefined : rule.derived?.temperatureFallback
    const c: CompiledSampleRule = {
      ...base,
      type: 'sample',
      signalId: signalId(rule.signal),
      minusId: minus === undefined ? -1 : signalId(minus),
      temperatureIndex: temperature === undefined ? -1 : contextIndex(temperature),
      fallbackTemperatureIndex: fallback === undefined ? -1 : contextIndex(fallback),
      behaviour,
    }
    compiled.push(c)
    route(c.signalId).primary.push(c)
    if (c.minusId >= 0) route(c.minusId).minus.push(c)
    if (temperature !== undefined) route(signalId(temperature)).compensated.push(c)
    if (fallback !== undefined) route(signalId(fallback)).fallback.push(c)
  }
  return {
    rules: compiled,
    bySignal,
    contextSignals,
    dtcRules: compiled.filter((r): r is CompiledDtcRule => r.type === 'dtc'),
    silenceRules: compiled.filter((r): r is CompiledSilenceRule => r.type === 'silence'),
    cohortRules,
  }
}

/** Fleet statistics for one vehicle model under this rule set; the caller keeps one per model and passes it in EvalContext. */
export function createModelCohorts (set: CompiledRuleSet): ModelCohorts {
  return { byRule: Array.from({ length: set.cohortRules }, createCohortStats) }
}

function compileWhen (rule: Rule, contextIndex: (name: string) => number): EnablingCheck | null {
  const w = rule.when
  if (w === undefined) return null
  const ignition = w.ignitionOn
  const models: ReadonlySet<string> | null = w.models === undefined ? null : new Set(w.models)
  const powertrains: ReadonlySet<string> | null = w.powertrains === undefined ? null : new Set(w.powertrains)
  const power: ReadonlySet<string> | null = w.powerState === undefined ? null : new Set(w.powerState)
  const ranges = (w.signalRange ?? []).map((r) => ({ at: 2 * contextIndex(r.signal), min: r.min ?? -Infinity, max: r.max ?? Infinity }))
  return (ctx, latest) => {
    if (models !== null && !models.has(ctx.vehicle.model)) return false
    if (powertrains !== null && (ctx.model === undefined || !powertrains.has(ctx.model.powertrain))) return false
    if (ignition !== undefined && ctx.vehicle.ignitionOn !== ignition) return false
    if (power !== null && !power.has(ctx.vehicle.powerState)) return false
    for (const r of ranges) {
      // NaN (never seen) fails both comparisons: an unknown SoC does not enable the rule.
      const v = latest[r.at + 1] as number
      if (!(v >= r.min && v <= r.max)) return false
    }
    return true
  }
}

function canonical (value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v)
}
