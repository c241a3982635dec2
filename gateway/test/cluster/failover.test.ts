import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { MqttClient } from 'mqtt'
import { fleetwire, signalId } from '@fleetwire/proto'
import { randomBytes } from 'node:crypto'
import { ADMIN_TOKEN, type TestGateway, connectVehicle, publish, telemetryPayload, waitFor } from '../helper.js'
import { type CampaignView, campaign, control, createCampaign, plan, startFleet as startOtaFleet, uploadArtifact } from '../ota/ota-helper.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { LocalCluster } from '../../scripts/cluster/harness.js'
import { RoamingFleet } from './roaming-fleet.js'

/** Three gateway processes behind HAProxy on Redis and one database: crash one, stop Redis. */
let db: TestDatabase
let cluster: LocalCluster
let fleet: RoamingFleet
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  db = await createTestDatabase()
  cluster = await LocalCluster.start({
    instances: 3,
    databaseUrl: db.url,
    adminToken: ADMIN_TOKEN,
    env: {
      CLUSTER_LEASE_S: '5', LOG_LEVEL: 'warn', VEHICLE_MAX_MSGS_PER_S: '1000', DIAG_TIMEOUT_MS: '3000',
      // OTA at test speed: a reminder 3 s after the driver postponed, then every 3 s, three at most; no quiet hours.
      OTA_TICK_MS: '200', OTA_SOAK_S: '1', OTA_REMINDER_SCHEDULE_S: '3', OTA_REMINDER_MAX: '3', OTA_QUIET_HOURS: '00:00-00:00',
    },
  })
  const logins = await cluster.gateways[0]!.provision(24)
  fleet = await RoamingFleet.connect(cluster.mqttUrl, logins.map((l) => ({ id: l.username, password: l.password })))
}, 180_000)
afterAll(async () => {
  await fleet?.close()
  await cluster?.stop()
  await db?.drop()
})

async function query<R extends Record<string, unknown>> (sql: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  try {
    return (await c.query<R>(sql, params)).rows
  } finally {
    await c.end()
  }
}
const holders = async () => query<{ vehicle_id: string, connected: boolean, instance_id: string | null }>('SELECT vehicle_id, connected, instance_id FROM vehicles ORDER BY vehicle_id')

const silentAlerts = async (ruleId: string) => (await query<{ vehicle_id: string }>(
  'SELECT v.vehicle_id FROM alerts a JOIN vehicles v USING (vehicle_key) WHERE a.rule_id = $1', [ruleId])).map((r) => r.vehicle_id)
async function gwApi (httpUrl: string, path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${httpUrl}${path}`, { method, headers: { authorization: `Bearer ${cluster.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
}

async function readData (httpUrl: string, vehicleId: string): Promise<number> {
  const res = await fetch(`${httpUrl}/vehicles/${vehicleId}/diagnostics/read-data`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cluster.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ did: 0xf190 }),
  })
  return res.status
}

describe('cluster failover', () => {
  it('kill -9 of one instance under QoS 1 load: its vehicles reconnect through HAProxy to the others; nothing acknowledged is lost or stored twice; they stay online when its lease expires', async () => {
    await waitFor(async () => (await holders()).every((h) => h.connected) || undefined, 10_000, 'every vehicle born')
    const before = await holders()
    const onFirst = before.filter((h) => h.instance_id === 'gw-1').map((h) => h.vehicle_id)
    expect(onFirst.length).toBeGreaterThan(0)
    // A short silence rule: moving to another instance after the crash must not count as silence.
    const silenceRule = { id: 'failover-silence', name: 'Vehicle silent (failover test)', enabled: true, severity: 'major', kind: { type: 'silence', afterS: 2 } }
    expect((await gwApi(cluster.gateways[1]!.httpUrl, '/rules', 'POST', silenceRule)).status).toBe(201)
    const [control] = await cluster.gateways[1]!.provision(1, 1, 1000)
    // Vehicles that talk once and never come back after the crash; those that were on gw-1 must still be
    // reported silent: whoever sweeps gw-1's expired lease takes them over for the silence check.
    const extras = await cluster.gateways[1]!.provision(6, 1, 2000)
    const extraIds = extras.map((x) => x.username)
    const extraClients: MqttClient[] = []
    for (const x of extras) {
      const c = await connectVehicle(cluster.mqttUrl, { id: x.username, password: x.password })
      await publish(c, x.username, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE, ignitionOn: true }).finish()))
      await publish(c, x.username, 'telemetry', telemetryPayload(1, Date.now(), [[signalId('Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'), 90]]))
      extraClients.push(c)
    }
    await waitFor(async () => (await holders()).filter((h) => extraIds.includes(h.vehicle_id) && h.connected).length === extras.length || undefined, 10_000, 'extra vehicles born')
    const stranded = (await holders()).filter((h) => extraIds.includes(h.vehicle_id) && h.instance_id === 'gw-1').map((h) => h.vehicle_id)
    expect(stranded.length).toBeGreaterThan(0)
    fleet.start(10, 10)
    await sleep(1500)
    await cluster.kill(0)
    for (const c of extraClients) c.end(true)
    await waitFor(() => fleet.connected === fleet.ids.length || undefined, 15_000, 'every vehicle reconnected')
    // While the fleet goes on talking: a control vehicle vanishes (killed client) and is reported silent
    // (so the cluster-wide silence check has run past every returned vehicle's window), none of the fleet is.
    // Right after the crash HAProxy may still pick the dead instance (until its health check fails): a vehicle retries.
    const ctl = await waitFor(() => connectVehicle(cluster.mqttUrl, { id: control!.username, password: control!.password }).catch(() => undefined), 15_000, 'control vehicle connected')
    await publish(ctl, control!.username, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE, ignitionOn: true }).finish()))
    await publish(ctl, control!.username, 'telemetry', telemetryPayload(1, Date.now(), [[signalId('Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'), 90]]))
    ctl.end(true)
    await waitFor(async () => (await silentAlerts(silenceRule.id)).includes(control!.username) || undefined, 30_000, 'silence alert for the control vehicle')
    await waitFor(async () => { const silent = await silentAlerts(silenceRule.id); return stranded.every((id) => silent.includes(id)) || undefined }, 30_000, 'silence alerts for the vehicles stranded on the killed instance')
    expect((await silentAlerts(silenceRule.id)).filter((id) => fleet.ids.includes(id))).toEqual([])
    expect((await gwApi(cluster.gateways[1]!.httpUrl, `/rules/${silenceRule.id}/disable`, 'POST')).status).toBe(200)
    await sleep(1500)
    await fleet.stop()
    expect(fleet.reconnectS.length).toBeGreaterThanOrEqual(onFirst.length)
    expect(Math.max(...fleet.reconnectS)).toBeLessThan(10)
    const r = await fleet.verify(db.url)
    expect(r.acked).toBeGreaterThan(500)
    expect(r.lost).toBe(0)
    expect(r.duplicated).toBe(0)
    // The dead instance's lease expires (5 s): its row goes; its vehicles, now held by gw-2/gw-3, stay online.
    await waitFor(async () => (await query('SELECT 1 FROM gateway_instances WHERE instance_id = $1', ['gw-1'])).length === 0 || undefined, 15_000, 'lease of gw-1 expired')
    const after = (await holders()).filter((h) => fleet.ids.includes(h.vehicle_id)) // the control vehicle left for good
    expect(after.filter((h) => !h.connected)).toEqual([])
    expect(after.filter((h) => h.instance_id === 'gw-1')).toEqual([])
    await cluster.restart(0)
  }, 120_000)

  it('Redis stopped for 20 s under load: ingest and acknowledgements go on, /readyz says what is degraded, cross-instance commands resume when it returns', async () => {
    fleet.start(10, 10)
    await cluster.redis.stop()
    const ready = await (await fetch(`${cluster.gateways[1]!.httpUrl}/readyz`)).json() as { cluster?: { redis: string, degraded: string[] } }
    expect(ready.cluster?.redis).toBe('down')
    expect(ready.cluster?.degraded).toContain('cross-instance downlink')
    const ackedBefore = fleet.ackedSamples
    await sleep(20_000)
    expect(fleet.ackedSamples).toBeGreaterThan(ackedBefore + 1000)
    await cluster.redis.restart()
    await fleet.stop()
    const r = await fleet.verify(db.url)
    expect(r.lost).toBe(0)
    expect(r.duplicated).toBe(0)
    // Routing resumes: a command through an instance that does not hold the vehicle reaches it.
    const h = (await holders()).find((x) => x.connected && x.instance_id !== null)!
    const other = cluster.gateways.find((_g, i) => `gw-${i + 1}` !== h.instance_id)!
    await waitFor(async () => (await readData(other.httpUrl, h.vehicle_id)) === 200 || undefined, 15_000, 'cross-instance command after Redis returned')
    const readyAgain = await (await fetch(`${other.httpUrl}/readyz`)).json() as { cluster?: { redis: string } }
    expect(readyAgain.cluster?.redis).toBe('up')
  }, 120_000)

  it('kill -9 during an OTA campaign: the vehicles it held finish their updates through the others, and no reminder reaches a vehicle twice', async () => {
    // The API through gw-2, which stays up; the vehicles through HAProxy (the offers' download URLs point at it too).
    const gw2 = { httpUrl: cluster.gateways[1]!.httpUrl, mqttUrl: cluster.mqttUrl } as TestGateway
    const ota = await startOtaFleet(gw2, 9, { fleet: () => 'ota-failover', driver: { accept: 0, postpone: 1, decline: 0 } })
    try {
      const up = await uploadArtifact(gw2, randomBytes(64 * 1024))
      expect(up.status).toBe(201)
      const id = await createCampaign(gw2, { name: 'failover', artifactIds: [up.artifact.id], target: { vins: ota.ids }, plan: plan() })
      expect((await control(gw2, id, 'start')).status).toBe(200)
      // Every driver postpones; the first reminders come 3 s later, from whichever instance's pass claims them.
      await waitFor(() => ota.vehicles.every((v) => v.reminders.length >= 1) || undefined, 30_000, 'first reminders')
      const onFirst = (await holders()).filter((h) => ota.ids.includes(h.vehicle_id) && h.instance_id === 'gw-1')
      expect(onFirst.length).toBeGreaterThan(0)
      // The drivers will accept when the next reminder asks them, which comes after the crash.
      for (const v of ota.vehicles) v.agent.o.driver = { accept: 1, postpone: 0, decline: 0 }
      await cluster.kill(0)
      const done = await waitFor(async () => {
        const c: CampaignView = await campaign(gw2, id)
        return c.state === 'completed' ? c : undefined
      }, 60_000, 'campaign completed after the crash')
      expect(done.counts.succeeded).toBe(ota.ids.length)
      for (const v of ota.vehicles) {
        const numbers = v.reminders.map((r) => r.number)
        expect(new Set(numbers).size, `${v.agent.o.vehicleId} reminders ${numbers.join(',')}`).toBe(numbers.length)
      }
    } finally {
      await ota.stop()
      await cluster.restart(0)
    }
  }, 150_000)
})
