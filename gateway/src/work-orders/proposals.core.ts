import { haversineKm, type LatLon } from '../service-network/geo.core.js'

/**
 * Which service centres to propose for a repair: capable of it, then ranked
 * by how soon the vehicle can be repaired there and how far it must drive.
 * Pure: centres, stock and bay bookings are passed in.
 */
export interface PartNeed { readonly partNumber: string, readonly quantity: number }

export interface CenterCandidate extends LatLon {
  readonly id: string
  readonly name: string
  readonly country: string
  readonly capabilities: readonly string[]
  readonly baysPerDay: number
}

export interface StockLevel { readonly available: number, readonly leadTimeDays: number }

export interface ProposalInput {
  readonly from: LatLon
  readonly capability: string
  readonly parts: readonly PartNeed[]
  readonly centers: readonly CenterCandidate[]
  /** centre id → part number → stock; a part the centre does not list cannot be had there. */
  readonly stock: ReadonlyMap<string, ReadonlyMap<string, StockLevel>>
  /** centre id → slot date (YYYY-MM-DD) → bays already booked. */
  readonly bookedBays: ReadonlyMap<string, ReadonlyMap<string, number>>
  readonly nowMs: number
  readonly limit: number
  /** How far ahead a free bay is searched. */
  readonly horizonDays: number
}

export interface Proposal {
  readonly centerId: string
  readonly name: string
  readonly country: string
  readonly distanceKm: number
  readonly partsInStock: boolean
  /** When every part is on the shelf (now, or after the longest missing part's lead time). */
  readonly partsReadyAtMs: number
  /** First day with a free bay once the parts are there. */
  readonly slotDate: string
  readonly score: number
}

const DAY_MS = 86_400_000
/** One day's wait weighs like this many km of driving. */
export const KM_PER_DAY_OF_WAIT = 50

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
const startOfDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS

/** undefined when a part is not carried at all (no stock row: the centre does not source it). */
export function partsReadyAt (parts: readonly PartNeed[], stock: ReadonlyMap<string, StockLevel> | undefined, nowMs: number): number | undefined {
  let ready = nowMs
  for (const p of parts) {
    const s = stock?.get(p.partNumber)
    if (s === undefined) return undefined
    if (s.available < p.quantity) ready = Math.max(ready, nowMs + s.leadTimeDays * DAY_MS)
  }
  return ready
}

export function firstFreeSlot (readyAtMs: number, baysPerDay: number, booked: ReadonlyMap<string, number> | undefined, horizonDays: number): string | undefined {
  const first = startOfDay(readyAtMs)
  for (let d = 0; d <= horizonDays; d++) {
    const day = dayOf(first + d * DAY_MS)
    if ((booked?.get(day) ?? 0) < baysPerDay) return day
  }
  return undefined
}

export function propose (i: ProposalInput): Proposal[] {
  const out: Proposal[] = []
  const today = startOfDay(i.nowMs)
  for (const c of i.centers) {
    if (!c.capabilities.includes(i.capability) && !(i.capability === 'general' && c.capabilities.length > 0)) continue
    const ready = partsReadyAt(i.parts, i.stock.get(c.id), i.nowMs)
    if (ready === undefined) continue
    const slot = firstFreeSlot(ready, c.baysPerDay, i.bookedBays.get(c.id), i.horizonDays + Math.ceil((ready - i.nowMs) / DAY_MS))
    if (slot === undefined) continue
    const distanceKm = haversineKm(i.from, c)
    const waitDays = (Date.parse(slot) - today) / DAY_MS
    out.push({
      centerId: c.id, name: c.name, country: c.country, distanceKm: Math.round(distanceKm * 10) / 10,
      partsInStock: ready === i.nowMs, partsReadyAtMs: ready, slotDate: slot, score: distanceKm + KM_PER_DAY_OF_WAIT * waitDays,
    })
  }
  return out.sort((a, b) => a.score - b.score || a.distanceKm - b.distanceKm || a.centerId.localeCompare(b.centerId)).slice(0, i.limit)
}
