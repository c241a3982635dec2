import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import pg from 'pg'
import { fleetwire, signalId, vehicleTopic } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, closed, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { RedisServer } from '../../scripts/cluster/redis-server.js'
import { clusterEnv } from './cluster-env.js'

/** Three gateway instances (in this process) on one PostgreSQL database and one Redis. */
let redis: RedisServer
let db: TestDatabase
let gws: TestGateway[]
const env = (id: string) => clusterEnv(redis.url, id, { DIAG_TIMEOUT_MS: '3000' })

beforeAll(async () => {
  redis = await RedisServer.start()
  db = await createTestDatabase()
  gws = []
  for (const id of ['gw-a', 'gw-b', 'gw-c']) gws.push(await startGateway(env(id), db.url))
}, 120_000)
afterAll(async () => {
  for (const g of gws) await g.close()
  await db.drop()
  await redis.close()
})

async function vehicleRow (id: string): Promise<{ connected: boolean, instance_id: string | null }> {
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  try {
    const { rows } = await c.query<{ connected: boolean, instance_id: string | null }>('SELECT connected, instance_id FROM vehicles WHERE vehicle_id = $1', [id])
    if (rows[0] === undefined) throw new Error(`no vehicle ${id}`)
    return rows[0]
  } finally {
    await c.end()
  }
}

/** A telematics unit that answers read-data requests with its VIN, subscribed and born (awake). */
async function answeringVehicle (gw: TestGateway, v: Provisioned): Promise<MqttClient> {
  const c = await connectVehicle(gw.mqttUrl, v)
  await new Promise((resolve) => c.subscribe(vehicleTopic(v.id, 'cmd/req'), { qos: 1 }, resolve))
  c.on('message', (_t, payload) => {
    const r = fleetwire.v1.CommandRequest.decode(payload)
    c.publish(vehicleTopic(v.id, 'cmd/res'), Buffer.from(fleetwire.v1.CommandResponse.encode({ correlationId: r.correlationId, readData: { did: r.readData?.did ?? 0, value: Buffer.from(v.id), text: v.id } }).finish()), { qos: 1 })
  })
  await publish(c, v.id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE, ignitionOn: false }).finish()))
  return c
}

describe('cluster: presence and routing across three instances', () => {
  it('a command through B reaches the vehicle on A and its answer comes back to B; a queued one through C goes out when the vehicle connects to A', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const v = await provision(a)
    const client = await answeringVehicle(a, v)
    const res = await api(b, `/vehicles/${v.id}/diagnostics/read-data`, { method: 'POST', body: JSON.stringify({ did: 0xf190 }) })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ result: { kind: 'read_data', text: v.id } })
    client.end(true)

    const w = await provision(a)
    await waitFor(async () => !(await vehicleRow(v.id)).connected || undefined, 5000, 'first vehicle offline')
    const queued = await api(c, `/vehicles/${w.id}/diagnostics/read-data`, { method: 'POST', body: JSON.stringify({ did: 0xf190, queue: { expiresInS: 60 } }) })
    expect(queued.status).toBe(202)
    const { commandId } = await queued.json() as { commandId: string }
    const wc = await answeringVehicle(a, w)
    await waitFor(async () => {
      const list = await (await api(b, `/vehicles/${w.id}/diagnostics/commands`)).json() as Array<{ commandId: string, status: string }>
      return list.find((x) => x.commandId === commandId && x.status === 'succeeded')
    }, 10_000, 'queued command answered')
    wc.end(true)
  })

  it('credentials revoked through C disconnect the vehicle on A within a second, and A refuses it afterwards', async () => {
    const [a, , c] = gws as [TestGateway, TestGateway, TestGateway]
    const v = await provision(a)
    const client = await connectVehicle(a.mqttUrl, v)
    // Warm A's credential cache: the revocation must reach a cached copy.
    expect(a.app.vehicles.isConnected((await a.app.vehicles.get(v.id))!.key)).toBe(true)
    const t0 = Date.now()
    expect((await api(c, `/vehicles/${v.id}/credentials/revoke`, { method: 'POST', headers: { 'content-type': 'text/plain' } })).status).toBeLessThan(300)
    await closed(client)
    expect(Date.now() - t0).toBeLessThan(1000)
    await expect(connectVehicle(a.mqttUrl, v)).rejects.toThrow()
  })

  it('a client id connecting to B while connected to A takes over: A drops the old session, and its close leaves the vehicle online on B', async () => {
    const [a, b] = gws as [TestGateway, TestGateway]
    const v = await provision(a)
    const onA = await connectVehicle(a.mqttUrl, v)
    await publish(onA, v.id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE }).finish()))
    await waitFor(async () => (await vehicleRow(v.id)).instance_id === 'gw-a' || undefined, 5000, 'session on A')
    const onB = await connectVehicle(b.mqttUrl, v)
    await closed(onA)
    await publish(onB, v.id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 2, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE }).finish()))
    const key = (await a.app.vehicles.get(v.id))!.key
    await waitFor(() => !a.app.vehicles.isConnected(key) || undefined, 5000, 'A forgot the old session')
    await waitFor(async () => {
      const r = await vehicleRow(v.id)
      return r.connected && r.instance_id === 'gw-b' ? r : undefined
    }, 5000, 'online on B')
    // A synchronous command through A reaches the vehicle now on B.
    onB.subscribe(vehicleTopic(v.id, 'cmd/req'), { qos: 1 })
    onB.on('message', (_t, payload) => {
      const r = fleetwire.v1.CommandRequest.decode(payload)
      onB.publish(vehicleTopic(v.id, 'cmd/res'), Buffer.from(fleetwire.v1.CommandResponse.encode({ correlationId: r.correlationId, readData: { did: 1, value: Buffer.from('x'), text: 'x' } }).finish()), { qos: 1 })
    })
    await new Promise((resolve) => setTimeout(resolve, 200)) // SUBACK travels; the subscription registers on Redis right after
    const res = await api(a, `/vehicles/${v.id}/diagnostics/read-data`, { method: 'POST', body: JSON.stringify({ did: 1 }) })
    expect(res.status).toBe(200)
    onB.end(true)
  })

  it('restarting A marks only its own vehicles offline; B\'s and C\'s stay online', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const onA = await provision(a)
    const onB = await provision(a)
    const onC = await provision(a)
    const clients = [await answeringVehicle(a, onA), await answeringVehicle(b, onB), await answeringVehicle(c, onC)]
    for (const v of [onA, onB, onC]) await waitFor(async () => (await vehicleRow(v.id)).connected || undefined, 5000, 'online')
    await a.close()
    gws[0] = await startGateway(env('gw-a'), db.url)
    expect((await vehicleRow(onA.id)).connected).toBe(false)
    expect((await vehicleRow(onB.id)).connected).toBe(true)
    expect((await vehicleRow(onC.id)).connected).toBe(true)
    for (const cl of clients) cl.end(true)
  })

  it('a vehicle\'s rule state follows it: a window opened on A raises on B', async () => {
    const [a, b] = gws as [TestGateway, TestGateway]
    const COOLANT = signalId('Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature')
    const rule = { id: 'handoff-coolant', name: 'Coolant (hand-over test)', enabled: true, severity: 'major', signal: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature', kind: { type: 'threshold', op: 'above', raise: 125, clear: 115, forS: 60, clearForS: 60 } }
    expect((await api(a, '/rules', { method: 'POST', body: JSON.stringify(rule) })).status).toBe(201)
    await waitFor(() => b.app.rules.service.ruleIds().includes(rule.id) || undefined, 2000, 'rule on B')
    const v = await provision(a)
    const t0 = Date.now() - 3_600_000
    const alerts = async () => ((await (await api(a, `/alerts?vehicle=${v.id}`)).json()) as { items: Array<{ ruleId: string }> }).items.filter((x) => x.ruleId === rule.id).length
    const onA = await connectVehicle(a.mqttUrl, v)
    await publish(onA, v.id, 'telemetry', telemetryPayload(1, t0, [[COOLANT, 130, 0], [COOLANT, 130, 30_000]]))
    onA.end(true)
    const key = (await a.app.vehicles.get(v.id))!.key
    // The close on A saves the vehicle's state; B loads it when the vehicle authenticates there.
    await waitFor(async () => {
      const c = new pg.Client({ connectionString: db.url })
      await c.connect()
      try {
        const { rows } = await c.query<{ state: { rules?: Record<string, unknown> } }>('SELECT state FROM rule_state WHERE vehicle_key = $1', [key])
        return rows[0]?.state.rules?.[rule.id]
      } finally {
        await c.end()
      }
    }, 5000, 'state saved by A')
    const onB = await connectVehicle(b.mqttUrl, v)
    await publish(onB, v.id, 'telemetry', telemetryPayload(2, t0 + 90_000, [[COOLANT, 130]]))
    await waitFor(async () => (await alerts()) === 1 || undefined, 5000, 'raised on B from the window opened on A')
    onB.end(true)
  })
})
