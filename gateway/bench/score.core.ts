import type { GroundTruth } from '@fleetwire/firmware-sim'

export interface ScoredAlert {
  readonly vehicleId: string
  readonly ruleId: string
  /** Event (simulated) time at which the rule raised (confirmed) the alert, or re-opened it: one entry per raise. */
  readonly raisedAtMs: number
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

/**
 * The component a rule watches, in the ground truth's `target` terms: a
 * wheel (FL…RR) for tyre rules, a side (L/R) for brake-pad rules, by the
 * rule id's wheel suffix; null for rules of the whole vehicle or pack.
 */
export function componentOfRule (ruleId: string): string | null {
  const wheel = /-(fl|fr|rl|rr)$/.exec(ruleId)?.[1]
  if (wheel === undefined) return null
  return ruleId.startsWith('brake-pad-') ? (wheel.endsWith('l') ? 'L' : 'R') : wheel.toUpperCase()
}

const DAY_MS = 86_400_000
const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m] as number : ((s[m - 1] as number) + (s[m] as number)) / 2
}
const r3 = (x: number) => Math.round(x * 1000) / 1000

type Fault = GroundTruth['faults'][number]
type Verdict = 'true' | 'late' | 'false'

/**
 * Strict scoring. A raise is *true* when it is of the fault's family, on the
 * fault's component (wheel, pad side; rules of the whole pack match any),
 * on that vehicle, raised between the fault's onset and its hard failure
 * (faults failing after the run count from their onset on); *late* when it
 * matches a fault but after its failure (neither credited nor counted
 * false); *false* otherwise — on healthy vehicles and on faulty ones alike
 * (a left-front leak alert on a car whose right-rear tyre leaks is false).
 *
 * Recall per fault type: faults failing within the run with a true raise.
 * Lead: failure − first true raise. Precision = true / (true + false),
 * overall and per rule; false alerts per 1,000 vehicle-days over healthy
 * vehicles (raises on them) and over all vehicles (every false raise).
 */
export function scoreAlerts (truth: GroundTruth, alerts: readonly ScoredAlert[], endMs: number) {
  const faultsOf = new Map<string, Fault[]>()
  for (const f of truth.faults) faultsOf.set(f.vehicleId, [...(faultsOf.get(f.vehicleId) ?? []), f])
  const matches = (a: ScoredAlert, family: string, f: Fault): boolean => {
    const c = componentOfRule(a.ruleId)
    return f.fault === family && (c === null || f.target === null || f.target === c)
  }
  const judged = alerts.flatMap((a) => {
    const family = faultOfRule(a.ruleId)
    if (family === undefined) return []
    let verdict: Verdict = 'false'
    let fault: Fault | undefined
    for (const f of faultsOf.get(a.vehicleId) ?? []) {
      if (!matches(a, family, f) || a.raisedAtMs < Date.parse(f.onsetAt)) continue
      const inTime = a.raisedAtMs <= Date.parse(f.hardFailureAt)
      if (inTime || verdict === 'false') {
        verdict = inTime ? 'true' : 'late'
        fault = f
      }
      if (inTime) break
    }
    return [{ ...a, family, verdict, fault }]
  })

  const recallHits = new Map<string, { caught: number, total: number }>()
  const leads = new Map<string, number[]>()
  const missed: Array<{ vehicleId: string, fault: string, target: string | null, hardFailureAt: string }> = []
  for (const f of truth.faults) {
    const failMs = Date.parse(f.hardFailureAt)
    // Only faults whose hard failure lies within the run can be scored for recall.
    if (failMs > endMs) continue
    const first = judged.filter((a) => a.fault === f && a.verdict === 'true')
      .reduce<number | undefined>((m, a) => (m === undefined || a.raisedAtMs < m ? a.raisedAtMs : m), undefined)
    const r = recallHits.get(f.fault) ?? { caught: 0, total: 0 }
    r.total++
    if (first !== undefined) {
      r.caught++
      leads.set(f.fault, [...(leads.get(f.fault) ?? []), (failMs - first) / DAY_MS])
    } else {
      missed.push({ vehicleId: f.vehicleId, fault: f.fault, target: f.target, hardFailureAt: f.hardFailureAt })
    }
    recallHits.set(f.fault, r)
  }
  const count = (v: Verdict, xs = judged) => xs.filter((a) => a.verdict === v).length
  const precisionOf = (xs: typeof judged) => {
    const t = count('true', xs)
    const fa = count('false', xs)
    return t + fa === 0 ? null : r3(t / (t + fa))
  }
  const byRule = new Map<string, typeof judged>()
  for (const a of judged) byRule.set(a.ruleId, [...(byRule.get(a.ruleId) ?? []), a])
  const healthy = new Set(truth.vehicleIds.filter((v) => !faultsOf.has(v)))
  const days = Math.max(1e-9, (endMs - Date.parse(truth.simStart)) / DAY_MS)
  const falseOnHealthy = judged.filter((a) => a.verdict === 'false' && healthy.has(a.vehicleId)).length
  const recall = Object.fromEntries([...recallHits].map(([k, v]) => [k, r3(v.caught / v.total)]))
  const allLeads = [...leads.values()].flat()
  const medianLead = median(allLeads)
  return {
    recall,
    recall_min: Object.keys(recall).length === 0 ? null : r3(Math.min(...Object.values(recall))),
    precision: precisionOf(judged),
    false_per_1000_vehicle_days: r3((falseOnHealthy / Math.max(1e-9, healthy.size * days)) * 1000),
    false_per_1000_vehicle_days_all: r3((count('false') / Math.max(1e-9, truth.vehicleIds.length * days)) * 1000),
    median_lead_days: medianLead === null ? null : r3(medianLead),
    leadDaysByFault: Object.fromEntries([...leads].map(([k, v]) => [k, r3(median(v) as number)])),
    predictive_alerts: judged.length,
    true_alerts: count('true'),
    false_alerts: count('false'),
    late_alerts: count('late'),
    byRule: Object.fromEntries([...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([id, xs]) => [id, { precision: precisionOf(xs), true: count('true', xs), false: count('false', xs), late: count('late', xs) }])),
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
