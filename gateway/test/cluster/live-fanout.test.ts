import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type TestGateway, api, connectVehicle, provision, publish, telemetryPayload, waitFor } from '../helper.js'
import { createUser, login, PASSWORD } from '../security/support.js'
import { type InProcessCluster, startInProcessCluster } from './cluster-env.js'

let gws: TestGateway[]

let cluster: InProcessCluster
beforeAll(async () => {
  cluster = await startInProcessCluster(['gw-a', 'gw-b', 'gw-c'])
  ;({ gws } = cluster)
}, 120_000)
afterAll(() => cluster?.close())

type Message = Record<string, unknown>
async function dashboard (gw: TestGateway, token: string, topics: string[]): Promise<{ ws: WebSocket, inbox: Message[] }> {
  const ws = new WebSocket(gw.httpUrl.replace('http', 'ws') + '/live')
  const inbox: Message[] = []
  ws.on('message', (raw) => inbox.push(...JSON.parse(String(raw)) as Message[]))
  await new Promise((resolve) => ws.once('open', resolve))
  ws.send(JSON.stringify({ type: 'auth', token }))
  for (const topic of topics) ws.send(JSON.stringify({ type: 'subscribe', topic }))
  await waitFor(() => inbox.filter((m) => m.type === 'subscribed').length === topics.length || undefined, 5000, 'subscriptions')
  return { ws, inbox }
}

const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
const alertOf = (m: Message): { vehicleId?: string, event?: string } | undefined => m.type === 'event' ? (m.payload as { vehicleId?: string, event?: string }) : undefined

describe('cluster: live dashboards see the whole fleet', () => {
  it('a dashboard on B receives the signals of a vehicle connected to A', async () => {
    const [a, b] = gws as [TestGateway, TestGateway]
    const v = await provision(a)
    const d = await dashboard(b, ADMIN_TOKEN, [`vehicle/${v.id}/signals`])
    const car = await connectVehicle(a.mqttUrl, v)
    // A learns within one interest period that B watches this vehicle; until then its samples are not relayed.
    let seq = 0
    const got = await waitFor(async () => {
      await publish(car, v.id, 'telemetry', telemetryPayload(++seq, Date.now(), [[signalId('Vehicle.Speed'), 40 + seq]]))
      return d.inbox.find((m) => m.type === 'signals' && m.vehicleId === v.id)
    }, 5000, 'relayed signals')
    expect(got).toMatchObject({ type: 'signals', vehicleId: v.id, values: [{ signalId: signalId('Vehicle.Speed') }] })
    car.end(true)
    d.ws.close()
  })

  it('a rule created through C raises on A, and the alert reaches B\'s dashboards in scope only', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const rule = { id: 'cluster-coolant', name: 'Coolant (cluster test)', enabled: true, severity: 'critical', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 130, clear: 120, forS: 60, clearForS: 60 } }
    expect((await api(c, '/rules', { method: 'POST', body: JSON.stringify(rule) })).status).toBe(201)
    await createUser(b, { username: 'support-eu', password: PASSWORD, role: 'support', regions: ['EU'] })
    const euDesk = await dashboard(b, await login(b, 'support-eu', PASSWORD), ['alerts'])
    const admin = await dashboard(b, ADMIN_TOKEN, ['alerts'])
    const us = await provision(a, { region: 'US' })
    const eu = await provision(a, { region: 'EU' })
    const hot = (seq: number, t0: number) => telemetryPayload(seq, t0, [0, 60_000, 120_000].map((o) => [signalId(COOLANT), 140, o] as [number, number, number]))
    const raised = (vehicleId: string) => async () => {
      const body = await (await api(b, `/alerts?vehicle=${vehicleId}`)).json() as { items: Array<{ ruleId: string }> }
      return body.items.find((x) => x.ruleId === rule.id)
    }
    // The rule reaches A's cache within a second of its creation on C.
    const usCar = await connectVehicle(a.mqttUrl, us)
    let seq = 0
    await waitFor(async () => {
      await publish(usCar, us.id, 'telemetry', hot(++seq, Date.now() - 3_600_000 + seq * 300_000))
      return raised(us.id)()
    }, 5000, 'rule loaded on A and raised for the US vehicle')
    const euCar = await connectVehicle(a.mqttUrl, eu)
    await publish(euCar, eu.id, 'telemetry', hot(1, Date.now() - 3_600_000))
    await waitFor(raised(eu.id), 5000, 'raised for the EU vehicle')

    const euAlert = await waitFor(() => euDesk.inbox.find((m) => alertOf(m)?.vehicleId === eu.id), 5000, 'EU alert on the EU desk at B')
    expect(alertOf(euAlert)?.event).toBe('alert.opened')
    // The US alert was relayed before the EU one (same instance, same bus, in order): the EU desk never got it.
    expect(euDesk.inbox.some((m) => alertOf(m)?.vehicleId === us.id)).toBe(false)
    await waitFor(() => admin.inbox.find((m) => alertOf(m)?.vehicleId === us.id), 5000, 'US alert on the admin desk at B')
    for (const x of [usCar, euCar]) x.end(true)
    for (const x of [euDesk, admin]) x.ws.close()
  })
})
