import type { Outcome, Verdict, VerdictCounts } from '../alerts/verdicts.core.js'
import type { Queryable } from './db.js'

export interface AlertVerdictsRepository {
  /** Records (or replaces) the verdict on an alert; false when the alert does not exist. */
  record(alertId: string, verdict: Verdict, by: string, atMs: number): Promise<boolean>
  get(alertId: string): Promise<(Verdict & { by: string, atMs: number }) | undefined>
  /** Verdict counts per rule and ISO week (decided within [fromMs, toMs)). */
  countsByRuleWeek(fromMs: number, toMs: number): Promise<VerdictCounts[]>
}

export function createAlertVerdictsRepository (db: Queryable): AlertVerdictsRepository {
  return {
    async record (alertId, v, by, atMs) {
      const r = await db.query(
        `INSERT INTO alert_verdicts (alert_id, rule_id, outcome, part, decided_by, decided_at)
         SELECT alert_id, rule_id, $2, $3, $4, to_timestamp($5 / 1000.0) FROM alerts WHERE alert_id = $1
         ON CONFLICT (alert_id) DO UPDATE SET outcome = EXCLUDED.outcome, part = EXCLUDED.part, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
        [alertId, v.outcome, v.part ?? null, by, atMs])
      return (r.rowCount ?? 0) > 0
    },
    async get (alertId) {
      const { rows } = await db.query<{ outcome: Outcome, part: string | null, decided_by: string, ms: number }>(
        'SELECT outcome, part, decided_by, (extract(epoch FROM decided_at) * 1000)::float8 AS ms FROM alert_verdicts WHERE alert_id = $1', [alertId])
      const r = rows[0]
      return r === undefined ? undefined : { outcome: r.outcome, ...(r.part === null ? {} : { part: r.part }), by: r.decided_by, atMs: r.ms }
    },
    async countsByRuleWeek (fromMs, toMs) {
      const { rows } = await db.query<{ rule_id: string, week_ms: number, confirmed: number, false_alarm: number, not_verified: number }>(
        `SELECT rule_id, (extract(epoch FROM date_trunc('week', decided_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') * 1000)::float8 AS week_ms,
                count(*) FILTER (WHERE outcome = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE outcome = 'false-alarm')::int AS false_alarm,
                count(*) FILTER (WHERE outcome = 'not-verified')::int AS not_verified
           FROM alert_verdicts
          WHERE decided_at >= to_timestamp($1 / 1000.0) AND decided_at < to_timestamp($2 / 1000.0)
          GROUP BY 1, 2`, [fromMs, toMs])
      return rows.map((r) => ({ ruleId: r.rule_id, weekMs: r.week_ms, confirmed: r.confirmed, falseAlarm: r.false_alarm, notVerified: r.not_verified }))
    },
  }
}
