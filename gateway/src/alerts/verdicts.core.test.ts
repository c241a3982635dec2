import { describe, expect, it } from 'vitest'
import { checkVerdict, ruleFeedback } from './verdicts.core.js'

const week = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

describe('verdicts', () => {
  it('a confirmed fault names the part; other outcomes name none', () => {
    expect(checkVerdict({ outcome: 'confirmed', part: '12 V battery' }).ok).toBe(true)
    expect(checkVerdict({ outcome: 'confirmed' })).toMatchObject({ ok: false, error: { code: 'GW_ALERT_VERDICT_INVALID', detail: expect.stringContaining('/verdict/part') } })
    expect(checkVerdict({ outcome: 'false-alarm', part: 'tyre' }).ok).toBe(false)
    expect(checkVerdict({ outcome: 'not-verified' }).ok).toBe(true)
  })

  it('confirmed precision per rule and week leaves unverified alerts out', () => {
    const f = ruleFeedback([
      { ruleId: 'tyre-slow-leak-fl', weekMs: week('2026-11-30'), confirmed: 1, falseAlarm: 1, notVerified: 5 },
      { ruleId: 'tyre-slow-leak-fl', weekMs: week('2026-11-23'), confirmed: 3, falseAlarm: 0, notVerified: 0 },
      { ruleId: 'coolant-overheat', weekMs: week('2026-11-30'), confirmed: 0, falseAlarm: 0, notVerified: 2 },
    ])
    expect(f.map((r) => r.ruleId)).toEqual(['coolant-overheat', 'tyre-slow-leak-fl'])
    expect(f[0]?.confirmedPrecision).toBeNull()
    expect(f[1]).toMatchObject({ confirmed: 4, falseAlarm: 1, notVerified: 5, confirmedPrecision: 0.8 })
    expect(f[1]?.weeks).toEqual([
      { week: '2026-11-23', confirmed: 3, falseAlarm: 0, notVerified: 0, confirmedPrecision: 1 },
      { week: '2026-11-30', confirmed: 1, falseAlarm: 1, notVerified: 5, confirmedPrecision: 0.5 },
    ])
  })
})
