/**
 * Small seeded pseudo-random generators. Everything random in the simulator
 * draws from one of these so that the same seed gives the same fleet, the
 * same faults and the same physics. Not for cryptography.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform in [min, max). */
  range(min: number, max: number): number
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** Standard normal (Box-Muller), scaled: mean + sd * z. */
  normal(mean?: number, sd?: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
}

/** mulberry32: 32-bit state, fast, good enough statistics for a simulation. */
export function mulberry32 (seed: number): Rng {
  let a = seed >>> 0
  let spare: number | undefined
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal (mean = 0, sd = 1) {
      if (spare !== undefined) {
        const z = spare
        spare = undefined
        return mean + sd * z
      }
      const u = 1 - next()
      const v = next()
      const r = Math.sqrt(-2 * Math.log(u))
      spare = r * Math.sin(2 * Math.PI * v)
      return mean + sd * r * Math.cos(2 * Math.PI * v)
    },
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as T
    },
  }
}

/** FNV-1a of a string: derives independent sub-seeds ("seed 7, vehicle 12, physics"). */
export function hashString (s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A generator for one named purpose under a seed, independent of every other purpose. */
export function derive (seed: number, ...path: Array<string | number>): Rng {
  return mulberry32(hashString(`${seed >>> 0}/${path.join('/')}`))
}
