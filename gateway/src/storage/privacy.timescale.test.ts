import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteTimescale, type TimescaleTestDb } from '../../test/support/pglite.js'
import { runMigrations } from './migrate.js'
import { createPrivacyRepository } from './privacy.repository.js'
import { createPrivacyService } from '../privacy/privacy.service.js'

/** Erasure and retention also empty the 1-minute rollup (it averages positions too). */
const log = pino({ level: 'silent' })
const DAY = 86_400_000
let t: TimescaleTestDb
const rollupRows = async (vehicleKey: number, signalId: number) =>
  Number((await t.conn.query<{ n: string }>('SELECT count(*) AS n FROM telemetry_1m WHERE vehicle_key = $1 AND signal_id = $2', [vehicleKey, signalId])).rows[0]?.n)

beforeAll(async () => {
  t = await createPgliteTimescale()
  await runMigrations(t.conn, { log, timescale: true })
  await t.conn.query(`INSERT INTO vehicles (vehicle_id, model, region, fleet, secret_salt, secret_hash)
    VALUES ('TSTEU000000000001', 'm', 'EU', 'f', '\\x00', '\\x00'), ('TSTLA000000000002', 'm', 'LATAM', 'f', '\\x00', '\\x00')`)
  const base = Date.now() - 2 * 3_600_000
  for (const key of [1, 2]) {
    for (const [signal, value] of [[1, 50], [3, 52.52], [4, 13.4]]) {
      for (let i = 0; i < 10; i++) {
        await t.conn.query('INSERT INTO telemetry (vehicle_key, signal_id, ts, value) VALUES ($1, $2, $3, $4)', [key, signal, new Date(base + i * 60_000), (value as number) + i])
      }
    }
  }
  await t.conn.query("CALL refresh_continuous_aggregate('telemetry_1m', NULL, NULL)")
})
afterAll(async () => { await t?.close() })

describe('privacy on TimescaleDB (PGlite)', () => {
  const service = () => createPrivacyService({
    repo: createPrivacyRepository(t.conn, { timescale: true }),
    policy: { fallback: { telemetryDays: 365, positionDays: 365, auditDays: 2190, positionDecimals: null }, byRegion: { EU: { telemetryDays: 60, positionDays: 30, auditDays: 90, positionDecimals: 3 } } },
    redactAudit: async () => 0,
    log,
  })

  it('retention removes a region\'s expired positions from the raw table and the rollup', async () => {
    expect(await rollupRows(1, 3)).toBe(10)
    const r = await service().applyRetention(Date.now() + 31 * DAY)
    expect(r).toMatchObject({ positions: 20, telemetry: 0 })
    expect(await rollupRows(1, 3)).toBe(0)
    expect(await rollupRows(1, 4)).toBe(0)
    expect(await rollupRows(1, 1)).toBe(10)
    expect(await rollupRows(2, 3)).toBe(10)
  })

  it('erasure removes the vehicle from the rollup and leaves the others', async () => {
    const erased = await service().erase({ key: 2, id: 'TSTLA000000000002' } as Parameters<ReturnType<typeof service>['erase']>[0])
    expect(erased).toEqual({ telemetry: 10, positions: 20, presenceEvents: 0 })
    for (const s of [1, 3, 4]) expect(await rollupRows(2, s)).toBe(0)
    expect(await rollupRows(1, 1)).toBe(10)
  })
})
