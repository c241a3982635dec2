import type { CompiledRuleSet } from '../compile.core.js'
import { CLEAR, RAISE, stepGate } from '../slot.core.js'
import type { DiagnosticEvent, EvalContext, RuleTransition } from '../types.js'
import { slotOf, type VehicleRuleState } from '../vehicle-state.core.js'
import { reasonOf } from '../reason.core.js'

/** A DTC rule remembers this many failing codes at most (bounded memory; one is enough to stay raised). */
export const MAX_ACTIVE_CODES = 16

/**
 * A diagnostic event against the DTC rules. A rule is raised while at least
 * one code matching its pattern is set with every bit of statusMask, and
 * clears when the last such code is cleared or reported without those bits
 * (at once: DTC events are discrete, clearDelayS does not apply). An event
 * older than the newest matching one already seen is late and ignored; a
 * replayed event changes nothing. `when` gates raising, never clearing.
 */
export function evaluateDtc (set: CompiledRuleSet, state: VehicleRuleState, ctx: EvalContext, event: DiagnosticEvent): RuleTransition[] {
  const out: RuleTransition[] = []
  for (const r of set.dtcRules) {
    if (!r.matches(event.code)) continue
    const slot = slotOf(state, r)
    if (event.tsMs < slot.lastTs) continue
    slot.lastTs = event.tsMs
    const failing = event.action === 'set' && (event.status & r.statusMask) === r.statusMask
    const known = slot.codes.indexOf(event.code)
    if (failing && known < 0) {
      if (r.when !== null && !r.when(ctx, state.latest)) continue
      if (slot.codes.length < MAX_ACTIVE_CODES) slot.codes.push(event.code)
    } else if (!failing && known >= 0) {
      slot.codes.splice(known, 1)
    }
    slot.event = event
    const began = stepGate(slot, slot.codes.length > 0 ? RAISE : CLEAR, event.tsMs, 0, 0)
    if (Number.isNaN(began)) continue
    const raised = slot.active
    out.push({
      ruleId: r.id,
      severity: r.severity,
      kind: raised ? 'raise' : 'clear',
      atMs: began,
      confirmedAtMs: event.tsMs,
      value: event.status,
      detail: {
        ...(raised
          ? reasonOf('server.reason.dtc.raise', { rule: r.rule.name, code: event.code, status: hex(event.status), mask: hex(r.statusMask) })
          : event.action === 'cleared'
            ? reasonOf('server.reason.dtc.cleared', { rule: r.rule.name, code: event.code })
            : reasonOf('server.reason.dtc.passing', { rule: r.rule.name, code: event.code, status: hex(event.status) })),
        threshold: r.statusMask,
        observed: event.status,
        dtc: { code: event.code, status: event.status, freezeFrame: event.freezeFrame },
      },
    })
  }
  return out
}

function hex (n: number): string {
  return n.toString(16).padStart(2, '0')
}
