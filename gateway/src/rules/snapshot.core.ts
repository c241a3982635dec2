import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { type Result, fail, ok } from '../common/result.js'
import { loadWindow, windowBuckets } from './bucket-window.core.js'
import type { CompiledRuleSet } from './compile.core.js'
import { MAX_ACTIVE_CODES } from './kinds/dtc.core.js'
import { MAX_WINDOW_BUCKETS } from './rule-semantics.js'
import { createVehicleRuleState, slotOf, type VehicleRuleState } from './vehicle-state.core.js'

const Triple = Type.Tuple([Type.Number(), Type.Number(), Type.Number()])
const Nullable = Type.Union([Type.Number(), Type.Null()])

export const SlotSnapshot = Type.Object({
  /** CompiledRule.fingerprint when taken: kind state is restored only into an unchanged rule. */
  fingerprint: Type.String(),
  lastTs: Nullable,
  active: Type.Boolean(),
  since: Nullable,
  /** EWMA baseline: [samples learned, mean, variance]. */
  ewma: Type.Optional(Triple),
  /** Window buckets: [bucket index, accumulator, sample count]. */
  window: Type.Optional(Type.Array(Triple, { maxItems: MAX_WINDOW_BUCKETS })),
  codes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: MAX_ACTIVE_CODES })),
})

/** The JSON persisted per vehicle so that a restart neither loses nor repeats a transition. */
export const RuleStateSnapshot = Type.Object({
  version: Type.Literal(1),
  /** Context signals: [wire id, tsMs, value]. */
  latest: Type.Array(Triple),
  /** By rule id, so that it survives recompiling and reordering the rule set. */
  rules: Type.Record(Type.String(), SlotSnapshot),
})
export type RuleStateSnapshot = Static<typeof RuleStateSnapshot>

export function snapshotRuleState (set: CompiledRuleSet, state: VehicleRuleState): RuleStateSnapshot {
  const latest: Array<[number, number, number]> = []
  set.contextSignals.forEach((id, i) => {
    const ts = state.latest[2 * i] as number
    if (!Number.isNaN(ts)) latest.push([id, ts, state.latest[2 * i + 1] as number])
  })
  const rules: Record<string, Static<typeof SlotSnapshot>> = {}
  for (const r of set.rules) {
    const s = state.slots[r.index]
    if (s === undefined) continue
    rules[r.id] = {
      fingerprint: r.fingerprint,
      lastTs: Number.isFinite(s.lastTs) ? s.lastTs : null,
      active: s.active,
      since: Number.isNaN(s.since) ? null : s.since,
      ...(r.rule.kind.type === 'ewma' ? { ewma: [s.n, s.mean, s.variance] as [number, number, number] } : {}),
      ...(s.window === null || r.type !== 'sample' || r.behaviour.window === null ? {} : { window: windowBuckets(r.behaviour.window, s.window) }),
      ...(s.codes.length === 0 ? {} : { codes: [...s.codes] }),
    }
  }
  return { version: 1, latest, rules }
}

/**
 * Rebuilds a vehicle's state from a snapshot, for this (possibly changed)
 * rule set. Rules absent from the snapshot start fresh; rules whose
 * definition changed keep only whether they are raised and their clock
 * (so an open alert can still clear and nothing is raised twice).
 */
export function restoreRuleState (set: CompiledRuleSet, json: unknown): Result<VehicleRuleState, 'GW_RULE_STATE_INVALID'> {
  if (!Value.Check(RuleStateSnapshot, json)) {
    const first = [...Value.Errors(RuleStateSnapshot, json)].slice(0, 3).map((e) => `${e.path}: ${e.message}`)
    return fail('GW_RULE_STATE_INVALID', first.join('; '))
  }
  const state = createVehicleRuleState(set)
  for (const [id, ts, value] of json.latest) {
    const i = set.bySignal.get(id)?.contextIndex ?? -1
    if (i < 0) continue
    state.latest[2 * i] = ts
    state.latest[2 * i + 1] = value
  }
  for (const r of set.rules) {
    const snap = json.rules[r.id]
    if (snap === undefined) continue
    const slot = slotOf(state, r)
    slot.lastTs = snap.lastTs ?? -Infinity
    slot.active = snap.active
    if (snap.fingerprint !== r.fingerprint) continue
    slot.since = snap.since ?? Number.NaN
    if (snap.ewma !== undefined) [slot.n, slot.mean, slot.variance] = snap.ewma
    if (snap.window !== undefined && slot.window !== null && r.type === 'sample' && r.behaviour.window !== null) loadWindow(r.behaviour.window, slot.window, snap.window)
    if (snap.codes !== undefined) slot.codes = [...snap.codes]
  }
  return ok(state)
}

/**
 * After a restore from a snapshot older than the alerts table (crash between
 * the two writes): a rule with an open alert must be able to clear it, so it
 * is marked raised. Returns the rule ids it changed.
 */
export function markRaised (set: CompiledRuleSet, state: VehicleRuleState, openRuleIds: ReadonlySet<string>): string[] {
  const changed: string[] = []
  for (const r of set.rules) {
    if (!openRuleIds.has(r.id)) continue
    const slot = slotOf(state, r)
    if (slot.active) continue
    slot.active = true
    slot.since = Number.NaN
    changed.push(r.id)
  }
  return changed
}
