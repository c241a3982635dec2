import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type TestGateway, provision, startGateway } from '../helper.js'
import { call } from './support.js'

let gw: TestGateway
let vin: string
beforeAll(async () => {
  gw = await startGateway({ HISTORY_MAX_POINTS: '1000' })
  vin = (await provision(gw, { fleet: 'rl-a' })).id
  for (let i = 0; i < 4; i++) await provision(gw, { fleet: 'rl-a' })
}, 120_000)
afterAll(async () => {
  await gw?.close()
  await gw?.dropDatabase()
})

describe('bounded reads and bodies', () => {
  it('signal history: a bucket too small for the range answers 400 naming the limit', async () => {
    const r = await call(gw, 'GET', `/vehicles/${vin}/signals/Vehicle.Speed/history?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&bucket=1`)
    expect(r.status).toBe(400)
    expect(r.body.code).toBe('GW_HISTORY_TOO_MANY_POINTS')
    expect(r.body.message).toContain('HISTORY_MAX_POINTS')
    expect(r.body.message).toContain(`bucket >= ${Math.ceil(365 * 86_400 / 1000)}`)
    const ok = await call(gw, 'GET', `/vehicles/${vin}/signals/Vehicle.Speed/history?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&bucket=86400`)
    expect(ok.status).toBe(200)
  })

  it('/fleet/positions: pages of `limit` with a cursor, and a cap on `limit`', async () => {
    const seen: string[] = []
    let after: string | null = null
    for (let i = 0; i < 10; i++) {
      const r = await call(gw, 'GET', `/fleet/positions?limit=2${after === null ? '' : `&after=${after}`}`)
      expect(r.status).toBe(200)
      expect(r.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...r.body.items.map((v: { id: string }) => v.id))
      after = r.body.nextAfter
      if (after === null) break
    }
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
    expect([...seen].sort()).toEqual(seen)
    const tooMany = await call(gw, 'GET', '/fleet/positions?limit=100000')
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'GW_ERR_INVALID_INPUT'])
  })

  it('artifact upload: a non-octet-stream body is refused with 415 before it is read', async () => {
    const port = Number(new URL(gw.httpUrl).port)
    // Announce 1 GiB of JSON, send only the headers: the answer must come without the body.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/ota/artifacts?ecu=bms&version=1.0.0&hardwareIds=hw1&installDurationS=60', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'content-length': String(2 ** 30) } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', reject)
      req.write('{"a":')
    })
    expect(status).toBe(415)
  })
})
