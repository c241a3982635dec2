import { describe, expect, it } from 'vitest'
import { derive, mulberry32 } from './prng.core.js'

describe('seeded PRNG', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const xs = Array.from({ length: 100 }, () => a.next())
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('derives independent streams per purpose', () => {
    expect(derive(7, 'vehicle', 1).next()).not.toBe(derive(7, 'vehicle', 2).next())
    expect(derive(7, 'vehicle', 1).next()).toBe(derive(7, 'vehicle', 1).next())
    expect(derive(8, 'vehicle', 1).next()).not.toBe(derive(7, 'vehicle', 1).next())
  })

  it('draws normals with the asked mean and spread, and integers in range', () => {
    const r = mulberry32(1)
    const xs = Array.from({ length: 20_000 }, () => r.normal(10, 2))
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length)
    expect(mean).toBeCloseTo(10, 1)
    expect(sd).toBeCloseTo(2, 1)
    const ints = Array.from({ length: 1000 }, () => r.int(3, 5))
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]))
  })
})
