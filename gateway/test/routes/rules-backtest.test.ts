import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type Provisioned, type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }
const overheat = { id: 'coolant-test', name: 'coolant over 105 °C for a minute', enabled: false, severity: 'major', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 60, clearForS: 60 } }

let gw: TestGateway
let vehicle: Provisioned
let client: MqttClient
// Ten minutes of coolant at 10 s, two hours ago: hot from minute 2 to minute 6.
const start = Date.now() - 2 * 3_600_000
const samples = 61

beforeAll(async () => {
  gw = await startGateway({ RULES_ENABLED: 'true' })
  vehicle = await provision(gw, { model: 'FW-C3' })
  client = await connectVehicle(gw.mqttUrl, vehicle)
  const coolant = signalId(COOLANT)
  const points: Array<[number, number, number]> = []
  for (let i = 0; i < samples; i++) points.push([coolant, i >= 12 && i < 36 ? 110 : 90, i * 10_000])
  await publish(client, vehicle.id, 'telemetry', telemetryPayload(1, start, points))
  await waitFor(async () => (await gw.app.storage.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_samples')).rows[0]?.n === samples, 5000, 'samples stored')
})
afterAll(async () => {
  client.end(true)
  await gw.close()
  await gw.dropDatabase()
})

const test = (payload: object) => gw.app.inject({ method: 'POST', url: '/rules/test', headers: auth, payload })
const range = { from: new Date(start - 60_000).toISOString(), to: new Date(start + 3_600_000).toISOString() }

describe('POST /rules/test', () => {
  it("replays the vehicle's stored history through a rule document and reports what it would have raised and cleared", async () => {
    const res = await test({ rule: overheat, vehicleId: vehicle.id, ...range })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ ruleId: 'coolant-test', vehicleId: vehicle.id, samples, dtcEvents: 0 })
    expect(body.transitions.map((t: { kind: string, at: string }) => [t.kind, t.at])).toEqual([
      ['raise', new Date(start + 120_000).toISOString()],
      ['clear', new Date(start + 360_000).toISOString()],
    ])
    expect(body.transitions[0]).toMatchObject({ severity: 'major', threshold: 105, observed: 110, confirmedAt: new Date(start + 180_000).toISOString() })
    expect(body.transitions[0].reason).toContain('above 105')
  })

  it('tests a stored, still disabled rule by id, and raises nothing live meanwhile', async () => {
    expect((await gw.app.inject({ method: 'POST', url: '/rules', headers: auth, payload: overheat })).statusCode).toBe(201)
    const res = await test({ ruleId: 'coolant-test', vehicleId: vehicle.id, ...range })
    expect(res.json().transitions).toHaveLength(2)
    const alerts = await gw.app.inject({ url: `/alerts?vehicle=${vehicle.id}`, headers: auth })
    expect(alerts.json().items.filter((a: { ruleId: string }) => a.ruleId === 'coolant-test')).toEqual([])
  })

  it('reports nothing outside the chosen range', async () => {
    const res = await test({ rule: overheat, vehicleId: vehicle.id, from: new Date(start + 400_000).toISOString(), to: range.to })
    expect(res.json()).toMatchObject({ samples: 21, transitions: [] })
  })

  it('answers bad requests with the reason', async () => {
    const bad = await test({ rule: { ...overheat, kind: { ...overheat.kind, forS: -1 } }, vehicleId: vehicle.id, ...range })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('/kind/forS')
    expect((await test({ rule: overheat, vehicleId: 'WVWZZZ00000000000', ...range })).statusCode).toBe(404)
    expect((await test({ ruleId: 'no-such-rule', vehicleId: vehicle.id, ...range })).statusCode).toBe(404)
    expect((await test({ rule: overheat, ruleId: 'coolant-test', vehicleId: vehicle.id, ...range })).json().code).toBe('GW_RULE_INVALID')
    expect((await test({ rule: overheat, vehicleId: vehicle.id, from: range.to, to: range.from })).json().code).toBe('GW_RULE_TEST_BAD_RANGE')
    const { signal: _none, ...linkRule } = overheat
    const silence = await test({ rule: { ...linkRule, id: 'quiet', kind: { type: 'silence', afterS: 600 } }, vehicleId: vehicle.id, ...range })
    expect(silence.json()).toMatchObject({ code: 'GW_RULE_NOT_REPLAYABLE' })
  })
})
