import { describe, expect, it } from 'vitest'
import { haversineKm, nearest } from './geo.core.js'

describe('haversine distance', () => {
  it('Berlin to Munich is about 504 km', () => {
    expect(haversineKm({ lat: 52.52, lon: 13.405 }, { lat: 48.137, lon: 11.575 })).toBeCloseTo(504, -1)
  })
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 40.4, lon: -3.7 }
    const b = { lat: 41.39, lon: 2.17 }
    expect(haversineKm(a, a)).toBe(0)
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9)
  })
  it('picks the nearest point', () => {
    const pts = [{ id: 'far', lat: 10, lon: 10 }, { id: 'near', lat: 0.1, lon: 0.1 }]
    expect(nearest({ lat: 0, lon: 0 }, pts)?.point.id).toBe('near')
    expect(nearest({ lat: 0, lon: 0 }, [])).toBeUndefined()
  })
})
