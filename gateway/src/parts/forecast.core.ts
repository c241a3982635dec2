import { summarize, type BernoulliTerm } from './distribution.core.js'
import { DEFAULT_DAYS_TO_FAILURE, type CatalogueEntry, type FaultFamily, type PartQty } from './catalogue.core.js'

/**
 * Parts demand per part number, country and week. Three sources:
 *  - open predictive alerts: the vehicle will probably need the family's
 *    parts around the forecast time to failure (or the family's learnt
 *    alert-to-repair delay), with the learnt chance that the alert is confirmed;
 *  - failures nobody predicted: a background rate per model, family and
 *    country (climate) learnt from completed work orders that had no alert,
 *    shrunk toward the model's all-country rate;
 *  - scheduled maintenance falling due, with the learnt acceptance rate.
 * Which parts a repair uses is learnt from completed work orders' parts,
 * shrunk toward the catalogue's option shares. Pure: everything is passed in.
 */
const DAY_MS = 86_400_000
export const WEEK_MS = 7 * DAY_MS

export interface OpenAlert {
  readonly country: string
  readonly model: string
  readonly family: FaultFamily
  readonly raisedAtMs: number
  /** The rule's forecast of when the limit is reached, when it made one. */
  readonly predictedAtMs: number | null
  /** A booked work order's slot: the repair happens then. */
  readonly bookedForMs: number | null
}

export interface CompletedRepair {
  readonly model: string
  readonly country: string
  readonly family: FaultFamily
  readonly fromAlert: boolean
  readonly alertRaisedAtMs: number | null
  readonly completedAtMs: number
  readonly partsUsed: readonly PartQty[]
}

export interface MaintenanceDue {
  readonly country: string
  readonly model: string
  /** When the service is expected: its booked slot, or when the reminder will make the owner book it. */
  readonly dueAtMs: number
  readonly parts: readonly PartQty[]
  /** Booked: it happens (probability 1); otherwise the owner accepts with the learnt rate. */
  readonly booked?: boolean
}

export interface ForecastInput {
  readonly nowMs: number
  readonly weeks: number
  readonly level: number
  readonly openAlerts: readonly OpenAlert[]
  /** Completed work orders of the learning window. */
  readonly history: readonly CompletedRepair[]
  readonly historyWeeks: number
  /** Alerts closed in the learning window, per family (confirmed or not): the denominator of the confirmation rate. */
  readonly closedAlerts: ReadonlyMap<FaultFamily, number>
  /** Vehicles per model and country (the exposure of the background rate). */
  readonly fleet: ReadonlyArray<{ readonly model: string, readonly country: string, readonly vehicles: number }>
  readonly catalogue: ReadonlyMap<string, readonly CatalogueEntry[]>
  readonly maintenance: readonly MaintenanceDue[]
  /** Share of due services that become a completed work order. */
  readonly maintenanceAcceptance: number
}

export interface ForecastCell { readonly partNumber: string, readonly country: string, readonly week: number, readonly mean: number, readonly median: number, readonly lo: number, readonly hi: number }

/** Priors: how many observations the defaults weigh (empirical-Bayes shrinkage). */
const PRIOR = { confirmRate: 0.8, confirmWeight: 10, delayWeight: 3, mixRepairs: 5, rateVehicleWeeks: 2000, size: 8 }

const key = (...parts: string[]): string => parts.join('\u0000')

/** Expected units of each part per repair of a (model, family): learnt mix shrunk toward the catalogue. */
export function partsPerRepair (model: string, family: FaultFamily, catalogue: readonly CatalogueEntry[], history: readonly CompletedRepair[]): Map<string, number> {
  const prior = new Map<string, number>()
  for (const e of catalogue) if (e.faultFamily === family && e.dtc === null) for (const p of e.parts) prior.set(p.partNumber, (prior.get(p.partNumber) ?? 0) + e.share * p.quantity)
  const seen = history.filter((h) => h.model === model && h.family === family)
  const used = new Map<string, number>()
  for (const h of seen) for (const p of h.partsUsed) used.set(p.partNumber, (used.get(p.partNumber) ?? 0) + p.quantity)
  const out = new Map<string, number>()
  for (const part of new Set([...prior.keys(), ...used.keys()])) {
    out.set(part, ((used.get(part) ?? 0) + PRIOR.mixRepairs * (prior.get(part) ?? 0)) / (seen.length + PRIOR.mixRepairs))
  }
  return out
}

/** Mean days from an alert to its repair per family, shrunk toward the default lead time. */
export function learntDelays (history: readonly CompletedRepair[]): Map<FaultFamily, number> {
  const acc = new Map<FaultFamily, { sum: number, n: number }>()
  for (const h of history) {
    if (!h.fromAlert || h.alertRaisedAtMs === null) continue
    const a = acc.get(h.family) ?? { sum: 0, n: 0 }
    acc.set(h.family, { sum: a.sum + (h.completedAtMs - h.alertRaisedAtMs) / DAY_MS, n: a.n + 1 })
  }
  const out = new Map<FaultFamily, number>()
  for (const f of Object.keys(DEFAULT_DAYS_TO_FAILURE) as FaultFamily[]) {
    const a = acc.get(f) ?? { sum: 0, n: 0 }
    out.set(f, (a.sum + PRIOR.delayWeight * DEFAULT_DAYS_TO_FAILURE[f]) / (a.n + PRIOR.delayWeight))
  }
  return out
}

/** Share of a family's closed alerts that ended in a completed repair. */
export function confirmRate (family: FaultFamily, history: readonly CompletedRepair[], closed: ReadonlyMap<FaultFamily, number>): number {
  const confirmed = history.filter((h) => h.fromAlert && h.family === family).length
  const n = Math.max(confirmed, closed.get(family) ?? 0)
  return (confirmed + PRIOR.confirmWeight * PRIOR.confirmRate) / (n + PRIOR.confirmWeight)
}

/** Share of the probability mass of "repair uniformly within [centre − spread, centre + spread]" falling in each week. */
export function weekWeights (centreMs: number, spreadMs: number, nowMs: number, weeks: number): number[] {
  const a = Math.max(nowMs, centreMs - spreadMs)
  const b = Math.max(a + DAY_MS, centreMs + spreadMs)
  return Array.from({ length: weeks }, (_, w) => {
    const s = nowMs + w * WEEK_MS
    const overlap = Math.max(0, Math.min(b, s + WEEK_MS) - Math.max(a, s))
    return overlap / (b - a)
  })
}

/**
 * Share of week w's alert-driven repairs whose alert is raised after now, for a delay spread uniformly over
 * [d/2, 3d/2] days: the mean over the week of P(delay ≤ t).
 */
export function notYetAlerted (delayDays: number, week: number): number {
  const lo = 0.5 * delayDays
  const hi = 1.5 * delayDays
  let sum = 0
  for (let day = 0; day < 7; day++) {
    const t = week * 7 + day + 0.5
    sum += Math.min(1, Math.max(0, (t - lo) / (hi - lo)))
  }
  return sum / 7
}

/**
 * Repairs per vehicle-week for each (model, family, country), shrunk toward the model's rate: by default the
 * unpredicted ones (no alert); with `fromAlert` those that followed an alert.
 */
export function backgroundRates (history: readonly CompletedRepair[], historyWeeks: number, fleet: ForecastInput['fleet'], fromAlert = false): Map<string, number> {
  const counts = new Map<string, number>()
  const modelCounts = new Map<string, number>()
  for (const h of history) {
    if (h.fromAlert !== fromAlert) continue
    counts.set(key(h.model, h.family, h.country), (counts.get(key(h.model, h.family, h.country)) ?? 0) + 1)
    modelCounts.set(key(h.model, h.family), (modelCounts.get(key(h.model, h.family)) ?? 0) + 1)
  }
  const modelVehicles = new Map<string, number>()
  for (const f of fleet) modelVehicles.set(f.model, (modelVehicles.get(f.model) ?? 0) + f.vehicles)
  const out = new Map<string, number>()
  for (const f of fleet) {
    for (const fam of Object.keys(DEFAULT_DAYS_TO_FAILURE) as FaultFamily[]) {
      const global = (modelCounts.get(key(f.model, fam)) ?? 0) / Math.max(1, (modelVehicles.get(f.model) ?? 0) * historyWeeks)
      const exposure = f.vehicles * historyWeeks
      const local = counts.get(key(f.model, fam, f.country)) ?? 0
      out.set(key(f.model, fam, f.country), (local + PRIOR.rateVehicleWeeks * global) / (exposure + PRIOR.rateVehicleWeeks))
    }
  }
  return out
}

export function forecast (i: ForecastInput): ForecastCell[] {
  const terms = new Map<string, BernoulliTerm[]>()
  const background = new Map<string, number>()
  const cell = (part: string, country: string, week: number) => key(part, country, String(week))
  const mixCache = new Map<string, Map<string, number>>()
  const mix = (model: string, family: FaultFamily) => {
    const k = key(model, family)
    let m = mixCache.get(k)
    if (m === undefined) mixCache.set(k, m = partsPerRepair(model, family, i.catalogue.get(model) ?? [], i.history))
    return m
  }
  const addTerm = (part: string, country: string, week: number, p: number, units: number) => {
    if (p < 1e-4) return
    const k = cell(part, country, week)
    let list = terms.get(k)
    if (list === undefined) terms.set(k, list = [])
    list.push({ p, units })
  }
  const addDemand = (perPart: ReadonlyMap<string, number>, country: string, weights: readonly number[], p: number) => {
    for (const [part, units] of perPart) {
      weights.forEach((w, week) => {
        // Up to one unit per repair: a Bernoulli of the part's use; more: a Bernoulli of the rounded amount.
        if (units <= 1) addTerm(part, country, week, p * w * units, 1)
        else addTerm(part, country, week, p * w, Math.round(units))
      })
    }
  }

  const delays = learntDelays(i.history)
  for (const a of i.openAlerts) {
    const conf = a.bookedForMs !== null ? 1 : confirmRate(a.family, i.history, i.closedAlerts)
    const delayDays = delays.get(a.family) ?? DEFAULT_DAYS_TO_FAILURE[a.family]
    const centre = a.bookedForMs ?? a.predictedAtMs ?? (a.raisedAtMs + delayDays * DAY_MS)
    const spread = a.bookedForMs !== null ? DAY_MS : Math.max(3 * DAY_MS, 0.5 * delayDays * DAY_MS)
    // An alert older than its expected repair time is due now.
    const weights = weekWeights(Math.max(centre, i.nowMs + DAY_MS), spread, i.nowMs, i.weeks)
    addDemand(mix(a.model, a.family), a.country, weights, conf)
  }

  // Besides today's alerts, repairs will follow alerts not raised yet: at the learnt alert rate, for the
  // share of week w's repairs whose alert comes after now (the delay distribution's CDF over the week).
  const rates = backgroundRates(i.history, i.historyWeeks, i.fleet)
  const alertRates = backgroundRates(i.history, i.historyWeeks, i.fleet, true)
  for (const f of i.fleet) {
    for (const fam of Object.keys(DEFAULT_DAYS_TO_FAILURE) as FaultFamily[]) {
      const perWeek = (rates.get(key(f.model, fam, f.country)) ?? 0) * f.vehicles
      const alertPerWeek = (alertRates.get(key(f.model, fam, f.country)) ?? 0) * f.vehicles
      if (perWeek <= 0 && alertPerWeek <= 0) continue
      const d = delays.get(fam) ?? DEFAULT_DAYS_TO_FAILURE[fam]
      for (const [part, units] of mix(f.model, fam)) {
        for (let w = 0; w < i.weeks; w++) {
          const k = cell(part, f.country, w)
          background.set(k, (background.get(k) ?? 0) + (perWeek + alertPerWeek * notYetAlerted(d, w)) * units)
        }
      }
    }
  }

  for (const m of i.maintenance) {
    const weights = weekWeights(Math.max(m.dueAtMs, i.nowMs + DAY_MS), (m.booked === true ? 1 : 4) * DAY_MS, i.nowMs, i.weeks)
    addDemand(new Map(m.parts.map((p) => [p.partNumber, p.quantity])), m.country, weights, m.booked === true ? 1 : i.maintenanceAcceptance)
  }

  const out: ForecastCell[] = []
  for (const k of new Set([...terms.keys(), ...background.keys()])) {
    const [partNumber, country, week] = k.split('\u0000') as [string, string, string]
    const s = summarize(terms.get(k) ?? [], background.get(k) ?? 0, PRIOR.size, i.level)
    out.push({ partNumber, country, week: Number(week), ...s })
  }
  return out.sort((a, b) => a.country.localeCompare(b.country) || a.partNumber.localeCompare(b.partNumber) || a.week - b.week)
}

export interface StockPosition { readonly available: number, readonly leadTimeDays: number }

export interface Shortfall { readonly partNumber: string, readonly country: string, readonly week: number, readonly cumulativeHi: number, readonly available: number, readonly orderByMs: number }

/**
 * The first week in which the cumulative upper bound of demand exceeds the
 * country's unreserved stock, and the date an order must go out to arrive
 * before that week starts (past dates mean "already late: order now").
 */
export function shortfalls (cells: readonly ForecastCell[], stock: ReadonlyMap<string, StockPosition>, nowMs: number, defaultLeadDays: number): Shortfall[] {
  const byPart = new Map<string, ForecastCell[]>()
  for (const c of cells) {
    const k = key(c.partNumber, c.country)
    let list = byPart.get(k)
    if (list === undefined) byPart.set(k, list = [])
    list.push(c)
  }
  const out: Shortfall[] = []
  for (const [k, list] of byPart) {
    const s = stock.get(k)
    const available = s?.available ?? 0
    let cum = 0
    for (const c of [...list].sort((a, b) => a.week - b.week)) {
      cum += c.hi
      if (cum > available) {
        out.push({ partNumber: c.partNumber, country: c.country, week: c.week, cumulativeHi: cum, available, orderByMs: nowMs + c.week * WEEK_MS - (s?.leadTimeDays ?? defaultLeadDays) * DAY_MS })
        break
      }
    }
  }
  return out.sort((a, b) => a.orderByMs - b.orderByMs)
}

export const stockKey = (partNumber: string, country: string): string => key(partNumber, country)
