import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, provision, startGateway, waitFor } from '../helper.js'
import { AckedFleet, messageIdentity, scrapeMetrics } from './acked-fleet.js'

const KEEPALIVE_S = 2
const BLOCKED_MS = 4 * KEEPALIVE_S * 1000

let gw: TestGateway
beforeAll(async () => {
  gw = await startGateway({ SPOOL_MAX_BYTES: String(1 << 16), SPOOL_AFTER_MS: '200', VEHICLE_MAX_MSGS_PER_S: '1000' })
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

/** Holds an exclusive lock on telemetry: every write blocks, as with a database that hangs. */
async function blockTelemetry (databaseUrl: string): Promise<() => Promise<void>> {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  await db.query('BEGIN')
  await db.query('LOCK TABLE telemetry_batches IN ACCESS EXCLUSIVE MODE')
  return async () => {
    await db.query('COMMIT')
    await db.end()
  }
}

describe('spool full', () => {
  it('stops acknowledging instead of dropping, keeps waiting vehicles connected past 4 × keep-alive, and stores everything acknowledged once the database answers', async () => {
    const logins = await Promise.all(Array.from({ length: 5 }, () => provision(gw)))
    const fleet = await AckedFleet.connect(gw.mqttUrl, logins, { msgsPerSPerVehicle: 50, samplesPerMsg: 10, keepaliveS: KEEPALIVE_S })
    fleet.start()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const release = await blockTelemetry(gw.databaseUrl)
    // Fill the spool, then measure that acknowledgements stop.
    await waitFor(async () => ((await scrapeMetrics(gw.httpUrl)).get('fleetwire_spool_full_total') ?? 0) > 0 || undefined, 15_000, 'spool full')
    const ackedWhenFull = fleet.ackedMsgs
    await new Promise((resolve) => setTimeout(resolve, BLOCKED_MS))
    const ackedWhileFull = fleet.ackedMsgs - ackedWhenFull
    const connectedWhileFull = fleet.connected
    await release()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await fleet.stop()
    await waitFor(() => gw.app.ingest.spoolBytes() === 0 || undefined, 30_000, 'spool drained')
    const result = await fleet.verify(gw.databaseUrl)
    const m = messageIdentity(await scrapeMetrics(gw.httpUrl))
    await fleet.close()

    process.stdout.write(`spool full: ${ackedWhileFull} acks in ${BLOCKED_MS} ms while full, ${connectedWhileFull}/5 connected (keep-alive ${KEEPALIVE_S} s); disconnects ${fleet.disconnects}; acked ${result.acked} samples, lost ${result.lost}, duplicated ${result.duplicated}\n`)
    // Acknowledgements stopped: at most the batches already accepted by the spool or the database before it filled.
    expect(ackedWhileFull).toBeLessThan(20)
    expect(connectedWhileFull).toBe(5)
    expect(fleet.disconnects).toBe(0)
    expect(result.lost).toBe(0)
    expect(result.duplicated).toBe(0)
    expect(result.acked).toBeGreaterThan(0)
    expect(m.received).toBe(m.accounted)
  }, 60_000)
})
