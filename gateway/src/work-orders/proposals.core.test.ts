import { describe, expect, it } from 'vitest'
import { firstFreeSlot, partsReadyAt, propose, type CenterCandidate, type StockLevel } from './proposals.core.js'

const NOW = Date.parse('2026-03-02T09:00:00Z')
const DAY = 86_400_000
const center = (id: string, lat: number, capabilities = ['tyres', 'general'], baysPerDay = 2): CenterCandidate =>
  ({ id, name: id, country: 'DE', lat, lon: 10, capabilities, baysPerDay })
const stockOf = (entries: Record<string, Record<string, StockLevel>>) =>
  new Map(Object.entries(entries).map(([c, parts]) => [c, new Map(Object.entries(parts))]))
const base = { from: { lat: 50, lon: 10 }, capability: 'tyres', parts: [{ partNumber: 'KIT', quantity: 1 }], nowMs: NOW, limit: 5, horizonDays: 14, bookedBays: new Map() }

describe('service proposals', () => {
  it('ranks capable centres with the part by distance and leaves out incapable ones', () => {
    const r = propose({
      ...base,
      centers: [center('far', 51), center('near', 50.1), center('body-shop', 50.01, ['body'])],
      stock: stockOf({ far: { KIT: { available: 3, leadTimeDays: 2 } }, near: { KIT: { available: 1, leadTimeDays: 2 } }, 'body-shop': { KIT: { available: 5, leadTimeDays: 1 } } }),
    })
    expect(r.map((p) => p.centerId)).toEqual(['near', 'far'])
    expect(r[0]).toMatchObject({ partsInStock: true, slotDate: '2026-03-02', partsReadyAtMs: NOW })
    expect(r[0]?.distanceKm).toBeCloseTo(11.1, 0)
  })

  it('a centre without the part on the shelf is proposed with its arrival date, after a nearby one that has it', () => {
    const r = propose({
      ...base,
      centers: [center('empty', 50.05), center('stocked', 50.3)],
      stock: stockOf({ empty: { KIT: { available: 0, leadTimeDays: 3 } }, stocked: { KIT: { available: 1, leadTimeDays: 3 } } }),
    })
    expect(r.map((p) => p.centerId)).toEqual(['stocked', 'empty'])
    expect(r[1]).toMatchObject({ partsInStock: false, partsReadyAtMs: NOW + 3 * DAY, slotDate: '2026-03-05' })
  })

  it('skips days whose bays are all booked', () => {
    const booked = new Map([['2026-03-02', 2], ['2026-03-03', 1]])
    expect(firstFreeSlot(NOW, 2, booked, 5)).toBe('2026-03-03')
    expect(firstFreeSlot(NOW, 1, new Map([['2026-03-02', 1]]), 0)).toBeUndefined()
  })

  it('a centre that does not carry the part at all is not proposed', () => {
    expect(partsReadyAt([{ partNumber: 'X', quantity: 1 }], new Map(), NOW)).toBeUndefined()
    expect(propose({ ...base, centers: [center('a', 50)], stock: new Map() })).toEqual([])
  })
})
