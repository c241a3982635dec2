import { describe, expect, it } from 'vitest'
import { compileRules } from './compile.core.js'
import { updateCohortMember } from './cohort-stats.core.js'
import { DEFAULT_RULES } from './default-rules.js'
import { createFleetCohorts } from './fleet-cohorts.core.js'

describe('fleet cohorts per model', () => {
  const set = compileRules(DEFAULT_RULES)
  const cohortIds = set.rules.filter((r) => r.type === 'sample' && r.rule.kind.type === 'cohort').map((r) => r.id)

  it('shares local moments by rule and model, and applies the other instances\' to models seen later and after a reset', () => {
    const cohorts = createFleetCohorts(() => set)
    expect(cohortIds.length).toBeGreaterThan(0)
    updateCohortMember(cohorts.of('FW-E1').byRule[0]!, 7, 240, 1000)
    updateCohortMember(cohorts.of('FW-E1').byRule[0]!, 8, 250, 1000)
    expect(cohorts.partials()).toEqual([{ ruleId: cohortIds[0], model: 'FW-E1', partial: { count: 2, sum: 490, sumSq: 240 * 240 + 250 * 250 } }])

    const remote = { count: 5, sum: 1200, sumSq: 290_000 }
    cohorts.setRemote(new Map([[cohortIds[0]!, new Map([['FW-P1', remote]])]]))
    expect(cohorts.of('FW-P1').byRule[0]!.remote).toEqual(remote)
    expect(cohorts.of('FW-E1').byRule[0]!.remote).toEqual({ count: 0, sum: 0, sumSq: 0 })

    cohorts.remove('FW-E1', 7)
    expect(cohorts.partials()[0]!.partial.count).toBe(1)

    // A rule reload: local members start afresh, the remote moments stay.
    cohorts.reset()
    expect(cohorts.partials()).toEqual([])
    expect(cohorts.of('FW-P1').byRule[0]!.remote).toEqual(remote)
  })
})
