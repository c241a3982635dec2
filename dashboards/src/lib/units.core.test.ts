import { describe, expect, it } from 'vitest'
import { DEFAULT_UNITS, parseUnitPrefs, toDisplay } from './units.core.js'

describe('display units', () => {
  it('keeps catalog units by default', () => {
    expect(toDisplay(100, 'km/h', DEFAULT_UNITS)).toEqual({ value: 100, unit: 'km/h' })
    expect(toDisplay(250, 'kPa', DEFAULT_UNITS)).toEqual({ value: 250, unit: 'kPa' })
  })

  it('converts distance, speed, temperature and pressure', () => {
    const u = { distance: 'mi', temperature: 'F', pressure: 'psi' } as const
    expect(toDisplay(160.9344, 'km/h', u).value).toBeCloseTo(100, 6)
    expect(toDisplay(1.609344, 'km', u)).toEqual({ value: 1, unit: 'mi' })
    expect(toDisplay(100, 'celsius', u)).toEqual({ value: 212, unit: '°F' })
    expect(toDisplay(-40, 'celsius', u).value).toBe(-40)
    expect(toDisplay(6.894757293168, 'kPa', u).value).toBeCloseTo(1, 9)
    expect(toDisplay(250, 'kPa', { ...u, pressure: 'bar' })).toEqual({ value: 2.5, unit: 'bar' })
  })

  it('leaves other units alone', () => {
    expect(toDisplay(3.7, 'V', { distance: 'mi', temperature: 'F', pressure: 'bar' })).toEqual({ value: 3.7, unit: 'V' })
  })

  it('reads saved preferences, falling back field by field', () => {
    expect(parseUnitPrefs('{"distance":"mi","pressure":"bar","temperature":"K"}')).toEqual({ distance: 'mi', temperature: 'C', pressure: 'bar' })
    expect(parseUnitPrefs('not json')).toEqual(DEFAULT_UNITS)
    expect(parseUnitPrefs(null)).toEqual(DEFAULT_UNITS)
  })
})
