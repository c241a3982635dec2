import { type Result, fail, ok } from '../common/result.js'

/**
 * Data protection per market: how long each kind of data is kept and how
 * precisely positions are shown. Pure: parsed from DATA_POLICY at start-up,
 * applied by privacy/privacy.service.ts and the read paths.
 */
export interface RegionPolicy {
  /** Raw telemetry other than positions (and presence events). */
  readonly telemetryDays: number
  /** Latitude/longitude samples. */
  readonly positionDays: number
  /** After this the personal fields of audit rows (actor, target, detail) are erased; the chain stays. */
  readonly auditDays: number
  /** Decimal places of latitude/longitude served; null = as stored. 2 ≈ 1.1 km, 3 ≈ 110 m, 4 ≈ 11 m. */
  readonly positionDecimals: number | null
  /** Whether a vehicle's personal-data export (GET /vehicles/:id/export) may be downloaded. */
  readonly export: boolean
  /** 'cell': the vehicle's data must stay in the cell (deployment) serving its country; 'any': no such rule. */
  readonly residency: 'any' | 'cell'
}

type Field = keyof RegionPolicy
/** Where an effective value came from: a country's entry, a region's, "*", or the built-in default. */
export type PolicySource = `country:${string}` | `region:${string}` | '*' | 'default'

export interface DataPolicy {
  readonly fallback: RegionPolicy
  /** Each named region's policy (its fields over "*"). */
  readonly byRegion: Readonly<Record<string, RegionPolicy>>
  /** Each named country's own fields; the rest comes from the vehicle's region. */
  readonly byCountry: Readonly<Record<string, Partial<RegionPolicy>>>
  /** The fields "*" and each region set themselves (for where a value came from). */
  readonly fieldsOf: Readonly<Record<string, readonly Field[]>>
}

const FIELDS: readonly Field[] = ['telemetryDays', 'positionDays', 'auditDays', 'positionDecimals', 'export', 'residency']
const MAX_DAYS = 36_500
/** The key of the per-country section; everything else at the top level is a region. */
const COUNTRIES = 'countries'

/**
 * `{"*": {...}, "EU": {"positionDays": 30, "positionDecimals": 3}, "countries": {"DE": {"positionDays": 14}}}`.
 * Regions inherit missing fields from "*"; a country's fields override those of the vehicle's region
 * (a vehicle has both). Country codes are ISO 3166-1 alpha-2, checked by `isCountry`.
 */
export function parseDataPolicy (json: string, defaults: RegionPolicy, isCountry: (code: string) => boolean = () => true): Result<DataPolicy, 'GW_CONFIG_INVALID'> {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (err) {
    return fail('GW_CONFIG_INVALID', `DATA_POLICY: not JSON (${(err as Error).message})`)
  }
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
  if (!isObject(raw)) return fail('GW_CONFIG_INVALID', 'DATA_POLICY: expected an object mapping regions to policies')
  const problems: string[] = []
  const fieldsOf: Record<string, Field[]> = {}
  const read = (path: string, e: unknown): Partial<RegionPolicy> => {
    if (!isObject(e)) {
      problems.push(`DATA_POLICY.${path}: expected an object`)
      return {}
    }
    const out: Record<string, number | boolean | string | null> = {}
    for (const [k, v] of Object.entries(e)) {
      if (!(FIELDS as readonly string[]).includes(k)) {
        problems.push(`DATA_POLICY.${path}.${k}: unknown field (known: ${FIELDS.join(', ')})`)
      } else if (k === 'positionDecimals') {
        if (v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 8)) out[k] = v as number | null
        else problems.push(`DATA_POLICY.${path}.positionDecimals: expected an integer 0..8 or null`)
      } else if (k === 'export') {
        if (typeof v === 'boolean') out[k] = v
        else problems.push(`DATA_POLICY.${path}.export: expected true or false`)
      } else if (k === 'residency') {
        if (v === 'any' || v === 'cell') out[k] = v
        else problems.push(`DATA_POLICY.${path}.residency: expected "any" or "cell"`)
      } else if (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_DAYS) {
        out[k] = v as number
      } else {
        problems.push(`DATA_POLICY.${path}.${k}: expected whole days 1..${MAX_DAYS}`)
      }
    }
    return out as Partial<RegionPolicy>
  }
  const star = '*' in raw ? read('*', raw['*']) : {}
  fieldsOf['*'] = Object.keys(star) as Field[]
  const fallback = { ...defaults, ...star }
  const byRegion: Record<string, RegionPolicy> = {}
  for (const [region, e] of Object.entries(raw)) {
    if (region === '*' || region === COUNTRIES) continue
    const own = read(region, e)
    fieldsOf[region] = Object.keys(own) as Field[]
    byRegion[region] = { ...fallback, ...own }
  }
  const byCountry: Record<string, Partial<RegionPolicy>> = {}
  const countries = raw[COUNTRIES]
  if (countries !== undefined && !isObject(countries)) problems.push(`DATA_POLICY.${COUNTRIES}: expected an object mapping country codes to policies`)
  for (const [code, e] of Object.entries(isObject(countries) ? countries : {})) {
    if (!isCountry(code)) problems.push(`DATA_POLICY.${COUNTRIES}.${code}: not an ISO 3166-1 alpha-2 country code (e.g. DE, BR, TH)`)
    byCountry[code] = read(`${COUNTRIES}.${code}`, e)
  }
  return problems.length > 0 ? fail('GW_CONFIG_INVALID', problems.join('\n')) : ok({ fallback, byRegion, byCountry, fieldsOf })
}

/** The policy of a vehicle in `region` sold into `country` (country fields over the region's over "*"). */
export const policyFor = (p: DataPolicy, region: string | null, country: string | null = null): RegionPolicy => {
  const base = (region === null ? undefined : p.byRegion[region]) ?? p.fallback
  const own = country === null ? undefined : p.byCountry[country]
  return own === undefined ? base : { ...base, ...own }
}

/** Vehicles per retention statement: one transaction stays short however large the fleet. */
const RETENTION_VEHICLES_PER_STATEMENT = 1000

/** The fleet grouped by retention periods, in key lists of at most RETENTION_VEHICLES_PER_STATEMENT. */
export function retentionGroups (policy: DataPolicy, vehicles: ReadonlyArray<{ key: number, region: string, country: string | null }>): Array<{ p: RegionPolicy, keys: number[] }> {
  const groups = new Map<string, { p: RegionPolicy, keys: number[] }>()
  for (const v of vehicles) {
    const p = policyFor(policy, v.region, v.country)
    const id = `${p.positionDays}/${p.telemetryDays}`
    const g = groups.get(id) ?? { p, keys: [] }
    g.keys.push(v.key)
    groups.set(id, g)
  }
  return [...groups.values()].flatMap(({ p, keys }) => Array.from({ length: Math.ceil(keys.length / RETENTION_VEHICLES_PER_STATEMENT) },
    (_, i) => ({ p, keys: keys.slice(i * RETENTION_VEHICLES_PER_STATEMENT, (i + 1) * RETENTION_VEHICLES_PER_STATEMENT) })))
}

/** The effective policy and, per field, where its value came from (shown on the vehicle's page and API). */
export function effectivePolicy (p: DataPolicy, region: string | null, country: string | null): { policy: RegionPolicy, source: Record<Field, PolicySource> } {
  const own = country === null ? undefined : p.byCountry[country]
  const regionFields = region === null || p.byRegion[region] === undefined ? [] : p.fieldsOf[region] ?? []
  const source = Object.fromEntries(FIELDS.map((f) => [f,
    own !== undefined && f in own ? `country:${country}` : regionFields.includes(f) ? `region:${region}` : (p.fieldsOf['*'] ?? []).includes(f) ? '*' : 'default',
  ])) as Record<Field, PolicySource>
  return { policy: policyFor(p, region, country), source }
}

/**
 * Why a vehicle may not be registered in this cell, or undefined when it
 * may: its policy says its data stays in its country's cell, and this cell
 * (serving `cellCountries`; empty = every country) does not serve its
 * country, or its country is not known.
 */
export function residencyProblem (p: DataPolicy, cellCountries: readonly string[], region: string, country: string | null): string | undefined {
  if (cellCountries.length === 0 || policyFor(p, region, country).residency !== 'cell') return undefined
  if (country === null) return `the data policy of region ${region} keeps data in its country's cell: give the vehicle's country`
  return cellCountries.includes(country) ? undefined : `the data of vehicles sold in ${country} stays in the cell serving ${country}; this cell serves ${cellCountries.join(', ')}`
}

/** Catalog ids of Vehicle.CurrentLocation.Latitude / Longitude (proto/src/catalog.ts). */
export const POSITION_SIGNAL_IDS: readonly number[] = [3, 4]

/**
 * Rounds a latitude/longitude to the region's precision; other signals pass
 * unchanged. Pure and cheap, so it can run on read (as now) or on ingest.
 */
export function reducePosition (signalId: number, value: number, decimals: number | null): number {
  if (decimals === null || (signalId !== 3 && signalId !== 4)) return value
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

/** The instant before which data of a kind is expired at `nowMs`. */
export const cutoffMs = (nowMs: number, days: number): number => nowMs - days * 86_400_000
