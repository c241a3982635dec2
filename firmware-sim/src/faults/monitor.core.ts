import { WHEELS, type FaultKind, type Wheel } from './fault-types.core.js'
import { severityAt } from './severity-curve.core.js'
import type { DtcEvent } from '../dtc-memory.core.js'
import type { VehicleState } from '../physics/vehicle-state.core.js'
import { readSignal } from '../physics/signals.core.js'

/** When the ECUs look: at a crank/wake, on every driving step, or on every awake step. */
export type Occasion = 'wake' | 'driving' | 'awake'

export function severityOf (v: VehicleState, kind: FaultKind): number {
  for (const f of v.faults) if (f.plan.kind === kind) return f.severity
  return 0
}

/** Moves every fault to its severity at time t; captures the affected value at onset. */
export function updateFaults (v: VehicleState, t: number): void {
  for (const f of v.faults) {
    const p = f.plan
    f.severity = severityAt(p.curve, p.onsetMs, p.failureMs, t)
    // At onset, not at the first visible severity: a step or an intermittent fault shows later.
    if (t >= p.onsetMs && f.atOnset === undefined) {
      if (p.kind === 'pad-wear') f.atOnset = v.padWearPct[p.target === 'R' ? 1 : 0]
      else if (p.kind === 'soh-fast-fade') f.atOnset = v.sohHealthyPct
      else if (p.kind === 'slow-tyre-leak') f.atOnset = v.tyreColdKPa[WHEELS.indexOf((p.target ?? 'FL') as Wheel)]
      else f.atOnset = 0
    }
  }
}

/**
 * A fault at full severity sets its DTC (with a freeze frame of the current
 * values) the next time its ECU can observe it; once cleared by a tester it
 * sets again on the next occasion, as a real ECU would while the fault stays.
 */
export function checkHardFailures (v: VehicleState, t: number, occasion: Occasion, report: (e: DtcEvent) => void): void {
  for (const f of v.faults) {
    if (f.severity < 1) continue
    const p = f.plan
    const observable = p.observedOn === 'awake' || p.observedOn === occasion
    if (!observable || v.dtc.isActive(p.dtc)) continue
    if (p.setsWhen !== undefined && !((readSignal(v, p.setsWhen.signalId) ?? Number.NEGATIVE_INFINITY) > p.setsWhen.above)) continue
    const frame = p.freezeFrame.flatMap((id) => {
      const value = readSignal(v, id)
      return value === undefined ? [] : [{ signalId: id, value }]
    })
    report(v.dtc.set(p.dtc, p.ecuId, t, frame, p.warningLamp))
    f.dtcSetAtMs ??= t
  }
}
