import { nearest } from '../service-network/geo.core.js'
import type { CentersRepository, ServiceCenter } from '../service-network/index.js'
import { familyOfRule, type FaultFamily } from './catalogue.core.js'
import type { CatalogueRepository } from './catalogue.repository.js'
import { forecast, shortfalls, stockKey, WEEK_MS, type CompletedRepair, type ForecastCell, type MaintenanceDue, type OpenAlert, type Shortfall } from './forecast.core.js'
import type { FleetVehicle, ForecastRepository } from './forecast.repository.js'
import { kmPerDay, nextService } from './maintenance.core.js'

const DAY_MS = 86_400_000
const DEFAULT_LEAD_DAYS = 14
const OVERDUE_MS = 28 * DAY_MS
/** Maintenance reminders go out this long before a service is due (work-orders/maintenance.service.ts). */
export const REMIND_AHEAD_MS = 14 * DAY_MS
/** Prior for the share of due services that end as a completed work order. */
const ACCEPTANCE_PRIOR = { rate: 0.7, weight: 10 }
/** Prior for the days from a reminder to the service it led to (the owner books a slot, then comes). */
const SERVICE_DELAY_PRIOR = { days: 3, weight: 10 }

export interface ForecastOptions { readonly nowMs: number, readonly weeks: number, readonly level: number, readonly historyWeeks: number, readonly country?: string | undefined }

export interface ForecastRow extends ForecastCell { readonly weekStart: string }
export interface ForecastReport {
  readonly generatedAt: string
  readonly rows: ForecastRow[]
  readonly stock: Array<{ partNumber: string, country: string, available: number, leadTimeDays: number }>
  readonly shortfalls: Array<Shortfall & { orderBy: string }>
}

/** A vehicle's country for parts purposes: that of the nearest service centre, where it will be repaired. */
export function countryOf (v: FleetVehicle, centers: readonly ServiceCenter[]): string | undefined {
  return v.lat === null || v.lon === null ? undefined : nearest({ lat: v.lat, lon: v.lon }, centers)?.point.country
}

export function createForecastService (d: { repo: ForecastRepository, centers: CentersRepository, catalogue: CatalogueRepository }) {
  /** Services falling due within `horizonMs` for every vehicle of a model with a schedule. */
  async function maintenanceDue (nowMs: number, horizonMs: number, fleet: readonly FleetVehicle[], countries: ReadonlyMap<number, string>): Promise<Array<MaintenanceDue & { vehicleKey: number, dueKey: string }>> {
    const [schedules, last, earlier] = await Promise.all([d.catalogue.schedules(), d.repo.lastServices(), d.repo.odometerAt(nowMs - 28 * DAY_MS)])
    const out: Array<MaintenanceDue & { vehicleKey: number, dueKey: string }> = []
    for (const v of fleet) {
      const s = schedules.get(v.model)
      const country = countries.get(v.key)
      if (s === undefined || country === undefined) continue
      const l = last.get(v.key)
      const reading = v.odometerKm === null || v.odometerAtMs === null ? undefined : { atMs: v.odometerAtMs, km: v.odometerKm }
      const due = nextService({ nowMs, odometerKm: v.odometerKm, odometerAtMs: v.odometerAtMs, kmPerDay: kmPerDay(earlier.get(v.key), reading), lastServiceAtMs: l?.atMs ?? null, lastServiceKm: l?.odometerKm ?? null, registeredAtMs: v.createdAtMs }, s)
      // A service overdue by more than OVERDUE_MS is taken as declined: it no longer counts as coming demand.
      if (due.dueAtMs <= nowMs + horizonMs && due.dueAtMs >= nowMs - OVERDUE_MS) out.push({ vehicleKey: v.key, country, model: v.model, dueAtMs: due.dueAtMs, parts: s.parts, dueKey: due.dueKey })
    }
    return out
  }

  /** Services due within `aheadMs`, for the reminders (loads the fleet and centres itself). */
  async function dueServices (nowMs: number, aheadMs: number) {
    const [centers, fleet] = await Promise.all([d.centers.list({}), d.repo.fleet()])
    const countries = new Map<number, string>()
    for (const v of fleet) {
      const c = countryOf(v, centers)
      if (c !== undefined) countries.set(v.key, c)
    }
    const ids = new Map(fleet.map((v) => [v.key, v.id]))
    return (await maintenanceDue(nowMs, aheadMs, fleet.filter((v) => countries.has(v.key)), countries)).map((m) => ({ ...m, vehicleId: ids.get(m.vehicleKey)! }))
  }

  async function run (o: ForecastOptions): Promise<ForecastReport> {
    const sinceMs = o.nowMs - o.historyWeeks * WEEK_MS
    const [centers, fleet, alerts, history, closed, catalogue, stock, reminders, orders] = await Promise.all([
      d.centers.list({}), d.repo.fleet(), d.repo.openAlerts(), d.repo.completedSince(sinceMs, o.nowMs), d.repo.closedAlertsSince(sinceMs, o.nowMs),
      d.catalogue.all(), d.centers.stockByCountry(), d.repo.reminderOutcomes(sinceMs, o.nowMs), d.repo.maintenanceOrders(),
    ])
    const countries = new Map<number, string>()
    const byKey = new Map<number, FleetVehicle>()
    const counts = new Map<string, { model: string, country: string, vehicles: number }>()
    for (const v of fleet) {
      const c = countryOf(v, centers)
      if (c === undefined) continue
      countries.set(v.key, c)
      byKey.set(v.key, v)
      const k = `${v.model}\u0000${c}`
      const e = counts.get(k) ?? { model: v.model, country: c, vehicles: 0 }
      counts.set(k, { ...e, vehicles: e.vehicles + 1 })
    }
    const openAlerts: OpenAlert[] = []
    for (const a of alerts) {
      const v = byKey.get(a.vehicleKey)
      const family = familyOfRule(a.ruleId)
      if (v === undefined || family === undefined) continue
      openAlerts.push({ country: countries.get(a.vehicleKey)!, model: v.model, family, raisedAtMs: a.raisedAtMs, predictedAtMs: a.predictedAtMs, bookedForMs: a.bookedSlot === null ? null : Date.parse(a.bookedSlot) + DAY_MS / 2 })
    }
    const closedAlerts = new Map<FaultFamily, number>()
    for (const c of closed) {
      const f = familyOfRule(c.ruleId)
      if (f !== undefined) closedAlerts.set(f, (closedAlerts.get(f) ?? 0) + c.n)
    }
    const repairs: CompletedRepair[] = history.map((h) => ({ ...h, family: h.family as FaultFamily }))
    // Services: a booked one happens at its slot; a declined one does not; the others the learnt delay
    // after our reminder (REMIND_AHEAD_MS before the due date) makes the owner book, with the learnt acceptance rate.
    const serviceDelayMs = DAY_MS * (reminders.daysToService + SERVICE_DELAY_PRIOR.days * SERVICE_DELAY_PRIOR.weight) / (reminders.serviced + SERVICE_DELAY_PRIOR.weight)
    const maintenance: MaintenanceDue[] = []
    for (const m of await maintenanceDue(o.nowMs, o.weeks * WEEK_MS + REMIND_AHEAD_MS, fleet.filter((v) => countries.has(v.key)), countries)) {
      const wo = orders.get(m.vehicleKey)
      if (wo?.state === 'cancelled') continue
      const booked = wo !== undefined && wo.state !== 'proposed' && wo.slot !== null
      maintenance.push({ ...m, booked, dueAtMs: booked ? Date.parse(wo.slot!) + DAY_MS / 2 : Math.max(o.nowMs, m.dueAtMs - REMIND_AHEAD_MS) + serviceDelayMs })
    }
    const acceptance = (reminders.accepted + ACCEPTANCE_PRIOR.rate * ACCEPTANCE_PRIOR.weight) / (reminders.accepted + reminders.declined + ACCEPTANCE_PRIOR.weight)
    let cells = forecast({
      nowMs: o.nowMs, weeks: o.weeks, level: o.level, openAlerts, history: repairs.filter((r) => r.family !== 'maintenance'), historyWeeks: o.historyWeeks,
      closedAlerts, fleet: [...counts.values()], catalogue, maintenance, maintenanceAcceptance: acceptance,
    })
    if (o.country !== undefined) cells = cells.filter((c) => c.country === o.country)
    const stockMap = new Map(stock.map((s) => [stockKey(s.partNumber, s.country), s]))
    const short = shortfalls(cells, stockMap, o.nowMs, DEFAULT_LEAD_DAYS)
    return {
      generatedAt: new Date(o.nowMs).toISOString(),
      rows: cells.map((c) => ({ ...c, mean: Math.round(c.mean * 1000) / 1000, weekStart: new Date(o.nowMs + c.week * WEEK_MS).toISOString().slice(0, 10) })),
      stock: stock.filter((s) => o.country === undefined || s.country === o.country),
      shortfalls: short.map((s) => ({ ...s, orderBy: new Date(s.orderByMs).toISOString().slice(0, 10) })),
    }
  }

  return { run, maintenanceDue, dueServices, countryOf }
}

export type ForecastService = ReturnType<typeof createForecastService>

/** CSV of a report: one line per part, country and week, shortfall weeks marked. */
export function toCsv (r: ForecastReport): string {
  const short = new Map(r.shortfalls.map((s) => [`${s.partNumber}\u0000${s.country}`, s]))
  const lines = ['country,part_number,week,week_start,mean,median,p10,p90,shortfall,order_by']
  for (const x of r.rows) {
    const s = short.get(`${x.partNumber}\u0000${x.country}`)
    const flagged = s !== undefined && s.week === x.week
    lines.push([x.country, x.partNumber, x.week, x.weekStart, x.mean, x.median, x.lo, x.hi, flagged ? 'yes' : '', flagged ? s.orderBy : ''].join(','))
  }
  return lines.join('\n') + '\n'
}
