import { describe, expect, it } from 'vitest'
import { advance, bypassesQuietHours, checkIncident, completionByCountry, noticeText, ownerMail, type NewIncident } from './incident.core.js'
import { csvLine } from '../common/csv.js'

const base: NewIncident = {
  title: { en: 'Brake hose defect', de: 'Defekter Bremsschlauch' },
  message: { en: 'Visit a service centre.', de: 'Bitte eine Werkstatt aufsuchen.' },
  severity: 'warning',
  requiredAction: 'visit_centre',
  affected: { models: ['FW-E1'] },
}

describe('checkIncident', () => {
  it('accepts a well-formed incident', () => {
    expect(checkIncident(base).ok).toBe(true)
  })
  it('names every problem at once', () => {
    const r = checkIncident({ ...base, title: { de: 'x' }, affected: { vinRanges: [{ from: 'WVWZZZ1KZAW000200', to: 'WVWZZZ1KZAW000100' }], countries: ['Germany'] } as never })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.detail).toContain('sorts after')
    expect(r.error.detail).toContain('Germany is not an ISO 3166-1 alpha-2 code')
    expect(r.error.detail).toContain('title: an English text ("en") is required')
  })
  it('refuses an empty selection and empty lists (an incident for every vehicle must say so)', () => {
    expect(checkIncident({ ...base, affected: {} }).ok).toBe(false)
    expect(checkIncident({ ...base, affected: { models: [] } }).ok).toBe(false)
  })
})

describe('delivery rules', () => {
  it('lets only critical notices through quiet hours', () => {
    expect([bypassesQuietHours('critical'), bypassesQuietHours('warning'), bypassesQuietHours('info')]).toEqual([true, false, false])
  })
  it('picks the vehicle\'s language, then the language without region, then English', () => {
    expect(noticeText('de-AT', base).title).toBe('Defekter Bremsschlauch')
    expect(noticeText('th', base).title).toBe('Brake hose defect')
  })
  it('moves a vehicle\'s state only forward; a rejection gives way to a later delivery', () => {
    expect(advance('sent', 'delivered')).toBe('delivered')
    expect(advance('acknowledged', 'delivered')).toBe('acknowledged')
    expect(advance('displayed', 'acknowledged')).toBe('acknowledged')
    expect(advance('rejected', 'delivered')).toBe('delivered')
    expect(advance('sent', 'rejected')).toBe('rejected')
  })
})

describe('completionByCountry', () => {
  it('sums per country, counts resolved as acknowledged, and shares to four places', () => {
    const c = completionByCountry([
      { country: 'FR', state: 'acknowledged', vehicles: 1 },
      { country: 'DE', state: 'resolved', vehicles: 1 },
      { country: 'DE', state: 'sent', vehicles: 2 },
    ])
    expect(c.map((x) => x.country)).toEqual(['DE', 'FR'])
    expect(c[0]).toMatchObject({ affected: 3, completion: 0.3333, acknowledged: 0.3333 })
    expect(c[0]?.byState).toMatchObject({ sent: 2, resolved: 1, pending: 0 })
    expect(c[1]).toMatchObject({ affected: 1, completion: 0, acknowledged: 1 })
  })
})

describe('ownerMail', () => {
  it('is written in the fleet\'s language, with plurals, and the English text below', () => {
    const m = ownerMail(base, 'de', 'fleet-a', 2)
    expect(m.subject).toBe('Sicherheitshinweis: Defekter Bremsschlauch')
    expect(m.text).toContain('2 Fahrzeuge der Flotte fleet-a sind betroffen.')
    expect(m.text).toContain('Erforderliche Maßnahme: Eine Werkstatt aufsuchen')
    expect(m.text).toContain('Visit a service centre.')
    expect(ownerMail(base, 'en', 'f', 1).text).toContain('1 vehicle of fleet f is affected.')
  })
})

describe('csvLine', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvLine(['a,b', 'say "hi"', '=1+1', 3, null])).toBe('"a,b","say ""hi""",\'=1+1,3,\r\n')
  })
})
