import { describe, expect, it } from 'vitest'
import { completion, nextAction, type WorkshopVisit } from './workshop.core.js'

const visit = (over: Partial<WorkshopVisit>): WorkshopVisit => ({
  id: 'w1',
  vehicleId: 'V',
  faultFamily: 'tyre_leak',
  state: 'booked',
  centerId: 'c1',
  slotDate: '2026-03-10',
  parts: [{ partNumber: 'TYRE-KIT', quantity: 1 }],
  ...over,
})
const at = (iso: string) => Date.parse(iso)

describe('workshop decisions', () => {
  it('accepts a proposal, repairs on the booked day and not before, leaves other states alone', () => {
    expect(nextAction(visit({ state: 'proposed', slotDate: null }), at('2026-03-01T10:00:00Z'))).toBe('accept')
    expect(nextAction(visit({}), at('2026-03-09T23:59:59Z'))).toBe('wait')
    expect(nextAction(visit({}), at('2026-03-10T00:00:00Z'))).toBe('repair')
    expect(nextAction(visit({}), at('2026-03-12T08:00:00Z'))).toBe('repair')
    expect(nextAction(visit({ state: 'in_repair' }), at('2026-03-12T08:00:00Z'))).toBe('wait')
    expect(nextAction(visit({ state: 'completed' }), at('2026-03-12T08:00:00Z'))).toBe('wait')
  })

  it('uses the reserved parts only when a fault of the family was found; a service always uses its kit', () => {
    expect(completion(visit({}), ['slow-tyre-leak'])).toEqual({ cause: 'repaired: slow-tyre-leak', partsUsed: [{ partNumber: 'TYRE-KIT', quantity: 1 }] })
    expect(completion(visit({}), [])).toEqual({ cause: 'inspected, no fault found', partsUsed: [] })
    expect(completion(visit({ faultFamily: 'maintenance', parts: [{ partNumber: 'SVC', quantity: 1 }] }), [])).toEqual({
      cause: 'scheduled service',
      partsUsed: [{ partNumber: 'SVC', quantity: 1 }],
    })
  })
})
