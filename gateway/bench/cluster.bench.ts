/**
 * npm run bench:cluster [-- --seconds 10 --vehicles 150 --rounds 3]: three
 * gateway instances behind HAProxy on Redis against one standalone instance,
 * in the same run, on one embedded PostgreSQL (separate databases). Last line: one JSON object.
 *
 * - samples_per_s: QoS 1 telemetry acknowledged per second (closed loop: each
 *   vehicle keeps 4 publishes in flight), through HAProxy vs straight to the
 *   standalone; rounds alternate standalone and cluster (both stay up, the one
 *   not measured idles), and each figure is the median of its rounds.
 * - cross_instance_command_p99_ms: synchronous diagnostic command through an
 *   instance that does not hold the vehicle (response forwarded back).
 * - cross_instance_live_p99_ms: sample timestamp → a dashboard on another instance.
 * - failover_*: kill -9 of one instance under load; reconnect time per vehicle;
 *   lost = samples acknowledged to a vehicle (counted by the vehicles) but not in the
 *   database; duplicated = samples stored more than once (rows of one vehicle, signal
 *   and time beyond the first). Telemetry is stored one row per batch with no
 *   per-sample unique index, so a resent message regrouped differently would show here.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir, loadavg } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import pino from 'pino'
import WebSocket from 'ws'
import { fleetwire, signalId } from '@fleetwire/proto'
import { startEmbeddedPostgres } from '../src/storage/embedded-postgres.js'
import { freePort } from '../test/support/free-port.js'
import { LocalCluster } from '../scripts/cluster/harness.js'
import { RoamingFleet } from '../test/cluster/roaming-fleet.js'
import { GatewayProcess } from './gateway-process.js'
import { CpuMeter, pidsWithCmdline, withDescendants } from './proc-stats.js'
import { telemetryPayload } from '../test/helper.js'
import mqtt from 'mqtt'

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : def
}
const SECONDS = arg('seconds', 10)
const VEHICLES = arg('vehicles', 150)
const ROUNDS = arg('rounds', 3)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
const p99 = (xs: number[]) => xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!
const round = (x: number | null, d = 1) => x === null ? null : Math.round(x * 10 ** d) / 10 ** d
const log = (s: string) => process.stderr.write(s + '\n')
// The database's parallel telemetry writers are shared by the instances: N instances with the single-node
// default (3 each) make 3N concurrent small COPYs on the same cores. Sized per instance, as DEPLOYMENT.md says.
const CLUSTER_INGEST = { INGEST_WRITERS: process.env.CLUSTER_INGEST_WRITERS ?? '1', INGEST_FLUSH_MS: process.env.CLUSTER_INGEST_FLUSH_MS ?? '10' }
const ENV = { LOG_LEVEL: 'warn', VEHICLE_MAX_MSGS_PER_S: '100000', DEMO_VEHICLES: '0', RULES_ENABLED: 'false', CLUSTER_LEASE_S: '5' }

async function query<R extends Record<string, unknown>> (url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try { return (await c.query<R>(sql, params)).rows } finally { await c.end() }
}

type ProcessGroups = Record<string, () => number[]>

/**
 * Acknowledged samples per second over SECONDS of closed-loop QoS 1 load, and
 * the CPU each group of processes spent per 1,000 acknowledged samples (ms):
 * where the cores go, so the cost of clustering can be read process by process.
 */
async function throughput (fleet: RoamingFleet, groups: ProcessGroups): Promise<{ rate: number, cpuMsPer1k: Record<string, number> }> {
  fleet.start(1000, 10)
  await sleep(1000)
  const meters = Object.entries(groups).map(([name, pids]) => ({ name, meter: new CpuMeter(pids) }))
  for (const m of meters) m.meter.start()
  const a0 = fleet.ackedSamples
  const t0 = performance.now()
  await sleep(SECONDS * 1000)
  const rate = (fleet.ackedSamples - a0) / ((performance.now() - t0) / 1000)
  // Percent of one core ÷ samples per second → CPU milliseconds per 1,000 samples.
  const cpuMsPer1k = Object.fromEntries(meters.map((m) => [m.name, round((m.meter.lap() / 100) * 1e6 / rate, 2)!]))
  await fleet.stop()
  return { rate, cpuMsPer1k }
}

const dir = await mkdtemp(path.join(tmpdir(), 'fleetwire-bench-cluster-'))
const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), log: pino({ level: 'warn' }) })
const dbUrl = async (name: string) => {
  await query(server.adminUrl, `CREATE DATABASE ${name}`)
  const u = new URL(server.adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}
try {
  // The standalone baseline and the cluster of three behind HAProxy, both up; measured in alternate rounds.
  const standalone = await GatewayProcess.start({ env: { ...ENV, DATABASE_URL: await dbUrl('standalone') } })
  const sLogins = await standalone.provision(VEHICLES)
  const sFleet = await RoamingFleet.connect(standalone.mqttUrl, sLogins.map((l) => ({ id: l.username, password: l.password })))
  const clusterDb = await dbUrl('cluster')
  const cluster = await LocalCluster.start({ instances: 3, databaseUrl: clusterDb, env: { ...ENV, ...CLUSTER_INGEST, DIAG_COMMANDS_PER_MIN: '1000' } })
    .catch(async (err: unknown) => { await standalone.stop(); throw err })
  try {
    const logins = await cluster.gateways[0]!.provision(VEHICLES)
    const fleet = await RoamingFleet.connect(cluster.mqttUrl, logins.map((l) => ({ id: l.username, password: l.password })))
    const postgres = () => withDescendants(pidsWithCmdline(dir))
    const bench = () => [process.pid]
    const standaloneGroups: ProcessGroups = { gateway: () => [standalone.pid], postgres, bench }
    const clusterGroups: ProcessGroups = {
      gateways: () => cluster.gateways.map((g) => g.pid),
      haproxy: () => withDescendants([cluster.haproxy.pid ?? -1]).filter((p) => p > 0),
      redis: () => [cluster.redis.pid ?? -1].filter((p) => p > 0),
      postgres,
      bench,
    }
    const standaloneRates: number[] = []
    const clusterRates: number[] = []
    const cpu: { standalone: Array<Record<string, number>>, cluster: Array<Record<string, number>> } = { standalone: [], cluster: [] }
    for (let r = 1; r <= ROUNDS; r++) {
      const s = await throughput(sFleet, standaloneGroups)
      const c = await throughput(fleet, clusterGroups)
      standaloneRates.push(s.rate)
      clusterRates.push(c.rate)
      cpu.standalone.push(s.cpuMsPer1k)
      cpu.cluster.push(c.cpuMsPer1k)
      log(`round ${r}/${ROUNDS}: standalone ${Math.round(s.rate)} samples/s, CPU ms per 1,000 samples ${JSON.stringify(s.cpuMsPer1k)}; cluster ${Math.round(c.rate)} samples/s, ${JSON.stringify(c.cpuMsPer1k)} (load ${loadavg()[0]!.toFixed(2)})`)
    }
    const medianCpu = (rounds: Array<Record<string, number>>) => Object.fromEntries(Object.keys(rounds[0] ?? {}).map((k) => [k, round(median(rounds.map((x) => x[k]!)), 2)]))
    await sFleet.close()
    await standalone.stop()
    const standaloneRate = median(standaloneRates)
    const clusterRate = median(clusterRates)
    log(`medians of ${ROUNDS} rounds: standalone ${Math.round(standaloneRate)}, cluster ${Math.round(clusterRate)} samples/s`)

    // Cross-instance commands: vehicles on gw-1, commands through gw-2.
    const onFirst = (await query<{ vehicle_id: string }>(clusterDb, "SELECT vehicle_id FROM vehicles WHERE connected AND instance_id = 'gw-1' LIMIT 20")).map((r) => r.vehicle_id)
    const commandMs: number[] = []
    for (let i = 0; i < 100 && onFirst.length > 0; i++) {
      const t0 = performance.now()
      const res = await fetch(`${cluster.gateways[1]!.httpUrl}/vehicles/${onFirst[i % onFirst.length]}/diagnostics/read-data`, { method: 'POST', headers: { authorization: `Bearer ${cluster.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ did: 0xf190 }) })
      await res.arrayBuffer()
      if (res.status === 200) commandMs.push(performance.now() - t0)
    }
    log(`commands: ${commandMs.length} answered, p99 ${round(p99(commandMs))} ms`)

    // Cross-instance live: a probe vehicle through the balancer, a dashboard on another instance than the one holding it.
    const probe = (await cluster.gateways[0]!.provision(1, 1, VEHICLES + 1))[0]!
    const car = await mqtt.connectAsync(cluster.mqttUrl, { clientId: probe.username, username: probe.username, password: probe.password, protocolVersion: 4, reconnectPeriod: 0 })
    await car.publishAsync(`v/${probe.username}/status`, Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE }).finish()), { qos: 1 })
    const [{ instance_id: holder }] = await query<{ instance_id: string }>(clusterDb, 'SELECT instance_id FROM vehicles WHERE vehicle_id = $1', [probe.username]) as [{ instance_id: string }]
    const watcher = cluster.gateways.find((_g, i) => `gw-${i + 1}` !== holder)!
    const ws = new WebSocket(watcher.httpUrl.replace('http', 'ws') + '/live')
    const liveMs: number[] = []
    const speed = signalId('Vehicle.Speed')
    ws.on('message', (raw) => {
      const now = Date.now()
      for (const m of JSON.parse(String(raw)) as Array<{ type: string, values?: Array<{ tsMs: number }> }>) {
        if (m.type === 'signals') for (const v of m.values ?? []) liveMs.push(now - v.tsMs)
      }
    })
    await new Promise((resolve) => ws.once('open', resolve))
    ws.send(JSON.stringify({ type: 'auth', token: cluster.adminToken }))
    ws.send(JSON.stringify({ type: 'subscribe', topic: `vehicle/${probe.username}/signals` }))
    await sleep(1500) // gw-1 learns the dashboard's interest
    // Not in the sample: anything before the interest was known.
    liveMs.length = 0
    for (let i = 1; i <= 100; i++) {
      await car.publishAsync(`v/${probe.username}/telemetry`, telemetryPayload(i, Date.now(), [[speed, i]]), { qos: 1 })
      await sleep(50)
    }
    await sleep(500)
    ws.close()
    await car.endAsync()
    log(`live: ${liveMs.length} values, p99 ${round(p99(liveMs))} ms`)

    // Failover: kill -9 of gw-1 under load.
    fleet.reconnectS.length = 0
    fleet.start(20, 10)
    await sleep(2000)
    await cluster.kill(0)
    const tKill = Date.now()
    while (fleet.connected < VEHICLES && Date.now() - tKill < 30_000) await sleep(100)
    await sleep(2000)
    await fleet.stop()
    await sleep(1500) // pg_stat counters are reported by backends at the end of their transactions
    const verified = await fleet.verify(clusterDb)
    // A sample stored twice (a resent message regrouped differently) shows as two rows of one (vehicle, signal, time).
    const [{ n: dup }] = await query<{ n: string }>(clusterDb, 'SELECT (count(*) - count(DISTINCT (vehicle_key, signal_id, ts)))::text AS n FROM telemetry_samples') as [{ n: string }]
    const duplicated = Number(dup)
    log(`failover: ${fleet.reconnectS.length} reconnections, p99 ${round(p99(fleet.reconnectS), 2)} s; acked ${verified.acked}, lost ${verified.lost}, duplicated ${duplicated}`)
    await fleet.close()
    log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2-core machine shared with other engineers)`)
    process.stdout.write(JSON.stringify({
      bench: 'cluster',
      instances: 3,
      samples_per_s: Math.round(clusterRate),
      standalone_samples_per_s: Math.round(standaloneRate),
      cluster_ratio: round(clusterRate / standaloneRate, 2),
      rounds: ROUNDS,
      cpu_ms_per_1k_samples: { standalone: medianCpu(cpu.standalone), cluster: medianCpu(cpu.cluster) },
      cross_instance_command_p99_ms: round(p99(commandMs)),
      cross_instance_live_p99_ms: round(p99(liveMs)),
      failover_reconnect_p99_s: round(p99(fleet.reconnectS), 2),
      failover_lost: verified.lost,
      failover_duplicated: duplicated,
      load_avg_1m: round(loadavg()[0]!, 2),
    }) + '\n')
  } finally {
    await standalone.stop()
    await cluster.stop()
  }
} finally {
  await server.stop()
  await rm(dir, { recursive: true, force: true })
}
