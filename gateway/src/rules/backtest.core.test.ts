import { describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { backtestRule, signalsRead, type RecordedSamples } from './backtest.core.js'
import { CELL_MAX, CELL_MIN, COOLANT, DRIVING, MIN, S, SOC, T0, rule } from './harness.testing.js'

function columns (points: Array<[string, number, number]>): RecordedSamples {
  return { signalIds: points.map((p) => signalId(p[0])), tsMs: points.map((p) => p[1]), values: points.map((p) => p[2]) }
}

describe('rule backtest on recorded history', () => {
  const overheat = rule({ signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 60, clearForS: 60 } })

  it('reports the transitions the streaming evaluator would have emitted, with their event times', () => {
    const pts: Array<[string, number, number]> = []
    for (let t = 0; t <= 10 * MIN; t += 10 * S) pts.push([COOLANT, T0 + t, t >= 2 * MIN && t < 6 * MIN ? 110 : 90])
    const r = backtestRule(overheat, DRIVING, columns(pts), [])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.samples).toBe(pts.length)
    expect(r.value.transitions.map((x) => [x.kind, x.atMs])).toEqual([['raise', T0 + 2 * MIN], ['clear', T0 + 6 * MIN]])
  })

  it('runs a disabled rule too (trying it before enabling it is the point)', () => {
    const pts: Array<[string, number, number]> = []
    for (let t = 0; t <= 2 * MIN; t += 10 * S) pts.push([COOLANT, T0 + t, 120])
    const r = backtestRule({ ...overheat, enabled: false }, DRIVING, columns(pts), [])
    expect(r.ok && r.value.transitions.map((x) => x.kind)).toEqual(['raise'])
  })

  it("uses the vehicle's catalogued model as the live evaluator does (a model limit replaces the default raise)", () => {
    const modelCoolant = rule({ signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 110, clear: 100, forS: 0, clearForS: 60, modelLimit: { field: 'coolantWarnC', clearMargin: 8 } } })
    const pts: Array<[string, number, number]> = []
    for (let t = 0; t <= 2 * MIN; t += 10 * S) pts.push([COOLANT, T0 + t, 90])
    const withModel = backtestRule(modelCoolant, DRIVING, columns(pts), [], { powertrain: 'BEV', coolantWarnC: 75 })
    expect(withModel.ok && withModel.value.transitions.map((x) => [x.kind, x.atMs])).toEqual([['raise', T0]])
    // Uncatalogued: the rule's own 110 °C, never reached.
    const without = backtestRule(modelCoolant, DRIVING, columns(pts), [])
    expect(without.ok && without.value.transitions).toEqual([])
  })

  it('merges DTC events with telemetry in event time', () => {
    const dtc = rule({ kind: { type: 'dtc', codePattern: 'P0A80', statusMask: 0x08 } })
    const events = [
      { code: 'P0A80', status: 0x08, action: 'set' as const, tsMs: T0 + MIN, freezeFrame: [] },
      { code: 'P0A80', status: 0x00, action: 'cleared' as const, tsMs: T0 + 5 * MIN, freezeFrame: [] },
    ]
    const r = backtestRule(dtc, DRIVING, columns([[COOLANT, T0, 90]]), events)
    expect(r.ok && r.value.transitions.map((x) => [x.kind, x.atMs])).toEqual([['raise', T0 + MIN], ['clear', T0 + 5 * MIN]])
  })

  it('refuses silence rules, which are about the live link', () => {
    const r = backtestRule(rule({ kind: { type: 'silence', afterS: 600 } }), DRIVING, columns([]), [])
    expect(r).toMatchObject({ ok: false, error: { code: 'GW_RULE_NOT_REPLAYABLE' } })
  })

  it('names every signal the rule reads (enabled or not): its own, the derived partner and the enabling context', () => {
    const spread = rule({ signal: CELL_MAX, derived: { minus: CELL_MIN }, when: { signalRange: [{ signal: SOC, min: 20 }] }, kind: { type: 'threshold', op: 'above', raise: 0.1, clear: 0.05, forS: 0, clearForS: 0 }, enabled: false })
    expect(signalsRead(spread).sort()).toEqual([CELL_MAX, CELL_MIN, SOC].map((s) => signalId(s)).sort())
  })
})
