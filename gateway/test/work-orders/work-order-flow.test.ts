import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { type TestGateway, startGateway } from '../helper.js'
import { PASSWORD, call, createUser, login } from '../security/support.js'
import { berlinVehicle, openAlertOf, seedNetwork } from './fixtures.js'

/**
 * Predicted failure → booked repair, end to end over real HTTP, MQTT and
 * PostgreSQL: proposals, concurrent bookings of the last unit, technician
 * scope, completion (stock, alert), forecast and maintenance reminder.
 */
let gw: TestGateway
const clients: MqttClient[] = []
const tokens: Record<string, string> = {}
let v1 = ''
let v2 = ''
let v3 = ''
let alert1 = ''
let alert2 = ''
void v2
let webhookId = ''

beforeAll(async () => {
  // The owner's webhook points at a closed local port: allowed explicitly, like any private destination.
  gw = await startGateway({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.1/32' })
  await seedNetwork(gw)
  await createUser(gw, { username: 'wo-support', password: PASSWORD, role: 'support' })
  await createUser(gw, { username: 'wo-owner-a', password: PASSWORD, role: 'fleet_owner', tenantId: 'wo-tenant-a', fleets: ['wo-fleet-a'] })
  await createUser(gw, { username: 'wo-owner-b', password: PASSWORD, role: 'fleet_owner', tenantId: 'wo-tenant-b', fleets: ['wo-fleet-b'] })
  const t1 = await createUser(gw, { username: 'wo-tech-near', password: PASSWORD, role: 'technician' })
  const t2 = await createUser(gw, { username: 'wo-tech-far', password: PASSWORD, role: 'technician' })
  expect((await call(gw, 'PUT', `/service-centers/c-near/technicians/${t1.id}`)).status).toBe(204)
  expect((await call(gw, 'PUT', `/service-centers/c-far/technicians/${t2.id}`)).status).toBe(204)
  for (const u of ['wo-support', 'wo-owner-a', 'wo-owner-b', 'wo-tech-near', 'wo-tech-far']) tokens[u] = await login(gw, u, PASSWORD)
  const hook = await call(gw, 'POST', '/webhooks', { body: { url: 'http://127.0.0.1:9/hook', allowInsecure: true, events: ['service.booked', 'service.maintenance-due', 'service.completed'] } })
  webhookId = (hook.body as { id: string }).id

  const a = await berlinVehicle(gw, 'wo-fleet-a', { odometerKm: 1200, weak: true })
  const b = await berlinVehicle(gw, 'wo-fleet-a', { odometerKm: 900, weak: true })
  const c = await berlinVehicle(gw, 'wo-fleet-a', { odometerKm: 30_500, weak: false })
  clients.push(a.client, b.client, c.client)
  v1 = a.v.id
  v2 = b.v.id
  v3 = c.v.id
  expect((await call(gw, 'PUT', `/vehicles/${v1}/ota-preferences`, { body: { language: 'de', quietHours: '22:00-07:00' } })).status).toBe(204)
  alert1 = await openAlertOf(gw, v1)
  alert2 = await openAlertOf(gw, v2)
}, 120_000)

afterAll(async () => {
  for (const c of clients) c.end(true)
  await gw?.close()
  await gw?.dropDatabase()
})

const batteryMean = async (): Promise<number> => {
  const f = await call(gw, 'GET', '/parts/forecast?country=DE', { token: tokens['wo-support'] })
  expect(f.status).toBe(200)
  return (f.body as { rows: Array<{ partNumber: string, mean: number }> }).rows.filter((r) => r.partNumber === 'BAT-12V-70AH').reduce((s, r) => s + r.mean, 0)
}

describe('from a predicted failure to a booked repair', () => {
  it('proposes capable centres ranked by distance, stock and free bays', async () => {
    const r = await call(gw, 'POST', '/work-orders/proposals', { token: tokens['wo-support'], body: { alertId: alert1 } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ vehicleId: v1, faultFamily: 'lv_battery', capability: 'general', parts: [{ partNumber: 'BAT-12V-70AH', quantity: 1 }] })
    const p = (r.body as { proposals: Array<{ centerId: string, partsInStock: boolean, distanceKm: number }> }).proposals
    // The body shop lacks the capability; the empty shelf nearby loses to a stocked centre 255 km away (6 days' wait).
    expect(p.map((x) => x.centerId)).toEqual(['c-near', 'c-far', 'c-nostock'])
    expect(p[0]).toMatchObject({ partsInStock: true })
    expect(p[0]!.distanceKm).toBeLessThan(2)
    expect(p[2]).toMatchObject({ partsInStock: false })
  })

  it('two concurrent bookings cannot both reserve the last unit', async () => {
    const before = await batteryMean()
    const [a, b] = await Promise.all([
      call(gw, 'POST', '/work-orders', { token: tokens['wo-owner-a'], body: { alertId: alert1, centerId: 'c-near' } }),
      call(gw, 'POST', '/work-orders', { token: tokens['wo-support'], body: { alertId: alert2, centerId: 'c-near' } }),
    ])
    expect([a.status, b.status]).toEqual([201, 201])
    const reserved = [a.body, b.body].map((w: { parts: Array<{ reserved: number }> }) => w.parts[0]!.reserved).sort()
    expect(reserved).toEqual([0, 1])
    const waiting = [a.body, b.body].find((w: { parts: Array<{ reserved: number }> }) => w.parts[0]!.reserved === 0) as { partsReadyAt: string, slotDate: string }
    expect(Date.parse(waiting.partsReadyAt) - Date.now()).toBeGreaterThan(2.9 * 86_400_000)
    const stock = await call(gw, 'GET', '/service-centers/c-near/stock')
    expect(stock.body).toEqual([{ partNumber: 'BAT-12V-70AH', onHand: 1, reserved: 1, available: 0, leadTimeDays: 3 }])
    // Both booked repairs now count for certain in the forecast (they were probabilities before).
    expect(before).toBeGreaterThan(0)
    expect(await batteryMean()).toBeCloseTo(2, 5)
    // A second work order for the same alert is refused.
    expect((await call(gw, 'POST', '/work-orders', { token: tokens['wo-support'], body: { alertId: alert1, centerId: 'c-far' } })).status).toBe(409)
  })

  it('the owner is notified in the vehicle language', async () => {
    // The signed webhook outbox holds one delivery per booking (the endpoint is down: they stay pending, nothing is lost).
    const d = await call(gw, 'GET', `/webhooks/${webhookId}/deliveries?limit=50`)
    expect((d.body as Array<{ eventKey: string }>).filter((x) => x.eventKey.startsWith('work-order:'))).toHaveLength(2)
    const { rows } = await gw.app.storage.pool.query<{ payload: { vehicleId: string, text: string, language: string } }>(
      "SELECT payload FROM webhook_deliveries WHERE webhook_id = $1 AND event_key LIKE 'work-order:%'", [webhookId])
    const texts = rows.map((x) => x.payload)
    expect(texts.find((x) => x.vehicleId === v1)).toMatchObject({ language: 'de' })
    expect(texts.find((x) => x.vehicleId === v1)?.text).toContain('Reparatur bei Centre c-near')
    expect(texts.find((x) => x.vehicleId === v2)?.language).toBe('en')
  })

  it('a technician sees only its centre; others get 404', async () => {
    const near = await call(gw, 'GET', '/work-orders', { token: tokens['wo-tech-near'] })
    expect((near.body as unknown[]).length).toBe(2)
    const wo = (near.body as Array<{ id: string, vehicleId: string }>).find((w) => w.vehicleId === v1)!
    expect((await call(gw, 'GET', '/work-orders', { token: tokens['wo-tech-far'] })).body).toEqual([])
    expect((await call(gw, 'GET', `/work-orders/${wo.id}`, { token: tokens['wo-tech-far'] })).status).toBe(404)
    expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tokens['wo-tech-far'], body: { to: 'vehicle_arrived' } })).status).toBe(404)
    expect((await call(gw, 'GET', '/service-centers/c-near', { token: tokens['wo-tech-far'] })).status).toBe(404)
    expect((await call(gw, 'GET', '/service-centers', { token: tokens['wo-tech-far'] })).body).toHaveLength(1)
    // Tenant isolation: another tenant's owner cannot see it either; the own tenant's can.
    expect((await call(gw, 'GET', `/work-orders/${wo.id}`, { token: tokens['wo-owner-b'] })).status).toBe(404)
    expect((await call(gw, 'GET', `/work-orders/${wo.id}`, { token: tokens['wo-owner-a'] })).status).toBe(200)
    // The technician's vehicle scope is empty: the general vehicle API shows nothing.
    expect((await call(gw, 'GET', `/vehicles/${v1}`, { token: tokens['wo-tech-near'] })).status).toBe(403)
  })

  it('completion records the parts and cause, decrements the stock and resolves the alert', async () => {
    const list = await call(gw, 'GET', '/work-orders', { token: tokens['wo-tech-near'] })
    const all = list.body as Array<{ id: string, alertId: string, createdBy: string, parts: Array<{ reserved: number }> }>
    // The order that got the last unit is repaired now; the other waits for its delivery.
    const wo = all.find((w) => w.parts[0]!.reserved === 1)!
    const other = all.find((w) => w.id !== wo.id)!
    const tech = tokens['wo-tech-near']
    expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tech, body: { to: 'completed', cause: 'x', partsUsed: [] } })).status).toBe(409)
    expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tech, body: { to: 'vehicle_arrived' } })).status).toBe(200)
    expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tech, body: { to: 'in_repair' } })).status).toBe(200)
    expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tech, body: { to: 'completed', partsUsed: [] } })).status).toBe(400)
    const done = await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tech, body: { to: 'completed', cause: 'sulphated 12 V battery', partsUsed: [{ partNumber: 'BAT-12V-70AH', quantity: 1 }] } })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ state: 'completed', cause: 'sulphated 12 V battery', partsUsed: [{ partNumber: 'BAT-12V-70AH', quantity: 1 }] })
    expect((await call(gw, 'GET', '/service-centers/c-near/stock')).body).toEqual([{ partNumber: 'BAT-12V-70AH', onHand: 0, reserved: 0, available: 0, leadTimeDays: 3 }])
    const alert = await call(gw, 'GET', `/alerts/${wo.alertId}`)
    expect((alert.body as { alert: { state: string, resolvedBy: string } }).alert).toMatchObject({ state: 'resolved', resolvedBy: 'user:wo-tech-near' })
    // The repair is the verdict on the prediction: it counts in the rule's confirmed precision.
    const ruleId = (alert.body as { alert: { ruleId: string } }).alert.ruleId
    const kpi = (await call(gw, 'GET', '/kpis/rules')).body.rules.find((r: { ruleId: string }) => r.ruleId === ruleId)
    expect(kpi).toMatchObject({ confirmed: 1, falseAlarm: 0, confirmedPrecision: 1 })
    expect(((await call(gw, 'GET', `/alerts/${other.alertId}`)).body as { alert: { state: string } }).alert.state).not.toBe('resolved')
    const detail = await call(gw, 'GET', `/work-orders/${wo.id}`, { token: tokens['wo-owner-a'] })
    expect((detail.body as { history: Array<{ to: string, by: string }> }).history.map((h) => `${h.to}:${h.by}`)).toEqual([
      `proposed:${wo.createdBy}`, `booked:${wo.createdBy}`, 'vehicle_arrived:user:wo-tech-near', 'in_repair:user:wo-tech-near', 'completed:user:wo-tech-near',
    ])
    // The other order cannot take a unit that is no longer on the shelf.
    for (const to of ['vehicle_arrived', 'in_repair']) await call(gw, 'POST', `/work-orders/${other.id}/transition`, { token: tech, body: { to } })
    const short = await call(gw, 'POST', `/work-orders/${other.id}/transition`, { token: tech, body: { to: 'completed', cause: 'weak battery', partsUsed: [{ partNumber: 'BAT-12V-70AH', quantity: 1 }] } })
    expect(short).toMatchObject({ status: 409, body: { code: 'GW_PART_NOT_IN_STOCK' } })
    // The forecast no longer counts the repaired vehicle's alert (the other booking still counts for certain);
    // the completed repair now feeds the learnt rate of repairs after alerts still to come.
    const after = await batteryMean()
    expect(after).toBeGreaterThanOrEqual(1)
    expect(after).toBeLessThan(2)
  })

  it('a service falling due gets one reminder outside quiet hours, with a booking proposal', async () => {
    const day = new Date()
    day.setUTCHours(0, 0, 0, 0)
    const night = day.getTime() + 23 * 3_600_000
    const noon = day.getTime() + 12 * 3_600_000
    expect(await gw.app.workOrders.maintenance.tick(night)).toEqual({ reminded: 0, waiting: 1 })
    expect(await gw.app.workOrders.maintenance.tick(noon)).toEqual({ reminded: 1, waiting: 0 })
    expect(await gw.app.workOrders.maintenance.tick(noon + 60_000)).toEqual({ reminded: 0, waiting: 0 })
    const list = await call(gw, 'GET', `/work-orders?vehicle=${v3}`, { token: tokens['wo-owner-a'] })
    const wo = (list.body as Array<{ id: string, kind: string, state: string, centerId: string }>)[0]!
    expect(wo).toMatchObject({ kind: 'maintenance', state: 'proposed', centerId: 'c-far' })
    // The forecast counts the due service's parts.
    const f = await call(gw, 'GET', '/parts/forecast?country=DE&format=csv', { token: tokens['wo-support'] })
    expect(f.headers.get('content-type')).toContain('text/csv')
    expect(f.body as string).toMatch(/^DE,CAB-FILTER-01,0,/m)
    // The owner accepts, the service is done: the next cycle starts from it.
    expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tokens['wo-owner-a'], body: { to: 'booked' } })).status).toBe(200)
    for (const to of ['vehicle_arrived', 'in_repair']) expect((await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tokens['wo-tech-far'], body: { to } })).status).toBe(200)
    const done = await call(gw, 'POST', `/work-orders/${wo.id}/transition`, { token: tokens['wo-tech-far'], body: { to: 'completed', cause: 'scheduled service', partsUsed: [{ partNumber: 'CAB-FILTER-01', quantity: 1 }, { partNumber: 'BRK-FLUID-1L', quantity: 1 }] } })
    expect(done.status).toBe(200)
    const far = (await call(gw, 'GET', '/service-centers/c-far/stock')).body as Array<{ partNumber: string, onHand: number }>
    expect(far.find((s) => s.partNumber === 'CAB-FILTER-01')?.onHand).toBe(3)
    const next = await gw.app.parts.forecast.dueServices(noon, 14 * 86_400_000)
    expect(next.find((s) => s.vehicleId === v3)).toBeUndefined()
  })
})
