import { describe, expect, it } from 'vitest'
import { isRtl, localise, resolveLanguage, textIn } from './index.js'

describe('resolveLanguage: exact tag, then its language, then English', () => {
  it('keeps a tag we have, whatever its case', () => {
    expect(resolveLanguage('zh-CN')).toBe('zh-CN')
    expect(resolveLanguage('zh-cn')).toBe('zh-CN')
    expect(resolveLanguage('de')).toBe('de')
  })
  it('falls back from a region we lack to the language', () => {
    expect(resolveLanguage('de-AT')).toBe('de')
    expect(resolveLanguage('es_MX')).toBe('es')
    expect(resolveLanguage('zh')).toBe('zh-CN')
    expect(resolveLanguage('fr-CA')).toBe('fr')
    expect(resolveLanguage('ar-EG')).toBe('ar')
  })
  it('sends Portuguese of any region (and bare pt) to Brazilian Portuguese', () => {
    expect(resolveLanguage('pt-BR')).toBe('pt-BR')
    expect(resolveLanguage('pt-PT')).toBe('pt-BR')
    expect(resolveLanguage('pt')).toBe('pt-BR')
  })
  it('falls back to English for an unknown, empty or missing tag', () => {
    expect(resolveLanguage('sv-SE')).toBe('en')
    expect(resolveLanguage('')).toBe('en')
    expect(resolveLanguage(undefined)).toBe('en')
    expect(resolveLanguage(null)).toBe('en')
  })
})

describe('localise', () => {
  it('chooses the plural form and formats the number in the language', () => {
    expect(localise('en', 'campaign.vehicleCount', { count: 1 })).toBe('1 vehicle')
    expect(localise('en', 'campaign.vehicleCount', { count: 1200 })).toBe('1,200 vehicles')
    expect(localise('de', 'campaign.vehicleCount', { count: 1200 })).toBe('1.200 Fahrzeuge')
    expect(localise('de-CH', 'campaign.vehicleCount', { count: 1 })).toBe('1 Fahrzeug')
  })
  it('uses every Arabic plural form', () => {
    expect(localise('ar', 'campaign.vehicleCount', { count: 1 })).toBe('مركبة واحدة')
    expect(localise('ar', 'campaign.vehicleCount', { count: 2 })).toBe('مركبتان')
    expect(localise('ar', 'campaign.vehicleCount', { count: 3 })).toMatch(/مركبات$/)
    expect(localise('fr', 'campaign.vehicleCount', { count: 1_000_000 })).toMatch(/de véhicules$/)
    expect(localise('th', 'campaign.vehicleCount', { count: 1 })).toBe('1 คัน')
  })
  it('fills simple placeholders and uses English for an unknown language', () => {
    expect(localise('fi', 'campaign.waveOf', { wave: 2, waves: 3 })).toBe('wave 2 of 3')
  })
  it('throws on a value the message needs but was not given', () => {
    expect(() => localise('en', 'campaign.waveOf', { wave: 2 })).toThrow(/waves/)
  })
  it('knows which languages are written right to left', () => {
    expect(isRtl('en')).toBe(false)
    expect(isRtl('th')).toBe(false)
    expect(isRtl('ar')).toBe(true)
    expect(isRtl('ar-SA')).toBe(true)
  })
})

describe('textIn: per-language texts written by a person (release notes)', () => {
  const notes = { en: 'Range fix', 'pt-BR': 'Correção de autonomia', de: 'Reichweitenkorrektur' }
  it('takes the exact tag, else the same language, else English, else any, else nothing', () => {
    expect(textIn('pt-br', notes)).toBe('Correção de autonomia')
    expect(textIn('pt-PT', notes)).toBe('Correção de autonomia')
    expect(textIn('de_AT', notes)).toBe('Reichweitenkorrektur')
    expect(textIn('th', notes)).toBe('Range fix')
    expect(textIn('th', { fr: 'Correctif' })).toBe('Correctif')
    expect(textIn('en', {})).toBe('')
  })
})
