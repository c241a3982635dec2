import { describe, expect, it } from 'vitest'
import { DEFAULT_CATALOGUE, checkCatalogue, familyOfRule, primaryOption } from './catalogue.core.js'

describe('part catalogue', () => {
  it('maps the default rules to fault families', () => {
    expect(familyOfRule('tyre-slow-leak-fl')).toBe('tyre_leak')
    expect(familyOfRule('tyre-low-vs-fleet-rr')).toBe('tyre_leak')
    expect(familyOfRule('lv-battery-crank-forecast')).toBe('lv_battery')
    expect(familyOfRule('hv-cell-spread-growing')).toBe('cell_imbalance')
    expect(familyOfRule('brake-pad-wear-fl')).toBe('pad_wear')
    expect(familyOfRule('vehicle-silent')).toBeUndefined()
  })
  it('the seed catalogue is consistent for every simulated model', () => {
    for (const entries of Object.values(DEFAULT_CATALOGUE)) expect(checkCatalogue(entries)).toEqual([])
  })
  it('names shares that do not add up', () => {
    const bad = DEFAULT_CATALOGUE['FW-E1']!.filter((x) => x.optionId !== 'new-tyre')
    expect(checkCatalogue(bad)).toEqual(['/tyre_leak/: option shares add up to 0.70, not 1'])
  })
  it('books the most frequent option, or the DTC-specific one', () => {
    const entries = DEFAULT_CATALOGUE['FW-E1']!
    expect(primaryOption(entries, 'tyre_leak')?.optionId).toBe('repair-kit')
    const withDtc = [...entries, { ...entries[0]!, optionId: 'tpms-sensor', dtc: 'C1234', parts: [{ partNumber: 'TPMS-S', quantity: 1 }] }]
    expect(primaryOption(withDtc, 'dtc', 'C1234')?.optionId).toBe('tpms-sensor')
    expect(primaryOption(entries, 'maintenance')).toBeUndefined()
  })
})
