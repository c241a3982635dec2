import { describe, expect, it } from 'vitest'
import { backfillProgress, demoFaults, demoVins, formatBackfillProgress } from './demo.js'
import { planFleet } from './fleet-plan.core.js'
import type { FleetStats } from './fleet-stats.js'

const DAY = 86_400_000

describe('demo fleet', () => {
  it('gives every third vehicle a fault; one fails inside the history, the others later', () => {
    const sel = demoFaults(12)
    expect(sel.fraction).toBe(0)
    expect(sel.explicit.map((f) => f.vehicle)).toEqual([0, 3, 6, 9])
    const failures = sel.explicit.map((f) => f.failureDay as number)
    expect(failures.some((d) => d < 3)).toBe(true)
    expect(failures.some((d) => d > 3)).toBe(true)
    for (const f of sel.explicit) expect(f.onsetDay as number).toBeLessThan(1)
    expect(demoFaults(1).explicit).toHaveLength(1)
    expect(demoFaults(0).explicit).toHaveLength(0)
  })

  it('plans the faults at their days after the start of the history', () => {
    const simStartMs = Date.UTC(2026, 0, 1)
    const plan = planFleet({ count: 12, seed: 20_251_127, simStartMs, horizonMs: 3 * DAY, faults: demoFaults(12) })
    const tyre = plan[0]?.faults[0]
    expect(tyre?.kind).toBe('slow-tyre-leak')
    expect(tyre?.onsetMs).toBe(simStartMs + 0.2 * DAY)
    expect(tyre?.failureMs).toBe(simStartMs + 2.6 * DAY)
    expect(plan.filter((v) => v.faults.length > 0)).toHaveLength(4)
  })

  it('has the same VINs on every start', () => {
    expect(demoVins(3)).toEqual(demoVins(3))
    expect(demoVins(12)).toHaveLength(12)
    expect(new Set(demoVins(12)).size).toBe(12)
  })

  it('reports backfill progress in simulated days', () => {
    const stats = { simTimeMs: 1.5 * DAY, caughtUp: false, acked: 1234, dtcsSet: 1 } as FleetStats
    const p = backfillProgress(stats, 0, 3)
    expect(p).toEqual({ days: 1.5, historyDays: 3, done: false, acked: 1234, dtcsSet: 1 })
    expect(formatBackfillProgress(p)).toBe('demo fleet: history 1.5 of 3 days (50 %), 1,234 messages stored, 1 fault code')
    const done = backfillProgress({ ...stats, simTimeMs: 3 * DAY, caughtUp: true, dtcsSet: 2 }, 0, 3)
    expect(formatBackfillProgress(done)).toBe('demo fleet: 3 days of history stored (1,234 messages stored, 2 fault codes); now in real time')
  })
})
