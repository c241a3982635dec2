import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vehicleTopic } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, closed, connectVehicle, provision, startGateway, waitFor } from '../helper.js'

let gw: TestGateway
let car: Provisioned

beforeAll(async () => {
  gw = await startGateway()
  car = await provision(gw)
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

/** mqtt.js reports a refused CONNECT as an error carrying the return code. */
async function refusal (p: Promise<unknown>): Promise<number | undefined> {
  const err = await p.then(() => undefined, (e: { code?: number }) => e)
  return err?.code
}

describe('vehicle authentication over MQTT/TCP', () => {
  it('accepts the vehicle with its own credentials', async () => {
    const c = await connectVehicle(gw.mqttUrl, car)
    expect(c.connected).toBe(true)
    c.end(true)
  })

  it('refuses a wrong password with return code 4', async () => {
    expect(await refusal(connectVehicle(gw.mqttUrl, { ...car, password: 'not-the-secret' }))).toBe(4)
  })

  it('refuses an unknown vehicle', async () => {
    expect(await refusal(connectVehicle(gw.mqttUrl, { id: 'WVWZZZ1JZXW000001', password: car.password }))).toBe(4)
  })

  it('refuses a username that is not the client id', async () => {
    expect(await refusal(connectVehicle(gw.mqttUrl, car, { username: 'someone-else' }))).toBe(4)
  })

  it.each(['+', '#', 'a/b', 'TST00000000000+01'])('refuses client id %j (wildcards and separators cannot reach an ACL)', async (clientId) => {
    expect(await refusal(connectVehicle(gw.mqttUrl, car, { clientId }))).toBe(2)
  })

  it('a second connection with the same id but other credentials does not take over the session', async () => {
    const owner = await connectVehicle(gw.mqttUrl, car)
    let closes = 0
    owner.on('close', () => { closes++ })
    expect(await refusal(connectVehicle(gw.mqttUrl, { ...car, password: 'stolen?' }))).toBe(4)
    // A round trip on the owner's connection after the refusal: the broker still serves it, and it never closed.
    await new Promise<void>((resolve, reject) => owner.subscribe(vehicleTopic(car.id, 'cmd/req'), { qos: 1 }, (err) => err ? reject(err) : resolve()))
    expect(closes).toBe(0)
    expect(owner.connected).toBe(true)
    owner.end(true)
  })

  it('revoking disconnects the vehicle and refuses it from then on', async () => {
    const victim = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, victim)
    const gone = closed(c)
    const res = await api(gw, `/vehicles/${victim.id}/credentials/revoke`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(204)
    await gone
    expect(await refusal(connectVehicle(gw.mqttUrl, victim))).toBe(5)
  })

  it('rotating issues a new secret: the old one stops working', async () => {
    const v = await provision(gw)
    const res = await api(gw, `/vehicles/${v.id}/credentials/rotate`, { method: 'POST', body: '{}' })
    const fresh = await res.json() as { password: string }
    expect(await refusal(connectVehicle(gw.mqttUrl, v))).toBe(4)
    const c = await connectVehicle(gw.mqttUrl, { id: v.id, password: fresh.password })
    c.end(true)
  })

  it('works over WebSocket on /mqtt as well', async () => {
    const c = await connectVehicle(gw.wsUrl, car)
    expect(c.connected).toBe(true)
    c.end(true)
    expect(await refusal(connectVehicle(gw.wsUrl, { ...car, password: 'nope' }))).toBe(4)
  })

  it('shows the vehicle online while connected and offline after', async () => {
    const c = await connectVehicle(gw.mqttUrl, car)
    c.end(true)
    const v = await waitFor(async () => {
      const body = await (await api(gw, `/vehicles/${car.id}`)).json() as { online: boolean }
      return body.online ? undefined : body
    }, 5000, 'offline')
    expect(v.online).toBe(false)
  })
})
