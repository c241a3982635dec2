/** Display units a user can switch; values travel in the catalog's SI-ish units (km/h, km, celsius, kPa). */
export type DistanceUnit = 'km' | 'mi'
export type TemperatureUnit = 'C' | 'F'
export type PressureUnit = 'kPa' | 'psi' | 'bar'

export interface UnitPrefs {
  readonly distance: DistanceUnit
  readonly temperature: TemperatureUnit
  readonly pressure: PressureUnit
}

export const DEFAULT_UNITS: UnitPrefs = { distance: 'km', temperature: 'C', pressure: 'kPa' }

const KM_PER_MI = 1.609344
const KPA_PER_PSI = 6.894757293168

export interface Converted {
  readonly value: number
  /** Unit label to show (symbols are international, so not translated). */
  readonly unit: string
}

/** Converts a value in a catalog unit to the user's preferred display unit. */
export function toDisplay (value: number, catalogUnit: string, prefs: UnitPrefs): Converted {
  switch (catalogUnit) {
    case 'km/h': return prefs.distance === 'mi' ? { value: value / KM_PER_MI, unit: 'mph' } : { value, unit: 'km/h' }
    case 'km': return prefs.distance === 'mi' ? { value: value / KM_PER_MI, unit: 'mi' } : { value, unit: 'km' }
    case 'celsius': return prefs.temperature === 'F' ? { value: value * 9 / 5 + 32, unit: '°F' } : { value, unit: '°C' }
    case 'kPa':
      if (prefs.pressure === 'psi') return { value: value / KPA_PER_PSI, unit: 'psi' }
      if (prefs.pressure === 'bar') return { value: value / 100, unit: 'bar' }
      return { value, unit: 'kPa' }
    case 'percent': return { value, unit: '%' }
    case 'degrees': return { value, unit: '°' }
    case 'bool': return { value, unit: '' }
    default: return { value, unit: catalogUnit }
  }
}

/** Fraction digits that suit a display unit (bar needs two, rpm none). */
export function digitsFor (unit: string): number {
  if (unit === 'bar' || unit === 'V') return 2
  if (unit === 'rpm' || unit === '' || unit === 'dBm') return 0
  if (unit === '°') return 4
  return 1
}

export function parseUnitPrefs (raw: string | null): UnitPrefs {
  try {
    const o = JSON.parse(raw ?? '{}') as Partial<Record<keyof UnitPrefs, unknown>>
    return {
      distance: o.distance === 'mi' ? 'mi' : 'km',
      temperature: o.temperature === 'F' ? 'F' : 'C',
      pressure: o.pressure === 'psi' || o.pressure === 'bar' ? o.pressure : 'kPa',
    }
  } catch {
    return DEFAULT_UNITS
  }
}
