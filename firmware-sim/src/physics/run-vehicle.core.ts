import type { VehicleSpec } from '../fleet-plan.core.js'
import type { DtcEvent } from '../dtc-memory.core.js'
import { advance } from './advance.core.js'
import { start } from './lifecycle.core.js'
import { createVehicleState, type Phase, type SimConfig, type VehicleState } from './vehicle-state.core.js'

/** Everything one vehicle reported over a simulated span: for tests and offline analysis. */
export interface VehicleRun {
  state: VehicleState
  samples: { id: number[], value: number[], t: number[] }
  powers: Array<{ phase: Phase, t: number }>
  dtcs: DtcEvent[]
}

/** Runs one vehicle's physics from simStartMs to endMs in chunks of chunkMs (like the scheduler would). */
export function runVehicle (spec: VehicleSpec, opts: { seed: number, simStartMs: number, endMs: number, cfg: SimConfig, chunkMs?: number }): VehicleRun {
  const run: VehicleRun = { state: createVehicleState(spec, opts.simStartMs, opts.seed), samples: { id: [], value: [], t: [] }, powers: [], dtcs: [] }
  const sink = {
    sample (id: number, value: number, t: number) {
      run.samples.id.push(id)
      run.samples.value.push(value)
      run.samples.t.push(t)
    },
    power (phase: Phase, t: number) { run.powers.push({ phase, t }) },
    dtc (e: DtcEvent) { run.dtcs.push(e) },
  }
  start(run.state, opts.cfg, sink)
  const chunk = opts.chunkMs ?? 3_600_000
  for (let t = opts.simStartMs + chunk; ; t += chunk) {
    advance(run.state, Math.min(t, opts.endMs), opts.cfg, sink)
    if (t >= opts.endMs) break
  }
  return run
}

/** The samples of one signal, as [t, value] pairs. */
export function series (run: VehicleRun, id: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let i = 0; i < run.samples.id.length; i++) if (run.samples.id[i] === id) out.push([run.samples.t[i] as number, run.samples.value[i] as number])
  return out
}
