import { describe, expect, it } from 'vitest'
import { compileRules } from '../compile.core.js'
import { evaluateSilence } from '../evaluate.core.js'
import { createVehicleRuleState } from '../vehicle-state.core.js'
import { DRIVING, MIN, T0, rule } from '../harness.testing.js'
import type { VehiclePowerState } from '../types.js'

const set = compileRules([rule({ clearDelayS: 120, kind: { type: 'silence', afterS: 900 } })])
const at = (powerState: VehiclePowerState) => ({ vehicle: { ...DRIVING, powerState } })

describe('silence rules', () => {
  it('raise for an awake vehicle silent longer than afterS, dated when the silence passed afterS, once', () => {
    const s = createVehicleRuleState(set)
    const lastSeen = T0
    expect(evaluateSilence(set, s, at('awake'), T0 + 15 * MIN, lastSeen)).toEqual([])
    const [raise] = evaluateSilence(set, s, at('awake'), T0 + 16 * MIN, lastSeen)
    expect(raise).toMatchObject({ kind: 'raise', atMs: T0 + 15 * MIN, confirmedAtMs: T0 + 16 * MIN, value: 16 * MIN })
    expect(raise?.detail.reason).toContain('no data for 960 s while awake')
    expect(evaluateSilence(set, s, at('awake'), T0 + 30 * MIN, lastSeen)).toEqual([])
  })

  it('never raise for a vehicle that said it went to sleep, but do for one whose link dropped', () => {
    const asleep = createVehicleRuleState(set)
    expect(evaluateSilence(set, asleep, at('asleep'), T0 + 10 * 24 * 60 * MIN, T0)).toEqual([])
    const lost = createVehicleRuleState(set)
    expect(evaluateSilence(set, lost, at('offline'), T0 + 20 * MIN, T0)).toHaveLength(1)
  })

  it('clear when data flows again for clearDelayS, or when the vehicle says it is asleep', () => {
    const s = createVehicleRuleState(set)
    evaluateSilence(set, s, at('driving'), T0 + 20 * MIN, T0)
    expect(evaluateSilence(set, s, at('driving'), T0 + 21 * MIN, T0 + 21 * MIN)).toEqual([])
    const [clear] = evaluateSilence(set, s, at('driving'), T0 + 23 * MIN, T0 + 23 * MIN)
    expect(clear).toMatchObject({ kind: 'clear', atMs: T0 + 21 * MIN })
    const s2 = createVehicleRuleState(set)
    evaluateSilence(set, s2, at('awake'), T0 + 20 * MIN, T0)
    evaluateSilence(set, s2, at('asleep'), T0 + 21 * MIN, T0)
    expect(evaluateSilence(set, s2, at('asleep'), T0 + 24 * MIN, T0).map((t) => t.kind)).toEqual(['clear'])
  })
})
