import type { ServiceSchedule } from './catalogue.core.js'

/**
 * When a vehicle's next scheduled service falls due: every N km or M months
 * since the last completed service (or since registration), whichever first.
 * The km side is projected with the vehicle's recent km per day. Pure.
 */
const DAY_MS = 86_400_000
const MONTH_MS = 30.4375 * DAY_MS

export interface ServiceHistory {
  readonly nowMs: number
  readonly odometerKm: number | null
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
  readonly kmLeft: number | null
}

export function nextService (h: ServiceHistory, s: ServiceSchedule): ServiceDue {
  const baseMs = h.lastServiceAtMs ?? h.registeredAtMs
  const baseKm = h.lastServiceKm ?? 0
  const byTime = baseMs + s.everyMonths * MONTH_MS
  const dueKey = `service@${new Date(baseMs).toISOString()}`
  if (h.odometerKm === null) return { dueAtMs: byTime, by: 'time', dueKey, kmLeft: null }
  const kmLeft = baseKm + s.everyKm - h.odometerKm
  const byKm = kmLeft <= 0 ? h.nowMs : (h.kmPerDay !== null && h.kmPerDay > 0 ? h.nowMs + (kmLeft / h.kmPerDay) * DAY_MS : Infinity)
  return byKm < byTime ? { dueAtMs: byKm, by: 'km', dueKey, kmLeft } : { dueAtMs: byTime, by: 'time', dueKey, kmLeft }
}

/** km per day between two odometer readings; null when they are too close to tell. */
export function kmPerDay (earlier: { atMs: number, km: number } | undefined, latestKm: number | null, nowMs: number): number | null {
  if (earlier === undefined || latestKm === null) return null
  const days = (nowMs - earlier.atMs) / DAY_MS
  return days < 1 ? null : Math.max(0, (latestKm - earlier.km) / days)
}
