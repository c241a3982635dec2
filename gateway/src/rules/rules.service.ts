import type { Log } from '../common/log.js'
import type { ModelSpec } from '../models/model.schema.js'
import type { RulesRepository } from '../storage/rules.repository.js'
import type { Rule } from './rule.schema.js'
import { type CompiledRuleSet, compileRules } from './compile.core.js'
import { evaluateDtc, evaluateSample, evaluateSilence } from './evaluate.core.js'
import { type VehicleRuleState, createVehicleRuleState } from './vehicle-state.core.js'
import { markRaised, restoreRuleState, snapshotRuleState } from './snapshot.core.js'
import { summarizeRuleStatus, type RuleStatusSummary } from './rule-status.core.js'
import type { CohortPartial } from './cohort-stats.core.js'
import { createFleetCohorts } from './fleet-cohorts.core.js'
import type { DiagnosticEvent, EvalContext, RuleTransition, VehicleContext } from './types.js'

export interface RulesServiceDeps {
  repo: RulesRepository
  log: Log
  now: () => number
  /** The vehicle model's catalogued spec, read per batch (rules with when.powertrains or kind.modelLimit). */
  modelOf?: (model: string) => ModelSpec | undefined
  /** Receives every transition, in event-time order per vehicle. */
  onTransitions: (vehicle: { key: number, id: string }, transitions: readonly RuleTransition[]) => void
}

interface Tracked {
  id: string
  ctx: VehicleContext
  state: VehicleRuleState
  /** Wall-clock time of the last data: silence is about the link, not the vehicle's clock. */
  lastReceivedMs: number
}

/** How long past twice the longest silence rule a parked vehicle that raised nothing (asleep) is kept. */
const PARKED_GRACE_MS = 60_000

/**
 * Streaming rule evaluation in the ingest path. All vehicle states live in
 * memory (bounded per vehicle) and are saved every SNAPSHOT_MS; at start-up
 * they are rebuilt from the last snapshot plus the open alerts, so a restart
 * neither repeats a raise nor loses the ability to clear.
 */
export async function createRulesService ({ repo, log, now, modelOf, onTransitions }: RulesServiceDeps) {
  let set: CompiledRuleSet = compileRules([])
  const tracked = new Map<number, Tracked>()
  /**
   * Cluster: vehicles whose session ended here, kept only for silence rules
   * until they show up again (here: adopt; elsewhere: the check before a
   * raise finds their session moved) or a raise is sent. Never saved.
   */
  const parked = new Map<number, Tracked>()
  const cohorts = createFleetCohorts(() => set)
  const dirty = new Set<number>()
  const saved = await repo.loadStates()
  const openPairs = new Map<number, Set<string>>()
  for (const p of await repo.activeAlertPairs()) {
    const s = openPairs.get(p.vehicleKey) ?? new Set<string>()
    s.add(p.ruleId)
    openPairs.set(p.vehicleKey, s)
  }

  async function reload (): Promise<void> {
    const rules = (await repo.list()).map((r) => r.rule)
    const next = compileRules(rules)
    for (const t of [...tracked.values(), ...parked.values()]) {
      const carried = restoreRuleState(next, snapshotRuleState(set, t.state))
      t.state = carried.ok ? carried.value : createVehicleRuleState(next)
    }
    set = next
    cohorts.reset()
    log.info({ rules: set.rules.length }, 'rules compiled')
  }

  /** A vehicle's rule state from its stored snapshot (fresh if none or unreadable), its open alerts marked raised. */
  function stateFrom (snapshot: unknown, openRuleIds: ReadonlySet<string>): VehicleRuleState {
    const restored = snapshot === undefined ? undefined : restoreRuleState(set, snapshot)
    const state = restored?.ok === true ? restored.value : createVehicleRuleState(set)
    markRaised(set, state, openRuleIds)
    return state
  }

  function track (key: number, id: string, ctx: VehicleContext): Tracked {
    let t = tracked.get(key)
    if (t === undefined) {
      const state = stateFrom(saved.get(key), openPairs.get(key) ?? new Set())
      saved.delete(key)
      t = { id, ctx, state, lastReceivedMs: now() }
      tracked.set(key, t)
    }
    t.ctx = ctx
    return t
  }

  function emit (t: Tracked, transitions: readonly RuleTransition[]): void {
    if (transitions.length > 0) onTransitions({ key: t.ctx.key, id: t.id }, transitions)
  }

  async function saveSnapshots (): Promise<void> {
    if (dirty.size === 0) return
    const batch = new Map<number, unknown>()
    for (const key of dirty) {
      const t = tracked.get(key)
      if (t !== undefined) batch.set(key, snapshotRuleState(set, t.state))
    }
    dirty.clear()
    try {
      await repo.saveStates(batch)
    } catch (err) {
      for (const key of batch.keys()) dirty.add(key)
      log.error({ err, vehicles: batch.size }, 'rule state snapshot failed; will retry')
    }
  }

  await reload()

  return {
    reload,
    ruleIds: (): string[] => set.rules.map((r) => r.id),
    quietPeriodMs (ruleId: string): number {
      return (set.rules.find((r) => r.id === ruleId)?.rule.quietPeriodS ?? 0) * 1000
    },

    /** Committed samples of one vehicle; synchronous and allocation-light (hot path). */
    onSamples (vehicle: { id: string, ctx: VehicleContext }, signalIds: readonly number[], tsMs: readonly number[], values: readonly number[]): void {
      const t = track(vehicle.ctx.key, vehicle.id, vehicle.ctx)
      const spec = modelOf?.(vehicle.ctx.model)
      const ctx: EvalContext = spec === undefined ? { vehicle: vehicle.ctx, cohort: cohorts.of(vehicle.ctx.model) } : { vehicle: vehicle.ctx, cohort: cohorts.of(vehicle.ctx.model), model: spec }
      let out: RuleTransition[] | undefined
      t.lastReceivedMs = now()
      for (let i = 0; i < signalIds.length; i++) {
        const r = evaluateSample(set, t.state, ctx, signalIds[i] as number, tsMs[i] as number, values[i] as number)
        if (r.length > 0) (out ??= []).push(...r)
      }
      dirty.add(vehicle.ctx.key)
      if (out !== undefined) emit(t, out)
    },

    onDtc (vehicle: { id: string, ctx: VehicleContext }, event: DiagnosticEvent): void {
      const t = track(vehicle.ctx.key, vehicle.id, vehicle.ctx)
      emit(t, evaluateDtc(set, t.state, { vehicle: vehicle.ctx }, event))
      dirty.add(vehicle.ctx.key)
    },

    /** Presence changed (birth, death): silence rules must know a vehicle went to sleep. */
    updatePresence (key: number, powerState: VehicleContext['powerState'], ignitionOn: boolean): void {
      const t = tracked.get(key) ?? parked.get(key)
      if (t !== undefined) t.ctx = { ...t.ctx, powerState, ignitionOn }
    },

    /** How an enabled rule fares over the vehicles seen since start (undefined: not enabled). */
    status (ruleId: string): (RuleStatusSummary & { vehiclesTracked: number }) | undefined {
      const r = set.rules.find((x) => x.id === ruleId)
      if (r === undefined) return undefined
      return { ...summarizeRuleStatus(r, [...tracked.values()].map((t) => t.state)), vehiclesTracked: tracked.size }
    },

    /** Wire id of the signal an (enabled) rule watches, for evidence windows. */
    signalOf (ruleId: string): number | undefined {
      const r = set.rules.find((x) => x.id === ruleId)
      return r !== undefined && r.type === 'sample' ? r.signalId : undefined
    },

    /** Wall-clock check for vehicles that went silent; call periodically. */
    checkSilence (): void {
      const t0 = now()
      for (const t of tracked.values()) emit(t, evaluateSilence(set, t.state, { vehicle: t.ctx }, t0, t.lastReceivedMs))
    },

    saveSnapshots,

    /**
     * Cluster: silence rules over the vehicles whose session ended here. A
     * raise is sent only for vehicles `stillAbsent` confirms (no session
     * anywhere in the cluster since they left here): a vehicle that moved to
     * another instance is dropped, so at most the instance that held its last
     * session raises. If the confirmation fails, the evaluation is undone and
     * retried on the next check. Vehicles silent past every silence rule's
     * reach without a raise (asleep) are dropped too.
     */
    async checkParkedSilence (stillAbsent: (keys: number[]) => Promise<ReadonlySet<number>>): Promise<number> {
      if (parked.size === 0) return 0
      const t0 = now()
      const minAfterMs = Math.min(...set.silenceRules.map((r) => r.afterMs), Number.POSITIVE_INFINITY)
      const maxAfterMs = Math.max(0, ...set.silenceRules.map((r) => r.afterMs))
      const pending: Array<{ key: number, t: Tracked, before: unknown, out: RuleTransition[] }> = []
      for (const [key, t] of parked) {
        const silentMs = t0 - t.lastReceivedMs
        if (silentMs <= minAfterMs) continue
        const before = snapshotRuleState(set, t.state)
        const out = evaluateSilence(set, t.state, { vehicle: t.ctx }, t0, t.lastReceivedMs)
        if (out.some((x) => x.kind === 'raise')) pending.push({ key, t, before, out })
        else if (silentMs > 2 * maxAfterMs + PARKED_GRACE_MS) parked.delete(key)
      }
      if (pending.length === 0) return 0
      let absent: ReadonlySet<number>
      try {
        absent = await stillAbsent(pending.map((p) => p.key))
      } catch (err) {
        for (const p of pending) {
          const r = restoreRuleState(set, p.before)
          if (r.ok) p.t.state = r.value
        }
        log.warn({ err, vehicles: pending.length }, 'cluster-wide silence check failed; retrying on the next check')
        return 0
      }
      let raised = 0
      for (const p of pending) {
        if (parked.get(p.key) !== p.t) continue // came back here meanwhile
        parked.delete(p.key)
        if (!absent.has(p.key)) continue
        emit(p.t, p.out)
        raised++
      }
      return raised
    },

    /** Cluster: how long after its last data a vehicle can still raise a silence rule (0: no silence rules). */
    silenceHorizonMs (): number {
      return set.silenceRules.length === 0 ? 0 : 2 * Math.max(...set.silenceRules.map((r) => r.afterMs)) + PARKED_GRACE_MS
    },

    /**
     * Cluster: vehicles whose instance is gone (its lease expired) without a
     * session elsewhere since: parked here, from their stored state and open
     * alerts, as if their session had ended here, so the cluster-wide silence
     * check covers them. Vehicles tracked or parked here already are left as they are.
     */
    parkOrphans (orphans: ReadonlyArray<{ key: number, id: string, ctx: VehicleContext, snapshot: unknown, openRuleIds: ReadonlySet<string>, lastReceivedMs: number }>): number {
      if (set.silenceRules.length === 0) return 0
      let parkedNow = 0
      for (const o of orphans) {
        if (tracked.has(o.key) || parked.has(o.key)) continue
        parked.set(o.key, { id: o.id, ctx: o.ctx, state: stateFrom(o.snapshot, o.openRuleIds), lastReceivedMs: Math.min(o.lastReceivedMs, now()) })
        parkedNow++
      }
      return parkedNow
    },

    /** Cluster: this instance's cohort moments, by rule id and model, for the other instances. */
    cohortPartials: (): Array<{ ruleId: string, model: string, partial: CohortPartial }> => cohorts.partials(),

    /** Cluster: replaces the other instances' merged cohort moments (empty map: local only). */
    setRemoteCohorts: (merged: Map<string, Map<string, CohortPartial>>): void => cohorts.setRemote(merged),

    /**
     * Cluster hand-over: the vehicle's session ended on this instance. Its
     * state is saved now (the instance it reconnects to loads it) and it is
     * no longer evaluated here, except parked for silence rules
     * (checkParkedSilence) in case it never shows up anywhere again.
     */
    async release (key: number): Promise<void> {
      const t = tracked.get(key)
      tracked.delete(key)
      dirty.delete(key)
      if (t === undefined) return
      if (set.silenceRules.length > 0) parked.set(key, t)
      // Its next instance counts it in the cohort shares; counted here too it would weigh twice.
      cohorts.remove(t.ctx.model, key)
      await repo.saveStates(new Map([[key, snapshotRuleState(set, t.state)]]))
    },

    /** Cluster hand-over: the vehicle connected here; evaluate it from its stored state and open alerts. */
    adopt (key: number, snapshot: unknown, openRuleIds: ReadonlySet<string>): void {
      tracked.delete(key)
      parked.delete(key)
      if (snapshot === undefined) saved.delete(key)
      else saved.set(key, snapshot)
      openPairs.set(key, new Set(openRuleIds))
    },
  }
}

export type RulesService = Awaited<ReturnType<typeof createRulesService>>
export type { Rule }
