/**
 * bench:live — the dashboards' live channel under load: 1,000 MQTT vehicles
 * (generator processes) at 1 batch/s each, 50 dashboard WebSocket clients
 * (worker processes) each subscribed to every vehicle's signals, against a
 * gateway child process. Prints the gateway's CPU without and with the
 * dashboards, p50/p99 publish → dashboard-message latency, then stalls one
 * more client (subscribed to everything, never reading) and samples the
 * gateway's RSS: the growth must stay bounded (coalesced signals, bounded
 * queues, then the client is dropped).
 *
 *   npm run bench:live -- [--vehicles 1000] [--clients 50] [--samples 5] [--seconds 30]
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { GatewayProcess, benchVin } from './gateway-process.js'
import { GeneratorPool } from './generator-pool.js'
import { cpuSeconds, rssMb } from './proc-stats.js'
import { createHistogram, merge, quantile } from './latency-histogram.js'
import type { LiveClientsCommand, LiveClientsReport } from './live-clients.js'

const { values: args } = parseArgs({
  options: {
    vehicles: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50' },
    samples: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '30' },
    'stall-seconds': { type: 'string', default: '25' },
    'parse-every': { type: 'string', default: '10' },
  },
})
const VEHICLES = Number(args.vehicles)
const CLIENTS = Number(args.clients)
const SAMPLES = Number(args.samples)
const SECONDS = Number(args.seconds)
const STALL_SECONDS = Number(args['stall-seconds'])
const PARSE_EVERY = Math.max(1, Number(args['parse-every']))
const CLIENT_PROCESSES = 2
const GENERATORS = 2

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const log = (msg: string) => process.stdout.write(`[bench:live] ${msg}\n`)
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d

class ClientsProcess {
  private readonly waiters: Array<{ type: string, resolve: (r: LiveClientsReport) => void, reject: (e: Error) => void }> = []
  readonly child: ChildProcess
  constructor () {
    this.child = fork(fileURLToPath(new URL('./live-clients.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    this.child.on('message', (r: LiveClientsReport) => {
      const i = this.waiters.findIndex((w) => w.type === r.type || r.type === 'failed')
      if (i < 0) return
      const w = this.waiters.splice(i, 1)[0]!
      if (r.type === 'failed') w.reject(new Error(r.detail))
      else w.resolve(r)
    })
  }

  request<T extends LiveClientsReport['type']> (cmd: LiveClientsCommand, type: T): Promise<Extract<LiveClientsReport, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ type, resolve: resolve as (r: LiveClientsReport) => void, reject })
      this.child.send(cmd)
    })
  }
}

/** Gateway CPU (% of one core) over `ms`, sampling its RSS every second. */
async function measure (gw: GatewayProcess, ms: number): Promise<{ cpuPct: number, rss: number[] }> {
  const c0 = cpuSeconds(gw.pid) ?? 0
  const t0 = performance.now()
  const rss: number[] = []
  while (performance.now() - t0 < ms) {
    await sleep(1000)
    rss.push(rssMb(gw.pid) ?? 0)
  }
  return { cpuPct: (100 * ((cpuSeconds(gw.pid) ?? 0) - c0)) / ((performance.now() - t0) / 1000), rss }
}

async function main (): Promise<void> {
  log(`starting a gateway; ${VEHICLES} vehicles at 1 batch/s (${SAMPLES} samples each), ${CLIENTS} dashboard clients each subscribed to every vehicle`)
  const gw = await GatewayProcess.start({ env: { DEMO_VEHICLES: '0' } })
  const pool = GeneratorPool.start(GENERATORS)
  const clientProcs: ClientsProcess[] = []
  let stalled: WebSocket | undefined
  try {
    const logins = await gw.provision(VEHICLES)
    const vehicleIds = Array.from({ length: VEHICLES }, (_, i) => benchVin(i))
    log(`provisioned; connecting ${await pool.connect(gw.mqttUrl, logins, SAMPLES)} MQTT vehicles`)
    pool.setLoad({ mode: 'open', qos: 1, msgsPerS: VEHICLES, window: 8 })
    await sleep(5000)
    const baseline = await measure(gw, 10_000)
    log(`baseline without dashboards: gateway CPU ${round(baseline.cpuPct)} %, RSS ${round(baseline.rss.at(-1) ?? 0)} MB`)

    const wsUrl = `${gw.httpUrl.replace('http', 'ws')}/live`
    for (let i = 0; i < CLIENT_PROCESSES; i++) clientProcs.push(new ClientsProcess())
    const shares = clientProcs.map((_, i) => Math.floor(CLIENTS / CLIENT_PROCESSES) + (i < CLIENTS % CLIENT_PROCESSES ? 1 : 0))
    const connected = await Promise.all(clientProcs.map((p, i) => p.request({ type: 'connect', url: wsUrl, token: gw.adminToken, clients: shares[i]!, vehicleIds, parseEvery: PARSE_EVERY }, 'connected')))
    log(`${connected.reduce((s, r) => s + r.clients, 0)} dashboard clients subscribed to ${VEHICLES} vehicles each; warming up`)
    await sleep(5000)
    await Promise.all(clientProcs.map((p) => p.request({ type: 'snapshot' }, 'snapshot')))
    // Ingest figures from the measured window only (a snapshot covers the time since the previous one).
    await pool.snapshot()

    const loaded = await measure(gw, SECONDS * 1000)
    const snaps = await Promise.all(clientProcs.map((p) => p.request({ type: 'snapshot' }, 'snapshot')))
    const gen = await pool.snapshot()
    const latency = snaps.reduce((h, s) => merge(h, s.latency), createHistogram())
    // Values are counted in the decoded messages only (one in PARSE_EVERY); bytes and messages in all.
    const values = snaps.reduce((n, s) => n + s.values, 0) * PARSE_EVERY
    const mbPerS = snaps.reduce((n, s) => n + s.bytes, 0) / SECONDS / 1e6
    const msgsPerS = snaps.reduce((n, s) => n + s.messages, 0) / SECONDS
    const p50 = quantile(latency, 0.5)
    const p99 = quantile(latency, 0.99)
    log(`with dashboards: gateway CPU ${round(loaded.cpuPct)} % (${round(loaded.cpuPct / Math.max(1, baseline.cpuPct), 2)}x the baseline), ${round(gen.completedPerS)} batches/s committed, ` +
      `~${Math.round(values / SECONDS)} values/s (${round(msgsPerS)} messages/s, ${round(mbPerS)} MB/s) to dashboards, latency p50 ${round(p50)} ms p99 ${round(p99)} ms (of which MQTT publish → committed, before the live push: p50 ${round(gen.p50Ms)} ms p99 ${round(gen.p99Ms)} ms), gaps ${snaps.reduce((n, s) => n + s.gaps, 0)}, closed ${snaps.reduce((n, s) => n + s.closed, 0)}`)

    // One more client subscribes to everything and then stops reading.
    // GC makes RSS a sawtooth under this allocation rate: compare peaks under the same load, with and without the stalled client.
    const rssBefore = Math.max(...loaded.rss)
    stalled = new WebSocket(wsUrl)
    const ws = stalled
    let closeCode: number | undefined
    ws.on('close', (code) => { closeCode = code })
    await new Promise<void>((resolve, reject) => {
      let n = 0
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'auth', token: gw.adminToken }))
        for (const id of vehicleIds) ws.send(JSON.stringify({ type: 'subscribe', topic: `vehicle/${id}/signals` }))
      })
      ws.on('message', (raw) => { if (String(raw).includes('"subscribed"') && (n += (String(raw).match(/"subscribed"/g) ?? []).length) >= VEHICLES) resolve() })
      ws.on('error', reject)
    })
    ws.pause()
    log(`a stalled client subscribed to ${VEHICLES} vehicles stopped reading; sampling the gateway's RSS for ${STALL_SECONDS} s`)
    const stall = await measure(gw, STALL_SECONDS * 1000)
    const growth = Math.max(0, Math.max(...stall.rss) - rssBefore)
    const stallSnaps = await Promise.all(clientProcs.map((p) => p.request({ type: 'snapshot' }, 'snapshot')))
    const stallP99 = quantile(stallSnaps.reduce((h, s) => merge(h, s.latency), createHistogram()), 0.99)
    ws.resume()
    await sleep(1000)
    const problems = gw.logProblems()
    const dropped = (problems['live client dropped: not reading'] ?? 0) > 0
    log(`stall: gateway RSS peak ${round(rssBefore)} MB under load before (per-second ${loaded.rss.map((r) => round(r, 0)).join(' ')}), peak ${round(Math.max(...stall.rss))} MB with the stalled client (growth ${round(growth)} MB), per-second ${stall.rss.map((r) => round(r, 0)).join(' ')}; ` +
      `stalled client ${dropped ? 'dropped by the gateway (logged "not reading")' : 'not dropped'}${closeCode === undefined ? '' : `, close code ${closeCode}`}; other clients' p99 during the stall ${round(stallP99)} ms`)
    log('note: the machine is shared with other agents; CPU and latency figures are noisy, compare with the baseline of the same run')
    if (Object.keys(problems).length > 0) log(`gateway warnings: ${JSON.stringify(problems)}`)
    process.stdout.write(JSON.stringify({
      bench: 'live', clients: CLIENTS, vehicles: VEHICLES, p99_ms: round(p99), p50_ms: round(p50), server_cpu_pct: round(loaded.cpuPct),
      server_cpu_pct_without_dashboards: round(baseline.cpuPct), ingest_commit_p99_ms: round(gen.p99Ms), ingest_committed_batches_per_s: round(gen.completedPerS), values_per_s: Math.round(values / SECONDS), mb_per_s: round(mbPerS), stalled_client_rss_growth_mb: round(growth),
      stalled_client_dropped: dropped, target_p99_ms: 250,
    }) + '\n')
  } catch (err) {
    log(`failed; gateway ${gw.alive ? 'alive' : 'exited'}; its log ends with:\n${gw.logTail(15)}`)
    throw err
  } finally {
    stalled?.terminate()
    for (const p of clientProcs) p.child.kill()
    await pool.disconnect().catch(() => undefined)
    pool.close()
    await gw.stop()
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`bench:live failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
