import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ADMIN_TOKEN, type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../helper.js'
import { PASSWORD, createUser, login } from './support.js'

let gw: TestGateway
let a: { id: string, password: string }
let b: { id: string, password: string }
let ownerA: string

interface Live { closed: Promise<number>, send(m: object): void, next(pred: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>, inbox: Array<Record<string, unknown>>, close(): void }

async function live (token: string): Promise<Live> {
  const ws = new WebSocket(`${gw.httpUrl.replace('http', 'ws')}/live`)
  const inbox: Array<Record<string, unknown>> = []
  ws.on('message', (raw) => inbox.push(...JSON.parse(String(raw)) as Array<Record<string, unknown>>))
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject) })
  const next = async (pred: (m: Record<string, unknown>) => boolean, timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs
    for (;;) {
      const i = inbox.findIndex(pred)
      if (i >= 0) return inbox.splice(i, 1)[0] as Record<string, unknown>
      if (Date.now() > until) throw new Error(`no matching live message in ${JSON.stringify(inbox)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  const l = { closed, send: (m: object) => ws.send(JSON.stringify(m)), next, inbox, close: () => ws.close() }
  l.send({ type: 'auth', token })
  await next((m) => m.type === 'ready')
  return l
}

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
    expect(await s.closed).toBe(4001)
    expect(Date.now() - t0).toBeLessThan(3000)
  })
})
