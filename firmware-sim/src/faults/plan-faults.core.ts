import { derive, hashString } from '../prng.core.js'
import { modelSpec } from '../models.core.js'
import type { VehicleSpec } from '../fleet-plan.core.js'
import { CELL_MAX_V, DAY_MS, PAD_TYPICAL_WEAR_PCT_PER_DAY, SOH_HEALTHY_FADE_PCT_PER_DAY, TYRE_NATURAL_LOSS_PER_DAY, healthyDipV } from '../physics/constants.core.js'
import { FAULTS, WHEELS, type FaultDefinition, type FaultKind, type Observability, type PadSide, type Wheel, type WarningRule } from './fault-types.core.js'
import { IMBALANCE, INSULATION, LV, PAD, SOH, TYRE, COOLING } from './effects.core.js'
import type { FaultSelection, ScenarioFault } from './scenario.core.js'
import { drawCurve, timeAtSeverity, type FaultCurveSpec, type SeverityCurve } from './severity-curve.core.js'
import type { Range } from '../scenarios/json-shape.core.js'

export interface PlannedWarning extends WarningRule {
  /** When the physics is planned to cross the rule's threshold (nominal conditions). */
  readonly plannedAtMs: number
}

/** One fault of one vehicle, with everything the physics and the ground truth need. */
export interface PlannedFault {
  readonly kind: FaultKind
  readonly title: string
  readonly target?: Wheel | PadSide
  readonly ecuId: string
  readonly dtc: string
  readonly dtcTitle: string
  readonly curve: SeverityCurve
  readonly onsetMs: number
  /** Planned hard failure: severity reaches 1 and the DTC is set at the next chance the ECU has to see it. */
  readonly failureMs: number
  readonly observedOn: Observability
  readonly warningLamp: boolean
  readonly freezeFrame: readonly number[]
  readonly setsWhen?: { readonly signalId: number, readonly above: number }
  readonly warnings: readonly PlannedWarning[]
}

/** Per fault family, a scenario's progression (shape and rate); families left out keep their defaults. */
export type FaultCurves = Partial<Readonly<Record<FaultKind, FaultCurveSpec>>>

interface Ctx { seed: number, simStartMs: number, horizonMs: number, selection: FaultSelection, curves?: FaultCurves }

/** Faults per vehicle (same order as `vehicles`), reproducible from the seed. */
export function planFaults (vehicles: readonly VehicleSpec[], ctx: Ctx): PlannedFault[][] {
  const out: PlannedFault[][] = vehicles.map(() => [])
  const rng = derive(ctx.seed, 'fault-selection')
  const { fraction, kinds } = ctx.selection
  if (fraction > 0 && vehicles.length > 0) {
    const n = Math.max(1, Math.round(vehicles.length * fraction))
    const order = vehicles.map((_, i) => i)
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i)
      ;[order[i], order[j]] = [order[j] as number, order[i] as number]
    }
    const kindOffset = rng.int(0, kinds.length - 1)
    for (let k = 0; k < n; k++) {
      const vi = order[k] as number
      const kind = kinds[(k + kindOffset) % kinds.length] as FaultKind
      add(out, vehicles, vi, { vehicle: vi, fault: kind }, ctx)
    }
  }
  for (const e of ctx.selection.explicit) {
    const vi = typeof e.vehicle === 'number' ? e.vehicle : vehicles.findIndex((v) => v.vin === e.vehicle)
    if (vi < 0 || vi >= vehicles.length) throw new Error(`scenario names vehicle ${e.vehicle}, which is not in the fleet of ${vehicles.length}`)
    add(out, vehicles, vi, e, ctx)
  }
  return out
}

function add (out: PlannedFault[][], vehicles: readonly VehicleSpec[], vi: number, e: ScenarioFault, ctx: Ctx): void {
  const list = out[vi] as PlannedFault[]
  if (list.some((f) => f.kind === e.fault)) return
  list.push(planOne(vehicles[vi] as VehicleSpec, e, ctx))
}

function planOne (v: VehicleSpec, e: ScenarioFault, ctx: Ctx): PlannedFault {
  const rng = derive(ctx.seed, 'fault', v.index, e.fault)
  const def: FaultDefinition = FAULTS[e.fault]
  const H = ctx.horizonMs / DAY_MS
  const spec = ctx.curves?.[e.fault]
  // A scenario's rate is kept within the horizon, so every planned failure happens in the run.
  const [lo, hi] = rangeOf(spec?.durationDays ?? [10, 16])
  const durationDays = rng.range(Math.min(lo, 0.6 * H), Math.min(hi, 0.85 * H))
  // Onset: anywhere that leaves the failure inside the horizon, or within the scenario's range of it.
  const latestOnset = Math.max(0.05 * H, H - durationDays - 0.05 * H)
  const [onLo, onHi] = spec?.onsetDays === undefined ? [0.05 * H, latestOnset] : rangeOf(spec.onsetDays)
  const onsetDay = e.onsetDay ?? rng.range(Math.min(onLo, latestOnset), Math.min(onHi, latestOnset))
  const failureDay = e.failureDay ?? onsetDay + durationDays
  const target = e.target ?? (e.fault === 'slow-tyre-leak' ? rng.pick(WHEELS) : e.fault === 'pad-wear' ? (rng.chance(0.5) ? 'L' : 'R') : undefined)
  const onsetMs = Math.round(ctx.simStartMs + onsetDay * DAY_MS)
  const failureMs = Math.round(ctx.simStartMs + failureDay * DAY_MS)
  const curve = drawCurve(spec, def.powerK, derive(ctx.seed, 'fault-curve', v.index, e.fault), hashString(`${ctx.seed}/episodes/${v.index}/${e.fault}`))
  const severities = warningSeverities(v, e.fault, target, onsetDay)
  const rules = def.warnings(target, { placardKPa: modelSpec(v.model).placardKPa })
  const warnings = rules.map((r, i) => ({
    ...r,
    plannedAtMs: Math.round(e.fault === 'pad-wear' && r.comparator === 'slope-above'
      ? Math.min(failureMs, onsetMs + DAY_MS) // a day of data shows the new slope
      : timeAtSeverity(curve, onsetMs, failureMs, severities[i] ?? 1)),
  }))
  return {
    kind: def.kind,
    title: def.title,
    ...(target === undefined ? {} : { target }),
    ecuId: def.ecuId,
    dtc: def.dtc(target),
    dtcTitle: def.dtcTitle,
    curve,
    onsetMs,
    failureMs,
    observedOn: def.observedOn,
    warningLamp: def.warningLamp,
    freezeFrame: def.freezeFrame,
    ...(def.setsWhen === undefined ? {} : { setsWhen: def.setsWhen }),
    warnings,
  }
}

/** Severity at which each warning rule of the fault is crossed, for this vehicle's starting point. */
function warningSeverities (v: VehicleSpec, kind: FaultKind, target: Wheel | PadSide | undefined, onsetDay: number): number[] {
  const m = modelSpec(v.model)
  const init = v.init
  switch (kind) {
    case 'weak-12v-battery': return [LV.warnSeverity(init.lvRestV, healthyDipV(v.powertrain))]
    case 'cell-imbalance': return [IMBALANCE.warnSeverity(init.cellSpreadMv + 10)]
    case 'slow-tyre-leak': {
      const p0 = init.tyreColdKPa[WHEELS.indexOf((target ?? 'FL') as Wheel)] as number
      return [TYRE.warnSeverity(p0 * (1 - TYRE_NATURAL_LOSS_PER_DAY * onsetDay), m.placardKPa)]
    }
    case 'cooling-fault': return [COOLING.warnSeverity()]
    case 'pad-wear': {
      const w0 = (init.padWearPct[target === 'R' ? 1 : 0] as number) + PAD_TYPICAL_WEAR_PCT_PER_DAY * init.intensity * onsetDay
      return [0, PAD.warnSeverity(w0)]
    }
    case 'insulation-falling': return [INSULATION.warnSeverity(init.insulationKOhm, INSULATION.failKOhm(m.cellsInSeries * CELL_MAX_V))]
    case 'soh-fast-fade': return [SOH.warnSeverity(init.sohPct - SOH_HEALTHY_FADE_PCT_PER_DAY * onsetDay)]
  }
}

const rangeOf = (r: Range): readonly [number, number] => (typeof r === 'number' ? [r, r] : r)
