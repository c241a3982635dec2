import { describe, expect, it } from 'vitest'
import { parseFraction, parseScenario } from './scenario.core.js'

describe('fault selection options', () => {
  it('parses shares', () => {
    expect(parseFraction('10%')).toEqual({ ok: true, value: 0.1 })
    expect(parseFraction('0.25')).toEqual({ ok: true, value: 0.25 })
    expect(parseFraction('none')).toEqual({ ok: true, value: 0 })
    expect(parseFraction('150%').ok).toBe(false)
    expect(parseFraction('lots').ok).toBe(false)
  })

  it('parses a scenario file and says what is wrong with a bad one', () => {
    const ok = parseScenario({ fraction: '5%', kinds: ['pad-wear'], faults: [{ vehicle: 0, fault: 'cooling-fault', onsetDay: 1, failureDay: 12 }] })
    expect(ok.ok && ok.value).toMatchObject({ fraction: 0.05, kinds: ['pad-wear'], explicit: [{ vehicle: 0, fault: 'cooling-fault', onsetDay: 1, failureDay: 12 }] })
    const bad = parseScenario({ faults: [{ vehicle: 0, fault: 'flat-battery' }] })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error.detail).toMatch(/faults\[0\]\.fault/)
    expect(parseScenario({ faults: [{ vehicle: 0, fault: 'pad-wear', onsetDay: 5, failureDay: 2 }] }).ok).toBe(false)
  })
})
