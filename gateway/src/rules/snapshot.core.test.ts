import { describe, expect, it } from 'vitest'
import { CELL_MAX, CELL_MIN, COOLANT, CRANK, DAY, HOUR, MIN, T0, TYRE_FL, harness, rng, rule } from './harness.testing.js'
import { compileRules } from './compile.core.js'
import { evaluateDtc } from './evaluate.core.js'
import { markRaised, restoreRuleState, snapshotRuleState } from './snapshot.core.js'
import type { Rule } from './rule.schema.js'
import type { RuleTransition } from './types.js'

const RULES: Rule[] = [
  rule({ id: 'hot', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 600, clearForS: 600 } }),
  rule({ id: 'leak', signal: TYRE_FL, kind: { type: 'slope', op: 'below', perDay: -2, windowS: 2 * 86_400, minSamples: 50 } }),
  rule({ id: 'spread', signal: CELL_MAX, derived: { minus: CELL_MIN }, kind: { type: 'ewma', op: 'above', alpha: 0.02, k: 5, forS: 3600, warmupSamples: 50 } }),
  rule({ id: 'crank', signal: CRANK, kind: { type: 'forecast', op: 'below', limit: 9.6, horizonS: 7 * 86_400, windowS: 14 * 86_400, bucketS: 86_400, aggregate: 'min', minSamples: 5, minSpanS: 3 * 86_400, confidence: 0.9 } }),
  rule({ id: 'hybrid', kind: { type: 'dtc', codePattern: 'P0A8?', statusMask: 8 } }),
]

type Step = (h: ReturnType<typeof harness>) => RuleTransition[]

/** Six days of a vehicle developing every fault of RULES, as a list of steps. */
function story (): Step[] {
  const r = rng(11)
  const steps: Step[] = []
  for (let t = T0; t < T0 + 6 * DAY; t += 10 * MIN) {
    const d = (t - T0) / DAY
    const coolant = d > 2 && d < 2.2 ? 110 : 70 + r.normal()
    const tyre = 250 - (d > 3 ? 6 * (d - 3) : 0) + 0.5 * r.normal()
    const cellMax = 3.93 + (d > 4 ? 0.04 : 0) + 0.002 * r.normal()
    const crank = t % (8 * HOUR) === 0 ? 11.4 - 0.25 * d + 0.05 * r.normal() : undefined
    steps.push((h) => [
      ...h.feed(COOLANT, t, coolant),
      ...h.feed(TYRE_FL, t, tyre),
      ...h.feed(CELL_MIN, t, 3.9),
      ...h.feed(CELL_MAX, t, cellMax),
      ...(crank === undefined ? [] : h.feed(CRANK, t, crank)),
      ...(Math.abs(d - 5) < 1e-9 ? evaluateDtc(h.set, h.state, h.ctx, { code: 'P0A80', status: 9, action: 'set', tsMs: t, freezeFrame: [] }) : []),
    ])
  }
  return steps
}

function rounded (t: RuleTransition[]): unknown {
  return JSON.parse(JSON.stringify(t, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)))
}

describe('snapshot and restore', () => {
  it('a restart from a snapshot continues exactly like an uninterrupted run: nothing lost, nothing repeated', () => {
    const steps = story()
    const straight = harness(RULES)
    const expected = steps.flatMap((s) => s(straight))
    expect(new Set(expected.map((t) => t.ruleId))).toEqual(new Set(['hot', 'leak', 'spread', 'crank', 'hybrid']))
    for (const cut of [200, 500, 700]) {
      const h = harness(RULES)
      const before = steps.slice(0, cut).flatMap((s) => s(h))
      const json: unknown = JSON.parse(JSON.stringify(snapshotRuleState(h.set, h.state)))
      const restored = restoreRuleState(h.set, json)
      if (!restored.ok) throw new Error(restored.error.detail)
      h.state = restored.value
      const after = steps.slice(cut).flatMap((s) => s(h))
      // restoring recomputes the window sums from the buckets: equal up to rounding
      expect(rounded([...before, ...after])).toEqual(rounded(expected))
    }
  })

  it('a changed rule keeps whether it is raised, so its open alert can still clear', () => {
    const h = harness([RULES[0] as Rule])
    for (let i = 0; i <= 10; i++) h.feed(COOLANT, T0 + i * MIN, 110)
    expect(h.out.map((t) => t.kind)).toEqual(['raise'])
    const changed = harness([rule({ id: 'hot', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 100, clear: 90, forS: 60, clearForS: 60 } })])
    const restored = restoreRuleState(changed.set, JSON.parse(JSON.stringify(snapshotRuleState(h.set, h.state))))
    if (!restored.ok) throw new Error(restored.error.detail)
    changed.state = restored.value
    for (let i = 11; i <= 20; i++) changed.feed(COOLANT, T0 + i * MIN, i < 15 ? 110 : 80)
    expect(changed.out.map((t) => t.kind)).toEqual(['clear'])
  })

  it('markRaised lets a rule clear an alert that is open in the database but missing from an old snapshot', () => {
    const h = harness([RULES[0] as Rule])
    expect(markRaised(h.set, h.state, new Set(['hot', 'unknown-rule']))).toEqual(['hot'])
    for (let i = 0; i <= 10; i++) h.feed(COOLANT, T0 + i * MIN, 80)
    expect(h.out.map((t) => t.kind)).toEqual(['clear'])
  })

  it('refuses a malformed snapshot, naming the field', () => {
    const set = compileRules(RULES)
    const r = restoreRuleState(set, { version: 1, latest: [], rules: { hot: { fingerprint: 'x', lastTs: 'yesterday', active: true, since: null } } })
    expect(!r.ok && r.error.code === 'GW_RULE_STATE_INVALID' && r.error.detail).toContain('/rules/hot/lastTs')
  })
})
