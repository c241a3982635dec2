import type { VehiclePowerState } from '../rules/types.js'
import type { Queryable } from '../storage/db.js'

/** One vehicle's stored rule state and open alerts: what an instance needs to evaluate a vehicle that moved to it. */
export async function loadVehicleRuleState (db: Queryable, vehicleKey: number): Promise<{ snapshot: unknown, openRuleIds: Set<string> }> {
  const [state, open] = await Promise.all([
    db.query<{ state: unknown }>('SELECT state FROM rule_state WHERE vehicle_key = $1', [vehicleKey]),
    db.query<{ rule_id: string }>("SELECT rule_id FROM alerts WHERE vehicle_key = $1 AND state <> 'resolved'", [vehicleKey]),
  ])
  return { snapshot: state.rows[0]?.state, openRuleIds: new Set(open.rows.map((r) => r.rule_id)) }
}

/** A vehicle whose last session was on an instance that is gone, with what its silence check needs. */
export interface OrphanedVehicle {
  readonly key: number
  readonly id: string
  readonly model: string
  readonly powerState: VehiclePowerState
  readonly ignitionOn: boolean
  readonly lastSeenMs: number
  readonly snapshot: unknown
  readonly openRuleIds: ReadonlySet<string>
}

/**
 * Takes over the vehicles whose last session was on an instance whose lease
 * expired (crashed, or shut down) and that have not connected anywhere since,
 * if they were seen within `seenWithinMs`: they become this instance's (so
 * the cluster-wide silence check judges them from here) and come with their
 * stored rule state and open alerts. Only the instance that removed the
 * expired lease calls this, so each vehicle is taken over once.
 */
export async function claimOrphanedVehicles (db: Queryable, goneInstances: readonly string[], instanceId: string, seenWithinMs: number): Promise<OrphanedVehicle[]> {
  const { rows } = await db.query<{ vehicle_key: number, vehicle_id: string, model: string, power_state: string, ignition_on: boolean | null, last_seen_at: Date, state: unknown, open_rules: string[] }>(
    `WITH claimed AS (
       UPDATE vehicles SET instance_id = $2
       WHERE instance_id = ANY($1::text[]) AND NOT connected AND revoked_at IS NULL AND last_seen_at > now() - $3 * interval '1 millisecond'
       RETURNING vehicle_key, vehicle_id, model, power_state, ignition_on, last_seen_at)
     SELECT c.*, s.state,
       ARRAY(SELECT a.rule_id FROM alerts a WHERE a.vehicle_key = c.vehicle_key AND a.state <> 'resolved') AS open_rules
     FROM claimed c LEFT JOIN rule_state s USING (vehicle_key)`,
    [goneInstances, instanceId, seenWithinMs])
  return rows.map((r) => ({
    key: Number(r.vehicle_key),
    id: r.vehicle_id,
    model: r.model,
    powerState: r.power_state as VehiclePowerState,
    ignitionOn: r.ignition_on ?? false,
    lastSeenMs: r.last_seen_at.getTime(),
    snapshot: r.state ?? undefined,
    openRuleIds: new Set(r.open_rules),
  }))
}
