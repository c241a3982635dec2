import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { type TestGateway, connectVehicle, publish, startGateway, telemetryPayload, testVin, waitFor } from '../helper.js'
import { call } from './support.js'

/**
 * Data rules per country: a vehicle's country (ISO 3166-1) picks the
 * country's DATA_POLICY entry over its region's. Germany here keeps
 * positions 7 days at 2 decimals and allows no export; France, in the same
 * region, has the region's 30 days at 3 decimals.
 */
const DAY = 86_400_000
let gw: TestGateway
const cars: MqttClient[] = []
const ids: Record<'de' | 'fr', string> = { de: '', fr: '' }

async function register (country: string): Promise<{ id: string, password: string }> {
  const id = testVin()
  const r = await call(gw, 'POST', '/vehicles', { body: { id, model: 'FW-E1', region: 'EU', fleet: 'cp', country } })
  expect(r.status).toBe(201)
  return { id, password: r.body.credentials.password }
}
const latest = async (vin: string) => Object.fromEntries(((await call(gw, 'GET', `/vehicles/${vin}/signals/latest`)).body as Array<{ signalId: number, value: number }>).map((s) => [s.signalId, s.value]))

beforeAll(async () => {
  gw = await startGateway({
    DATA_POLICY: '{"EU":{"positionDays":30,"positionDecimals":3},"countries":{"DE":{"positionDays":7,"positionDecimals":2,"export":false},"CN":{"residency":"cell"}}}',
    CELL_COUNTRIES: 'DE,FR',
  })
  for (const c of ['de', 'fr'] as const) {
    const v = await register(c.toUpperCase())
    ids[c] = v.id
    const car = await connectVehicle(gw.mqttUrl, v)
    cars.push(car)
    await publish(car, v.id, 'telemetry', telemetryPayload(1, Date.now() - 60_000, [[3, 48.137_154], [4, 11.576_124], [1, 40]]))
  }
  await waitFor(async () => (Object.keys(await latest(ids.de)).length === 3 && Object.keys(await latest(ids.fr)).length === 3) || undefined, 10_000, 'telemetry stored')
})
afterAll(async () => {
  for (const c of cars) c.end(true)
  await gw.close()
  await gw.dropDatabase()
})

describe('data rules per country', () => {
  it('refuses a country that is not an ISO 3166-1 code, naming it', async () => {
    const r = await call(gw, 'POST', '/vehicles', { body: { id: testVin(), model: 'FW-E1', region: 'EU', fleet: 'cp', country: 'UK' } })
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ code: 'GW_VEHICLE_BAD_COUNTRY' })
    expect(r.body.message).toContain('"UK"')
  })

  it('shows each vehicle\'s effective policy and where every value comes from', async () => {
    const de = (await call(gw, 'GET', `/vehicles/${ids.de}`)).body
    expect(de.country).toBe('DE')
    expect(de.dataPolicy).toMatchObject({ positionDays: { value: 7, from: 'country:DE' }, positionDecimals: { value: 2, from: 'country:DE' }, export: { value: false, from: 'country:DE' }, telemetryDays: { from: 'default' } })
    const fr = (await call(gw, 'GET', `/vehicles/${ids.fr}`)).body
    expect(fr.dataPolicy).toMatchObject({ positionDays: { value: 30, from: 'region:EU' }, positionDecimals: { value: 3, from: 'region:EU' }, export: { value: true, from: 'default' } })
    expect((await call(gw, 'GET', '/vehicles?country=DE')).body.items.map((v: { id: string }) => v.id)).toEqual([ids.de])
  })

  it('rounds positions to the country\'s precision and refuses the export where the country allows none', async () => {
    expect(await latest(ids.de)).toEqual({ 1: 40, 3: 48.14, 4: 11.58 })
    expect(await latest(ids.fr)).toEqual({ 1: 40, 3: 48.137, 4: 11.576 })
    const refused = await call(gw, 'GET', `/vehicles/${ids.de}/export`)
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ code: 'GW_PRIVACY_EXPORT_REFUSED' })
    expect((await call(gw, 'GET', `/vehicles/${ids.fr}/export`)).status).toBe(200)
    expect((await call(gw, 'GET', `/audit?target=vehicle:${ids.de}`)).body.items.map((r: { action: string }) => r.action)).toContain('privacy.export_refused')
  })

  it('keeps each country\'s positions for its own period (clock moved forward)', async () => {
    const now = Date.now()
    expect(await gw.app.privacy.applyRetention(now + 10 * DAY)).toMatchObject({ positions: 2, telemetry: 0 })
    expect(await latest(ids.de)).toEqual({ 1: 40 })
    expect(Object.keys(await latest(ids.fr))).toHaveLength(3)
    expect(await gw.app.privacy.applyRetention(now + 31 * DAY)).toMatchObject({ positions: 2 })
    expect(await latest(ids.fr)).toEqual({ 1: 40 })
  })

  it('refuses a vehicle whose country keeps its data in another cell', async () => {
    const r = await call(gw, 'POST', '/vehicles', { body: { id: testVin(), model: 'FW-E1', region: 'APAC', fleet: 'cp', country: 'CN' } })
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ code: 'GW_VEHICLE_WRONG_CELL' })
    expect(r.body.message).toContain('stays in the cell serving CN; this cell serves DE, FR')
    expect((await call(gw, 'PUT', `/vehicles/${ids.fr}/country`, { body: { country: 'CN' } })).status).toBe(409)
    expect((await call(gw, 'GET', `/vehicles/${ids.fr}`)).body.dataPolicy.residency).toEqual({ value: 'any', from: 'default' })
  })

  it('follows a change of country; null falls back to the region', async () => {
    const moved = await call(gw, 'PUT', `/vehicles/${ids.de}/country`, { body: { country: null } })
    expect([moved.status, moved.body]).toEqual([200, expect.anything()])
    expect((await call(gw, 'GET', `/vehicles/${ids.de}`)).body.dataPolicy.positionDays).toEqual({ value: 30, from: 'region:EU' })
    expect((await call(gw, 'PUT', `/vehicles/${ids.de}/country`, { body: { country: 'XX' } })).status).toBe(400)
  })
})
