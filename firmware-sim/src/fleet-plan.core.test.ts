import { describe, expect, it } from 'vitest'
import { planFleet } from './fleet-plan.core.js'
import { FAULT_KINDS } from './faults/fault-types.core.js'
import { MARKETS } from './markets.core.js'
import { modelSpec } from './models.core.js'

const DAY = 86_400_000
const base = { simStartMs: Date.UTC(2026, 0, 1), horizonMs: 24 * DAY }

describe('fleet plan', () => {
  it('the same seed plans the same fleet; another seed another one', () => {
    const a = planFleet({ ...base, count: 50, seed: 7, faults: { fraction: 0.2, kinds: FAULT_KINDS, explicit: [] } })
    const b = planFleet({ ...base, count: 50, seed: 7, faults: { fraction: 0.2, kinds: FAULT_KINDS, explicit: [] } })
    const c = planFleet({ ...base, count: 50, seed: 8, faults: { fraction: 0.2, kinds: FAULT_KINDS, explicit: [] } })
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(c.map((v) => v.vin)).not.toEqual(a.map((v) => v.vin))
  })

  it('mixes BEVs and PHEVs over every market, with ECUs and firmware versions', () => {
    const plan = planFleet({ ...base, count: 400, seed: 1 })
    expect(new Set(plan.map((v) => v.powertrain))).toEqual(new Set(['BEV', 'PHEV']))
    expect(new Set(plan.map((v) => v.region))).toEqual(new Set(MARKETS.map((m) => m.region)))
    expect(new Set(plan.map((v) => v.timeZone)).size).toBeGreaterThan(8)
    for (const v of plan) {
      expect(v.ecus.length).toBeGreaterThan(4)
      expect(v.ecus.every((e) => /^\d+\.\d+\.\d+$/.test(e.softwareVersion))).toBe(true)
      expect(v.fleet.length).toBeGreaterThan(0)
    }
  })

  it('--faults 10% gives one fault to a tenth of the fleet, kinds spread evenly, within the horizon', () => {
    const plan = planFleet({ ...base, count: 700, seed: 3, faults: { fraction: 0.1, kinds: FAULT_KINDS, explicit: [] } })
    const faulty = plan.filter((v) => v.faults.length > 0)
    expect(faulty).toHaveLength(70)
    const perKind = new Map<string, number>()
    for (const v of faulty) for (const f of v.faults) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1)
    expect([...perKind.values()]).toEqual(FAULT_KINDS.map(() => 10))
    for (const f of faulty.flatMap((v) => v.faults)) {
      expect(f.onsetMs).toBeGreaterThan(base.simStartMs)
      expect(f.failureMs).toBeLessThan(base.simStartMs + base.horizonMs)
      expect(f.failureMs - f.onsetMs).toBeGreaterThanOrEqual(10 * DAY - 1)
      expect(/^[PCBU][0-3][0-9A-F]{3}$/.test(f.dtc)).toBe(true)
      for (const w of f.warnings) expect(w.plannedAtMs).toBeLessThanOrEqual(f.failureMs)
    }
  })

  it('a scenario names vehicles and times explicitly', () => {
    const plan = planFleet({
      ...base,
      count: 5,
      seed: 1,
      faults: { fraction: 0, kinds: FAULT_KINDS, explicit: [{ vehicle: 2, fault: 'slow-tyre-leak', onsetDay: 1, failureDay: 11, target: 'RR' }] },
    })
    expect(plan.map((v) => v.faults.length)).toEqual([0, 0, 1, 0, 0])
    const f = plan[2]!.faults[0]!
    expect(f).toMatchObject({ kind: 'slow-tyre-leak', target: 'RR', dtc: 'C0765', onsetMs: base.simStartMs + DAY, failureMs: base.simStartMs + 11 * DAY })
    expect(() => planFleet({ ...base, count: 2, seed: 1, faults: { fraction: 0, kinds: FAULT_KINDS, explicit: [{ vehicle: 'NOPE', fault: 'pad-wear' }] } })).toThrow(/not in the fleet/)
  })

  it("a scenario's baselines change the healthy draw per model, and only it", () => {
    const plain = planFleet({ ...base, count: 200, seed: 4 })
    const plan = planFleet({
      ...base,
      count: 200,
      seed: 4,
      baselines: { fleet: { tyreInflation: [0.9, 0.95] }, models: { 'FW-E1': { cellSpreadMv: [30, 40], insulationKOhm: 1500 } } },
    })
    expect(plan.map((v) => v.vin)).toEqual(plain.map((v) => v.vin))
    for (const [i, v] of plan.entries()) {
      for (const p of v.init.tyreColdKPa) expect(p / modelSpec(v.model).placardKPa).toBeLessThanOrEqual(0.951)
      if (v.model === 'FW-E1') {
        expect(v.init.insulationKOhm).toBe(1500)
        expect(v.init.cellSpreadMv).toBeGreaterThanOrEqual(30)
        expect(v.init.cellSpreadMv).toBeLessThanOrEqual(40)
      } else expect(v.init.cellSpreadMv).toBe(plain[i]!.init.cellSpreadMv)
      // Draws the scenario leaves alone stay as they were.
      expect(v.init.socPct).toBe(plain[i]!.init.socPct)
      expect(v.init.home).toEqual(plain[i]!.init.home)
    }
  })

  it("a scenario's fault curves set each family's shape, rate and onset", () => {
    const faults = { fraction: 0.5, kinds: ['insulation-falling', 'pad-wear'] as const, explicit: [] }
    const plan = planFleet({ ...base, count: 100, seed: 6, faults, faultCurves: { 'insulation-falling': { shape: 'exponential', k: [3, 5], durationDays: [4, 6], onsetDays: [2, 3] } } })
    const all = plan.flatMap((v) => v.faults)
    for (const f of all.filter((x) => x.kind === 'insulation-falling')) {
      expect(f.curve.shape).toBe('exponential')
      expect(f.failureMs - f.onsetMs).toBeGreaterThanOrEqual(4 * DAY - 1)
      expect(f.failureMs - f.onsetMs).toBeLessThanOrEqual(6 * DAY + 1)
      expect(f.onsetMs - base.simStartMs).toBeGreaterThanOrEqual(2 * DAY - 1)
      expect(f.onsetMs - base.simStartMs).toBeLessThanOrEqual(3 * DAY + 1)
    }
    expect(all.filter((x) => x.kind === 'pad-wear').every((f) => f.curve.shape === 'power')).toBe(true)
  })
})
