import { describe, expect, it } from 'vitest'
import { mayTransition, repairVerdict, transition } from './state.core.js'

describe('work order state machine', () => {
  it('walks the happy path', () => {
    expect(transition('proposed', 'booked').ok).toBe(true)
    expect(transition('booked', 'vehicle_arrived').ok).toBe(true)
    expect(transition('vehicle_arrived', 'in_repair').ok).toBe(true)
    expect(transition('in_repair', 'completed', { cause: 'nail in tyre', partsUsed: [] }).ok).toBe(true)
  })
  it('refuses skipped and backward steps, and anything after the end', () => {
    expect(transition('booked', 'completed', { cause: 'x', partsUsed: [] })).toMatchObject({ ok: false, error: { code: 'GW_WORK_ORDER_INVALID_TRANSITION' } })
    expect(transition('in_repair', 'booked').ok).toBe(false)
    expect(transition('completed', 'cancelled').ok).toBe(false)
    expect(transition('cancelled', 'booked').ok).toBe(false)
  })
  it('completion needs a cause and the parts used', () => {
    expect(transition('in_repair', 'completed', { partsUsed: [] })).toMatchObject({ ok: false, error: { code: 'GW_WORK_ORDER_COMPLETION_INCOMPLETE' } })
    expect(transition('in_repair', 'completed', { cause: ' ', partsUsed: [] }).ok).toBe(false)
    expect(transition('in_repair', 'completed', { cause: 'worn pads' }).ok).toBe(false)
  })
  it('cancels from any open state', () => {
    for (const s of ['proposed', 'booked', 'vehicle_arrived', 'in_repair'] as const) expect(transition(s, 'cancelled').ok).toBe(true)
  })
  it('technicians do workshop steps, owners only book or cancel', () => {
    expect(mayTransition('technician', 'completed')).toBe(true)
    expect(mayTransition('technician', 'booked')).toBe(false)
    expect(mayTransition('fleet_owner', 'completed')).toBe(false)
    expect(mayTransition('fleet_owner', 'cancelled')).toBe(true)
    expect(mayTransition('service', 'cancelled')).toBe(false)
  })
  it('a repair that replaced parts confirms the alert, naming them; one that replaced nothing leaves it unverified', () => {
    expect(repairVerdict([{ partNumber: 'BAT-12V-70AH' }, { partNumber: 'CLAMP-1' }, { partNumber: 'BAT-12V-70AH' }])).toEqual({ outcome: 'confirmed', part: 'BAT-12V-70AH, CLAMP-1' })
    expect(repairVerdict([])).toEqual({ outcome: 'not-verified' })
    expect(repairVerdict(null)).toEqual({ outcome: 'not-verified' })
  })
})
