import type { Verdict } from '../alerts/verdicts.core.js'
import { fail, ok, type Result } from '../common/result.js'

/**
 * A work order's life: proposed → booked → vehicle_arrived → in_repair →
 * completed, or cancelled from any state before completion. Pure: the
 * service stores each transition with who and when.
 */
export type WorkOrderState = 'proposed' | 'booked' | 'vehicle_arrived' | 'in_repair' | 'completed' | 'cancelled'
export const WORK_ORDER_STATES: readonly WorkOrderState[] = ['proposed', 'booked', 'vehicle_arrived', 'in_repair', 'completed', 'cancelled']

const NEXT: Readonly<Record<WorkOrderState, readonly WorkOrderState[]>> = {
  proposed: ['booked', 'cancelled'],
  booked: ['vehicle_arrived', 'cancelled'],
  vehicle_arrived: ['in_repair', 'cancelled'],
  in_repair: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

export type TransitionFailure = 'GW_WORK_ORDER_INVALID_TRANSITION' | 'GW_WORK_ORDER_COMPLETION_INCOMPLETE'

export interface Completion { readonly cause?: string | undefined, readonly partsUsed?: readonly unknown[] | undefined }

export function isOpen (s: WorkOrderState): boolean {
  return s !== 'completed' && s !== 'cancelled'
}

/** Whether `from → to` is legal; completing needs the cause found and the parts used (possibly none). */
export function transition (from: WorkOrderState, to: WorkOrderState, c: Completion = {}): Result<WorkOrderState, TransitionFailure> {
  if (!NEXT[from].includes(to)) return fail('GW_WORK_ORDER_INVALID_TRANSITION', `a ${from} work order cannot become ${to}`)
  if (to === 'completed' && (c.cause === undefined || c.cause.trim() === '' || c.partsUsed === undefined)) {
    return fail('GW_WORK_ORDER_COMPLETION_INCOMPLETE', 'completing a work order needs the cause found and the parts used')
  }
  return ok(to)
}

/** Which roles may drive which transition: technicians do the workshop steps, owners may only cancel. */
export function mayTransition (role: string, to: WorkOrderState): boolean {
  if (role === 'admin' || role === 'support') return true
  if (role === 'technician') return to === 'vehicle_arrived' || to === 'in_repair' || to === 'completed' || to === 'cancelled'
  if (role === 'fleet_owner') return to === 'booked' || to === 'cancelled'
  return false
}

/**
 * What a completed repair says about the alert that booked it: parts
 * replaced confirm the predicted fault (named by the parts); a visit that
 * replaced nothing proves neither way (the fault may not have shown yet).
 */
export function repairVerdict (partsUsed: ReadonlyArray<{ partNumber: string }> | null): Verdict {
  const parts = [...new Set((partsUsed ?? []).map((p) => p.partNumber))]
  return parts.length === 0 ? { outcome: 'not-verified' } : { outcome: 'confirmed', part: parts.join(', ') }
}
