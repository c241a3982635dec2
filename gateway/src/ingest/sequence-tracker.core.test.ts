import { describe, expect, it } from 'vitest'
import { MAX_TRACKED_MISSING, createSequenceState, observe } from './sequence-tracker.core.js'

describe('sequence tracker', () => {
  it('accepts the first seq it sees and consecutive ones as in order', () => {
    const s = createSequenceState()
    expect(observe(s, 41)).toEqual({ kind: 'in_order' })
    expect(observe(s, 42)).toEqual({ kind: 'in_order' })
  })

  it('counts the missing seqs of a gap', () => {
    const s = createSequenceState()
    observe(s, 1)
    expect(observe(s, 5)).toEqual({ kind: 'gap', missing: 3 })
  })

  it('lets a late store-and-forward batch fill its gap once; a second copy is a replay', () => {
    const s = createSequenceState()
    observe(s, 1)
    observe(s, 4)
    expect(observe(s, 2)).toEqual({ kind: 'late_fill' })
    expect(observe(s, 3)).toEqual({ kind: 'late_fill' })
    expect(observe(s, 3)).toEqual({ kind: 'replay' })
    expect(observe(s, 4)).toEqual({ kind: 'replay' })
    expect(s.missing.size).toBe(0)
  })

  it('keeps memory bounded for huge gaps', () => {
    const s = createSequenceState()
    observe(s, 0)
    expect(observe(s, 1_000_000)).toEqual({ kind: 'gap', missing: 999_999 })
    expect(s.missing.size).toBeLessThanOrEqual(MAX_TRACKED_MISSING)
    expect(observe(s, 999_999)).toEqual({ kind: 'late_fill' })
  })
})
