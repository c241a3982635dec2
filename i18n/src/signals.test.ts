import { describe, expect, it } from 'vitest'
import { signalLabel } from './signals.js'

describe('signalLabel', () => {
  it('names catalogue signals in the language', () => {
    expect(signalLabel('en', 'Vehicle.Powertrain.TractionBattery.StateOfCharge.Current')).toBe('State of charge')
    expect(signalLabel('fr', 'Vehicle.Powertrain.TractionBattery.StateOfCharge.Current')).toBe('Charge de la batterie')
    expect(signalLabel('th', 'Vehicle.Speed')).toBe('ความเร็ว')
  })
  it('names per-wheel signals by pattern', () => {
    expect(signalLabel('en', 'Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure')).toBe('Tyre pressure rear left')
    expect(signalLabel('de', 'Vehicle.Chassis.Axle.Row1.Wheel.Right.Brake.PadWear')).toMatch(/vorne rechts/)
  })
  it('falls back to the last two path segments in words for an unknown path', () => {
    expect(signalLabel('en', 'Vehicle.Body.Windshield.Front.Wiping.Mode')).toBe('Wiping Mode')
    expect(signalLabel('ar', 'Vehicle.Cabin.Door.Row1.DriverSide.IsOpen')).toBe('Driver side Is open')
    expect(signalLabel('en', 'Speed')).toBe('Speed')
  })
})
