/**
 * The part catalogue's vocabulary: fault families (what the predictive rules
 * detect), which rule belongs to which family, and the catalogue a new
 * installation starts with for the simulated models (FW-E1 BEV, FW-P1 PHEV).
 * Pure data and lookups; parts/ stores the editable copy.
 */
export const FAULT_FAMILIES = ['tyre_leak', 'lv_battery', 'cell_imbalance', 'coolant', 'pad_wear', 'insulation', 'soh_fade', 'dtc', 'maintenance'] as const
export type FaultFamily = typeof FAULT_FAMILIES[number]

export const CAPABILITIES = ['hv_battery', 'tyres', 'brakes', 'body', 'adas_calibration', 'general'] as const
export type Capability = typeof CAPABILITIES[number]

export interface PartQty { readonly partNumber: string, readonly quantity: number }

export interface CatalogueEntry {
  readonly faultFamily: FaultFamily
  /** One repair option of the family (kit or new tyre …); share = how often it is the one needed. */
  readonly optionId: string
  /** Set when the entry answers one DTC rather than a whole family. */
  readonly dtc: string | null
  readonly parts: readonly PartQty[]
  readonly share: number
  readonly labourMinutes: number
  readonly capability: Capability
  readonly description: string
}

/** Rule id prefixes (rules/default-rules.ts) → the family whose parts a confirmed alert consumes. */
const RULE_FAMILY: ReadonlyArray<readonly [string, FaultFamily]> = [
  ['tyre-', 'tyre_leak'],
  ['lv-battery-', 'lv_battery'],
  ['hv-cell-spread-', 'cell_imbalance'],
  ['coolant-', 'coolant'],
  ['brake-pad-', 'pad_wear'],
  ['hv-insulation-', 'insulation'],
  ['hv-soh-', 'soh_fade'],
  ['dtc-', 'dtc'],
]

export function familyOfRule (ruleId: string): FaultFamily | undefined {
  return RULE_FAMILY.find(([prefix]) => ruleId.startsWith(prefix))?.[1]
}

/**
 * Typical time from a predictive alert to the repair when the alert carries
 * no forecast: how long the detectors' lead time usually is for the family
 * (a slow leak reaches the TPMS warning in days, an insulation fault drifts
 * for weeks).
 */
export const DEFAULT_DAYS_TO_FAILURE: Readonly<Record<FaultFamily, number>> = {
  tyre_leak: 5, lv_battery: 10, cell_imbalance: 21, coolant: 10, pad_wear: 14, insulation: 21, soh_fade: 60, dtc: 7, maintenance: 14,
}

const e = (faultFamily: FaultFamily, optionId: string, parts: PartQty[], share: number, labourMinutes: number, capability: Capability, description: string): CatalogueEntry =>
  ({ faultFamily, optionId, dtc: null, parts, share, labourMinutes, capability, description })
const p = (partNumber: string, quantity = 1): PartQty => ({ partNumber, quantity })

/** Seed catalogue per simulated model; part numbers are Fleetwire's own. */
export const DEFAULT_CATALOGUE: Readonly<Record<string, readonly CatalogueEntry[]>> = {
  'FW-E1': [
    e('tyre_leak', 'repair-kit', [p('TYR-KIT-01')], 0.7, 30, 'tyres', 'slow leak: puncture repair kit'),
    e('tyre_leak', 'new-tyre', [p('TYR-235-45R19')], 0.3, 45, 'tyres', 'slow leak: sidewall or bead damage, new tyre'),
    e('lv_battery', 'replace', [p('BAT-12V-70AH')], 1, 30, 'general', 'weak 12 V battery: replace'),
    e('cell_imbalance', 'bms-service', [p('BMS-SVC-KIT')], 0.6, 90, 'hv_battery', 'cell imbalance: BMS balancing service'),
    e('cell_imbalance', 'module', [p('HVM-E1-MOD')], 0.4, 240, 'hv_battery', 'cell imbalance: replace the weak module'),
    e('pad_wear', 'front-axle', [p('BRK-PAD-E1-F')], 1, 60, 'brakes', 'pad wear: front axle pad set'),
    e('coolant', 'pump', [p('CLT-PUMP-E1')], 0.7, 120, 'general', 'cooling: electric coolant pump'),
    e('coolant', 'valve', [p('CLT-VALVE-E1')], 0.3, 90, 'general', 'cooling: coolant valve'),
    e('insulation', 'connector', [p('HV-CONN-01')], 0.6, 180, 'hv_battery', 'insulation: HV connector inspection and replacement'),
    e('insulation', 'cable', [p('HV-CABLE-E1')], 0.4, 240, 'hv_battery', 'insulation: HV cable replacement'),
    e('soh_fade', 'inspection', [], 1, 60, 'hv_battery', 'fast capacity fade: HV battery inspection'),
    e('dtc', 'inspection', [], 1, 60, 'general', 'warning lamp: diagnosis'),
  ],
  'FW-P1': [
    e('tyre_leak', 'repair-kit', [p('TYR-KIT-01')], 0.7, 30, 'tyres', 'slow leak: puncture repair kit'),
    e('tyre_leak', 'new-tyre', [p('TYR-215-55R17')], 0.3, 45, 'tyres', 'slow leak: sidewall or bead damage, new tyre'),
    e('lv_battery', 'replace', [p('BAT-12V-60AH')], 1, 30, 'general', 'weak 12 V battery: replace'),
    e('cell_imbalance', 'bms-service', [p('BMS-SVC-KIT')], 0.6, 90, 'hv_battery', 'cell imbalance: BMS balancing service'),
    e('cell_imbalance', 'module', [p('HVM-P1-MOD')], 0.4, 240, 'hv_battery', 'cell imbalance: replace the weak module'),
    e('pad_wear', 'front-axle', [p('BRK-PAD-P1-F')], 1, 60, 'brakes', 'pad wear: front axle pad set'),
    e('coolant', 'pump', [p('CLT-PUMP-P1')], 0.4, 120, 'general', 'cooling: coolant pump'),
    e('coolant', 'thermostat', [p('CLT-THERM-P1')], 0.6, 90, 'general', 'cooling: thermostat'),
    e('insulation', 'connector', [p('HV-CONN-01')], 0.6, 180, 'hv_battery', 'insulation: HV connector inspection and replacement'),
    e('insulation', 'cable', [p('HV-CABLE-P1')], 0.4, 240, 'hv_battery', 'insulation: HV cable replacement'),
    e('soh_fade', 'inspection', [], 1, 60, 'hv_battery', 'fast capacity fade: HV battery inspection'),
    e('dtc', 'inspection', [], 1, 60, 'general', 'warning lamp: diagnosis'),
  ],
}

export interface ServiceSchedule {
  readonly everyKm: number
  readonly everyMonths: number
  readonly parts: readonly PartQty[]
  readonly labourMinutes: number
  readonly capability: Capability
}

export const DEFAULT_SCHEDULES: Readonly<Record<string, ServiceSchedule>> = {
  'FW-E1': { everyKm: 30_000, everyMonths: 24, parts: [p('CAB-FILTER-01'), p('BRK-FLUID-1L')], labourMinutes: 60, capability: 'general' },
  'FW-P1': { everyKm: 15_000, everyMonths: 12, parts: [p('OIL-FILTER-P1'), p('OIL-5W30-4L'), p('CAB-FILTER-01')], labourMinutes: 75, capability: 'general' },
}

/** The option a booking uses when none is named: the most frequent one (first on ties). */
export function primaryOption (entries: readonly CatalogueEntry[], family: FaultFamily, dtc?: string): CatalogueEntry | undefined {
  const forDtc = dtc === undefined ? [] : entries.filter((x) => x.dtc === dtc)
  const pool = forDtc.length > 0 ? forDtc : entries.filter((x) => x.faultFamily === family && x.dtc === null)
  return pool.reduce<CatalogueEntry | undefined>((best, x) => (best === undefined || x.share > best.share ? x : best), undefined)
}

/** Shares of a family's options must add up to 1 (± rounding) for the forecast to mean anything. */
export function checkCatalogue (entries: readonly CatalogueEntry[]): string[] {
  const errors: string[] = []
  const sums = new Map<string, number>()
  for (const x of entries) {
    const k = `${x.faultFamily}/${x.dtc ?? ''}`
    sums.set(k, (sums.get(k) ?? 0) + x.share)
    if (x.parts.some((q) => q.quantity <= 0 || !Number.isInteger(q.quantity))) errors.push(`/${x.faultFamily}/${x.optionId}: quantities are positive integers`)
  }
  for (const [k, s] of sums) if (Math.abs(s - 1) > 0.01) errors.push(`/${k}: option shares add up to ${s.toFixed(2)}, not 1`)
  return errors
}
