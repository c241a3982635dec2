import { describe, expect, it } from 'vitest'
import { CELL_MAX, CELL_MIN, COOLANT, CRANK, S, T0, TYRE_FL, TYRE_TEMP_FL, harness, rng, rule } from './harness.testing.js'
import { MAX_WINDOW_BUCKETS } from './rule-semantics.js'
import { snapshotRuleState } from './snapshot.core.js'

describe('bounded memory', () => {
  it('one vehicle state stays the same size after 1,000,000 samples, whatever the rate', () => {
    const h = harness([
      rule({ id: 'hot', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 60, clearForS: 60 } }),
      rule({ id: 'leak', signal: TYRE_FL, derived: { compensateTemperature: TYRE_TEMP_FL }, kind: { type: 'slope', op: 'below', perDay: -2, windowS: 14 * 86_400, minSamples: 50 } }),
      rule({ id: 'spread', signal: CELL_MAX, derived: { minus: CELL_MIN }, kind: { type: 'ewma', alpha: 0.01, k: 5, forS: 60, warmupSamples: 50 } }),
      rule({ id: 'crank', signal: CRANK, kind: { type: 'forecast', op: 'below', limit: 9.6, horizonS: 7 * 86_400, windowS: 30 * 86_400, bucketS: 3600 * 3, aggregate: 'min', minSamples: 5 } }),
    ])
    const signals = [COOLANT, TYRE_FL, TYRE_TEMP_FL, CELL_MAX, CELL_MIN, CRANK]
    const r = rng(12)
    const size = (): number => JSON.stringify(snapshotRuleState(h.set, h.state)).length
    let t = T0
    let atFull = 0
    for (let i = 0; i < 1_000_000; i++) {
      // groups sampled together, in bursts at 1 kHz alternating with minutes of silence
      if (i % signals.length === 0) t += i % 12_000 < 6000 ? 1 : 60 * S
      const name = signals[i % signals.length] as string
      h.feed(name, t, name === TYRE_TEMP_FL ? 20 : 100 + 10 * r.normal())
      if (i === 700_002) atFull = size() // 40 simulated days: every window is full
    }
    const final = size()
    expect(final).toBeLessThan(1.1 * atFull)
    expect(final).toBeLessThan(32_000)
    for (const slot of h.state.slots) expect(slot?.window?.length ?? 0).toBeLessThanOrEqual(10 + 3 * MAX_WINDOW_BUCKETS)
    expect(h.state.latest.length).toBe(2)
    expect(h.state.slots.every((slot) => slot !== undefined && slot.lastTs > T0)).toBe(true)
  })
})
