import { describe, expect, it } from 'vitest'
import { planFleet } from '../fleet-plan.core.js'
import { createVehicleState } from '../physics/vehicle-state.core.js'
import { modelSpec } from '../models.core.js'
import { FAULT_KINDS } from '../faults/fault-types.core.js'
import { repairAtServiceCenter } from './repair.core.js'

const start = Date.UTC(2026, 2, 1)
const plan = planFleet({
  count: 2, seed: 3, simStartMs: start, horizonMs: 20 * 86_400_000,
  faults: { fraction: 0, kinds: FAULT_KINDS, explicit: [{ vehicle: 0, fault: 'slow-tyre-leak' }, { vehicle: 1, fault: 'pad-wear' }] },
})

describe('workshop repair in the simulator', () => {
  it('ends the repaired family\'s faults and restores the tyre', () => {
    const v = createVehicleState(plan[0]!, start, 3)
    expect(v.faults.map((f) => f.plan.kind)).toContain('slow-tyre-leak')
    v.tyreColdKPa.fill(150)
    const done = repairAtServiceCenter(v, 'tyre_leak', start + 86_400_000)
    expect(done.kinds).toEqual(['slow-tyre-leak'])
    expect(v.faults.filter((f) => f.plan.kind === 'slow-tyre-leak')).toEqual([])
    expect(v.tyreColdKPa).toContain(modelSpec(v.spec.model).placardKPa)
  })
  it('another family is left alone', () => {
    const v = createVehicleState(plan[1]!, start, 3)
    expect(repairAtServiceCenter(v, 'tyre_leak', start).kinds).toEqual([])
    expect(v.faults.map((f) => f.plan.kind)).toContain('pad-wear')
    v.padWearPct[0] = 90
    v.padWearPct[1] = 90
    repairAtServiceCenter(v, 'pad_wear', start)
    expect(v.padWearPct).toContain(0)
    expect(v.faults).toEqual([])
  })
})
