import { describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type TestGateway, connectVehicle, gatewayPerFile, provision, publish, telemetryPayload, waitFor } from '../helper.js'

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }
const CRANK = 'Vehicle.Fleetwire.LowVoltageBattery.CrankMinimumVoltage'
let gw: TestGateway
const clients = gatewayPerFile({ RULES_ENABLED: 'true' }, (g) => { gw = g })

/** A vehicle whose crank dips to 9 V: the default lv-battery-crank-low rule raises; returns its alert id. */
async function weakBatteryAlert (): Promise<string> {
  const vehicle = await provision(gw, { model: 'FW-E1' })
  const client = await connectVehicle(gw.mqttUrl, vehicle)
  clients.push(client)
  await publish(client, vehicle.id, 'telemetry', telemetryPayload(1, Date.now() - 60_000, [[signalId(CRANK), 9, 0]]))
  let id: string | undefined
  await waitFor(async () => {
    id = (await gw.app.inject({ url: `/alerts?vehicle=${vehicle.id}`, headers: auth })).json().items.find((a: { ruleId: string }) => a.ruleId === 'lv-battery-crank-low')?.id
    return id !== undefined
  }, 5000, 'crank alert')
  return id as string
}

const post = (url: string, payload: object) => gw.app.inject({ method: 'POST', url, headers: auth, payload })

describe("engineers' verdicts", () => {
  it('resolving records the verdict; a confirmed fault must name the part; /kpis/rules reports confirmed precision per week', async () => {
    const a = await weakBatteryAlert()
    const b = await weakBatteryAlert()
    const c = await weakBatteryAlert()
    const noPart = await post(`/alerts/${a}/resolve`, { note: 'battery replaced', verdict: { outcome: 'confirmed' } })
    expect(noPart.statusCode).toBe(400)
    expect(noPart.json().message).toContain('/verdict/part')
    expect((await gw.app.inject({ url: `/alerts/${a}`, headers: auth })).json().alert.state).not.toBe('resolved')

    expect((await post(`/alerts/${a}/resolve`, { note: 'battery replaced', verdict: { outcome: 'confirmed', part: '12 V battery' } })).statusCode).toBe(200)
    expect((await post(`/alerts/${b}/resolve`, { note: 'load test passed', verdict: { outcome: 'false-alarm' } })).statusCode).toBe(200)
    expect((await post(`/alerts/${c}/resolve`, { note: 'vehicle not in the workshop' })).statusCode).toBe(200)
    // a verdict after the fact, on an already resolved alert
    expect((await post(`/alerts/${c}/verdict`, { outcome: 'not-verified' })).statusCode).toBe(200)

    const kpis = (await gw.app.inject({ url: '/kpis/rules', headers: auth })).json()
    const crank = kpis.rules.find((r: { ruleId: string }) => r.ruleId === 'lv-battery-crank-low')
    expect(crank).toMatchObject({ confirmed: 1, falseAlarm: 1, notVerified: 1, confirmedPrecision: 0.5 })
    expect(crank.weeks).toHaveLength(1)
    expect(crank.weeks[0].week).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(new Date(`${crank.weeks[0].week}T00:00:00Z`).getUTCDay()).toBe(1)
  })

  it('refuses a verdict on an alert that is not resolved yet', async () => {
    const open = await weakBatteryAlert()
    const res = await post(`/alerts/${open}/verdict`, { outcome: 'false-alarm' })
    expect(res.statusCode).toBe(409)
  })
})
