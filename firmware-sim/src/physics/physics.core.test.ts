import { describe, expect, it } from 'vitest'
import { SIGNALS, signalId } from '@fleetwire/proto'
import { planFleet, distanceKm } from '../fleet-plan.core.js'
import { runVehicle, series, type VehicleRun } from './run-vehicle.core.js'
import { samplingFor } from './vehicle-state.core.js'
import { FAULTS, FAULT_KINDS, WHEELS } from '../faults/fault-types.core.js'
import { firstCrossing } from '../faults/detect.core.js'
import { modelSpec } from '../models.core.js'

const DAY = 86_400_000
const start = Date.UTC(2026, 0, 10)
const SOC = signalId('Vehicle.Powertrain.TractionBattery.StateOfCharge.Current')
const CHARGING = signalId('Vehicle.Powertrain.TractionBattery.Charging.IsCharging')
const SPEED = signalId('Vehicle.Speed')
const ODO = signalId('Vehicle.TraveledDistance')
const LAT = signalId('Vehicle.CurrentLocation.Latitude')
const LON = signalId('Vehicle.CurrentLocation.Longitude')
const CRANK = signalId('Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage')
const TYRE_FL = signalId('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure')
const TYRE_T = signalId('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature')
const PAD_L = signalId('Vehicle.Chassis.Axle.Row1.Wheel.Left.Brake.PadWear')
const SOH = signalId('Vehicle.Powertrain.TractionBattery.StateOfHealth')
const PACK_T = signalId('Vehicle.Powertrain.TractionBattery.Temperature.Average')
const AMBIENT = signalId('Vehicle.Exterior.AirTemperature')

const healthy = planFleet({ count: 30, seed: 11, simStartMs: start, horizonMs: 24 * DAY })
const cfg = samplingFor(1, 3600, false)
const runs: VehicleRun[] = healthy.map((spec) => runVehicle(spec, { seed: 11, simStartMs: start, endMs: start + 24 * DAY, cfg }))

const values = (run: VehicleRun, id: number) => series(run, id).map(([, v]) => v)
const isMonotonic = (xs: number[], dir: 1 | -1, slack = 0) => xs.every((x, i) => i === 0 || dir * (x - (xs[i - 1] as number)) >= -slack)

describe('physics of a healthy fleet (24 simulated days)', () => {
  it('produces every catalog signal, in its unit, inside its valid range', () => {
    const seen = new Set<number>()
    const catalog = new Map(SIGNALS.map((s) => [s.id, s]))
    for (const run of runs) {
      const { id, value } = run.samples
      for (let i = 0; i < id.length; i++) {
        const def = catalog.get(id[i] as number)
        if (def === undefined) throw new Error(`signal ${id[i]} is not in the catalog`)
        const v = value[i] as number
        if (!(v >= def.min && v <= def.max)) throw new Error(`${def.name} = ${v} outside [${def.min}, ${def.max}]`)
        seen.add(id[i] as number)
      }
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(SIGNALS.map((s) => s.id).sort((a, b) => a - b))
  })

  it('SoC falls over every trip and rises over every charging session', () => {
    for (const run of runs) {
      const soc = series(run, SOC)
      const at = (t: number) => soc.findLast(([ts]) => ts <= t)?.[1]
      for (let i = 0; i + 1 < run.powers.length; i++) {
        const p = run.powers[i]!
        const end = run.powers[i + 1]!.t
        if (end - p.t < 30 * 60_000) continue
        const a = at(p.t)
        const b = at(end)
        if (a === undefined || b === undefined) continue
        if (p.phase === 'driving') expect(b).toBeLessThan(a + 0.5)
        if (p.phase === 'charging') expect(b).toBeGreaterThan(a)
      }
      const sv = soc.map(([, v]) => v)
      expect(Math.min(...sv)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...sv)).toBeLessThanOrEqual(100)
    }
  })

  it('drives daily within its city, with a growing odometer and pad wear and a slowly fading SoH', () => {
    for (const run of runs) {
      const spec = run.state.spec
      expect(run.powers.filter((p) => p.phase === 'driving').length).toBeGreaterThan(15)
      expect(Math.max(...values(run, SPEED))).toBeGreaterThan(30)
      expect(isMonotonic(values(run, ODO), 1)).toBe(true)
      expect(isMonotonic(values(run, PAD_L), 1)).toBe(true)
      expect(isMonotonic(values(run, SOH), -1)).toBe(true)
      const soh = values(run, SOH)
      expect(soh[0]! - soh[soh.length - 1]!).toBeLessThan(0.5)
      const lats = values(run, LAT)
      const lons = values(run, LON)
      for (let i = 0; i < lats.length; i += 50) expect(distanceKm(spec.city, { lat: lats[i]!, lon: lons[i]! })).toBeLessThan(60)
    }
  })

  it('the 12 V dips at every wake-up and crank, and tyre pressure follows tyre temperature', () => {
    for (const run of runs) {
      const cranks = values(run, CRANK)
      expect(cranks.length).toBeGreaterThan(40)
      expect(Math.max(...cranks)).toBeLessThan(12.2)
      expect(Math.min(...cranks)).toBeGreaterThan(9.8)
      const temps = series(run, TYRE_T)
      const press = series(run, TYRE_FL)
      expect(correlation(temps.map(([, v]) => v), press.map(([, v]) => v))).toBeGreaterThan(0.8)
    }
  })

  it('reports tyre pressures consistent with tyre temperature from the first sample on (cold pressure compensates flat)', () => {
    for (const run of runs) {
      const temps = new Map(series(run, TYRE_T))
      const cold = series(run, TYRE_FL).slice(0, 20).map(([t, p]) => (p + 101.325) * 293.15 / ((temps.get(t) as number) + 273.15) - 101.325)
      // sensor noise 0.6 kPa and 0.3 °C, natural loss 0.2 kPa/day: the first reading is no outlier
      expect(Math.max(...cold) - Math.min(...cold)).toBeLessThan(5)
    }
  })

  it('pack temperature rises above ambient under DC charging or hard driving', () => {
    let warmer = 0
    for (const run of runs) {
      const amb = series(run, AMBIENT)
      const pack = series(run, PACK_T)
      for (let i = 0; i < pack.length; i++) if (pack[i]![1] - amb[i]![1] > 3) warmer++
    }
    expect(warmer).toBeGreaterThan(0)
  })

  it('does not look faulty: no healthy vehicle crosses any fault warning rule', () => {
    for (const run of runs) {
      for (const kind of FAULT_KINDS) {
        const targets = kind === 'slow-tyre-leak' ? WHEELS : kind === 'pad-wear' ? (['L', 'R'] as const) : [undefined]
        for (const target of targets) {
          for (const rule of FAULTS[kind].warnings(target, { placardKPa: modelSpec(run.state.spec.model).placardKPa })) {
            expect(firstCrossing(run, rule, start, 2), `${run.state.spec.vin} ${kind} ${rule.signal}`).toBeUndefined()
          }
        }
      }
      expect(run.dtcs).toEqual([])
    }
  })
})

describe('reproducibility', () => {
  it('the same seed gives the same samples, however the scheduler slices time', () => {
    const spec = healthy[3]!
    const a = runVehicle(spec, { seed: 11, simStartMs: start, endMs: start + 3 * DAY, cfg, chunkMs: 3_600_000 })
    const b = runVehicle(spec, { seed: 11, simStartMs: start, endMs: start + 3 * DAY, cfg, chunkMs: 7 * 60_000 + 13 })
    expect(b.samples).toEqual(a.samples)
    expect(b.powers).toEqual(a.powers)
    const c = runVehicle(spec, { seed: 12, simStartMs: start, endMs: start + 3 * DAY, cfg })
    expect(c.samples.value).not.toEqual(a.samples.value)
  })

  it('in real time (speed 1) a batch a second carries a snapshot a second', () => {
    const rt = samplingFor(1, 1, true)
    expect(rt).toMatchObject({ fastPeriodMs: 1000, driveFastMs: 1000, slowPeriodMs: 60_000, driveStepMs: 1000, awakeStepMs: 1000 })
    const run = runVehicle(healthy[0]!, { seed: 11, simStartMs: start, endMs: start + 600_000, cfg: rt, chunkMs: 1000 })
    expect(series(run, CHARGING).length).toBeGreaterThanOrEqual(600)
  })
})

function correlation (xs: number[], ys: number[]): number {
  const n = Math.min(xs.length, ys.length)
  const mx = xs.slice(0, n).reduce((s, x) => s + x, 0) / n
  const my = ys.slice(0, n).reduce((s, y) => s + y, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my)
    sxx += (xs[i]! - mx) ** 2
    syy += (ys[i]! - my) ** 2
  }
  return sxy / Math.sqrt(sxx * syy)
}
