import { signalByName } from '@fleetwire/proto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type TestGateway, startGateway, testVin, waitFor } from '../helper.js'

let gw: TestGateway
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }

beforeAll(async () => {
  gw = await startGateway({ ROLLUP_REFRESH_S: '10' })
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

describe('history through the rollup job of a running gateway', () => {
  it('the job aggregates stored minutes and the history route serves them with the same answer as raw rows', async () => {
    const id = testVin()
    await gw.app.inject({ method: 'POST', url: '/vehicles', headers: auth, payload: { id, model: 'm', region: 'EU', fleet: 'f' } })
    const key = (await gw.app.storage.pool.query<{ k: number }>('SELECT vehicle_key AS k FROM vehicles WHERE vehicle_id = $1', [id])).rows[0]!.k
    const speed = signalByName('Vehicle.Speed')!.id
    const t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000 // a closed hour
    const n = 3600
    await gw.app.storage.telemetry.insertColumns({
      vehicleKeys: Array<number>(n).fill(key), signalIds: Array<number>(n).fill(speed),
      tsMs: Array.from({ length: n }, (_, i) => t0 + i * 1000), values: Array.from({ length: n }, (_, i) => (i * 7) % 130),
    })
    const url = `/vehicles/${id}/signals/Vehicle.Speed/history?from=${new Date(t0).toISOString()}&to=${new Date(t0 + 3_600_000).toISOString()}&bucket=300`
    const before = (await gw.app.inject({ url, headers: auth })).json()
    expect(before.points).toHaveLength(12)
    // Stored before the job's first step: aggregated by the range steps or as a late batch.
    await waitFor(async () => {
      const { rows } = await gw.app.storage.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_rollup WHERE vehicle_key = $1', [key])
      return rows[0]!.n === 60 ? true : undefined
    }, 60_000, 'the rollup job to aggregate the hour')
    const after = (await gw.app.inject({ url, headers: auth })).json()
    expect(after.points.map((p: { avg: number }) => ({ ...p, avg: Math.round(p.avg * 1e6) })))
      .toEqual(before.points.map((p: { avg: number }) => ({ ...p, avg: Math.round(p.avg * 1e6) })))
    expect(after.points.reduce((a: number, p: { count: number }) => a + p.count, 0)).toBe(n)
  })
})
