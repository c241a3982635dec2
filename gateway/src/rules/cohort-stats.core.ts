/**
 * The fleet distribution of one rule's value among vehicles of one model.
 * Each vehicle is one member holding its latest value, so a vehicle that
 * reports ten times faster does not weigh ten times more, and `minCohort`
 * counts real vehicles. Mean and variance come from running sums updated in
 * O(1) (replace the member's old value); the sums are recomputed from the
 * members every few fleet-sizes of updates so rounding never accumulates.
 */
export interface CohortMember {
  value: number
  tsMs: number
}

export interface CohortStats {
  readonly members: Map<number, CohortMember>
  sum: number
  sumSq: number
  updates: number
  /**
   * The same moments over the vehicles held by the other instances of a
   * cluster (merged partials, replaced every few seconds); zero on a single
   * node. The vehicle asked about is always local, so leave-one-out only
   * ever subtracts from the local part.
   */
  remote: CohortPartial
}

/** Mergeable moments of a set of vehicles: what one instance shares of one (rule, model) cohort. */
export interface CohortPartial {
  count: number
  sum: number
  sumSq: number
}

export interface CohortMoments {
  /** Vehicles other than the one asked about. */
  others: number
  mean: number
  std: number
}

export function createCohortStats (): CohortStats {
  return { members: new Map(), sum: 0, sumSq: 0, updates: 0, remote: { count: 0, sum: 0, sumSq: 0 } }
}

/** Records a vehicle's latest value (a late value older than the member's is ignored). */
export function updateCohortMember (c: CohortStats, vehicleKey: number, value: number, tsMs: number): void {
  const m = c.members.get(vehicleKey)
  if (m === undefined) {
    c.members.set(vehicleKey, { value, tsMs })
    c.sum += value
    c.sumSq += value * value
  } else {
    if (tsMs < m.tsMs) return
    c.sum += value - m.value
    c.sumSq += value * value - m.value * m.value
    m.value = value
    m.tsMs = tsMs
  }
  if (++c.updates > 4 * c.members.size + 64) recompute(c)
}

/** Forgets a vehicle (it moved to another instance of a cluster, which now counts it). */
export function removeCohortMember (c: CohortStats, vehicleKey: number): void {
  const m = c.members.get(vehicleKey)
  if (m === undefined) return
  c.members.delete(vehicleKey)
  c.sum -= m.value
  c.sumSq -= m.value * m.value
  if (++c.updates > 4 * c.members.size + 64) recompute(c)
}

/** Mean and standard deviation of the cohort without the given vehicle (leave-one-out). */
export function cohortMomentsExcluding (c: CohortStats, vehicleKey: number, out: CohortMoments): CohortMoments {
  const own = c.members.get(vehicleKey)
  const n = c.members.size - (own === undefined ? 0 : 1) + c.remote.count
  const sum = c.sum - (own?.value ?? 0) + c.remote.sum
  const sumSq = c.sumSq - (own === undefined ? 0 : own.value * own.value) + c.remote.sumSq
  out.others = n
  out.mean = n > 0 ? sum / n : 0
  out.std = n > 1 ? Math.sqrt(Math.max(0, (sumSq - (sum * sum) / n) / (n - 1))) : 0
  return out
}

/** Drops vehicles that have not reported since `cutoffMs` (scrapped, sold, long parked); run it now and then. */
export function pruneCohort (c: CohortStats, cutoffMs: number): number {
  let removed = 0
  for (const [key, m] of c.members) {
    if (m.tsMs < cutoffMs) {
      c.members.delete(key)
      removed++
    }
  }
  if (removed > 0) recompute(c)
  return removed
}

function recompute (c: CohortStats): void {
  let sum = 0
  let sumSq = 0
  for (const m of c.members.values()) {
    sum += m.value
    sumSq += m.value * m.value
  }
  c.sum = sum
  c.sumSq = sumSq
  c.updates = 0
}

/** This instance's share of a cohort (its own vehicles only), for the other instances. */
export function localPartial (c: CohortStats): CohortPartial {
  return { count: c.members.size, sum: c.sum, sumSq: c.sumSq }
}

/**
 * Sums partials of other instances (moments add). A malformed partial (not
 * three finite numbers, negative count) is skipped rather than poisoning the
 * cohort: a bad peer degrades to "not counted", never to NaN statistics.
 */
export function mergePartials (parts: Iterable<unknown>): CohortPartial {
  const out: CohortPartial = { count: 0, sum: 0, sumSq: 0 }
  for (const p of parts) {
    if (!isPartial(p)) continue
    out.count += p.count
    out.sum += p.sum
    out.sumSq += p.sumSq
  }
  return out
}

export function isPartial (p: unknown): p is CohortPartial {
  if (typeof p !== 'object' || p === null) return false
  const { count, sum, sumSq } = p as Record<string, unknown>
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 &&
    typeof sum === 'number' && Number.isFinite(sum) && typeof sumSq === 'number' && Number.isFinite(sumSq) && sumSq >= 0
}
