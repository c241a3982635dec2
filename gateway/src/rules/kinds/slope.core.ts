import { CLEAR, HOLD, RAISE } from '../slot.core.js'
import type { SlopeParams } from '../rule.schema.js'
import { fmt, seconds, type KindBehaviour } from './kind.js'
import { addAndFit, windowSpec, windowed } from './windowed.js'

/** Least-squares slope (units per day) over the window's bucket means, raised beyond perDay, cleared back past clearPerDay. */
export function slopeKind (k: SlopeParams, name: string, clearForMs: number): KindBehaviour {
  const above = k.op === 'above'
  const clearPerDay = k.clearPerDay ?? k.perDay
  const w = windowed(windowSpec(k.windowS, undefined, 'mean'), k.windowS, k.minSamples, k.minSpanS)
  const windowMs = k.windowS * 1000
  return {
    raiseForMs: (k.forS ?? 0) * 1000,
    clearForMs,
    acceptsLate: true,
    window: w.spec,
    judge (slot, ts, x) {
      const f = addAndFit(slot, ts, x, w)
      if (f === null) return HOLD
      const s = f.slopePerDay
      slot.observed = s
      if (above ? s > k.perDay : s < k.perDay) return RAISE
      if (above ? s < clearPerDay : s > clearPerDay) return CLEAR
      return HOLD
    },
    describe (slot, raised) {
      const s = `${fmt(slot.observed)}/day over ${seconds(windowMs)}`
      return raised
        ? { reason: `${name}: trend ${s}, ${k.op} ${fmt(k.perDay)}/day`, threshold: k.perDay, observed: slot.observed }
        : { reason: `${name}: trend ${s}, back ${above ? 'below' : 'above'} ${fmt(clearPerDay)}/day`, threshold: clearPerDay, observed: slot.observed }
    },
  }
}
