import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect } from 'node:net'
import mqtt from 'mqtt'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GatewayProcess } from '../../bench/gateway-process.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { waitFor } from '../helper.js'
import { AckedFleet, messageIdentity } from './acked-fleet.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let db: TestDatabase
let dataDir: string
const env = () => ({ DATABASE_URL: db.url, DEMO_VEHICLES: '0', SPOOL_AFTER_MS: '300', VEHICLE_MAX_MSGS_PER_S: '1000', LOG_LEVEL: 'warn' })

beforeAll(async () => {
  db = await createTestDatabase()
  dataDir = await mkdtemp(path.join(tmpdir(), 'fleetwire-crash-'))
})
afterAll(async () => {
  await db.drop()
  await rm(dataDir, { recursive: true, force: true })
})

async function fleetOn (gw: GatewayProcess, count: number, first = 0): Promise<AckedFleet> {
  const logins = await gw.provision(count, 20, first)
  return AckedFleet.connect(gw.mqttUrl, logins.map((l) => ({ id: l.username, password: l.password })), { msgsPerSPerVehicle: 40, samplesPerMsg: 10 })
}

describe('gateway process crash and shutdown', () => {
  it('kill -9 under load, with telemetry in the spool: after a restart every acknowledged sample is in the database exactly once', async () => {
    const first = await GatewayProcess.start({ env: env(), dataDir })
    const fleet = await fleetOn(first, 10)
    fleet.start()
    await sleep(1500)
    // Hang telemetry writes so the next batches are acknowledged from the spool, then crash.
    const locker = new pg.Client({ connectionString: db.url })
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE telemetry_batches IN ACCESS EXCLUSIVE MODE')
    await sleep(1500)
    const spooledBeforeCrash = (await first.metrics()).get('fleetwire_spool_bytes') ?? 0
    first.child.kill('SIGKILL')
    await first.exited()
    await locker.query('COMMIT')
    await locker.end()
    await fleet.stop(1000)

    const second = await GatewayProcess.start({ env: env(), dataDir })
    try {
      await waitFor(async () => (await second.metrics()).get('fleetwire_spool_bytes') === 0 || undefined, 30_000, 'spool replayed after restart')
      const replayed = (await second.metrics()).get('fleetwire_spool_replayed_samples_total') ?? 0
      const result = await fleet.verify(db.url)
      await fleet.close()
      process.stdout.write(`kill -9: ${spooledBeforeCrash} spool bytes at the crash, ${replayed} samples replayed on restart; acked ${result.acked}, lost ${result.lost}, duplicated ${result.duplicated}\n`)
      expect(spooledBeforeCrash).toBeGreaterThan(0)
      expect(replayed).toBeGreaterThan(0)
      expect(result.acked).toBeGreaterThan(1000)
      expect(result.lost).toBe(0)
      expect(result.duplicated).toBe(0)
    } finally {
      await second.stop()
    }
  }, 120_000)

  it('SIGTERM under load: stops accepting, acknowledges what is in flight, flushes and exits 0 within the bound', async () => {
    const gw = await GatewayProcess.start({ env: env(), dataDir })
    try {
      const fleet = await fleetOn(gw, 10, 10)
      fleet.start()
      await sleep(1500)
      const port = Number(new URL(gw.mqttUrl).port)
      const t0 = Date.now()
      gw.child.kill('SIGTERM')
      await sleep(300)
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1')
        s.once('connect', () => { s.destroy(); resolve(false) })
        s.once('error', () => resolve(true))
      })
      const exit = await gw.exited()
      const closeMs = Date.now() - t0
      await fleet.stop(1000)
      const result = await fleet.verify(db.url)
      await fleet.close()
      process.stdout.write(`SIGTERM: exit ${exit.code ?? exit.signal} after ${closeMs} ms; acked ${result.acked}, lost ${result.lost}\n`)
      expect(refused).toBe(true)
      expect(exit.code).toBe(0)
      expect(closeMs).toBeLessThan(10_000)
      expect(result.acked).toBeGreaterThan(1000)
      expect(result.lost).toBe(0)
      expect(result.duplicated).toBe(0)
    } finally {
      await gw.stop()
    }
  }, 120_000)

  it('every counter adds up on /metrics: messages in = stored + spooled + rejected + shed', async () => {
    const gw = await GatewayProcess.start({ env: { ...env(), VEHICLE_MAX_MSGS_PER_S: '20', VEHICLE_MALFORMED_LIMIT: '1000' }, dataDir })
    try {
      const logins = await gw.provision(2, 20, 30)
      const fleet = await AckedFleet.connect(gw.mqttUrl, logins.map((l) => ({ id: l.username, password: l.password })), { msgsPerSPerVehicle: 20, samplesPerMsg: 5 })
      fleet.start()
      // Garbage (rejected) and QoS 0 beyond the rate (shed) from a third vehicle.
      const [extra] = await gw.provision(1, 20, 32)
      const client = await mqtt.connectAsync(gw.mqttUrl, { clientId: extra!.username, username: extra!.username, password: extra!.password, protocolVersion: 4, reconnectPeriod: 0 })
      for (let i = 0; i < 50; i++) client.publish(`v/${extra!.username}/telemetry`, Buffer.from([0xff, 0x01, i]), { qos: 0 })
      for (let i = 0; i < 200; i++) client.publish(`v/${extra!.username}/telemetry`, Buffer.from([0x08, i + 1]), { qos: 0 })
      await sleep(2000)
      await fleet.stop()
      await sleep(500)
      const m = messageIdentity(await gw.metrics())
      await fleet.close()
      await client.endAsync(true)
      expect(m.rejected).toBeGreaterThan(0)
      expect(m.shed).toBeGreaterThan(0)
      expect(m.stored).toBeGreaterThan(0)
      expect(m.received).toBe(m.accounted)
    } finally {
      await gw.stop()
    }
  }, 120_000)
})
