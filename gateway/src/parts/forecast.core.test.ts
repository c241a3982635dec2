import { describe, expect, it } from 'vitest'
import { DEFAULT_CATALOGUE, type FaultFamily } from './catalogue.core.js'
import { notYetAlerted, backgroundRates, confirmRate, forecast, learntDelays, partsPerRepair, shortfalls, stockKey, weekWeights, type CompletedRepair, type ForecastInput } from './forecast.core.js'

const NOW = Date.parse('2026-03-02T00:00:00Z')
const DAY = 86_400_000
const catalogue = new Map(Object.entries(DEFAULT_CATALOGUE))
const repair = (over: Partial<CompletedRepair>): CompletedRepair => ({
  model: 'FW-E1', country: 'DE', family: 'lv_battery', fromAlert: false, alertRaisedAtMs: null, completedAtMs: NOW - DAY, partsUsed: [{ partNumber: 'BAT-12V-70AH', quantity: 1 }], ...over,
})
const input = (over: Partial<ForecastInput>): ForecastInput => ({
  nowMs: NOW, weeks: 8, level: 0.8, openAlerts: [], history: [], historyWeeks: 8, closedAlerts: new Map(),
  fleet: [], catalogue, maintenance: [], maintenanceAcceptance: 0.7, ...over,
})

describe('parts forecast', () => {
  it('spreads a repair window over the weeks it overlaps', () => {
    const w = weekWeights(NOW + 7 * DAY, 3.5 * DAY, NOW, 4)
    expect(w[0]).toBeCloseTo(0.5)
    expect(w[1]).toBeCloseTo(0.5)
    expect(w.reduce((a, b) => a + b)).toBeCloseTo(1)
  })

  it('learns the parts mix from completed repairs, starting from the catalogue shares', () => {
    const prior = partsPerRepair('FW-E1', 'tyre_leak', catalogue.get('FW-E1')!, [])
    expect(prior.get('TYR-KIT-01')).toBeCloseTo(0.7)
    const allTyres = Array.from({ length: 45 }, () => repair({ family: 'tyre_leak', partsUsed: [{ partNumber: 'TYR-235-45R19', quantity: 1 }] }))
    const learnt = partsPerRepair('FW-E1', 'tyre_leak', catalogue.get('FW-E1')!, allTyres)
    expect(learnt.get('TYR-235-45R19')).toBeCloseTo((45 + 5 * 0.3) / 50)
  })

  it('learns the alert-to-repair delay and the confirmation rate', () => {
    const h = Array.from({ length: 30 }, () => repair({ fromAlert: true, alertRaisedAtMs: NOW - 5 * DAY, completedAtMs: NOW }))
    expect(learntDelays(h).get('lv_battery')).toBeCloseTo((30 * 5 + 3 * 10) / 33)
    expect(confirmRate('lv_battery', h, new Map<FaultFamily, number>([['lv_battery', 60]]))).toBeCloseTo((30 + 8) / 70)
  })

  it('shrinks a country with little data toward the model rate', () => {
    const fleet = [{ model: 'FW-E1', country: 'DE', vehicles: 1000 }, { model: 'FW-E1', country: 'ES', vehicles: 10 }]
    const h = Array.from({ length: 80 }, () => repair({ country: 'DE' }))
    const r = backgroundRates(h, 8, fleet)
    const de = r.get(['FW-E1', 'lv_battery', 'DE'].join('\u0000'))!
    const es = r.get(['FW-E1', 'lv_battery', 'ES'].join('\u0000'))!
    expect(de).toBeCloseTo((80 + 2000 * 80 / 8080) / (8000 + 2000), 6)
    expect(es).toBeGreaterThan(0.5 * de)
  })

  it('an open alert puts its parts into the week of its forecast, and a shortfall gets an order date', () => {
    const cells = forecast(input({ openAlerts: [{ country: 'DE', model: 'FW-E1', family: 'lv_battery', raisedAtMs: NOW - DAY, predictedAtMs: NOW + 17 * DAY, bookedForMs: null }] }))
    const bat = cells.filter((c) => c.partNumber === 'BAT-12V-70AH')
    expect(bat.reduce((s, c) => s + c.mean, 0)).toBeCloseTo(0.8)
    const peak = bat.reduce((a, b) => (b.mean > a.mean ? b : a))
    expect(peak.week).toBe(2)
    const sf = shortfalls(cells, new Map([[stockKey('BAT-12V-70AH', 'DE'), { available: 0, leadTimeDays: 10 }]]), NOW, 14)
    expect(sf[0]).toMatchObject({ partNumber: 'BAT-12V-70AH', country: 'DE' })
    expect(sf[0]!.orderByMs).toBe(NOW + sf[0]!.week * 7 * DAY - 10 * DAY)
  })

  it('a booked work order counts for certain in its slot week', () => {
    const cells = forecast(input({ openAlerts: [{ country: 'ES', model: 'FW-P1', family: 'pad_wear', raisedAtMs: NOW, predictedAtMs: null, bookedForMs: NOW + 9 * DAY }] }))
    expect(cells.find((c) => c.partNumber === 'BRK-PAD-P1-F' && c.week === 1)).toMatchObject({ mean: 1, median: 1, lo: 1, hi: 1 })
  })

  it('counts repairs of alerts not raised yet, more for later weeks', () => {
    expect(notYetAlerted(10, 0)).toBeCloseTo((0 + 0 + 0 + 0 + 0 + 0.05 + 0.15) / 7, 6)
    expect(notYetAlerted(10, 3)).toBe(1)
    const h = Array.from({ length: 40 }, () => repair({ fromAlert: true, alertRaisedAtMs: NOW - 10 * DAY, completedAtMs: NOW - DAY }))
    const cells = forecast(input({ history: h, fleet: [{ model: 'FW-E1', country: 'DE', vehicles: 1000 }] }))
    const bat = cells.filter((c) => c.partNumber === 'BAT-12V-70AH')
    expect(bat[0]!.mean).toBeLessThan(bat[3]!.mean)
  })

  it('scheduled maintenance adds its parts with the acceptance rate', () => {
    const cells = forecast(input({ maintenance: [{ country: 'FR', model: 'FW-P1', dueAtMs: NOW + 3 * DAY, parts: [{ partNumber: 'OIL-5W30-4L', quantity: 1 }] }] }))
    expect(cells.filter((c) => c.partNumber === 'OIL-5W30-4L').reduce((s, c) => s + c.mean, 0)).toBeCloseTo(0.7)
  })
})
