import { describe, expect, it } from 'vitest'
import { isCountryCode } from './country.js'

describe('isCountryCode', () => {
  it('accepts the 249 ISO 3166-1 countries and XK, nothing else of the 676 two-letter codes', () => {
    const all = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)))
    const accepted = all.filter(isCountryCode)
    expect(accepted).toHaveLength(250)
    expect(accepted).toEqual(expect.arrayContaining(['DE', 'FR', 'BR', 'TH', 'ID', 'MY', 'AE', 'CN', 'GB', 'XK']))
    for (const c of ['EU', 'UK', 'ZZ', 'QQ', 'SU', 'de', 'DEU', '']) expect(isCountryCode(c)).toBe(false)
  })
})
