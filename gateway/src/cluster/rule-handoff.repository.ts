import type { Queryable } from '../storage/db.js'

/** One vehicle's stored rule state and open alerts: what an instance needs to evaluate a vehicle that moved to it. */
export async function loadVehicleRuleState (db: Queryable, vehicleKey: number): Promise<{ snapshot: unknown, openRuleIds: Set<string> }> {
  const [state, open] = await Promise.all([
    db.query<{ state: unknown }>('SELECT state FROM rule_state WHERE vehicle_key = $1', [vehicleKey]),
    db.query<{ rule_id: string }>("SELECT rule_id FROM alerts WHERE vehicle_key = $1 AND state <> 'resolved'", [vehicleKey]),
  ])
  return { snapshot: state.rows[0]?.state, openRuleIds: new Set(open.rows.map((r) => r.rule_id)) }
}
