import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type TestGateway, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../helper.js'

let gw: TestGateway
beforeAll(async () => { gw = await startGateway() })
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

interface Session {
  ws: WebSocket
  next(pred: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>
  closed: Promise<number>
}

function open (): Promise<Session> {
  const ws = new WebSocket(gw.httpUrl.replace('http', 'ws') + '/live')
  const inbox: Array<Record<string, unknown>> = []
  const waiters: Array<() => void> = []
  ws.on('message', (raw) => {
    inbox.push(...JSON.parse(String(raw)) as Array<Record<string, unknown>>)
    for (const w of waiters.splice(0)) w()
  })
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  async function next (pred: (m: Record<string, unknown>) => boolean, timeoutMs = 5000) {
    const until = Date.now() + timeoutMs
    for (;;) {
      const i = inbox.findIndex(pred)
      if (i >= 0) return inbox.splice(i, 1)[0] as Record<string, unknown>
      if (Date.now() > until) throw new Error(`no matching live message; got ${JSON.stringify(inbox)}`)
      await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, 50) })
    }
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, next, closed }))
    ws.once('error', reject)
  })
}

describe('live channel /live', () => {
  it('streams a vehicle\'s committed samples to a subscribed dashboard', async () => {
    const s = await open()
    s.ws.send(JSON.stringify({ type: 'auth', token: ADMIN_TOKEN }))
    await s.next((m) => m.type === 'ready')
    const v = await provision(gw)
    s.ws.send(JSON.stringify({ type: 'subscribe', topic: `vehicle/${v.id}/signals` }))
    await s.next((m) => m.type === 'subscribed')
    const car = await connectVehicle(gw.mqttUrl, v)
    const t = Date.now() - 1000
    await publish(car, v.id, 'telemetry', telemetryPayload(1, t, [[signalId('Vehicle.Speed'), 42.5]]))
    const m = await s.next((x) => x.type === 'signals')
    expect(m).toEqual({ type: 'signals', vehicleId: v.id, values: [{ signalId: signalId('Vehicle.Speed'), tsMs: t, value: 42.5 }] })
    car.end(true)
    s.ws.close()
  })

  it('closes the socket when the token is wrong', async () => {
    const s = await open()
    s.ws.send(JSON.stringify({ type: 'auth', token: 'nope' }))
    expect(await s.closed).toBe(4001)
  })

  it('answers garbage and unknown topics with a precise error and stays open', async () => {
    const s = await open()
    s.ws.send('not json')
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_BAD_MESSAGE' })
    s.ws.send(JSON.stringify({ type: 'subscribe', topic: 'alerts' }))
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_UNAUTHENTICATED' })
    s.ws.send(JSON.stringify({ type: 'auth', token: ADMIN_TOKEN }))
    await s.next((m) => m.type === 'ready')
    s.ws.send(JSON.stringify({ type: 'subscribe', topic: 'everything' }))
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_BAD_TOPIC' })
    expect(s.ws.readyState).toBe(WebSocket.OPEN)
    s.ws.close()
  })
})
