/**
 * Vehicle identification numbers (ISO 3779) with the check digit in position
 * 9 (the North American rule, which most makers apply worldwide).
 */
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
/** Model-year codes from 2010 ('A'); I, O, Q, U, Z and 0 are never used. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789'
const VIN_CHARS = /^[A-HJ-NPR-Z0-9]{17}$/

function charValue (c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48
  const v = TRANSLITERATION[c]
  if (v === undefined) throw new Error(`character ${c} is not allowed in a VIN`)
  return v
}

/** The check digit ('0'–'9' or 'X') of a 17-character VIN; position 9 itself is ignored. */
export function vinCheckDigit (vin: string): string {
  if (vin.length !== 17) throw new Error(`a VIN has 17 characters, got ${vin.length}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += charValue(vin[i] as string) * (WEIGHTS[i] as number)
  const r = sum % 11
  return r === 10 ? 'X' : String(r)
}

export function isValidVin (vin: string): boolean {
  return VIN_CHARS.test(vin) && vin[8] === vinCheckDigit(vin)
}

export function modelYearCode (year: number): string {
  const code = YEAR_CODES[(((year - 2010) % 30) + 30) % 30]
  return code as string
}

export interface VinParts {
  /** World manufacturer identifier, 3 characters. */
  wmi: string
  /** Vehicle descriptor section (positions 4–8), 5 characters. */
  vds: string
  modelYear: number
  /** Assembly plant, 1 character. */
  plant: string
  /** Production serial, 0–999999. */
  serial: number
}

/** Builds a VIN and fills in its check digit. */
export function buildVin (p: VinParts): string {
  if (p.wmi.length !== 3 || p.vds.length !== 5 || p.plant.length !== 1) throw new Error('bad VIN parts')
  if (!Number.isInteger(p.serial) || p.serial < 0 || p.serial > 999_999) throw new Error(`serial out of range: ${p.serial}`)
  const draft = `${p.wmi}${p.vds}0${modelYearCode(p.modelYear)}${p.plant}${String(p.serial).padStart(6, '0')}`
  if (!VIN_CHARS.test(draft)) throw new Error(`not a VIN: ${draft}`)
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`
}
