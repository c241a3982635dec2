import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteTimescale, type TimescaleTestDb } from '../../test/support/pglite.js'
import { runMigrations } from './migrate.js'
import { createPrivacyRepository } from './privacy.repository.js'
import { createTelemetryRepository } from './telemetry.repository.js'
import { createPrivacyService } from '../privacy/privacy.service.js'

/** Retention and erasure on the batch layout: samples leave their rows, and the latest values too. */
const log = pino({ level: 'silent' })
const DAY = 86_400_000
let t: TimescaleTestDb
const base = Date.now() - 2 * 3_600_000
const stored = async (vehicleKey: number, signalId: number) =>
  (await createTelemetryRepository(t.conn, { timescale: true }).history({ vehicleKey, signalId, fromMs: base - DAY, toMs: base + DAY })).points.length
const latestSignals = async (vehicleKey: number) =>
  (await createTelemetryRepository(t.conn, { timescale: true }).latest(vehicleKey)).map((l) => l.signalId)

beforeAll(async () => {
  t = await createPgliteTimescale()
  await runMigrations(t.conn, { log, timescale: true })
  await t.conn.query(`INSERT INTO vehicles (vehicle_id, model, region, fleet, secret_salt, secret_hash)
    VALUES ('TSTEU000000000001', 'm', 'EU', 'f', '\\x00', '\\x00'), ('TSTLA000000000002', 'm', 'LATAM', 'f', '\\x00', '\\x00')`)
  const repo = createTelemetryRepository(t.conn, { timescale: true })
  // Ten messages per vehicle, a minute apart, each with speed (1), latitude (3) and longitude (4).
  for (const key of [1, 2]) {
    for (let i = 0; i < 10; i++) {
      const ts = base + i * 60_000
      await repo.insertColumns({ vehicleKeys: [key, key, key], signalIds: [1, 3, 4], tsMs: [ts, ts, ts], values: [50 + i, 52.52 + i, 13.4 + i] })
    }
  }
})
afterAll(async () => { await t?.close() })

describe('privacy on TimescaleDB (PGlite)', () => {
  const service = () => createPrivacyService({
    repo: createPrivacyRepository(t.conn, { timescale: true }),
    policy: { fallback: { telemetryDays: 365, positionDays: 365, auditDays: 2190, positionDecimals: null, export: true, residency: 'any' }, byRegion: { EU: { telemetryDays: 60, positionDays: 30, auditDays: 90, positionDecimals: 3, export: true, residency: 'any' } }, byCountry: {}, fieldsOf: {} },
    redactAudit: async () => 0,
    log,
  })

  it('retention removes a region\'s expired positions from the stored rows and the latest values', async () => {
    expect(await stored(1, 3)).toBe(10)
    const r = await service().applyRetention(Date.now() + 31 * DAY)
    expect(r).toMatchObject({ positions: 20, telemetry: 0 })
    expect(await stored(1, 3)).toBe(0)
    expect(await stored(1, 4)).toBe(0)
    expect(await stored(1, 1)).toBe(10)
    expect(await stored(2, 3)).toBe(10)
    expect(await latestSignals(1)).toEqual([1])
    expect(await latestSignals(2)).toEqual([1, 3, 4])
    // Nothing left to remove: a second pass reports nothing.
    expect(await service().applyRetention(Date.now() + 31 * DAY)).toMatchObject({ positions: 0, telemetry: 0 })
  })

  it('erasure removes the vehicle\'s rows and latest values and leaves the others', async () => {
    const erased = await service().erase({ key: 2, id: 'TSTLA000000000002' } as Parameters<ReturnType<typeof service>['erase']>[0])
    expect(erased).toEqual({ telemetry: 10, positions: 20, presenceEvents: 0 })
    for (const s of [1, 3, 4]) expect(await stored(2, s)).toBe(0)
    expect(await latestSignals(2)).toEqual([])
    expect(await stored(1, 1)).toBe(10)
  })
})
