import { describe, expect, it } from 'vitest'
import { ownerMessage } from './messages.core.js'

describe('owner messages', () => {
  const facts = { vehicleId: 'VIN1', center: 'Werkstatt Nord', slotDate: '2026-03-04' }
  it('speaks the vehicle language, or its base language, or English', () => {
    expect(ownerMessage('booked', 'de', facts)).toEqual({ language: 'de', text: 'Fahrzeug VIN1: Reparatur bei Werkstatt Nord am 2026-03-04 gebucht. Die Teile sind reserviert.' })
    expect(ownerMessage('booked', 'es-MX', facts).language).toBe('es')
    expect(ownerMessage('cancelled', 'fi', facts).language).toBe('en')
    expect(ownerMessage('maintenance_due', null, { ...facts, slotDate: null }).text).toContain('a date to be confirmed')
  })
})
