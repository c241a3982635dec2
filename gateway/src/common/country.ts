/**
 * ISO 3166-1 alpha-2 country codes, checked against the ICU region names
 * Node ships (no list of our own to keep current). CLDR also names 30
 * two-letter codes that are not assigned countries, refused here:
 * groupings (EU, EZ, UN, QO), pseudo-locales (XA, XB), "unknown" (ZZ),
 * ISO's exceptionally reserved codes (AC, CP, CQ, DG, EA, IC, TA, UK) and
 * withdrawn ones (AN, BU, CS, DD, DY, FX, HV, NH, RH, SU, TP, VD, YD, YU,
 * ZR). What remains is the 249 countries of ISO 3166-1 and XK (Kosovo),
 * which vehicle registries use.
 */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA', 'UK',
  'AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'VD', 'YD', 'YU', 'ZR'])
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

export function isCountryCode (code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false
  return names.of(code) !== code
}

/** The English name of a country code (for messages and reports). */
export const countryName = (code: string): string => names.of(code) ?? code
