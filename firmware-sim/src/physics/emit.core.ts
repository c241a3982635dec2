import type { DtcEvent } from '../dtc-memory.core.js'
import { CRANK_MIN_ID, clampToCatalog, measure, signalSource, sourcesFor, type SignalSource } from './signals.core.js'
import type { Phase, SimConfig, VehicleState } from './vehicle-state.core.js'

/** Where the physics reports what the telematics unit records. */
export interface PhysicsSink {
  sample(signalId: number, value: number, tMs: number): void
  /** The power state changed (ignition, charging, sleep): the unit sends a birth or goes to sleep. */
  power(phase: Phase, tMs: number): void
  dtc(event: DtcEvent): void
}

const groups = new Map<string, { fast: SignalSource[], slow: SignalSource[] }>()
const crankSource = signalSource(CRANK_MIN_ID) as SignalSource

/** Reports the fast and slow signal groups when their period is due (awake only; denser while driving). */
export function emitDue (v: VehicleState, cfg: SimConfig, sink: PhysicsSink): void {
  if (v.phase === 'asleep') return
  let g = groups.get(v.model.powertrain)
  if (g === undefined) {
    g = { fast: sourcesFor(v.model.powertrain, 'fast'), slow: sourcesFor(v.model.powertrain, 'slow') }
    groups.set(v.model.powertrain, g)
  }
  const t = v.t
  const driving = v.phase === 'driving'
  if (t >= v.nextFastMs) {
    for (const s of g.fast) report(v, cfg, sink, s, t)
    const p = driving ? cfg.driveFastMs : cfg.fastPeriodMs
    v.nextFastMs = (Math.floor(t / p) + 1) * p
  }
  if (t >= v.nextSlowMs) {
    for (const s of g.slow) report(v, cfg, sink, s, t)
    const p = driving ? cfg.driveSlowMs : cfg.slowPeriodMs
    v.nextSlowMs = (Math.floor(t / p) + 1) * p
  }
}

/** A crank / wake-up: the 12 V minimum is reported at once as an event sample. */
export function emitCrank (v: VehicleState, sink: PhysicsSink, cfg?: SimConfig): void {
  if (cfg === undefined) sink.sample(CRANK_MIN_ID, measure(v, crankSource), v.t)
  else report(v, cfg, sink, crankSource, v.t)
}

/** One reading, through the scenario's sensor effects when there are any (which may drop it). */
function report (v: VehicleState, cfg: SimConfig, sink: PhysicsSink, s: SignalSource, t: number): void {
  const x = measure(v, s)
  if (cfg.sensors === undefined) {
    sink.sample(s.id, x, t)
    return
  }
  const y = cfg.sensors.apply(v, () => v.rng.normal(0, 1), () => v.rng.next(), s.id, x, t)
  if (!Number.isNaN(y)) sink.sample(s.id, clampToCatalog(s.id, y), t)
}
