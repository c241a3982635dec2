import type { SimLogger } from '../log.js'
import { completion, nextAction, type WorkshopVisit } from './workshop.core.js'
import type { RepairDone } from './repair.core.js'

/** The gateway's work orders as the fleet's owner and its workshop see them (REST, or in-process in the demo). */
export interface WorkshopPort {
  /** Open (proposed or booked) work orders of the fleet's vehicles. */
  open(): Promise<WorkshopVisit[]>
  move(
    visit: WorkshopVisit,
    to: 'booked' | 'vehicle_arrived' | 'in_repair' | 'completed',
    detail?: { cause: string; partsUsed: Array<{ partNumber: string; quantity: number }> },
  ): Promise<void>
}

export interface WorkshopAgentOptions {
  readonly port: WorkshopPort
  /** The fleet's repair hook (Fleet.repair): ends the family's faults on the vehicle and renews the part. */
  readonly repair: (vin: string, family: string) => RepairDone | undefined
  readonly simNow: () => number
  readonly everyMs?: number
  readonly log: SimLogger
}

/**
 * The owner accepts the bookings the gateway proposes, and on the booked day
 * the vehicle is at the centre: arrived, in repair, repaired in the
 * simulation (its fault ends, the part is new), completed with the parts
 * used. A run so produces real demand for the parts forecast.
 */
export function startWorkshopAgent(o: WorkshopAgentOptions): { stop(): Promise<void>; tick(): Promise<number> } {
  let running: Promise<number> = Promise.resolve(0)
  async function round(): Promise<number> {
    let moved = 0
    for (const v of await o.port.open()) {
      const action = nextAction(v, o.simNow())
      if (action === 'accept') {
        await o.port.move(v, 'booked')
      } else if (action === 'repair') {
        await o.port.move(v, 'vehicle_arrived')
        await o.port.move(v, 'in_repair')
        const done = o.repair(v.vehicleId, v.faultFamily)
        await o.port.move(v, 'completed', completion(v, done?.kinds ?? []))
        o.log.info({ vin: v.vehicleId, family: v.faultFamily, repaired: done?.kinds ?? [] }, 'repaired at the service centre')
      } else continue
      moved++
    }
    return moved
  }
  // One round at a time: a slow gateway must not see the same visit moved twice.
  const tick = (): Promise<number> => {
    running = running.then(round).catch((err: Error) => {
      o.log.warn({ err: err.message }, 'workshop round failed; next round retries')
      return 0
    })
    return running
  }
  const timer = setInterval(() => void tick(), o.everyMs ?? 10_000)
  timer.unref()
  return {
    tick,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
