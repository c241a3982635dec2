import { describe, expect, it } from 'vitest'
import { compareVersions } from '@fleetwire/proto'
import { applyControl, checkCompatibility, decide, narrowTarget, planWaves, waveRatios } from './campaign.core.js'

const ids = (n: number) => Array.from({ length: n }, (_, i) => `V${String(i).padStart(16, '0')}`)

describe('wave planning', () => {
  it('splits by percentages, the last wave taking the rest, every vehicle exactly once', () => {
    const waves = planWaves(ids(57), [{ percent: 10 }, { percent: 30 }, { percent: 60 }], 'seed')
    expect(waves.map((w) => w.length)).toEqual([6, 17, 34])
    expect(new Set(waves.flat()).size).toBe(57)
  })

  it('takes counts as given and never over-assigns', () => {
    expect(planWaves(ids(10), [{ count: 3 }, { count: 20 }, { count: 5 }], 's').map((w) => w.length)).toEqual([3, 7, 0])
    expect(planWaves(ids(3), [{ percent: 1 }, { percent: 99 }], 's').map((w) => w.length)).toEqual([1, 2])
  })

  it('is deterministic for a seed and shuffles between seeds', () => {
    expect(planWaves(ids(50), [{ percent: 20 }, { percent: 80 }], 'a')).toEqual(planWaves(ids(50), [{ percent: 20 }, { percent: 80 }], 'a'))
    expect(planWaves(ids(50), [{ percent: 20 }, { percent: 80 }], 'a')[0]).not.toEqual(planWaves(ids(50), [{ percent: 20 }, { percent: 80 }], 'b')[0])
  })
})

describe('wave decisions', () => {
  const t = { successThreshold: 0.9, errorThreshold: 0.1, autoAdvance: true }
  it('pauses when failures reach the error threshold, before looking at success', () => {
    const w = [{ size: 10, byState: { succeeded: 9, rolled_back: 1 } }, { size: 20, byState: { queued: 20 } }]
    expect(decide(0, w, t, false)).toMatchObject({ kind: 'pause' })
  })
  it('advances at the success threshold, or waits for approval', () => {
    const w = [{ size: 10, byState: { succeeded: 9, downloading: 1 } }, { size: 20, byState: { queued: 20 } }]
    expect(decide(0, w, t, false)).toEqual({ kind: 'advance' })
    expect(decide(0, w, { ...t, autoAdvance: false }, false)).toEqual({ kind: 'await_approval' })
    expect(decide(0, w, { ...t, autoAdvance: false }, true)).toEqual({ kind: 'none' })
    expect(decide(0, [{ size: 10, byState: { succeeded: 8, downloading: 2 } }, w[1] as never], t, false)).toEqual({ kind: 'none' })
  })
  it('completes when the last wave has no open vehicle left', () => {
    const w = [{ size: 2, byState: { succeeded: 2 } }, { size: 3, byState: { succeeded: 2, declined: 1 } }]
    expect(decide(1, w, t, false)).toEqual({ kind: 'complete' })
    expect(decide(1, [w[0] as never, { size: 3, byState: { succeeded: 2, postponed: 1 } }], t, false)).toEqual({ kind: 'none' })
  })
  it('keeps watching earlier waves for late failures', () => {
    const w = [{ size: 10, byState: { succeeded: 8, failed: 2 } }, { size: 10, byState: { downloading: 10 } }, { size: 10, byState: {} }]
    expect(decide(1, w, t, false)).toMatchObject({ kind: 'pause', reason: expect.stringContaining('wave 1') })
  })
  it('leaves declined vehicles out of the ratios', () => {
    expect(waveRatios({ size: 10, byState: { declined: 5, succeeded: 5 } })).toEqual({ success: 1, failure: 0, open: 0 })
  })
})

describe('campaign controls', () => {
  const o = { nowMs: 1000, startsAtMs: null, awaitingApproval: false, hasNextWave: true }
  it('starts into running, or scheduled with a future start', () => {
    expect(applyControl('draft', 'start', o)).toEqual({ ok: true, value: 'running' })
    expect(applyControl('draft', 'start', { ...o, startsAtMs: 5000 })).toEqual({ ok: true, value: 'scheduled' })
  })
  it('refuses illegal controls', () => {
    expect(applyControl('completed', 'pause', o).ok).toBe(false)
    expect(applyControl('running', 'resume', o).ok).toBe(false)
    expect(applyControl('cancelled', 'start', o).ok).toBe(false)
    expect(applyControl('running', 'approve-next-wave', { ...o, hasNextWave: false }).ok).toBe(false)
  })
})

describe('versions and compatibility', () => {
  it('orders semantic versions', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1)
    expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBe(-1)
    expect(compareVersions('1.2', '1.2.0')).toBe(0)
  })
  it('checks hardware, downgrade and installs-over', () => {
    const ecus = [{ ecuId: 'BMS', hardwareId: 'HW-1', softwareVersion: '1.0.0' }]
    expect(checkCompatibility(ecus, [{ ecu: 'BMS', hardwareIds: ['HW-1'], version: '1.1.0', installsOver: [] }]).ok).toBe(true)
    expect(checkCompatibility(ecus, [{ ecu: 'BMS', hardwareIds: ['HW-2'], version: '1.1.0', installsOver: [] }]).detail).toContain('hardware')
    expect(checkCompatibility(ecus, [{ ecu: 'BMS', hardwareIds: ['HW-1'], version: '0.9.0', installsOver: [] }]).detail).toContain('not older')
    expect(checkCompatibility(ecus, [{ ecu: 'BMS', hardwareIds: ['HW-1'], version: '1.1.0', installsOver: ['0.9.0'] }]).ok).toBe(false)
    expect(checkCompatibility(ecus, [{ ecu: 'VCU', hardwareIds: ['HW-1'], version: '1.1.0', installsOver: [] }]).ok).toBe(false)
  })
})

describe('narrowTarget (scoped callers create campaigns only inside their scope)', () => {
  const all = { fleets: null, regions: null }
  const byModel: { models: string[], regions?: string[] } = { models: ['FW-E1'] }
  it('leaves an unrestricted caller\'s target as it is', () => {
    expect(narrowTarget(byModel, all)).toEqual({ ok: true, value: { models: ['FW-E1'] } })
  })
  it('fills in the caller\'s regions, and intersects named ones', () => {
    const eu = { fleets: null, regions: ['EU'] }
    expect(narrowTarget(byModel, eu)).toEqual({ ok: true, value: { models: ['FW-E1'], regions: ['EU'] } })
    expect(narrowTarget({ regions: ['EU', 'NA'] }, eu)).toEqual({ ok: true, value: { regions: ['EU'] } })
    expect(narrowTarget({ regions: [] }, eu)).toEqual({ ok: true, value: { regions: ['EU'] } })
  })
  it('refuses a target entirely outside the scope', () => {
    expect(narrowTarget({ regions: ['NA'] }, { fleets: null, regions: ['EU'] })).toMatchObject({ ok: false, error: { code: 'GW_OTA_NO_VEHICLES' } })
    expect(narrowTarget({ fleets: ['other'] }, { fleets: ['mine'], regions: null })).toMatchObject({ ok: false, error: { code: 'GW_OTA_NO_VEHICLES' } })
  })
})

describe('a failure waiting for its automatic retry keeps the campaign open', () => {
  const t = { successThreshold: 0.5, errorThreshold: 1, autoAdvance: true }
  it('does not complete the last wave while a retry is due, and completes once none is', () => {
    const wave = { size: 3, byState: { succeeded: 2, rolled_back: 1 } }
    expect(decide(0, [{ ...wave, retryPending: 1 }], t, false)).toEqual({ kind: 'none' })
    expect(waveRatios({ ...wave, retryPending: 1 })).toMatchObject({ open: 1, failure: 1 / 3 })
    expect(decide(0, [{ ...wave, retryPending: 0 }], t, false)).toEqual({ kind: 'complete' })
  })
})
