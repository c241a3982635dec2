import { describe, expect, it } from 'vitest'
import { ownerMessage } from './messages.core.js'

describe('owner messages', () => {
  const facts = { vehicleId: 'VIN1', center: 'Werkstatt Nord', slotDate: '2026-03-04' }
  it('speaks the vehicle language, or its base language, or English', () => {
    expect(ownerMessage('booked', 'de', facts)).toEqual({ language: 'de', subject: 'Werkstatttermin für Fahrzeug VIN1', text: 'Fahrzeug VIN1: Reparatur bei Werkstatt Nord am 2026-03-04 gebucht. Die Teile sind reserviert.' })
    expect(ownerMessage('booked', 'es-MX', facts).language).toBe('es')
    expect(ownerMessage('cancelled', 'fi', facts).language).toBe('en')
    expect(ownerMessage('maintenance_due', null, { ...facts, slotDate: null }).text).toContain('a date to be confirmed')
  })
  it('follows the catalogue fallback chain into the new languages', () => {
    expect(ownerMessage('booked', 'pt-PT', facts)).toMatchObject({ language: 'pt-BR', text: expect.stringContaining('reparo agendado na Werkstatt Nord em 2026-03-04') })
    expect(ownerMessage('cancelled', 'ar-EG', facts)).toMatchObject({ language: 'ar', text: 'المركبة VIN1: أُلغي الموعد لدى Werkstatt Nord.' })
    expect(ownerMessage('proposed', 'th', { ...facts, slotDate: null }).text).toContain('วันที่รอยืนยัน')
    expect(ownerMessage('completed', 'fr', { ...facts, cause: null }).text).toBe('Véhicule VIN1 : les travaux chez Werkstatt Nord sont terminés (voir l’ordre de réparation).')
  })
})
