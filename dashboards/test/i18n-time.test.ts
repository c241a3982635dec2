import { describe, expect, it } from 'vitest'
import { formatDateTime, setLanguage } from '../src/i18n/i18n.js'

describe('formatDateTime in the vehicle\'s zone', () => {
  it('shows the vehicle\'s local time with the zone named', () => {
    setLanguage('en')
    const s = formatDateTime('2026-01-15T00:30:00Z', 'Asia/Singapore')
    expect(s).toContain('8:30:00')
    expect(s).toContain('GMT+8')
    expect(formatDateTime('2026-07-15T00:30:00Z', 'Europe/Berlin')).toMatch(/2:30:00.*GMT\+2/)
  })
  it('names the zone in the chosen language and falls back to the user\'s zone for an unknown one', () => {
    setLanguage('de')
    expect(formatDateTime('2026-01-15T00:30:00Z', 'Asia/Bangkok')).toContain('07:30:00 GMT+7')
    setLanguage('en')
    expect(formatDateTime('2026-01-15T00:30:00Z', 'Mars/Olympus')).not.toBe('—')
    expect(formatDateTime(null, 'Asia/Bangkok')).toBe('—')
  })
})
