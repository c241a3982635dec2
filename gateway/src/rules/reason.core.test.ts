import { describe, expect, it } from 'vitest'
import { en } from '../../../i18n/src/catalogs/en.js'
import { DEFAULT_RULES } from './default-rules.js'
import { reasonIn, ruleNameIn } from '@fleetwire/i18n/reasons'
import { reasonOf } from './reason.core.js'

describe('rule names from the catalogue', () => {
  it('every default rule has one whose English is the rule\'s name, and no name is left without its rule', () => {
    for (const r of DEFAULT_RULES) expect(ruleNameIn('en', r.id, r.name), r.id).toBe(r.name)
    const bases = new Set(DEFAULT_RULES.map((r) => r.id.replace(/-(fl|fr|rl|rr)$/, '')))
    const named = Object.keys(en).filter((k) => k.startsWith('server.ruleName.')).map((k) => k.slice('server.ruleName.'.length))
    expect(named.filter((n) => !bases.has(n))).toEqual([])
    expect(DEFAULT_RULES.filter((r) => ruleNameIn('de', r.id, r.name) === r.name).map((r) => r.id)).toEqual([])
  })
  it('gives per-wheel rules their wheel, and keeps a name someone changed', () => {
    expect(ruleNameIn('de', 'tyre-slow-leak-rl', 'Slow tyre leak (rear left)')).toBe('Schleichender Reifendruckverlust (hinten links)')
    expect(ruleNameIn('de', 'coolant-overheat', 'Kühlwasser zu heiß (Werkstatt Süd)')).toBe('Kühlwasser zu heiß (Werkstatt Süd)')
    expect(ruleNameIn('de', 'my-own-rule', 'My own rule')).toBe('My own rule')
  })
})

describe('reasons', () => {
  const stored = reasonOf('server.reason.threshold.raise', { rule: 'Coolant over-temperature', value: '118', op: '>', limit: '110', duration: '60 s' })
  it('stores the English sentence and the message it came from', () => {
    expect(stored.reason).toBe('Coolant over-temperature: 118 > 110 for 60 s')
  })
  it('renders a stored reason in the reader\'s language, with the rule\'s name in it; old English-only reasons stay as they were', () => {
    expect(reasonIn('de', 'coolant-overheat', stored)).toBe('Kühlmittel-Übertemperatur: 118 > 110 seit 60 s')
    expect(reasonIn('ar', 'coolant-overheat', stored)).toBe('ارتفاع حرارة سائل التبريد: 118 > 110 لمدة 60 s')
    expect(reasonIn('de', 'coolant-overheat', { reason: 'an old sentence' })).toBe('an old sentence')
  })
})
