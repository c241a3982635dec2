import { describe, expect, it } from 'vitest'
import { cutoffMs, parseDataPolicy, policyFor, reducePosition } from './policy.core.js'

const defaults = { telemetryDays: 365, positionDays: 365, auditDays: 2190, positionDecimals: null }

describe('data policy', () => {
  it('regions inherit missing fields from "*", which inherits from the defaults', () => {
    const r = parseDataPolicy('{"*":{"positionDays":90},"EU":{"positionDays":30,"positionDecimals":3},"AU":{}}', defaults)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(policyFor(r.value, 'EU')).toEqual({ telemetryDays: 365, positionDays: 30, auditDays: 2190, positionDecimals: 3 })
    expect(policyFor(r.value, 'AU')).toEqual({ ...defaults, positionDays: 90 })
    expect(policyFor(r.value, 'LATAM')).toEqual({ ...defaults, positionDays: 90 })
    expect(policyFor(r.value, null)).toEqual({ ...defaults, positionDays: 90 })
  })

  it('reports every bad field at once', () => {
    const r = parseDataPolicy('{"EU":{"positionDays":0,"colour":"red","positionDecimals":1.5},"US":3}', defaults)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.detail.split('\n')).toEqual([
      'DATA_POLICY.EU.positionDays: expected whole days 1..36500',
      'DATA_POLICY.EU.colour: unknown field (known: telemetryDays, positionDays, auditDays, positionDecimals)',
      'DATA_POLICY.EU.positionDecimals: expected an integer 0..8 or null',
      'DATA_POLICY.US: expected an object',
    ])
    expect(parseDataPolicy('[1]', defaults).ok).toBe(false)
    expect(parseDataPolicy('{', defaults).ok).toBe(false)
  })

  it('rounds positions only, to the region\'s decimals', () => {
    expect(reducePosition(3, 52.520_008, 3)).toBe(52.52)
    expect(reducePosition(4, 13.404_954, 2)).toBe(13.4)
    expect(reducePosition(4, -3.704_6, 3)).toBe(-3.705)
    expect(reducePosition(1, 52.520_008, 2)).toBe(52.520_008)
    expect(reducePosition(3, 52.520_008, null)).toBe(52.520_008)
  })

  it('computes cut-offs in whole days', () => {
    expect(cutoffMs(100 * 86_400_000, 30)).toBe(70 * 86_400_000)
  })
})
