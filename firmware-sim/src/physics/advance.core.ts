import { checkHardFailures, updateFaults, type Occasion } from '../faults/monitor.core.js'
import { PAD } from '../faults/effects.core.js'
import { ambientTempC, weatherOffsetC } from './ambient.core.js'
import { stepBattery } from './battery.core.js'
import { stepBody } from './body.core.js'
import { chargePowerKW } from './daily-life.core.js'
import { PAD_WEAR_PCT_PER_KJ, stepDrive } from './drive.core.js'
import { emitDue, type PhysicsSink } from './emit.core.js'
import { onStepEnd, wake } from './lifecycle.core.js'
import type { SimConfig, VehicleState } from './vehicle-state.core.js'

export function ambientAt (v: VehicleState, tMs: number): number {
  return ambientTempC(v.spec.city, tMs, weatherOffsetC(tMs, v.spec.init.weatherPhase))
}

/**
 * Advances one vehicle to `targetMs` on a fixed simulated grid (steps end on
 * multiples of the step length, or on a planned transition), so the
 * trajectory does not depend on when the scheduler happens to call: the same
 * seed gives the same samples. A sleeping vehicle is integrated lazily, in
 * one step, when it wakes.
 */
export function advance (v: VehicleState, targetMs: number, cfg: SimConfig, sink: PhysicsSink): void {
  for (;;) {
    if (v.phase === 'asleep') {
      if (targetMs < v.phaseEndMs) return
      const dtS = (v.phaseEndMs - v.t) / 1000
      v.t = v.phaseEndMs
      integrate(v, dtS, cfg)
      updateFaults(v, v.t)
      wake(v, cfg, sink)
      continue
    }
    const step = v.phase === 'driving' ? cfg.driveStepMs : cfg.awakeStepMs
    let next = (Math.floor(v.t / step) + 1) * step
    const boundary = v.phase === 'parked' ? Math.min(v.phaseEndMs, v.nextDepartureMs) : v.phase === 'charging' ? v.nextDepartureMs : Number.POSITIVE_INFINITY
    if (boundary > v.t && boundary < next) next = boundary
    if (next > targetMs) return
    const dtS = (next - v.t) / 1000
    v.t = next
    const arrived = integrate(v, dtS, cfg)
    updateFaults(v, v.t)
    const occasion: Occasion = v.phase === 'driving' ? 'driving' : 'awake'
    checkHardFailures(v, v.t, occasion, (e) => sink.dtc(e))
    emitDue(v, cfg, sink)
    onStepEnd(v, cfg, sink, arrived)
  }
}

/** Physics over dtS seconds ending at v.t; returns true when a trip reached its destination. */
function integrate (v: VehicleState, dtS: number, cfg: SimConfig): boolean {
  const ambient = ambientAt(v, v.t) + (cfg.ambientOffsetC ?? 0)
  v.ambientC = ambient
  let batteryKW = 0
  let arrived = false
  if (v.phase === 'driving') {
    const d = stepDrive(v, dtS, ambient)
    batteryKW = d.batteryKW
    arrived = d.arrived
    wearPads(v, d.frictionKJ)
  } else if (v.phase === 'charging') {
    batteryKW = -chargePowerKW({ kw: v.chargeKW, dc: v.dcCharging }, v.socPct) + 0.3 // minus the unit's own draw
  } else if (v.phase === 'parked') {
    batteryKW = 0.25 // telematics, BMS and gateway awake
  }
  stepBattery(v, dtS, batteryKW, ambient)
  stepBody(v, dtS, ambient, v.phase === 'driving' ? v.motorKW : 0)
  return arrived
}

function wearPads (v: VehicleState, frictionKJ: number): void {
  // The front axle takes ~70 % of the braking, split over its two wheels.
  const healthy = frictionKJ * 0.35 * PAD_WEAR_PCT_PER_KJ
  v.padWearPct[0] += healthy
  v.padWearPct[1] += healthy
  for (const f of v.faults) {
    if (f.plan.kind !== 'pad-wear' || f.severity === 0 || f.atOnset === undefined) continue
    const side = f.plan.target === 'R' ? 1 : 0
    v.padExtraPct[side] = Math.min(100 - v.padWearPct[side], PAD.extraPct(f.atOnset, f.severity))
  }
}
