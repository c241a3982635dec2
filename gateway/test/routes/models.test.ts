import { describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type TestGateway, connectVehicle, gatewayPerFile, provision, publish, telemetryPayload, waitFor } from '../helper.js'

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }
const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
let gw: TestGateway
const clients = gatewayPerFile({ RULES_ENABLED: 'true' }, (g) => { gw = g })

const put = (id: string, payload: unknown) => gw.app.inject({ method: 'PUT', url: `/models/${id}`, headers: auth, payload: payload as object })

describe('model catalog', () => {
  it('stores, lists and returns model specs; refuses unknown fields with a clear error', async () => {
    expect((await gw.app.inject({ url: '/models/FW-X1', headers: auth })).statusCode).toBe(404)
    const res = await put('FW-X1', { powertrain: 'BEV', coolantWarnC: 60, tyrePlacardFrontKPa: 260, tyrePlacardRearKPa: 280, batteryChemistry: 'LFP', batteryNominalV: 400 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: 'FW-X1', spec: { powertrain: 'BEV', coolantWarnC: 60, batteryChemistry: 'LFP' } })
    expect((await gw.app.inject({ url: '/models', headers: auth })).json().map((m: { id: string }) => m.id)).toContain('FW-X1')
    const bad = await put('FW-X2', { powertrain: 'steam', colour: 'red' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toMatch(/\/powertrain: /)
    expect(bad.json().message).toMatch(/\/colour: /)
    expect((await put('FW-X1', { powertrain: 'BEV', coolantWarnC: 62 })).json().spec).toEqual({ powertrain: 'BEV', coolantWarnC: 62 })
  })

  it("the default coolant rule raises at the catalogued model's limit, far below its generic 110 °C", async () => {
    await put('FW-X3', { powertrain: 'BEV', coolantWarnC: 60 })
    const vehicle = await provision(gw, { model: 'FW-X3' })
    const client = await connectVehicle(gw.mqttUrl, vehicle)
    clients.push(client)
    await publish(client, vehicle.id, 'telemetry', telemetryPayload(1, Date.now() - 60_000, [[signalId(COOLANT), 72, 0]]))
    await waitFor(async () => (await gw.app.inject({ url: `/alerts?vehicle=${vehicle.id}`, headers: auth })).json().items.some((a: { ruleId: string }) => a.ruleId === 'coolant-overheat'), 5000, 'coolant alert')
    const alert = (await gw.app.inject({ url: `/alerts?vehicle=${vehicle.id}`, headers: auth })).json().items.find((a: { ruleId: string }) => a.ruleId === 'coolant-overheat')
    expect(alert.reason).toContain('above 60')
  })
})
