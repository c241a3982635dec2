import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT_KINDS, startFleet, startWorkshopAgent, type Fleet } from '@fleetwire/firmware-sim'
import { ensureDemoNetwork } from '../../src/service-network/demo-network.js'
import { demoWorkshopPort } from '../../src/work-orders/demo-workshop.js'
import { ADMIN_TOKEN, api, startGateway, waitFor, type TestGateway } from '../helper.js'

/**
 * The simulator's side of the after-sales loop, against a real gateway: the
 * demo network is created in the fleet's city, the owner books the proposed
 * work order, and on the booked day the workshop repairs the simulated
 * vehicle (its planned tyre leak ends) and completes the order with the
 * part it reserved, which leaves the centre's shelf.
 */
const SILENT = { debug() {}, info() {}, warn() {}, error() {} }
let gw: TestGateway
let fleet: Fleet | undefined

beforeAll(async () => {
  gw = await startGateway()
}, 60_000)
afterAll(async () => {
  await fleet?.stop(0)
  await gw?.close()
  await gw?.dropDatabase()
})

const json = async <T>(path: string, init?: { method: string; body: unknown }): Promise<{ status: number; body: T }> => {
  const res = await api(gw, path, init === undefined ? {} : { method: init.method, body: JSON.stringify(init.body) })
  return { status: res.status, body: (await res.json()) as T }
}

describe('the demo workshop', () => {
  it('books the proposal, repairs the vehicle on the booked day, and uses the reserved part', async () => {
    fleet = await startFleet({
      url: gw.mqttUrl,
      vehicles: 1,
      seed: 17,
      rate: 4,
      keepAwake: true,
      faults: { fraction: 0, kinds: FAULT_KINDS, explicit: [{ vehicle: 0, fault: 'slow-tyre-leak', onsetDay: 1, failureDay: 11, target: 'FL' }] },
      provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN },
    })
    const spec = fleet.vehicles[0]!
    expect(await ensureDemoNetwork(gw.app.serviceNetwork, [{ ...spec.city, region: spec.region }])).toBe(1)
    // A second call leaves an existing network alone.
    expect(await ensureDemoNetwork(gw.app.serviceNetwork, [{ ...spec.city, region: spec.region }])).toBe(0)
    const [center] = await gw.app.serviceNetwork.centers.list({})
    // Proposals need the vehicle's position, which arrives with its first telemetry.
    await waitFor(
      async () =>
        (await json('/work-orders/proposals', { method: 'POST', body: { vehicleId: spec.vin, faultFamily: 'tyre_leak' } })).status === 200 || undefined,
      20_000,
      'a position for the vehicle',
    )
    const created = await json<{ id: string; state: string; parts: Array<{ partNumber: string; quantity: number }> }>('/work-orders', {
      method: 'POST',
      body: { vehicleId: spec.vin, faultFamily: 'tyre_leak', centerId: center!.id, book: false },
    })
    expect(created.status).toBe(201)
    expect(created.body.state).toBe('proposed')
    const part = created.body.parts[0]!
    const onHand = async () =>
      (await json<Array<{ partNumber: string; onHand: number }>>(`/service-centers/${center!.id}/stock`)).body.find((r) => r.partNumber === part.partNumber)
        ?.onHand

    let simNow = Date.now()
    const agent = startWorkshopAgent({
      port: demoWorkshopPort(gw.app.workOrders.service, [spec.fleet]),
      repair: (vin, family) => fleet!.repair(vin, family),
      simNow: () => simNow,
      everyMs: 3_600_000,
      log: SILENT,
    })
    try {
      expect(await agent.tick()).toBe(1)
      const booked = await json<{ workOrder: { state: string; slotDate: string } }>(`/work-orders/${created.body.id}`)
      expect(booked.body.workOrder.state).toBe('booked')
      const slotDay = Date.parse(`${booked.body.workOrder.slotDate}T12:00:00Z`)

      // The day before the slot the vehicle is not at the centre yet.
      simNow = slotDay - 86_400_000
      expect(await agent.tick()).toBe(0)
      expect(fleet.unit(spec.vin)!.state.faults.map((f) => f.plan.kind)).toEqual(['slow-tyre-leak'])

      simNow = slotDay
      const stockBefore = await onHand()
      expect(await agent.tick()).toBe(1)
      const done = await json<{ workOrder: { state: string; cause: string; partsUsed: Array<{ partNumber: string; quantity: number }> } }>(
        `/work-orders/${created.body.id}`,
      )
      expect(done.body.workOrder).toMatchObject({
        state: 'completed',
        cause: 'repaired: slow-tyre-leak',
        partsUsed: [{ partNumber: part.partNumber, quantity: part.quantity }],
      })
      expect(await onHand()).toBe(stockBefore! - part.quantity)
      // The simulated vehicle: the fault no longer runs, the ground truth still records it.
      expect(fleet.unit(spec.vin)!.state.faults).toEqual([])
      expect(fleet.groundTruth().faults.map((f) => f.fault)).toEqual(['slow-tyre-leak'])
      // Nothing is left open for the owner or the workshop.
      expect(await agent.tick()).toBe(0)
    } finally {
      await agent.stop()
    }
  }, 90_000)
})
