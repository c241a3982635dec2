import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import pg from 'pg'
import { fleetwire, signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, connectVehicle, provision, publish, telemetryPayload, waitFor } from '../helper.js'
import type { TestDatabase } from '../support/postgres.js'
import { stillAbsentHere } from '../../src/cluster/rules-sharing.js'
import { type InProcessCluster, startInProcessCluster } from './cluster-env.js'

/** Rules across three instances (in this process) on one PostgreSQL database and one Redis. */
let db: TestDatabase
let gws: TestGateway[]
const COOLANT_NAME = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
const COOLANT = signalId(COOLANT_NAME)

let cluster: InProcessCluster
beforeAll(async () => {
  cluster = await startInProcessCluster(['gw-a', 'gw-b', 'gw-c'])
  ;({ db, gws } = cluster)
}, 120_000)
afterAll(() => cluster?.close())

async function createRule (rule: Record<string, unknown>): Promise<void> {
  expect((await api(gws[0]!, '/rules', { method: 'POST', body: JSON.stringify(rule) })).status).toBe(201)
  for (const g of gws) await waitFor(() => g.app.rules.service.ruleIds().includes(rule.id as string) || undefined, 3000, `rule ${String(rule.id)} everywhere`)
}
async function alertsOf (vehicleId: string, ruleId: string): Promise<number> {
  const body = await (await api(gws[1]!, `/alerts?vehicle=${vehicleId}`)).json() as { items: Array<{ ruleId: string }> }
  return body.items.filter((x) => x.ruleId === ruleId).length
}
async function awake (c: MqttClient, id: string): Promise<void> {
  await publish(c, id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE, ignitionOn: true }).finish()))
}
async function isConnected (id: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  try {
    return (await c.query<{ connected: boolean }>('SELECT connected FROM vehicles WHERE vehicle_id = $1', [id])).rows[0]?.connected === true
  } finally {
    await c.end()
  }
}
/** One cluster-wide silence check on an instance, as its timer runs it. */
const checkParked = (g: TestGateway) => g.app.rules.service.checkParkedSilence((keys) => stillAbsentHere(g.app.storage.pool, g.app.cluster.instanceId, keys))

describe('cluster: rules see the whole fleet', () => {
  it('a cohort rule on A compares its vehicle to peers held by B and C (too few on A alone)', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const ruleId = 'cohort-coolant-cluster'
    await createRule({ id: ruleId, name: 'Coolant vs fleet (cluster test)', enabled: true, severity: 'major', signal: COOLANT_NAME, kind: { type: 'cohort', op: 'above', k: 4, clearK: 2, minStd: 1, minCohort: 5 } })
    // The outlier and one peer on A; two peers each on B and C: 5 others only when B's and C's count.
    const placement: Array<[TestGateway, number]> = [[a, 130], [a, 90], [b, 91], [b, 89], [c, 90.5], [c, 89.5]]
    const cars: Array<{ v: Provisioned, cl: MqttClient, value: number }> = []
    for (const [g, value] of placement) {
      const v = await provision(a)
      cars.push({ v, cl: await connectVehicle(g.mqttUrl, v), value })
    }
    let seq = 0
    const round = async (which: typeof cars) => {
      seq++
      for (const x of which) await publish(x.cl, x.v.id, 'telemetry', telemetryPayload(seq, Date.now(), [[COOLANT, x.value]]))
    }
    await round(cars)
    const outlier = cars[0]!
    // Each instance shares its cohort every 2 s; the outlier's next samples are judged against the merged fleet.
    await waitFor(async () => {
      await round([outlier])
      return (await alertsOf(outlier.v.id, ruleId)) === 1 || undefined
    }, 15_000, 'cohort raise on A against peers on B and C')
    for (const x of cars.slice(1)) expect(await alertsOf(x.v.id, ruleId)).toBe(0)
    for (const x of cars) x.cl.end(true)
  }, 60_000)

  it('silence: a vehicle gone from the whole cluster raises once; one that moved A→B within its window raises nothing', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const ruleId = 'silence-cluster'
    await createRule({ id: ruleId, name: 'Vehicle silent (cluster test)', enabled: true, severity: 'major', kind: { type: 'silence', afterS: 1 } })
    const mover = await provision(a)
    const gone = await provision(a)
    // The mover's last data on A comes before the vanishing vehicle's: any check on A that raises for `gone` has judged the mover too.
    const moverOnA = await connectVehicle(a.mqttUrl, mover)
    await awake(moverOnA, mover.id)
    await publish(moverOnA, mover.id, 'telemetry', telemetryPayload(1, Date.now(), [[COOLANT, 90]]))
    const goneOnA = await connectVehicle(a.mqttUrl, gone)
    await awake(goneOnA, gone.id)
    await publish(goneOnA, gone.id, 'telemetry', telemetryPayload(1, Date.now(), [[COOLANT, 90]]))
    moverOnA.end(true)
    goneOnA.end(true)
    await waitFor(async () => !(await isConnected(mover.id)) || undefined, 5000, 'mover left A')
    // Back within its window, on B, and talking there.
    const moverOnB = await connectVehicle(b.mqttUrl, mover)
    await awake(moverOnB, mover.id)
    let seq = 1
    const talk = setInterval(() => void publish(moverOnB, mover.id, 'telemetry', telemetryPayload(++seq, Date.now(), [[COOLANT, 90]])).catch(() => {}), 250)
    try {
      await waitFor(async () => {
        await checkParked(a)
        return (await alertsOf(gone.id, ruleId)) === 1 || undefined
      }, 15_000, 'silence alert for the vehicle that vanished')
      // More checks everywhere, past the moment: still one alert for it, none for the mover.
      for (const g of [a, b, c]) await checkParked(g)
      expect(await alertsOf(gone.id, ruleId)).toBe(1)
      expect(await alertsOf(mover.id, ruleId)).toBe(0)
    } finally {
      clearInterval(talk)
      moverOnB.end(true)
    }
  }, 60_000)

  it('silence: the vehicles of an instance that shut down are taken over by the one that sweeps its lease, and one that never returns raises once', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const ruleId = 'silence-cluster' // created by the test above
    const stranded = await provision(a)
    const onC = await connectVehicle(c.mqttUrl, stranded)
    await awake(onC, stranded.id)
    await publish(onC, stranded.id, 'telemetry', telemetryPayload(1, Date.now(), [[COOLANT, 90]]))
    await waitFor(async () => await isConnected(stranded.id) || undefined, 5000, 'vehicle born on C')
    // C shuts down gracefully (its parked vehicles go with it), and the vehicle does not come back.
    gws.splice(2, 1)
    await c.close()
    onC.end(true)
    await waitFor(async () => {
      for (const g of [a, b]) await checkParked(g)
      return (await alertsOf(stranded.id, ruleId)) === 1 || undefined
    }, 20_000, 'silence alert for the vehicle left by the instance that shut down')
    for (const g of [a, b]) await checkParked(g)
    expect(await alertsOf(stranded.id, ruleId)).toBe(1)
  }, 60_000)
})
