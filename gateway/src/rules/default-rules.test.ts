import { signalId } from '@fleetwire/proto'
import { describe, expect, it } from 'vitest'
import { compileRules } from './compile.core.js'
import { DEFAULT_RULES } from './default-rules.js'
import { validateRule } from './rule.schema.js'

describe('default rules', () => {
  it('are all valid documents with unique ids', () => {
    for (const r of DEFAULT_RULES) {
      const v = validateRule(JSON.parse(JSON.stringify(r)))
      expect(v.ok ? '' : `${r.id}: ${v.error.detail}`).toBe('')
    }
    expect(new Set(DEFAULT_RULES.map((r) => r.id)).size).toBe(DEFAULT_RULES.length)
  })

  it('compile into an index where no signal feeds more than two rules', () => {
    const set = compileRules(DEFAULT_RULES)
    expect(set.rules).toHaveLength(DEFAULT_RULES.length)
    for (const route of set.bySignal.values()) expect(route.primary.length + route.minus.length).toBeLessThanOrEqual(2)
    // Speed only gates the coolant rule (an enabling condition): it feeds no rule itself.
    expect(set.bySignal.get(signalId('Vehicle.Speed'))?.primary ?? []).toEqual([])
  })
})
