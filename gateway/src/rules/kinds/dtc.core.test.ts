import { describe, expect, it } from 'vitest'
import { compileRules } from '../compile.core.js'
import { evaluateDtc } from '../evaluate.core.js'
import { createVehicleRuleState } from '../vehicle-state.core.js'
import { DRIVING, MIN, T0, rule } from '../harness.testing.js'
import type { DiagnosticEvent } from '../types.js'

const set = compileRules([rule({ kind: { type: 'dtc', codePattern: 'P0A8?', statusMask: 0x08 } })])
const ctx = { vehicle: DRIVING }
const event = (code: string, status: number, tsMs: number, action: 'set' | 'cleared' = 'set'): DiagnosticEvent =>
  ({ code, status, action, tsMs, freezeFrame: [{ signalId: 12, value: 3.61 }] })

describe('dtc rules', () => {
  it('raise on a matching code with every status-mask bit set, with the freeze frame', () => {
    const s = createVehicleRuleState(set)
    expect(evaluateDtc(set, s, ctx, event('P0A80', 0x04, T0))).toEqual([]) // pending only
    expect(evaluateDtc(set, s, ctx, event('P0A7F', 0x09, T0 + MIN))).toEqual([]) // other code
    const [raise] = evaluateDtc(set, s, ctx, event('P0A80', 0x09, T0 + 2 * MIN))
    expect(raise).toMatchObject({ kind: 'raise', atMs: T0 + 2 * MIN, value: 0x09 })
    expect(raise?.detail.dtc).toEqual({ code: 'P0A80', status: 0x09, freezeFrame: [{ signalId: 12, value: 3.61 }] })
    expect(raise?.detail.reason).toContain('P0A80 set (status 0x09, needs 0x08)')
  })

  it('stay raised while any matching code fails, clear with the last one; replays and late events change nothing', () => {
    const s = createVehicleRuleState(set)
    const all = [
      ...evaluateDtc(set, s, ctx, event('P0A80', 0x08, T0)),
      ...evaluateDtc(set, s, ctx, event('P0A8F', 0x08, T0 + MIN)),
      ...evaluateDtc(set, s, ctx, event('P0A80', 0x08, T0)), // late replay
      ...evaluateDtc(set, s, ctx, event('P0A80', 0x50, T0 + 2 * MIN, 'cleared')),
    ]
    expect(all.map((t) => t.kind)).toEqual(['raise'])
    const [clear] = evaluateDtc(set, s, ctx, event('P0A8F', 0x00, T0 + 3 * MIN))
    expect(clear).toMatchObject({ kind: 'clear', atMs: T0 + 3 * MIN })
    expect(evaluateDtc(set, s, ctx, event('P0A8F', 0x08, T0 + MIN))).toEqual([]) // late: ignored
  })

  it('match slashed RegExp patterns', () => {
    const re = compileRules([rule({ kind: { type: 'dtc', codePattern: '/^C07(55|60)$/', statusMask: 0x08 } })])
    const s = createVehicleRuleState(re)
    expect(evaluateDtc(re, s, ctx, event('C0765', 0x08, T0))).toEqual([])
    expect(evaluateDtc(re, s, ctx, event('C0755', 0x08, T0))).toHaveLength(1)
  })
})
