import { rename, writeFile } from 'node:fs/promises'
import type { VehicleSpec } from './fleet-plan.core.js'
import type { FaultRuntime } from './physics/vehicle-state.core.js'
import type { SeverityCurve } from './faults/severity-curve.core.js'

/**
 * The answer key of a run: which vehicle got which fault, when it started,
 * when it was planned to fail, when the DTC was actually set, and the rule a
 * rules engine should catch it with (and when the signal was planned to
 * cross it). `npm run score:alerts` scores alerts against this file.
 */
export interface GroundTruthFault {
  vehicleId: string
  model: string
  region: string
  fleet: string
  fault: string
  title: string
  target: string | null
  ecuId: string
  dtc: string
  dtcTitle: string
  onsetAt: string
  hardFailureAt: string
  /** How the fault progressed from onset to failure (faults/severity-curve.core.ts). */
  curve: SeverityCurve
  /** When the ECU actually set the DTC (null: not yet, e.g. the run ended first). */
  dtcSetAt: string | null
  warnings: Array<{ signal: string, signalId: number, minus: string | null, comparator: string, threshold: number, plannedAt: string, note: string }>
}

export interface GroundTruth {
  generator: 'fleetwire-firmware-sim'
  seed: number
  speed: number
  simStart: string
  horizonDays: number
  writtenAt: string
  vehicles: number
  faultyVehicles: number
  /** Every simulated vehicle: the ones without a fault entry are healthy (false positives on them count). */
  vehicleIds: string[]
  faults: GroundTruthFault[]
}

const iso = (ms: number) => new Date(ms).toISOString()

export function buildGroundTruth (run: { seed: number, speed: number, simStartMs: number, horizonMs: number }, vehicles: ReadonlyArray<{ spec: VehicleSpec, faults: readonly FaultRuntime[] }>, nowMs = Date.now()): GroundTruth {
  const faults: GroundTruthFault[] = []
  for (const { spec, faults: rt } of vehicles) {
    for (const f of rt) {
      const p = f.plan
      faults.push({
        vehicleId: spec.vin,
        model: spec.model,
        region: spec.region,
        fleet: spec.fleet,
        fault: p.kind,
        title: p.title,
        target: p.target ?? null,
        ecuId: p.ecuId,
        dtc: p.dtc,
        dtcTitle: p.dtcTitle,
        onsetAt: iso(p.onsetMs),
        hardFailureAt: iso(p.failureMs),
        curve: p.curve,
        dtcSetAt: f.dtcSetAtMs === undefined ? null : iso(f.dtcSetAtMs),
        warnings: p.warnings.map((w) => ({
          signal: w.signal,
          signalId: w.signalId,
          minus: w.minus?.signal ?? null,
          comparator: w.comparator,
          threshold: w.threshold,
          plannedAt: iso(w.plannedAtMs),
          note: w.note,
        })),
      })
    }
  }
  return {
    generator: 'fleetwire-firmware-sim',
    seed: run.seed,
    speed: run.speed,
    simStart: iso(run.simStartMs),
    horizonDays: run.horizonMs / 86_400_000,
    writtenAt: iso(nowMs),
    vehicles: vehicles.length,
    faultyVehicles: vehicles.filter((v) => v.faults.length > 0).length,
    vehicleIds: vehicles.map((v) => v.spec.vin),
    faults,
  }
}

export async function writeGroundTruth (path: string, gt: GroundTruth): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`
  await writeFile(tmp, JSON.stringify(gt, null, 2) + '\n')
  await rename(tmp, path)
}
