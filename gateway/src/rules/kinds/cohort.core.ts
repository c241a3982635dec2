import { CLEAR, HOLD, RAISE } from '../slot.core.js'
import { STATUS_WARMING_UP } from '../rule-status.core.js'
import { cohortMomentsExcluding, updateCohortMember, type CohortMoments } from '../cohort-stats.core.js'
import type { CohortParams } from '../rule.schema.js'
import { fmt, type KindBehaviour } from './kind.js'
import { zScore, zSide } from './z-score.js'
import { reasonOf } from '../reason.core.js'

/**
 * The vehicle's value against the other vehicles of its model: the sample
 * first updates the vehicle's member of the shared cohort, then z is taken
 * against the cohort without this vehicle. Holds until minCohort others report.
 */
export function cohortKind (k: CohortParams, name: string, clearForMs: number, cohortIndex: number): KindBehaviour {
  const side = zSide(k.op)
  const clearK = k.clearK ?? k.k
  const minStd = k.minStd ?? 0
  const m: CohortMoments = { others: 0, mean: 0, std: 0 }
  return {
    raiseForMs: (k.forS ?? 0) * 1000,
    clearForMs,
    acceptsLate: false,
    window: null,
    judge (slot, ts, x, ctx) {
      const c = ctx.cohort?.byRule[cohortIndex]
      if (c === undefined) return HOLD
      updateCohortMember(c, ctx.vehicle.key, x, ts)
      cohortMomentsExcluding(c, ctx.vehicle.key, m)
      if (m.others < k.minCohort) {
        slot.status = STATUS_WARMING_UP
        return HOLD
      }
      const z = zScore(x, m.mean, m.std, minStd)
      slot.observed = z
      slot.mean = m.mean
      const s = side(z)
      if (s > k.k) return RAISE
      return s < clearK ? CLEAR : HOLD
    },
    describe (slot, raised) {
      return raised
        ? { ...reasonOf('server.reason.cohort.raise', { rule: name, z: fmt(slot.observed), mean: fmt(slot.mean), limit: fmt(k.k) }), threshold: k.k, observed: slot.observed }
        : { ...reasonOf('server.reason.cohort.clear', { rule: name, z: fmt(slot.observed), limit: fmt(clearK) }), threshold: clearK, observed: slot.observed }
    },
  }
}
