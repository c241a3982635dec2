import { signalId } from '@fleetwire/proto'
import { describe, expect, it } from 'vitest'
import { compileRules, createModelCohorts } from './compile.core.js'
import { evaluateSample } from './evaluate.core.js'
import { createVehicleRuleState } from './vehicle-state.core.js'
import { DAY, HOUR, T0, TYRE_FL, TYRE_TEMP_FL, rng } from './harness.testing.js'
import type { RuleTransition } from './types.js'
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

  it('compile into an index where no signal feeds more than two windowed rules and one threshold beside them', () => {
    const set = compileRules(DEFAULT_RULES)
    expect(set.rules).toHaveLength(DEFAULT_RULES.length)
    for (const route of set.bySignal.values()) {
      const fed = [...route.primary, ...route.minus]
      expect(fed.filter((r) => r.behaviour.window !== null).length).toBeLessThanOrEqual(2)
      expect(fed.length).toBeLessThanOrEqual(3)
    }
    // Speed feeds no rule.
    expect(set.bySignal.get(signalId('Vehicle.Speed'))?.primary ?? []).toEqual([])
  })

  it('catch a leaking tyre on a sparsely reporting vehicle against its model\'s fleet, and leave healthy tyres alone', () => {
    const set = compileRules(DEFAULT_RULES)
    const cohort = createModelCohorts(set)
    const r = rng(5)
    const placard = 250
    const vehicles = Array.from({ length: 15 }, (_, key) => ({ key, state: createVehicleRuleState(set), p0: placard * (0.99 + 0.06 * r.uniform()) }))
    const out = new Map<number, RuleTransition[]>()
    // Two readings a day for 20 days; vehicle 0 leaks 4 kPa/day from day 5.
    for (let t = T0; t < T0 + 20 * DAY; t += 12 * HOUR) {
      for (const v of vehicles) {
        const ctx = { vehicle: { key: v.key, model: 'FW-E1', powerState: 'awake' as const, ignitionOn: false }, cohort }
        const leak = v.key === 0 ? Math.max(0, (t - T0 - 5 * DAY) / DAY) * 4 : 0
        const tempC = 10 + 15 * r.uniform()
        // gauge pressure as measured: the cold (20 °C) pressure scaled with absolute temperature
        const gauge = (v.p0 - leak + 101.325) * (tempC + 273.15) / 293.15 - 101.325 + 0.5 * r.normal()
        const got = [
          ...evaluateSample(set, v.state, ctx, signalId(TYRE_TEMP_FL), t, tempC),
          ...evaluateSample(set, v.state, ctx, signalId(TYRE_FL), t, gauge),
        ]
        if (got.length > 0) out.set(v.key, [...(out.get(v.key) ?? []), ...got])
      }
    }
    const leaking = (out.get(0) ?? []).filter((x) => x.ruleId === 'tyre-low-vs-fleet-fl')
    expect(leaking.map((x) => x.kind)).toEqual(['raise'])
    // raised while the tyre is still above the 85 % warning level (at about 90 % of placard)
    const daysLeaking = ((leaking[0]?.atMs ?? 0) - T0) / DAY - 5
    expect(daysLeaking * 4).toBeLessThan(0.15 * placard)
    expect([...out.keys()].filter((k) => k !== 0)).toEqual([])
  })
})
