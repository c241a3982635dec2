import { isPartial, type CohortPartial } from '../rules/cohort-stats.core.js'

/** One instance's cohort share as stored in Redis: [ruleId, model, count, sum, sumSq] rows. */
export type CohortShareRow = [string, string, number, number, number]

export function encodeShare (parts: ReadonlyArray<{ ruleId: string, model: string, partial: CohortPartial }>): string {
  return JSON.stringify(parts.map((p): CohortShareRow => [p.ruleId, p.model, p.partial.count, p.partial.sum, p.partial.sumSq]))
}

/**
 * Merges the shares of the other live instances (null: expired between
 * listing and reading) into moments by rule id then model. Unreadable
 * shares or rows are skipped: a bad peer is not counted, it never turns the
 * cohort into NaN.
 */
export function mergeShares (shares: ReadonlyArray<string | null>): Map<string, Map<string, CohortPartial>> {
  const out = new Map<string, Map<string, CohortPartial>>()
  for (const raw of shares) {
    if (raw === null) continue
    let rows: unknown
    try {
      rows = JSON.parse(raw)
    } catch {
      continue
    }
    if (!Array.isArray(rows)) continue
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 5) continue
      const [ruleId, model, count, sum, sumSq] = row as unknown[]
      const partial = { count, sum, sumSq }
      if (typeof ruleId !== 'string' || typeof model !== 'string' || !isPartial(partial)) continue
      let byModel = out.get(ruleId)
      if (byModel === undefined) out.set(ruleId, byModel = new Map())
      const acc = byModel.get(model)
      if (acc === undefined) byModel.set(model, { ...partial })
      else {
        acc.count += partial.count
        acc.sum += partial.sum
        acc.sumSq += partial.sumSq
      }
    }
  }
  return out
}
