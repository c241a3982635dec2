import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../helper.js'
import { PASSWORD, createUser, liveAs, login } from './support.js'

let gw: TestGateway
let a: { id: string, password: string }
let b: { id: string, password: string }
let ownerA: string

const live = (token: string) => liveAs(gw, token)

async function raise (vin: string, ruleId: string): Promise<void> {
  const v = await gw.app.vehicles.get(vin)
  if (v === undefined) throw new Error('no vehicle')
  const t = Date.now() - 1000
  await gw.app.alerts.service.applyRuleTransitions({ key: v.key, id: v.id }, [{ ruleId, severity: 'major', kind: 'raise', atMs: t, confirmedAtMs: t, value: 1, detail: { reason: 'test', threshold: 0, observed: 1 } }])
}

beforeAll(async () => {
  gw = await startGateway({ DATA_POLICY: '{"EU":{"positionDecimals":2}}', LIVE_TOKEN_RECHECK_S: '1' })
  a = await provision(gw, { fleet: 'live-a', region: 'EU' })
  b = await provision(gw, { fleet: 'live-b', region: 'EU' })
  await createUser(gw, { username: 'live-owner-a', password: PASSWORD, role: 'fleet_owner', tenantId: 'live-tenant-a', fleets: ['live-a'] })
  ownerA = await login(gw, 'live-owner-a', PASSWORD)
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

describe('live channel authorisation', () => {
  it('a fleet owner may subscribe to its own vehicles only; another tenant\'s vehicle looks like a missing one', async () => {
    const s = await live(ownerA)
    s.send({ type: 'subscribe', topic: `vehicle/${b.id}/signals` })
    s.send({ type: 'subscribe', topic: `vehicle/${b.id}/presence` })
    s.send({ type: 'subscribe', topic: 'vehicle/WVWZZZ1JZXW999997/signals' })
    s.send({ type: 'subscribe', topic: `vehicle/${a.id}/signals` })
    const errors = [await s.next((m) => m.type === 'error'), await s.next((m) => m.type === 'error'), await s.next((m) => m.type === 'error')]
    expect(errors.map((e) => e.code)).toEqual(['GW_LIVE_NOT_FOUND', 'GW_LIVE_NOT_FOUND', 'GW_LIVE_NOT_FOUND'])
    expect(await s.next((m) => m.type === 'subscribed')).toEqual({ type: 'subscribed', topic: `vehicle/${a.id}/signals` })
    s.close()
  })

  it('the alerts topic carries only alerts of vehicles in the subscriber\'s scope', async () => {
    const owner = await live(ownerA)
    const admin = await live(ADMIN_TOKEN)
    for (const s of [owner, admin]) {
      s.send({ type: 'subscribe', topic: 'alerts' })
      await s.next((m) => m.type === 'subscribed')
    }
    await raise(b.id, 'live-rule-b')
    await raise(a.id, 'live-rule-a')
    const forAdmin = [await admin.next((m) => m.topic === 'alerts'), await admin.next((m) => m.topic === 'alerts')]
    expect(forAdmin.map((m) => (m.payload as { vehicleId: string }).vehicleId).sort()).toEqual([a.id, b.id].sort())
    const forOwner = await owner.next((m) => m.topic === 'alerts')
    expect((forOwner.payload as { vehicleId: string }).vehicleId).toBe(a.id)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(owner.inbox.filter((m) => m.topic === 'alerts')).toEqual([])
    owner.close()
    admin.close()
  })

  it('positions go out at the region\'s precision', async () => {
    const s = await live(ownerA)
    s.send({ type: 'subscribe', topic: `vehicle/${a.id}/signals` })
    await s.next((m) => m.type === 'subscribed')
    const car = await connectVehicle(gw.mqttUrl, a)
    await publish(car, a.id, 'telemetry', telemetryPayload(1, Date.now() - 500, [[3, 52.520_008], [4, 13.404_954], [1, 42.123]]))
    const m = await s.next((x) => x.type === 'signals')
    const values = Object.fromEntries((m.values as Array<{ signalId: number, value: number }>).map((v) => [v.signalId, v.value]))
    expect(values).toEqual({ 3: 52.52, 4: 13.4, 1: 42.123 })
    car.end(true)
    s.close()
  })

  it('an open connection is closed once its token is revoked', async () => {
    const token = await login(gw, 'live-owner-a', PASSWORD)
    const s = await live(token)
    const t0 = Date.now()
    const out = await fetch(`${gw.httpUrl}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    expect(out.status).toBe(204)
    expect((await s.closed).code).toBe(4001)
    expect(Date.now() - t0).toBeLessThan(3000)
  })
})
