import { describe, expect, it } from 'vitest'
import { cutoffMs, effectivePolicy, parseDataPolicy, policyFor, reducePosition, residencyProblem, retentionGroups } from './policy.core.js'
import { isCountryCode } from '../common/country.js'

const defaults = { telemetryDays: 365, positionDays: 365, auditDays: 2190, positionDecimals: null, export: true, residency: 'any' as const }

describe('data policy', () => {
  it('regions inherit missing fields from "*", which inherits from the defaults', () => {
    const r = parseDataPolicy('{"*":{"positionDays":90},"EU":{"positionDays":30,"positionDecimals":3},"AU":{}}', defaults)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(policyFor(r.value, 'EU')).toEqual({ ...defaults, positionDays: 30, positionDecimals: 3 })
    expect(policyFor(r.value, 'AU')).toEqual({ ...defaults, positionDays: 90 })
    expect(policyFor(r.value, 'LATAM')).toEqual({ ...defaults, positionDays: 90 })
    expect(policyFor(r.value, null)).toEqual({ ...defaults, positionDays: 90 })
  })

  it('reports every bad field at once', () => {
    const r = parseDataPolicy('{"EU":{"positionDays":0,"colour":"red","positionDecimals":1.5},"US":3}', defaults)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.detail.split('\n')).toEqual([
      'DATA_POLICY.EU.positionDays: expected whole days 1..36500',
      'DATA_POLICY.EU.colour: unknown field (known: telemetryDays, positionDays, auditDays, positionDecimals, export, residency)',
      'DATA_POLICY.EU.positionDecimals: expected an integer 0..8 or null',
      'DATA_POLICY.US: expected an object',
    ])
    expect(parseDataPolicy('[1]', defaults).ok).toBe(false)
    expect(parseDataPolicy('{', defaults).ok).toBe(false)
  })

  it('a country\'s fields override its region\'s, and the source of each value is named', () => {
    const r = parseDataPolicy('{"*":{"auditDays":1000},"EU":{"positionDays":30,"positionDecimals":3},"countries":{"DE":{"positionDays":14,"export":false},"BR":{"telemetryDays":90}}}', defaults, isCountryCode)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(policyFor(r.value, 'EU', 'DE')).toEqual({ ...defaults, positionDays: 14, auditDays: 1000, positionDecimals: 3, export: false })
    expect(policyFor(r.value, 'EU', 'FR')).toEqual(policyFor(r.value, 'EU'))
    expect(policyFor(r.value, 'LATAM', 'BR')).toEqual({ ...defaults, auditDays: 1000, telemetryDays: 90 })
    expect(effectivePolicy(r.value, 'EU', 'DE').source).toEqual({ telemetryDays: 'default', positionDays: 'country:DE', auditDays: '*', positionDecimals: 'region:EU', export: 'country:DE', residency: 'default' })
    expect(effectivePolicy(r.value, 'APAC', null).source.positionDays).toBe('default')
  })

  it('a country section is checked like a region, and its codes against ISO 3166-1', () => {
    const r = parseDataPolicy('{"countries":{"UK":{"positionDays":7},"DE":{"export":"no"}}}', defaults, isCountryCode)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.detail.split('\n')).toEqual([
      'DATA_POLICY.countries.UK: not an ISO 3166-1 alpha-2 country code (e.g. DE, BR, TH)',
      'DATA_POLICY.countries.DE.export: expected true or false',
    ])
    expect(parseDataPolicy('{"countries":[]}', defaults, isCountryCode).ok).toBe(false)
  })

  it('keeps a "cell"-resident country\'s vehicles out of a cell that does not serve it', () => {
    const r = parseDataPolicy('{"countries":{"CN":{"residency":"cell"}},"APAC":{"residency":"cell"}}', defaults, isCountryCode)
    if (!r.ok) throw new Error(r.error.detail)
    expect(residencyProblem(r.value, ['DE', 'FR'], 'APAC', 'CN')).toContain('stays in the cell serving CN; this cell serves DE, FR')
    expect(residencyProblem(r.value, ['CN'], 'APAC', 'CN')).toBeUndefined()
    expect(residencyProblem(r.value, ['DE'], 'EU', 'FR')).toBeUndefined()
    expect(residencyProblem(r.value, ['DE'], 'APAC', null)).toContain('give the vehicle\'s country')
    expect(residencyProblem(r.value, [], 'APAC', 'CN')).toBeUndefined()
    expect(parseDataPolicy('{"EU":{"residency":"home"}}', defaults).ok).toBe(false)
  })

  it('rounds positions only, to the region\'s decimals', () => {
    expect(reducePosition(3, 52.520_008, 3)).toBe(52.52)
    expect(reducePosition(4, 13.404_954, 2)).toBe(13.4)
    expect(reducePosition(4, -3.704_6, 3)).toBe(-3.705)
    expect(reducePosition(1, 52.520_008, 2)).toBe(52.520_008)
    expect(reducePosition(3, 52.520_008, null)).toBe(52.520_008)
  })

  it('groups the fleet by retention periods, at most 1,000 vehicles a group, so the hourly pass costs statements per group, not per vehicle', () => {
    const r = parseDataPolicy('{"EU":{"positionDays":30},"APAC":{"positionDays":30,"auditDays":10},"countries":{"DE":{"telemetryDays":90}}}', defaults, isCountryCode)
    if (!r.ok) throw new Error(r.error.detail)
    const fleet = [
      ...Array.from({ length: 2500 }, (_, i) => ({ key: i, region: 'EU', country: 'FR' })),
      { key: 9000, region: 'APAC', country: null }, // same periods as EU (audit days do not matter here)
      { key: 9001, region: 'EU', country: 'DE' },
      { key: 9002, region: 'US', country: null },
    ]
    const groups = retentionGroups(r.value, fleet)
    expect(groups.map((g) => [g.p.positionDays, g.p.telemetryDays, g.keys.length])).toEqual([[30, 365, 1000], [30, 365, 1000], [30, 365, 501], [30, 90, 1], [365, 365, 1]])
    expect(groups[2]!.keys.slice(-2)).toEqual([2499, 9000])
    expect(groups.flatMap((g) => g.keys).sort((a, b) => a - b)).toEqual(fleet.map((v) => v.key))
    expect(retentionGroups(r.value, [])).toEqual([])
  })

  it('computes cut-offs in whole days', () => {
    expect(cutoffMs(100 * 86_400_000, 30)).toBe(70 * 86_400_000)
  })
})
