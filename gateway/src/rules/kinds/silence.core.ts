import type { CompiledRuleSet } from '../compile.core.js'
import { CLEAR, RAISE, stepGate } from '../slot.core.js'
import type { EvalContext, RuleTransition, VehiclePowerState } from '../types.js'
import { slotOf, type VehicleRuleState } from '../vehicle-state.core.js'
import { seconds } from './kind.js'
import { reasonOf } from '../reason.core.js'

/** Power states in which silence means trouble: awake or driving, or the link dropped without a sleep notice. */
const EXPECTED_TO_TALK: ReadonlySet<VehiclePowerState> = new Set(['awake', 'driving', 'offline'])

/**
 * Silence rules, run by the caller on a timer (gateway clock) for each
 * vehicle. A vehicle that announced sleep, or was never seen, is not lost;
 * one that should be talking and has been silent for longer than afterS is.
 * The raise is dated when the silence passed afterS; it clears when data
 * flows again or the vehicle says it is asleep (after clearDelayS).
 */
export function evaluateSilence (set: CompiledRuleSet, state: VehicleRuleState, ctx: EvalContext, nowMs: number, lastSeenMs: number): RuleTransition[] {
  const out: RuleTransition[] = []
  for (const r of set.silenceRules) {
    const slot = slotOf(state, r)
    if (nowMs < slot.lastTs) continue
    slot.lastTs = nowMs
    const silentMs = nowMs - lastSeenMs
    const lost = EXPECTED_TO_TALK.has(ctx.vehicle.powerState) && silentMs > r.afterMs && (r.when === null || r.when(ctx, state.latest))
    slot.observed = silentMs
    const began = stepGate(slot, lost ? RAISE : CLEAR, nowMs, 0, r.clearForMs)
    if (Number.isNaN(began)) continue
    const raised = slot.active
    out.push({
      ruleId: r.id,
      severity: r.severity,
      kind: raised ? 'raise' : 'clear',
      atMs: raised ? lastSeenMs + r.afterMs : began,
      confirmedAtMs: nowMs,
      value: silentMs,
      detail: {
        ...(raised
          ? reasonOf('server.reason.silence.raise', { rule: r.rule.name, duration: seconds(Math.round(silentMs / 1000) * 1000), power: ctx.vehicle.powerState })
          : reasonOf(ctx.vehicle.powerState === 'asleep' ? 'server.reason.silence.asleep' : 'server.reason.silence.flowing', { rule: r.rule.name })),
        threshold: r.afterMs,
        observed: silentMs,
      },
    })
  }
  return out
}
