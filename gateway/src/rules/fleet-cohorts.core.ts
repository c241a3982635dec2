import { type CompiledRuleSet, createModelCohorts } from './compile.core.js'
import { removeCohortMember, type CohortPartial } from './cohort-stats.core.js'
import type { ModelCohorts } from './types.js'

const NO_PARTIAL: CohortPartial = { count: 0, sum: 0, sumSq: 0 }

/**
 * The fleet statistics of the cohort rules, per vehicle model: this
 * instance's members, plus (in a cluster) the other instances' merged
 * moments, which survive a rule reload. `ruleSet` is read on each call, so
 * after a reload `reset` starts the models' statistics afresh.
 */
export function createFleetCohorts (ruleSet: () => CompiledRuleSet) {
  const cohorts = new Map<string, ModelCohorts>()
  /** The other instances' merged moments, by rule id then model. */
  let remote = new Map<string, Map<string, CohortPartial>>()

  function of (model: string): ModelCohorts {
    let c = cohorts.get(model)
    if (c === undefined) cohorts.set(model, c = createModelCohorts(ruleSet()))
    return c
  }

  /** Rule id of each cohort index of the compiled set (cohort indexes follow compile order). */
  const cohortRuleIds = (): string[] => ruleSet().rules.filter((r) => r.type === 'sample' && r.rule.kind.type === 'cohort').map((r) => r.id)

  function applyRemote (): void {
    const ids = cohortRuleIds()
    const models = new Set<string>(cohorts.keys())
    for (const byModel of remote.values()) for (const m of byModel.keys()) models.add(m)
    for (const model of models) {
      const c = of(model)
      ids.forEach((id, i) => {
        const stats = c.byRule[i]
        if (stats !== undefined) stats.remote = remote.get(id)?.get(model) ?? NO_PARTIAL
      })
    }
  }

  return {
    of,

    /** After the rule set changed: local statistics start afresh, the remote ones are kept. */
    reset (): void {
      cohorts.clear()
      applyRemote()
    },

    /** The vehicle left this instance: its next instance counts it. */
    remove (model: string, vehicleKey: number): void {
      for (const c of cohorts.get(model)?.byRule ?? []) removeCohortMember(c, vehicleKey)
    },

    /** Cluster: this instance's moments, by rule id and model, for the other instances. */
    partials (): Array<{ ruleId: string, model: string, partial: CohortPartial }> {
      const ids = cohortRuleIds()
      const out: Array<{ ruleId: string, model: string, partial: CohortPartial }> = []
      for (const [model, c] of cohorts) {
        ids.forEach((ruleId, i) => {
          const st = c.byRule[i]
          if (st !== undefined && st.members.size > 0) out.push({ ruleId, model, partial: { count: st.members.size, sum: st.sum, sumSq: st.sumSq } })
        })
      }
      return out
    },

    /** Cluster: replaces the other instances' merged moments (empty map: local only). */
    setRemote (merged: Map<string, Map<string, CohortPartial>>): void {
      remote = merged
      applyRemote()
    },
  }
}
