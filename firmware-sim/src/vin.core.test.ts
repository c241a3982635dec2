import { describe, expect, it } from 'vitest'
import { isVehicleId } from '@fleetwire/proto'
import { buildVin, isValidVin, modelYearCode, vinCheckDigit } from './vin.core.js'
import { planFleet } from './fleet-plan.core.js'

describe('VIN check digit (ISO 3779, position 9)', () => {
  it('matches published examples', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X')
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true)
    expect(vinCheckDigit('11111111111111111')).toBe('1')
    expect(isValidVin('1HGCM82633A004352')).toBe(true)
  })

  it('rejects a wrong check digit, a wrong length and I/O/Q', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false)
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false)
    expect(isValidVin('1M8GDM9AXKP0427O8')).toBe(false)
    expect(() => vinCheckDigit('1M8GDM9AXKP0427Q8')).toThrow(/not allowed/)
  })

  it('builds valid VINs with the model-year code in position 10', () => {
    const vin = buildVin({ wmi: 'WF9', vds: 'E1A5E', modelYear: 2025, plant: 'E', serial: 42 })
    expect(vin).toHaveLength(17)
    expect(vin[9]).toBe('S')
    expect(vin.slice(-6)).toBe('000042')
    expect(isValidVin(vin)).toBe(true)
    expect(modelYearCode(2010)).toBe('A')
    expect(modelYearCode(2026)).toBe('T')
  })

  it('every planned vehicle has a unique, valid VIN the gateway accepts', () => {
    const plan = planFleet({ count: 2000, seed: 99, simStartMs: 0, horizonMs: 86_400_000 * 24 })
    const vins = plan.map((v) => v.vin)
    expect(new Set(vins).size).toBe(vins.length)
    for (const vin of vins) {
      expect(isValidVin(vin)).toBe(true)
      expect(isVehicleId(vin)).toBe(true)
    }
  })
})
