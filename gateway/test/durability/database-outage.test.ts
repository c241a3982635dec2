import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/storage/embedded-postgres.js'
import { freePort } from '../support/free-port.js'
import { type TestGateway, provision, startGateway, waitFor } from '../helper.js'
import { AckedFleet, messageIdentity, scrapeMetrics } from './acked-fleet.js'

const OUTAGE_MS = 30_000
const VEHICLES = 20

// This test stops and restarts a PostgreSQL server: it gets its own, not the suite's shared one.
let pgDir: string
let pgPort: number
let server: EmbeddedPostgres | undefined
let gw: TestGateway
const log = pino({ level: 'warn' })
const startPg = () => startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, log, ephemeral: true })

beforeAll(async () => {
  pgDir = await mkdtemp(path.join(tmpdir(), 'fleetwire-outage-pg-'))
  pgPort = await freePort()
  server = await startPg()
  gw = await startGateway({ SPOOL_AFTER_MS: '500', VEHICLE_MAX_MSGS_PER_S: '1000', LOG_LEVEL: 'silent' }, server.url)
}, 120_000)
afterAll(async () => {
  await gw?.close()
  await server?.stop()
  await rm(pgDir, { recursive: true, force: true })
})

describe('database outage', () => {
  it('stops PostgreSQL for 30 s under QoS 1 load: every acknowledged sample is stored exactly once, nobody is disconnected, the spool drains', async () => {
    const logins = await Promise.all(Array.from({ length: VEHICLES }, () => provision(gw)))
    const fleet = await AckedFleet.connect(gw.mqttUrl, logins, { msgsPerSPerVehicle: 20, samplesPerMsg: 10, keepaliveS: 5 })
    fleet.start()
    await new Promise((resolve) => setTimeout(resolve, 2000))

    await server!.stop()
    server = undefined
    const ackedAtStop = fleet.ackedSamples
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS))
    const ackedDuringOutage = fleet.ackedSamples - ackedAtStop
    const spoolAtRestart = gw.app.ingest.spoolBytes()
    server = await startPg()
    const restartedAt = Date.now()

    await new Promise((resolve) => setTimeout(resolve, 2000))
    await fleet.stop()
    await waitFor(() => gw.app.ingest.spoolBytes() === 0 || undefined, 60_000, 'spool drained')
    const drainMs = Date.now() - restartedAt

    const result = await fleet.verify(server.url)
    const m = messageIdentity(await scrapeMetrics(gw.httpUrl))
    await fleet.close()
    // Vehicles kept being acknowledged while the database was down (from the spool) ...
    expect(ackedDuringOutage).toBeGreaterThan(VEHICLES * 20 * 10 * (OUTAGE_MS / 1000) * 0.5)
    expect(spoolAtRestart).toBeGreaterThan(0)
    // ... and no vehicle was dropped for it.
    expect(fleet.disconnects).toBe(0)
    expect(fleet.errors).toBe(0)
    expect(result.lost).toBe(0)
    expect(result.duplicated).toBe(0)
    expect(result.acked).toBe(fleet.ackedSamples)
    expect(m.spooled).toBeGreaterThan(0)
    expect(m.received).toBe(m.accounted)
    expect(drainMs).toBeLessThan(60_000)
    process.stdout.write(`database outage: acked ${result.acked} samples (${ackedDuringOutage} during the ${OUTAGE_MS / 1000} s outage), lost ${result.lost}, duplicated ${result.duplicated}, drained in ${drainMs} ms; messages ${JSON.stringify(m)}\n`)
  }, 150_000)
})
