/**
 * The owner and the workshop of a simulated fleet, as decisions: an owner
 * accepts every proposed booking, and on the booked day the vehicle is at the
 * centre and repaired. Work orders are the gateway's; this side only reads
 * their state and day.
 */
export interface WorkshopVisit {
  readonly id: string
  readonly vehicleId: string
  readonly faultFamily: string
  readonly state: string
  /** The service centre the work order is at. */
  readonly centerId: string
  /** The booked day (YYYY-MM-DD), null while only proposed. */
  readonly slotDate: string | null
  /** The parts the work order reserved. */
  readonly parts: ReadonlyArray<{ readonly partNumber: string; readonly quantity: number }>
}

export type WorkshopAction = 'accept' | 'repair' | 'wait'

/** Calendar day of a simulated instant (UTC: a booking a few hours early or late changes nothing here). */
export const simDay = (simMs: number): string => new Date(simMs).toISOString().slice(0, 10)

export function nextAction(v: WorkshopVisit, simNowMs: number): WorkshopAction {
  if (v.state === 'proposed') return 'accept'
  if (v.state === 'booked' && v.slotDate !== null && v.slotDate <= simDay(simNowMs)) return 'repair'
  return 'wait'
}

/**
 * What the technician writes on completion. A scheduled service consumes its
 * kit whatever it finds; a repair consumes the reserved parts only when the
 * vehicle had a fault of that family (otherwise: inspected, nothing replaced).
 */
export function completion(v: WorkshopVisit, repairedKinds: readonly string[]): { cause: string; partsUsed: Array<{ partNumber: string; quantity: number }> } {
  const parts = v.parts.map((p) => ({ partNumber: p.partNumber, quantity: p.quantity }))
  if (v.faultFamily === 'maintenance') return { cause: 'scheduled service', partsUsed: parts }
  if (repairedKinds.length === 0) return { cause: 'inspected, no fault found', partsUsed: [] }
  return { cause: `repaired: ${repairedKinds.join(', ')}`, partsUsed: parts }
}
