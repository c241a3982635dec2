import type { ServiceSchedule } from './catalogue.core.js'

/**
 * When a vehicle's next scheduled service falls due: every N km or M months
 * since the last completed service (or since registration), whichever first.
 * The km side is projected with the vehicle's recent km per day from the
 * time of its latest odometer reading, not from now: a vehicle that last
 * reported days ago has driven on since. Pure.
 */
const DAY_MS = 86_400_000
const MONTH_MS = 30.4375 * DAY_MS

export interface ServiceHistory {
  readonly nowMs: number
  readonly odometerKm: number | null
  /** When odometerKm was read (null: unknown, taken as now). */
  readonly odometerAtMs: number | null
  readonly kmPerDay: number | null
  readonly lastServiceAtMs: number | null
  readonly lastServiceKm: number | null
  readonly registeredAtMs: number
}

export interface ServiceDue {
  readonly dueAtMs: number
  readonly by: 'km' | 'time'
  /** Identifies the service cycle: one reminder per vehicle and cycle. */
  readonly dueKey: string
  /** At the latest odometer reading. */
  readonly kmLeft: number | null
}

export function nextService (h: ServiceHistory, s: ServiceSchedule): ServiceDue {
  const baseMs = h.lastServiceAtMs ?? h.registeredAtMs
  const baseKm = h.lastServiceKm ?? 0
  const byTime = baseMs + s.everyMonths * MONTH_MS
  const dueKey = `service@${new Date(baseMs).toISOString()}`
  if (h.odometerKm === null) return { dueAtMs: byTime, by: 'time', dueKey, kmLeft: null }
  const kmLeft = baseKm + s.everyKm - h.odometerKm
  const readAtMs = Math.min(h.odometerAtMs ?? h.nowMs, h.nowMs)
  const byKm = kmLeft <= 0 ? h.nowMs : (h.kmPerDay !== null && h.kmPerDay > 0 ? Math.max(h.nowMs, readAtMs + (kmLeft / h.kmPerDay) * DAY_MS) : Infinity)
  return byKm < byTime ? { dueAtMs: byKm, by: 'km', dueKey, kmLeft } : { dueAtMs: byTime, by: 'time', dueKey, kmLeft }
}

export interface OdometerReading { readonly atMs: number, readonly km: number }

/** km per day between two odometer readings; null when they are too close to tell. */
export function kmPerDay (earlier: OdometerReading | undefined, latest: OdometerReading | undefined): number | null {
  if (earlier === undefined || latest === undefined) return null
  const days = (latest.atMs - earlier.atMs) / DAY_MS
  return days < 1 ? null : Math.max(0, (latest.km - earlier.km) / days)
}
