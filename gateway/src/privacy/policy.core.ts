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
}

export interface DataPolicy {
  readonly fallback: RegionPolicy
  readonly byRegion: Readonly<Record<string, RegionPolicy>>
}

const FIELDS = ['telemetryDays', 'positionDays', 'auditDays', 'positionDecimals'] as const
const MAX_DAYS = 36_500

/** `{"*": {...}, "EU": {"positionDays": 30, "positionDecimals": 3}}`; regions inherit missing fields from "*". */
export function parseDataPolicy (json: string, defaults: RegionPolicy): Result<DataPolicy, 'GW_CONFIG_INVALID'> {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (err) {
    return fail('GW_CONFIG_INVALID', `DATA_POLICY: not JSON (${(err as Error).message})`)
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('GW_CONFIG_INVALID', 'DATA_POLICY: expected an object mapping regions to policies')
  const problems: string[] = []
  const entries = raw as Record<string, unknown>
  const read = (region: string, base: RegionPolicy): RegionPolicy => {
    const e = entries[region]
    if (e === null || typeof e !== 'object' || Array.isArray(e)) {
      problems.push(`DATA_POLICY.${region}: expected an object`)
      return base
    }
    const out: Record<string, number | null> = { ...base }
    for (const [k, v] of Object.entries(e)) {
      if (!(FIELDS as readonly string[]).includes(k)) {
        problems.push(`DATA_POLICY.${region}.${k}: unknown field (known: ${FIELDS.join(', ')})`)
      } else if (k === 'positionDecimals') {
        if (v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 8)) out[k] = v as number | null
        else problems.push(`DATA_POLICY.${region}.positionDecimals: expected an integer 0..8 or null`)
      } else if (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_DAYS) {
        out[k] = v as number
      } else {
        problems.push(`DATA_POLICY.${region}.${k}: expected whole days 1..${MAX_DAYS}`)
      }
    }
    return out as unknown as RegionPolicy
  }
  const fallback = '*' in entries ? read('*', defaults) : defaults
  const byRegion: Record<string, RegionPolicy> = {}
  for (const region of Object.keys(entries)) if (region !== '*') byRegion[region] = read(region, fallback)
  return problems.length > 0 ? fail('GW_CONFIG_INVALID', problems.join('\n')) : ok({ fallback, byRegion })
}

export const policyFor = (p: DataPolicy, region: string | null): RegionPolicy =>
  (region === null ? undefined : p.byRegion[region]) ?? p.fallback

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
