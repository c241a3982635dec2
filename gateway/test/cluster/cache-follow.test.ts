import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, api, connectVehicle, provision, publish, telemetryPayload, waitFor } from '../helper.js'
import { signalId } from '@fleetwire/proto'
import { type LiveConnection, PASSWORD, call, createUser, liveAs, login, serviceToken } from '../security/support.js'
import { RedisServer } from '../../scripts/cluster/redis-server.js'
import { type InProcessCluster, startInProcessCluster } from './cluster-env.js'

/**
 * Three gateway instances (in this process) on one PostgreSQL and one Redis.
 * The periodic live re-check is an hour away: whatever reaches a dashboard
 * here came through the change announcement.
 */
const FOLLOW_MS = 2000
let redis: RedisServer
let gws: TestGateway[]

let cluster: InProcessCluster
beforeAll(async () => {
  cluster = await startInProcessCluster(['gw-a', 'gw-b', 'gw-c'], { LIVE_TOKEN_RECHECK_S: '3600' })
  ;({ redis, gws } = cluster)
}, 120_000)
afterAll(() => cluster?.close())

async function closedWithin (l: LiveConnection, ms: number): Promise<{ code: number, reason: string }> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms) })
  try {
    return await Promise.race([l.closed, late])
  } finally {
    clearTimeout(timer)
  }
}

describe('cluster: tenant, user and token changes reach open dashboards on every instance', () => {
  it('a tenant loses a fleet through C: the dashboard on B is told its vehicle topic was dropped', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const v = await provision(a, { fleet: 'fleet-x' })
    await createUser(b, { username: 'owner-x', password: PASSWORD, role: 'fleet_owner', tenantId: 'tenant-x', fleets: ['fleet-x', 'fleet-y'] })
    const live = await liveAs(b, await login(b, 'owner-x', PASSWORD))
    const topic = `vehicle/${v.id}/signals`
    live.send({ type: 'subscribe', topic })
    await live.next((m) => m.type === 'subscribed' && m.topic === topic)

    const r = await call(c, 'PUT', '/tenants/tenant-x', { body: { fleets: ['fleet-y'] } })
    expect(r.status).toBe(200)
    const dropped = await live.next((m) => m.type === 'dropped', FOLLOW_MS)
    expect(dropped).toMatchObject({ topics: [topic], code: 'GW_LIVE_OUT_OF_SCOPE' })
    live.close()
  })

  it('a service token revoked through C closes its live socket on B with 4001', async () => {
    const [b, c] = [gws[1], gws[2]] as [TestGateway, TestGateway]
    const t = await serviceToken(c)
    const live = await liveAs(b, t.token)
    expect((await call(c, 'DELETE', `/tokens/${t.id}`)).status).toBe(204)
    expect((await closedWithin(live, FOLLOW_MS)).code).toBe(4001)
  })

  it('a token revoked through the instance that holds its live socket closes it at once too', async () => {
    const b = gws[1] as TestGateway
    const t = await serviceToken(b)
    const live = await liveAs(b, t.token)
    expect((await call(b, 'DELETE', `/tokens/${t.id}`)).status).toBe(204)
    expect((await closedWithin(live, FOLLOW_MS)).code).toBe(4001)
  })

  it('a log-out through C closes the same token\'s live socket on B with 4001', async () => {
    const [b, c] = [gws[1], gws[2]] as [TestGateway, TestGateway]
    await createUser(c, { username: 'desk-logout', password: PASSWORD, role: 'support' })
    const token = await login(c, 'desk-logout', PASSWORD)
    const live = await liveAs(b, token)
    expect((await call(c, 'POST', '/auth/logout', { token })).status).toBe(204)
    expect((await closedWithin(live, FOLLOW_MS)).code).toBe(4001)
  })
})

const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'

describe('cluster: model catalog edits reach every instance', () => {
  it('a model edited through B is served by A and used by the rules evaluating A\'s vehicles', async () => {
    const [a, b] = gws as [TestGateway, TestGateway]
    const put = async (gw: TestGateway, coolantWarnC: number) => {
      const res = await api(gw, '/models/CF-1', { method: 'PUT', body: JSON.stringify({ powertrain: 'ICE', coolantWarnC }) })
      expect(res.status).toBe(200)
    }
    // Catalogued through A: A's own copy says 140 °C.
    await put(a, 140)
    // Without a catalogued limit the rule would need 200 °C: an alert at 120 °C can only come from the model.
    const rule = { id: 'cf-coolant', name: 'Coolant over the model limit (cluster test)', enabled: true, severity: 'major', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 200, clear: 190, forS: 0, clearForS: 60, modelLimit: { field: 'coolantWarnC', clearMargin: 5 } } }
    expect((await api(a, '/rules', { method: 'POST', body: JSON.stringify(rule) })).status).toBe(201)
    const v = await provision(a, { model: 'CF-1' })
    const car = await connectVehicle(a.mqttUrl, v)

    await put(b, 100)
    const served = await waitFor(async () => {
      const m = await (await api(a, '/models/CF-1')).json() as { spec: { coolantWarnC?: number } }
      return m.spec.coolantWarnC === 100 ? m : undefined
    }, FOLLOW_MS, 'the edit through B served by A')
    expect(served.spec).toEqual({ powertrain: 'ICE', coolantWarnC: 100 })

    let seq = 0
    const alert = await waitFor(async () => {
      await publish(car, v.id, 'telemetry', telemetryPayload(++seq, Date.now() - 60_000 + seq * 1000, [[signalId(COOLANT), 120]]))
      const body = await (await api(a, `/alerts?vehicle=${v.id}`)).json() as { items: Array<{ ruleId: string }> }
      return body.items.find((x) => x.ruleId === rule.id)
    }, 5000, 'the rule on A raised at the edited limit')
    expect(alert.ruleId).toBe(rule.id)
    car.end(true)
  })
})

describe('cluster: changes made while Redis is down', () => {
  it('reach the dashboards and model catalogs of other instances when Redis returns', async () => {
    const [a, b, c] = gws as [TestGateway, TestGateway, TestGateway]
    const v = await provision(a, { fleet: 'fleet-z' })
    await createUser(b, { username: 'owner-z', password: PASSWORD, role: 'fleet_owner', tenantId: 'tenant-z', fleets: ['fleet-z', 'fleet-w'] })
    const live = await liveAs(b, await login(b, 'owner-z', PASSWORD))
    const topic = `vehicle/${v.id}/signals`
    live.send({ type: 'subscribe', topic })
    await live.next((m) => m.type === 'subscribed' && m.topic === topic)
    expect((await api(a, '/models/CF-2', { method: 'PUT', body: JSON.stringify({ powertrain: 'BEV', coolantWarnC: 95 }) })).status).toBe(200)
    await waitFor(async () => (await api(c, '/models/CF-2')).status === 200 || undefined, FOLLOW_MS, 'CF-2 on C')

    await redis.stop()
    try {
      // Both changes are made and stored; their announcements are lost.
      expect((await call(c, 'PUT', '/tenants/tenant-z', { body: { fleets: ['fleet-w'] } })).status).toBe(200)
      expect((await api(c, '/models/CF-2', { method: 'PUT', body: JSON.stringify({ powertrain: 'BEV', coolantWarnC: 80 }) })).status).toBe(200)
    } finally {
      await redis.restart()
    }
    // Each instance reconnects within its retry period (at most a second), then catches up.
    const dropped = await live.next((m) => m.type === 'dropped', 10_000)
    expect(dropped).toMatchObject({ topics: [topic] })
    await waitFor(async () => {
      const m = await (await api(a, '/models/CF-2')).json() as { spec: { coolantWarnC?: number } }
      return m.spec.coolantWarnC === 80 || undefined
    }, 10_000, 'the edit made during the outage served by A')
    live.close()
  })
})
