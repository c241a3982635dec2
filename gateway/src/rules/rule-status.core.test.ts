import { describe, expect, it } from 'vitest'
import { CELL_MAX, HOUR, MIN, T0, TYRE_FL, TYRE_TEMP_FL, harness, rule } from './harness.testing.js'
import { summarizeRuleStatus } from './rule-status.core.js'

const AMBIENT = 'Vehicle.Exterior.AirTemperature'
const CELL_MIN_ = 'Vehicle.Powertrain.TractionBattery.CellVoltage.Min'
/** Compensated to 20 °C, a 250 kPa tyre at 40 °C reads ≈ 227.6 kPa: below 230 raises. */
const lowAt20 = (fallback: boolean) => rule({
  id: fallback ? 'low-fb' : 'low',
  signal: TYRE_FL,
  derived: { compensateTemperature: TYRE_TEMP_FL, ...(fallback ? { temperatureFallback: AMBIENT } : {}) },
  kind: { type: 'threshold', op: 'below', raise: 230, clear: 240, forS: 0, clearForS: 0 },
})

describe('rules that say when they cannot run', () => {
  it('compensate with ambient air when the tyre temperature is absent, and report the fallback', () => {
    const h = harness([lowAt20(true), lowAt20(false)])
    h.feed(AMBIENT, T0, 40)
    h.feed(TYRE_FL, T0, 250)
    expect(h.out.map((t) => t.ruleId)).toEqual(['low-fb'])
    expect(h.out[0]?.value).toBeCloseTo(227.56, 1)
    const [fb, plain] = h.set.rules
    expect(summarizeRuleStatus(fb!, [h.state])).toEqual({ ruleId: 'low-fb', evaluated: 1, inactive: {}, noData: 0, onFallback: 1 })
    expect(summarizeRuleStatus(plain!, [h.state])).toEqual({ ruleId: 'low', evaluated: 0, inactive: { 'missing-temperature': 1 }, noData: 0, onFallback: 0 })
  })

  it("use the tyre's own temperature when it is reported, waiting for the pair rather than falling back", () => {
    const h = harness([lowAt20(true)])
    h.feed(AMBIENT, T0, 40)
    h.feed(TYRE_TEMP_FL, T0, 20)
    h.feed(TYRE_FL, T0, 250) // at 20 °C: 250, no raise
    h.feed(TYRE_FL, T0 + MIN, 250) // its temperature has not arrived yet: waits (ambient would raise)
    expect(h.out).toEqual([])
    h.feed(TYRE_TEMP_FL, T0 + MIN, 20)
    expect(h.out).toEqual([])
    expect(summarizeRuleStatus(h.set.rules[0]!, [h.state]).onFallback).toBe(0)
    // the sensor dies: after an hour without it, ambient takes over
    h.feed(AMBIENT, T0 + 2 * HOUR, 40)
    h.feed(TYRE_FL, T0 + 2 * HOUR, 250)
    expect(h.out.map((t) => t.kind)).toEqual(['raise'])
  })

  it('count evaluated, inactive by reason, and vehicles that never sent the signal', () => {
    const spread = rule({ id: 'spread', signal: CELL_MAX, derived: { minus: CELL_MIN_ }, kind: { type: 'threshold', op: 'above', raise: 0.08, clear: 0.06, forS: 0, clearForS: 0 } })
    const leak = rule({ id: 'leak', signal: TYRE_FL, kind: { type: 'slope', op: 'below', perDay: -2, windowS: 3 * 86_400, minSamples: 50 } })
    const a = harness([spread, leak])
    a.feed(CELL_MAX, T0, 3.9) // its minimum never comes
    a.feed(TYRE_FL, T0, 250) // one sample: a slope needs 50
    const b = harness([spread, leak])
    b.feed(CELL_MIN_, T0, 3.9)
    b.feed(CELL_MAX, T0, 3.92)
    const silent = harness([spread, leak])
    const states = [a.state, b.state, silent.state]
    expect(summarizeRuleStatus(a.set.rules[0]!, states)).toEqual({ ruleId: 'spread', evaluated: 1, inactive: { 'missing-minus': 1 }, noData: 1, onFallback: 0 })
    expect(summarizeRuleStatus(a.set.rules[1]!, states)).toEqual({ ruleId: 'leak', evaluated: 0, inactive: { 'too-sparse': 1 }, noData: 2, onFallback: 0 })
  })

  it('refuse a fallback without a compensation, or one that is not a temperature', () => {
    expect(() => rule({ signal: TYRE_FL, derived: { temperatureFallback: AMBIENT } as never, kind: { type: 'threshold', op: 'below', raise: 1, clear: 2, forS: 0, clearForS: 0 } })).toThrow(/temperatureFallback: needs/)
    expect(() => rule({ signal: TYRE_FL, derived: { compensateTemperature: TYRE_TEMP_FL, temperatureFallback: 'Vehicle.Speed' }, kind: { type: 'threshold', op: 'below', raise: 1, clear: 2, forS: 0, clearForS: 0 } })).toThrow(/celsius/)
  })
})
