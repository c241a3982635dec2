/**
 * Scoring of the parts forecast against what the simulated repairs consumed
 * (pure). A cell is (part, country, target week) for one forecast origin and
 * horizon; WAPE = Σ|actual − forecast| / Σ actual over every cell.
 */
export interface ScoredCell { readonly actual: number, readonly mean: number, readonly lo: number, readonly hi: number, readonly naive: number }

export function scoreCells (cells: readonly ScoredCell[]): { wape: number, naiveWape: number, coverage: number } {
  let actual = 0
  let err = 0
  let naiveErr = 0
  let inside = 0
  for (const c of cells) {
    actual += c.actual
    err += Math.abs(c.actual - c.mean)
    naiveErr += Math.abs(c.actual - c.naive)
    if (c.actual >= c.lo && c.actual <= c.hi) inside++
  }
  return { wape: actual === 0 ? 0 : err / actual, naiveWape: actual === 0 ? 0 : naiveErr / actual, coverage: cells.length === 0 ? 0 : inside / cells.length }
}

/**
 * Weekly replenishment of one part in one country with a one-week lead time:
 * at the start of each week the policy sets an order that arrives next week.
 * Returns the weeks in which demand exceeded the shelf (stockouts).
 */
export function stockouts (demand: readonly number[], orderUpTo: (week: number) => number, initial: number): number {
  let onHand = initial
  let arriving = 0
  let out = 0
  for (let w = 0; w < demand.length; w++) {
    onHand += arriving
    arriving = Math.max(0, Math.ceil(orderUpTo(w)) - onHand)
    const d = demand[w] ?? 0
    if (d > onHand) out++
    onHand = Math.max(0, onHand - d)
  }
  return out
}

/** The median of a Poisson count with mean `lambda` (the point that minimises its expected absolute error). */
export function poissonMedian (lambda: number): number {
  if (!(lambda > 0)) return 0
  let p = Math.exp(-lambda)
  let cdf = p
  let k = 0
  while (cdf < 0.5) {
    k++
    p *= lambda / k
    cdf += p
  }
  return k
}
