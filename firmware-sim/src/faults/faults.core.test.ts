import { describe, expect, it } from 'vitest'
import { planFleet } from '../fleet-plan.core.js'
import { runVehicle } from '../physics/run-vehicle.core.js'
import { samplingFor } from '../physics/vehicle-state.core.js'
import { DTC_STATUS } from '../dtc-memory.core.js'
import { FAULT_KINDS } from './fault-types.core.js'
import { severityAt, timeAtSeverity } from './severity-curve.core.js'
import { firstCrossing } from './detect.core.js'

const DAY = 86_400_000
const start = Date.UTC(2026, 2, 1)
const PER_KIND = 3
const plan = planFleet({
  count: FAULT_KINDS.length * PER_KIND,
  seed: 5,
  simStartMs: start,
  horizonMs: 24 * DAY,
  faults: { fraction: 0, kinds: FAULT_KINDS, explicit: FAULT_KINDS.flatMap((fault, k) => Array.from({ length: PER_KIND }, (_, j) => ({ vehicle: k * PER_KIND + j, fault }))) },
})
const cfg = samplingFor(1, 3600, false)
const runs = plan.map((spec) => runVehicle(spec, { seed: 5, simStartMs: start, endMs: start + 24 * DAY, cfg }))

describe('fault progression', () => {
  it('severity grows from 0 at onset to 1 at the planned failure, and inverts', () => {
    expect(severityAt({ shape: 'power', k: 2 }, 100, 200, 50)).toBe(0)
    expect(severityAt({ shape: 'power', k: 2 }, 100, 200, 150)).toBeCloseTo(0.25)
    expect(severityAt({ shape: 'power', k: 2 }, 100, 200, 250)).toBe(1)
    expect(timeAtSeverity({ shape: 'power', k: 2 }, 100, 200, 0.25)).toBeCloseTo(150)
  })

  describe.each(FAULT_KINDS)('%s', (kind) => {
    const mine = runs.filter((r) => r.state.spec.faults[0]?.kind === kind)

    it('crosses its warning threshold near the planned time, days before the hard failure', () => {
      expect(mine).toHaveLength(PER_KIND)
      for (const run of mine) {
        const f = run.state.spec.faults[0]!
        const rule = f.warnings[0]!
        const crossed = firstCrossing(run, rule, start, 2)
        expect(crossed, `${run.state.spec.vin} never crossed ${rule.signal} ${rule.comparator} ${rule.threshold}`).toBeDefined()
        expect(crossed!).toBeGreaterThanOrEqual(f.onsetMs)
        expect(crossed! - rule.plannedAtMs).toBeLessThan(2 * DAY)
        if (kind !== 'cooling-fault') expect(rule.plannedAtMs - crossed!).toBeLessThan(2 * DAY) // a PHEV engine runs hot sooner
        expect(f.failureMs - crossed!).toBeGreaterThan(2.5 * DAY)
      }
    })

    it('reaches a hard failure that sets its DTC with a freeze frame', () => {
      for (const run of mine) {
        const f = run.state.spec.faults[0]!
        expect(run.dtcs).toHaveLength(1)
        const e = run.dtcs[0]!
        expect(e).toMatchObject({ code: f.dtc, ecuId: f.ecuId, action: 'set' })
        expect(e.status & DTC_STATUS.confirmedDTC).toBeTruthy()
        expect(e.status & DTC_STATUS.testFailed).toBeTruthy()
        expect(e.timeMs).toBeGreaterThanOrEqual(f.failureMs)
        expect(e.timeMs - f.failureMs).toBeLessThan(2 * DAY)
        expect(e.freezeFrame.map((s) => s.signalId)).toEqual(expect.arrayContaining([...f.freezeFrame].slice(0, 2)))
        expect(run.state.faults[0]!.dtcSetAtMs).toBe(e.timeMs)
        expect(run.state.dtc.isActive(f.dtc)).toBe(true)
      }
    })
  })

  it('a faulty vehicle sets only its own DTC', () => {
    for (const run of runs) expect(run.dtcs.map((e) => e.code)).toEqual([run.state.spec.faults[0]!.dtc])
  })
})
