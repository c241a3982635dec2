import { describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { validateSamples } from './validate.core.js'

const NOW = Date.UTC(2026, 10, 27, 12)
const limits = { nowMs: NOW, maxFutureMs: 300_000, maxAgeMs: 30 * 86_400_000 }
const SPEED = signalId('Vehicle.Speed')
const SOC = signalId('Vehicle.Powertrain.TractionBattery.StateOfCharge.Current')

describe('sample validation against the catalog', () => {
  it('keeps good samples with their absolute timestamps', () => {
    const v = validateSamples(NOW - 1000, [{ signalId: SPEED, value: 88.5, offsetMs: 0 }, { signalId: SOC, value: 71, offsetMs: 500 }], limits)
    expect(v).toMatchObject({ signalIds: [SPEED, SOC], tsMs: [NOW - 1000, NOW - 500], values: [88.5, 71], rejectedCount: 0 })
  })

  it('rejects each bad sample with its reason and keeps the good ones of the same batch', () => {
    const v = validateSamples(NOW, [
      { signalId: 9999, value: 1, offsetMs: 0 },
      { signalId: SOC, value: 101, offsetMs: 0 },
      { signalId: SPEED, value: Number.NaN, offsetMs: 0 },
      { signalId: SPEED, value: 50, offsetMs: 0 },
    ], limits)
    expect(v.signalIds).toEqual([SPEED])
    expect(v.rejected).toEqual({ unknown_signal: 1, out_of_range: 2 })
    expect(v.rejectedCount).toBe(3)
  })

  it('rejects timestamps far in the future or older than the accepted age', () => {
    const future = validateSamples(NOW + 301_000, [{ signalId: SPEED, value: 1, offsetMs: 0 }], limits)
    const old = validateSamples(NOW - 31 * 86_400_000, [{ signalId: SPEED, value: 1, offsetMs: 0 }], limits)
    expect(future.rejected).toEqual({ future_timestamp: 1 })
    expect(old.rejected).toEqual({ too_old: 1 })
  })

  it('accepts a store-and-forward sample from yesterday', () => {
    const v = validateSamples(NOW - 86_400_000, [{ signalId: SPEED, value: 1, offsetMs: 0 }], limits)
    expect(v.rejectedCount).toBe(0)
  })
})
