import type { GroundTruth } from '@fleetwire/firmware-sim'

export interface ScoredAlert {
  readonly vehicleId: string
  readonly ruleId: string
  /** Event (simulated) time at which the rule's condition began. */
  readonly openedAtMs: number
}

/**
 * Which simulator fault a default rule predicts, by rule id prefix. Rules not
 * listed (confirmed-DTC, silence) report failures or links, not predictions,
 * and are left out of the score.
 */
const FAULT_OF_RULE: ReadonlyArray<readonly [prefix: string, fault: string]> = [
  ['lv-battery-', 'weak-12v-battery'],
  ['hv-cell-', 'cell-imbalance'],
  ['tyre-', 'slow-tyre-leak'],
  ['coolant-', 'cooling-fault'],
  ['brake-pad-', 'pad-wear'],
  ['hv-insulation-', 'insulation-falling'],
  ['hv-soh-', 'soh-fast-fade'],
]

export function faultOfRule (ruleId: string): string | undefined {
  return FAULT_OF_RULE.find(([p]) => ruleId.startsWith(p))?.[1]
}

const DAY_MS = 86_400_000
const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m] as number : ((s[m - 1] as number) + (s[m] as number)) / 2
}
const r3 = (x: number) => Math.round(x * 1000) / 1000

/**
 * Recall per fault type (a fault counts as caught when one of its rules
 * opened an alert on that vehicle before the hard failure), precision over
 * predictive alerts, false alerts per 1,000 vehicle-days on healthy
 * vehicles, and lead time (hard failure − first matching alert).
 */
export function scoreAlerts (truth: GroundTruth, alerts: readonly ScoredAlert[], endMs: number) {
  const predictive = alerts.flatMap((a) => {
    const fault = faultOfRule(a.ruleId)
    return fault === undefined ? [] : [{ ...a, fault }]
  })
  const faultsOf = new Map<string, Set<string>>()
  for (const f of truth.faults) faultsOf.set(f.vehicleId, (faultsOf.get(f.vehicleId) ?? new Set()).add(f.fault))

  const recallHits = new Map<string, { caught: number, total: number }>()
  const leads = new Map<string, number[]>()
  const missed: Array<{ vehicleId: string, fault: string, hardFailureAt: string }> = []
  for (const f of truth.faults) {
    const failMs = Date.parse(f.hardFailureAt)
    // Only faults whose hard failure lies within the run can be scored.
    if (failMs > endMs) continue
    const first = predictive.filter((a) => a.vehicleId === f.vehicleId && a.fault === f.fault && a.openedAtMs <= failMs)
      .reduce<number | undefined>((m, a) => (m === undefined || a.openedAtMs < m ? a.openedAtMs : m), undefined)
    const r = recallHits.get(f.fault) ?? { caught: 0, total: 0 }
    r.total++
    if (first !== undefined) {
      r.caught++
      leads.set(f.fault, [...(leads.get(f.fault) ?? []), (failMs - first) / DAY_MS])
    } else {
      missed.push({ vehicleId: f.vehicleId, fault: f.fault, hardFailureAt: f.hardFailureAt })
    }
    recallHits.set(f.fault, r)
  }
  const truePositives = predictive.filter((a) => faultsOf.get(a.vehicleId)?.has(a.fault) === true).length
  const healthy = truth.vehicleIds.filter((v) => !faultsOf.has(v))
  const healthySet = new Set(healthy)
  const onHealthy = predictive.filter((a) => healthySet.has(a.vehicleId)).length
  const vehicleDays = healthy.length * Math.max(1e-9, (endMs - Date.parse(truth.simStart)) / DAY_MS)
  const recall = Object.fromEntries([...recallHits].map(([k, v]) => [k, r3(v.caught / v.total)]))
  const allLeads = [...leads.values()].flat()
  return {
    recall,
    recall_min: r3(Math.min(...Object.values(recall))),
    precision: predictive.length === 0 ? 0 : r3(truePositives / predictive.length),
    false_per_1000_vehicle_days: r3((onHealthy / vehicleDays) * 1000),
    median_lead_days: median(allLeads) === null ? null : r3(median(allLeads) as number),
    leadDaysByFault: Object.fromEntries([...leads].map(([k, v]) => [k, r3(median(v) as number)])),
    alerts: alerts.length,
    predictive_alerts: predictive.length,
    faults_scored: [...recallHits.values()].reduce((n, r) => n + r.total, 0),
    recallCounts: Object.fromEntries(recallHits),
    /** Faults no alert predicted in time: where to look when tuning. */
    missed,
  }
}

/** One stored sample of a signal: [epoch ms, value]. */
export type Point = readonly [tsMs: number, value: number]

/**
 * What the stored data showed of one warning signal between onset and hard
 * failure: the signal itself, or `signal − minus` where both were sampled at
 * the same instant (the simulator samples cell max and min together), and how
 * often and from when a plain threshold was crossed. Slope comparators are
 * not judged here (the rule backtest is): `crossings` is null for them.
 */
export function summarizeWarning (points: readonly Point[], minus: readonly Point[] | null, comparator: string, threshold: number) {
  let series: readonly Point[] = points
  if (minus !== null) {
    const at = new Map(minus)
    series = points.flatMap(([t, v]): Point[] => {
      const m = at.get(t)
      return m === undefined ? [] : [[t, v - m]]
    })
  }
  const above = comparator.includes('above')
  const judged = comparator === 'above' || comparator === 'below'
  let extreme = above ? -Infinity : Infinity
  let crossings = 0
  let firstCrossingMs: number | null = null
  for (const [t, v] of series) {
    extreme = above ? Math.max(extreme, v) : Math.min(extreme, v)
    if (judged && (above ? v > threshold : v < threshold)) {
      crossings++
      if (firstCrossingMs === null || t < firstCrossingMs) firstCrossingMs = t
    }
  }
  return { samples: series.length, extreme: series.length === 0 ? null : extreme, crossings: judged ? crossings : null, firstCrossingMs }
}
