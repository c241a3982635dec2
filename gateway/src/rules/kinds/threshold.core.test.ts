import { describe, expect, it } from 'vitest'
import { CELL_MAX, CELL_MIN, COOLANT, DRIVING, MIN, S, SOC, T0, TYRE_FL, TYRE_TEMP_FL, harness, rule } from '../harness.testing.js'

const coolant = (extra: object = {}) => rule({ signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 60, clearForS: 300 }, ...extra })

describe('threshold rules', () => {
  it('raise only once the value has stayed beyond the limit for forS, dated when it began', () => {
    const h = harness([coolant()])
    for (let t = 0; t < 60 * S; t += 10 * S) expect(h.feed(COOLANT, T0 + t, 110)).toEqual([])
    const [raise] = h.feed(COOLANT, T0 + 60 * S, 110)
    expect(raise).toMatchObject({ ruleId: 'r', kind: 'raise', atMs: T0, confirmedAtMs: T0 + 60 * S, value: 110, severity: 'major' })
    expect(raise?.detail).toMatchObject({ threshold: 105, observed: 110 })
    expect(raise?.detail.reason).toContain('110 above 105 for 60 s')
  })

  it('does not raise on excursions shorter than forS, however many', () => {
    const h = harness([coolant()])
    for (let i = 0; i < 100; i++) h.feed(COOLANT, T0 + i * 10 * S, i % 5 === 4 ? 100 : 110)
    expect(h.out).toEqual([])
  })

  it('never flaps around the threshold: once raised, only a value past `clear` for clearForS clears it', () => {
    const h = harness([coolant()])
    let t = T0
    for (; t <= T0 + 60 * S; t += 10 * S) h.feed(COOLANT, t, 110)
    // hovering around the raise level, dipping into the band but never below 95
    for (let i = 0; i < 200; i++, t += 10 * S) h.feed(COOLANT, t, i % 2 === 0 ? 104 : 106)
    expect(h.out.map((x) => x.kind)).toEqual(['raise'])
    // below 95, but interrupted before 300 s: still raised
    for (let i = 0; i < 20; i++, t += 10 * S) h.feed(COOLANT, t, 90)
    h.feed(COOLANT, t, 100)
    t += 10 * S
    expect(h.out.map((x) => x.kind)).toEqual(['raise'])
    const clearStart = t
    for (; t <= clearStart + 300 * S; t += 10 * S) h.feed(COOLANT, t, 90)
    expect(h.out.map((x) => x.kind)).toEqual(['raise', 'clear'])
    expect(h.out[1]).toMatchObject({ atMs: clearStart, confirmedAtMs: clearStart + 300 * S })
    expect(h.out[1]?.detail.threshold).toBe(95)
  })

  it('judges only while the enabling conditions hold (power state, SoC range)', () => {
    const h = harness([coolant({ when: { powerState: ['driving'], signalRange: [{ signal: SOC, min: 20, max: 90 }] } })], { ...DRIVING, powerState: 'awake' })
    for (let t = 0; t <= 120 * S; t += 10 * S) h.feed(COOLANT, T0 + t, 110)
    expect(h.out).toEqual([])
    h.ctx = { ...h.ctx, vehicle: DRIVING }
    // driving, but no SoC known yet: not enabled
    for (let t = 130 * S; t <= 250 * S; t += 10 * S) h.feed(COOLANT, T0 + t, 110)
    expect(h.out).toEqual([])
    h.feed(SOC, T0 + 255 * S, 95)
    for (let t = 260 * S; t <= 380 * S; t += 10 * S) h.feed(COOLANT, T0 + t, 110)
    expect(h.out).toEqual([])
    h.feed(SOC, T0 + 385 * S, 50)
    for (let t = 390 * S; t <= 450 * S; t += 10 * S) h.feed(COOLANT, T0 + t, 110)
    expect(h.out).toMatchObject([{ kind: 'raise', atMs: T0 + 390 * S, confirmedAtMs: T0 + 450 * S }])
  })

  it('judges only with the ignition as required, and forgets a pending raise when disabled', () => {
    const h = harness([coolant({ when: { ignitionOn: true } })], { ...DRIVING, ignitionOn: false })
    for (let t = 0; t <= 120 * S; t += 10 * S) h.feed(COOLANT, T0 + t, 110)
    h.ctx = { ...h.ctx, vehicle: DRIVING }
    for (let t = 130 * S; t < 190 * S; t += 10 * S) h.feed(COOLANT, T0 + t, 110)
    expect(h.out).toEqual([])
    h.feed(COOLANT, T0 + 190 * S, 110)
    expect(h.out).toMatchObject([{ kind: 'raise', atMs: T0 + 130 * S }])
  })

  it('judges only vehicles of the listed models (a limit that holds for one powertrain)', () => {
    const bev = harness([coolant({ when: { models: ['FW-E1'] } })], DRIVING)
    const phev = harness([coolant({ when: { models: ['FW-E1'] } })], { ...DRIVING, model: 'FW-P2' })
    for (let t = 0; t <= 60 * S; t += 10 * S) {
      bev.feed(COOLANT, T0 + t, 110)
      phev.feed(COOLANT, T0 + t, 110)
    }
    expect(bev.out).toMatchObject([{ kind: 'raise', atMs: T0 }])
    expect(phev.out).toEqual([])
  })

  it('derives max − min from samples with the same timestamp, in either order', () => {
    const h = harness([rule({ signal: CELL_MAX, derived: { minus: CELL_MIN }, kind: { type: 'threshold', op: 'above', raise: 0.08, clear: 0.06, forS: 0, clearForS: 0 } })])
    h.feed(CELL_MAX, T0, 4.1)
    h.feed(CELL_MIN, T0 + 1, 4.0) // another timestamp: no pair
    expect(h.out).toEqual([])
    h.feed(CELL_MIN, T0 + MIN, 4.0)
    h.feed(CELL_MAX, T0 + MIN, 4.09)
    expect(h.out).toHaveLength(1)
    expect(h.out[0]?.value).toBeCloseTo(0.09, 9)
    h.feed(CELL_MAX, T0 + 2 * MIN, 4.05)
    h.feed(CELL_MIN, T0 + 2 * MIN, 4.0)
    expect(h.out.map((x) => x.kind)).toEqual(['raise', 'clear'])
  })

  it('compensates tyre pressure to 20 °C with the tyre temperature of the same timestamp (ideal gas on absolute pressure)', () => {
    const h = harness([rule({ signal: TYRE_FL, derived: { compensateTemperature: TYRE_TEMP_FL }, kind: { type: 'threshold', op: 'below', raise: 200, clear: 210, forS: 0, clearForS: 0 } })])
    // 195 kPa cold reads (195 + 101.325) · 333.15 / 293.15 − 101.325 ≈ 235.4 kPa at 60 °C
    h.feed(TYRE_TEMP_FL, T0, 20)
    h.feed(TYRE_FL, T0 + S, 235.4)
    expect(h.out).toEqual([]) // the temperature is from another time: not judged
    h.feed(TYRE_FL, T0 + 2 * S, 235.4)
    expect(h.out).toEqual([])
    const [raise] = h.feed(TYRE_TEMP_FL, T0 + 2 * S, 60) // arrives after the pressure: pairs with it
    expect(raise?.value).toBeCloseTo(195, 0)
    expect(raise?.atMs).toBe(T0 + 2 * S)
  })
})
