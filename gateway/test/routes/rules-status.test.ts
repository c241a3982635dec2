import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type Provisioned, type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

const FR = 'Vehicle.Chassis.Axle.Row1.Wheel.Right'
const AMBIENT = 'Vehicle.Exterior.AirTemperature'
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }
const lowFr = {
  id: 'tyre-low-fr-test', name: 'front right below 150 kPa at 20 °C', enabled: true, severity: 'minor',
  signal: `${FR}.Tire.Pressure`, derived: { compensateTemperature: `${FR}.Tire.Temperature`, temperatureFallback: AMBIENT },
  kind: { type: 'threshold', op: 'below', raise: 150, clear: 160, forS: 0, clearForS: 0 },
}

let gw: TestGateway
let vehicle: Provisioned
let client: MqttClient

beforeAll(async () => {
  gw = await startGateway({ RULES_ENABLED: 'true' })
  expect((await gw.app.inject({ method: 'POST', url: '/rules', headers: auth, payload: lowFr })).statusCode).toBe(201)
  vehicle = await provision(gw, { model: 'FW-E1' })
  client = await connectVehicle(gw.mqttUrl, vehicle)
  // A vehicle without tyre temperature sensors: pressures and ambient air only, a minute apart.
  const start = Date.now() - 3_600_000
  const points: Array<[number, number, number]> = []
  for (let i = 0; i < 5; i++) points.push([signalId(AMBIENT), 15, i * 60_000], [signalId(`${FR}.Tire.Pressure`), 250, i * 60_000])
  await publish(client, vehicle.id, 'telemetry', telemetryPayload(1, start, points))
})
afterAll(async () => {
  client.end(true)
  await gw.close()
  await gw.dropDatabase()
})

const status = async (id: string) => gw.app.inject({ url: `/rules/${id}/status`, headers: auth })

describe('GET /rules/:id/status', () => {
  it('counts the vehicle as evaluated on the ambient fallback when its tyre temperature is absent', async () => {
    await waitFor(async () => (await status(lowFr.id)).json().evaluated === 1, 5000, 'rule evaluated')
    expect((await status(lowFr.id)).json()).toEqual({ ruleId: lowFr.id, enabled: true, vehiclesTracked: 1, evaluated: 1, onFallback: 1, inactive: {}, noData: 0 })
  })

  it('says why a rule cannot judge a vehicle: too sparse for a slope, no data for a signal never sent', async () => {
    await waitFor(async () => (await status(lowFr.id)).json().evaluated === 1, 5000, 'batch evaluated')
    expect((await status('tyre-slow-leak-fr')).json()).toMatchObject({ enabled: true, evaluated: 0, inactive: { 'too-sparse': 1 }, noData: 0 })
    expect((await status('tyre-low-vs-fleet-fr')).json()).toMatchObject({ evaluated: 0, inactive: { 'warming-up': 1 } })
    expect((await status('coolant-overheat')).json()).toMatchObject({ evaluated: 0, inactive: {}, noData: 1 })
  })

  it('reports a disabled rule as such, and an unknown one as 404', async () => {
    expect((await gw.app.inject({ method: 'POST', url: `/rules/${lowFr.id}/disable`, headers: auth })).statusCode).toBe(200)
    expect((await status(lowFr.id)).json()).toMatchObject({ enabled: false, evaluated: 0 })
    expect((await status('no-such-rule')).statusCode).toBe(404)
  })
})
