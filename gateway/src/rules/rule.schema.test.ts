import { describe, expect, it } from 'vitest'
import { validateRule } from './rule.schema.js'

const base = { id: 'coolant-hot', name: 'Coolant hot', enabled: true, severity: 'major', signal: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature' }
const threshold = { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 60, clearForS: 300 }

function detail (doc: unknown): string {
  const r = validateRule(doc)
  if (r.ok) throw new Error('expected the rule to be refused')
  expect(r.error.code).toBe('GW_RULE_INVALID')
  return r.error.detail
}

describe('validateRule', () => {
  it('accepts a complete threshold rule and returns it typed', () => {
    const r = validateRule({ ...base, kind: threshold, when: { powerState: ['driving'], signalRange: [{ signal: 'Vehicle.Powertrain.TractionBattery.StateOfCharge.Current', min: 20, max: 90 }] } })
    expect(r.ok && r.value.kind.type === 'threshold' && r.value.kind.raise).toBe(105)
  })

  it('names the kind field that has the wrong type', () => {
    expect(detail({ ...base, kind: { ...threshold, raise: 'hot' } })).toContain('/kind/raise: Expected number')
  })

  it('names missing and unexpected fields, several at once', () => {
    const { severity: _, ...withoutSeverity } = base
    const d = detail({ ...withoutSeverity, colour: 'red', kind: threshold })
    expect(d).toContain('/severity: Expected required property')
    expect(d).toContain('/colour: Unexpected property')
  })

  it('lists the allowed values of an enumeration', () => {
    expect(detail({ ...base, severity: 'catastrophic', kind: threshold })).toContain(`/severity: Expected one of "critical", "major", "minor", "warning"`)
    expect(detail({ ...base, kind: { type: 'magic' } })).toContain('/kind/type: Expected one of "threshold"')
  })

  it('refuses hysteresis the wrong way round', () => {
    expect(detail({ ...base, kind: { ...threshold, clear: 110 } })).toContain("/kind/clear: must be <= raise (105) for op 'above'")
    expect(detail({ ...base, kind: { ...threshold, op: 'below', raise: 10, clear: 5 } })).toContain("/kind/clear: must be >= raise (10) for op 'below'")
  })

  it('checks signal names against the catalog, except for dtc and silence rules', () => {
    expect(detail({ ...base, signal: 'Vehicle.Warp.Core', kind: threshold })).toContain("/signal: unknown signal 'Vehicle.Warp.Core'")
    const { signal: _, ...noSignal } = base
    expect(detail({ ...noSignal, kind: threshold })).toContain('/signal: required for threshold rules')
    expect(validateRule({ ...noSignal, kind: { type: 'silence', afterS: 900 } }).ok).toBe(true)
    expect(detail({ ...base, kind: { type: 'dtc', codePattern: 'P0A8?', statusMask: 8 } })).toContain('/signal: not used by dtc rules')
  })

  it('checks derived signals and enabling conditions field by field', () => {
    const d = detail({
      ...base,
      derived: { minus: 'Vehicle.Speed', compensateTemperature: 'Vehicle.Speed' },
      when: { signalRange: [{ signal: 'Vehicle.Nope', min: 5, max: 1 }] },
      kind: threshold,
    })
    expect(d).toContain('/derived/minus: unit km/h differs')
    expect(d).toContain('/derived/compensateTemperature: needs a temperature in celsius')
    expect(d).toContain("/when/signalRange/0/signal: unknown signal 'Vehicle.Nope'")
    expect(d).toContain('/when/signalRange/0/max: must be >= min (5)')
  })

  it('validates DTC code patterns: globs and slashed RegExps', () => {
    const { signal: _, ...noSignal } = base
    const dtc = (codePattern: string) => ({ ...noSignal, kind: { type: 'dtc', codePattern, statusMask: 0x08 } })
    expect(validateRule(dtc('P0A8?')).ok).toBe(true)
    expect(validateRule(dtc('/^P0A[78]/')).ok).toBe(true)
    expect(detail(dtc('/^P0A[78/'))).toContain('/kind/codePattern: invalid RegExp')
    expect(detail(dtc('P0-A8'))).toContain('/kind/codePattern: expected a glob')
  })

  it('bounds forecast windows and keeps clear parameters on the safe side', () => {
    const forecast = { type: 'forecast', op: 'below', limit: 9.6, horizonS: 7 * 86_400, windowS: 30 * 86_400, minSamples: 5, bucketS: 60 }
    expect(detail({ ...base, kind: forecast })).toContain('/kind/bucketS: the window would hold 43200 buckets; at most 256')
    expect(detail({ ...base, kind: { ...forecast, bucketS: 86_400, clearHorizonS: 86_400 } })).toContain('/kind/clearHorizonS: must be >= horizonS')
    expect(detail({ ...base, kind: { type: 'ewma', alpha: 1.5, k: 4, forS: 0, warmupSamples: 10 } })).toContain('/kind/alpha: Expected number to be less than 1')
  })

  it('keeps the clear duration of threshold rules in one place', () => {
    expect(detail({ ...base, clearDelayS: 60, kind: threshold })).toContain('/clearDelayS: threshold rules set their clear duration in /kind/clearForS')
  })
})
