import { signalByName } from '@fleetwire/proto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type TestGateway, startGateway, testVin } from '../helper.js'

let gw: TestGateway
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }

beforeAll(async () => {
  gw = await startGateway()
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

describe('vehicle routes', () => {
  it('refuses requests without a valid token with 401 and a JSON error', async () => {
    const none = await gw.app.inject({ url: '/vehicles' })
    expect(none.statusCode).toBe(401)
    expect(none.json()).toEqual({ code: 'GW_ERR_UNAUTHORIZED', message: 'a valid bearer token is required' })
    expect((await gw.app.inject({ url: '/vehicles', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401)
  })

  it('registers a vehicle and shows its secret once', async () => {
    const id = testVin()
    const res = await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload: { id, model: 'FW-P2', region: 'LATAM', fleet: 'rent-mx', timeZone: 'America/Mexico_City' } })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.credentials.username).toBe(id)
    expect(body.credentials.password.length).toBeGreaterThanOrEqual(40)
    const got = await gw.app.inject({ url: `/vehicles/${id}`, headers: auth })
    expect(got.json()).toMatchObject({ id, model: 'FW-P2', region: 'LATAM', timeZone: 'America/Mexico_City', online: false, revoked: false })
    expect(JSON.stringify(got.json())).not.toContain(body.credentials.password)
  })

  it('refuses a duplicate id with 409', async () => {
    const id = testVin()
    const payload = { id, model: 'FW-E1', region: 'EU', fleet: 'f' }
    expect((await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload })).statusCode).toBe(201)
    const dup = await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().code).toBe('GW_VEHICLE_EXISTS')
  })

  it.each([
    [{ id: 'SHORT', model: 'm', region: 'EU', fleet: 'f' }, 'id'],
    [{ id: 'WVWZZZ1JZXW00000I', model: 'm', region: 'EU', fleet: 'f' }, 'id'],
    [{ id: testVin(), region: 'EU', fleet: 'f' }, 'model'],
    [{ id: testVin(), model: 'm', region: 'EU', fleet: 'f', colour: 'red' }, 'additional'],
  ])('refuses an invalid body with 400 naming the field (%#)', async (payload, field) => {
    const res = await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('GW_ERR_INVALID_INPUT')
    expect(res.json().message).toContain(field)
  })

  it('lists with filters and pagination', async () => {
    for (const region of ['SEA', 'SEA', 'AU']) {
      await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload: { id: testVin(), model: 'FW-E1', region, fleet: 'list-test' } })
    }
    const sea = await gw.app.inject({ url: '/vehicles?region=SEA&fleet=list-test', headers: auth })
    expect(sea.json().total).toBe(2)
    const page = await gw.app.inject({ url: '/vehicles?fleet=list-test&limit=1&offset=1', headers: auth })
    expect(page.json()).toMatchObject({ total: 3 })
    expect(page.json().items).toHaveLength(1)
    const offline = await gw.app.inject({ url: '/vehicles?fleet=list-test&online=false', headers: auth })
    expect(offline.json().total).toBe(3)
  })

  it('answers 404 for unknown vehicles on every id route', async () => {
    const id = testVin()
    for (const [method, url] of [['GET', `/vehicles/${id}`], ['POST', `/vehicles/${id}/credentials/rotate`], ['POST', `/vehicles/${id}/credentials/revoke`], ['GET', `/vehicles/${id}/signals/latest`], ['GET', `/vehicles/${id}/ingest`]] as const) {
      const res = await gw.app.inject({ method, url, headers: auth, ...(method === 'POST' ? { payload: {} } : {}) })
      expect(res.statusCode, url).toBe(404)
    }
  })

  it('explains an unknown signal and a bad range in history', async () => {
    const id = testVin()
    await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload: { id, model: 'm', region: 'EU', fleet: 'f' } })
    const unknown = await gw.app.inject({ url: `/vehicles/${id}/signals/Vehicle.Warp/history?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`, headers: auth })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('GW_SIGNAL_UNKNOWN')
    const backwards = await gw.app.inject({ url: `/vehicles/${id}/signals/Vehicle.Speed/history?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`, headers: auth })
    expect(backwards.statusCode).toBe(400)
  })

  it('refuses a raw history range holding more samples than one answer carries', async () => {
    const id = testVin()
    await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload: { id, model: 'm', region: 'EU', fleet: 'f' } })
    const key = (await gw.app.storage.pool.query<{ k: number }>('SELECT vehicle_key AS k FROM vehicles WHERE vehicle_id = $1', [id])).rows[0]!.k
    const speed = signalByName('Vehicle.Speed')!.id
    const t0 = Date.UTC(2026, 0, 1)
    const n = 10_001 // one more than the route serves raw by default (HISTORY_MAX_POINTS): 10 Hz for 1,000 s
    await gw.app.storage.telemetry.insertColumns({
      vehicleKeys: Array<number>(n).fill(key), signalIds: Array<number>(n).fill(speed),
      tsMs: Array.from({ length: n }, (_, i) => t0 + i * 100), values: Array.from({ length: n }, (_, i) => i % 200),
    })
    const range = (toS: number) => `/vehicles/${id}/signals/Vehicle.Speed/history?from=${new Date(t0).toISOString()}&to=${new Date(t0 + toS * 1000).toISOString()}`
    const tooMany = await gw.app.inject({ url: range(1200), headers: auth })
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().code).toBe('GW_HISTORY_TOO_MANY_POINTS')
    const ok = await gw.app.inject({ url: range(1000), headers: auth })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().points).toHaveLength(10_000)
  })
})

describe('system routes', () => {
  it('health and readiness need no token', async () => {
    expect((await gw.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    expect((await gw.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', timescale: false })
  })

  it('publishes the OpenAPI document with every vehicle route', async () => {
    const doc = (await gw.app.inject({ url: '/docs/json' })).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/vehicles/', '/vehicles/{id}', '/vehicles/{id}/signals/{signal}/history']))
  })

  it('exposes Prometheus metrics', async () => {
    const text = (await gw.app.inject({ url: '/metrics' })).body
    expect(text).toContain('fleetwire_mqtt_messages_in_total')
    expect(text).toContain('fleetwire_mqtt_connected_vehicles')
  })

  it('serves the signal catalog with at least 20 signals', async () => {
    const cat = (await gw.app.inject({ url: '/catalog', headers: auth })).json()
    expect(cat.signals.length).toBeGreaterThanOrEqual(20)
  })
})
