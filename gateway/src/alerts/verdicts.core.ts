import { type Result, fail, ok } from '../common/result.js'

/**
 * Engineers' feedback on alerts, and the precision it measures: of the
 * alerts a rule raised that someone checked, how many were real. "Could not
 * verify" is counted but left out of the precision (it says nothing either way).
 */
export const OUTCOMES = ['confirmed', 'false-alarm', 'not-verified'] as const
export type Outcome = typeof OUTCOMES[number]

export interface Verdict {
  readonly outcome: Outcome
  /** The part found faulty; required for a confirmed fault. */
  readonly part?: string
}

export function checkVerdict (v: Verdict): Result<Verdict, 'GW_ALERT_VERDICT_INVALID'> {
  if (v.outcome === 'confirmed' && (v.part === undefined || v.part.trim() === '')) return fail('GW_ALERT_VERDICT_INVALID', '/verdict/part: a confirmed fault names the part found')
  if (v.outcome !== 'confirmed' && v.part !== undefined) return fail('GW_ALERT_VERDICT_INVALID', `/verdict/part: only a confirmed fault names a part (outcome ${v.outcome})`)
  return ok(v)
}

/** Verdict counts of one rule in one week (the repository's aggregation). */
export interface VerdictCounts {
  readonly ruleId: string
  /** Monday 00:00 UTC of the ISO week, epoch ms. */
  readonly weekMs: number
  readonly confirmed: number
  readonly falseAlarm: number
  readonly notVerified: number
}

export interface RuleFeedback {
  ruleId: string
  confirmed: number
  falseAlarm: number
  notVerified: number
  /** confirmed / (confirmed + false alarms); null before any decisive verdict. */
  confirmedPrecision: number | null
  weeks: Array<{ week: string, confirmed: number, falseAlarm: number, notVerified: number, confirmedPrecision: number | null }>
}

const precision = (c: number, f: number): number | null => (c + f === 0 ? null : Math.round((c / (c + f)) * 1000) / 1000)

/** Per rule: totals and weekly confirmed precision, weeks oldest first, rules by id. */
export function ruleFeedback (rows: readonly VerdictCounts[]): RuleFeedback[] {
  const byRule = new Map<string, RuleFeedback>()
  for (const r of [...rows].sort((a, b) => a.weekMs - b.weekMs)) {
    let f = byRule.get(r.ruleId)
    if (f === undefined) byRule.set(r.ruleId, f = { ruleId: r.ruleId, confirmed: 0, falseAlarm: 0, notVerified: 0, confirmedPrecision: null, weeks: [] })
    f.confirmed += r.confirmed
    f.falseAlarm += r.falseAlarm
    f.notVerified += r.notVerified
    f.weeks.push({ week: new Date(r.weekMs).toISOString().slice(0, 10), confirmed: r.confirmed, falseAlarm: r.falseAlarm, notVerified: r.notVerified, confirmedPrecision: precision(r.confirmed, r.falseAlarm) })
  }
  for (const f of byRule.values()) f.confirmedPrecision = precision(f.confirmed, f.falseAlarm)
  return [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId))
}
