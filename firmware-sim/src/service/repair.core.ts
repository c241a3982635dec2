import type { FaultKind } from '../faults/fault-types.core.js'
import { WHEELS, type Wheel } from '../faults/fault-types.core.js'
import { modelSpec } from '../models.core.js'
import type { VehicleState } from '../physics/vehicle-state.core.js'

/**
 * A workshop repair in the simulator, kept apart from the fault scenarios:
 * when the owner accepts a booking and the vehicle has been to the service
 * centre, the faults of the repaired family end (their progression no longer
 * drives the physics) and the worn component is new again. Returns what was
 * repaired so a driver can tell the gateway which parts were used. The
 * families are the gateway's (parts/catalogue.core.ts), the one name both sides share.
 */
export const FAMILY_OF_FAULT: Readonly<Record<FaultKind, string>> = {
  'weak-12v-battery': 'lv_battery',
  'cell-imbalance': 'cell_imbalance',
  'slow-tyre-leak': 'tyre_leak',
  'cooling-fault': 'coolant',
  'pad-wear': 'pad_wear',
  'insulation-falling': 'insulation',
  'soh-fast-fade': 'soh_fade',
}

export interface RepairDone { readonly family: string, readonly kinds: readonly FaultKind[], readonly atMs: number }

export function repairAtServiceCenter (v: VehicleState, family: string, atMs: number): RepairDone {
  const repaired = v.faults.filter((f) => FAMILY_OF_FAULT[f.plan.kind] === family)
  for (const f of repaired) {
    const p = f.plan
    // New part: the affected quantity goes back to a healthy value.
    if (p.kind === 'pad-wear') v.padWearPct[p.target === 'R' ? 1 : 0] = 0
    if (p.kind === 'slow-tyre-leak') v.tyreColdKPa[WHEELS.indexOf((p.target ?? 'FL') as Wheel)] = modelSpec(v.spec.model).placardKPa
  }
  // The fault list is the vehicle's own; dropping the runtimes ends their effects from the next step on.
  const keep = v.faults.filter((f) => !repaired.includes(f))
  v.faults.splice(0, v.faults.length, ...keep)
  return { family, kinds: repaired.map((f) => f.plan.kind), atMs }
}
