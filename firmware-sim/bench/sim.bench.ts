/**
 * npm run bench:sim — how many vehicles one simulator process drives.
 *
 * Broker: Debian's mosquitto as a plain broker, started here on a free
 * port. Why not the gateway: the gateway on the same 2 cores would spend
 * most of the CPU storing 5,000 msgs/s of telemetry in PostgreSQL and
 * starve the simulator, so the number would measure the gateway. Mosquitto
 * costs ~0.7 KB per connection and little CPU, and acknowledges QoS 1 at
 * once, so what is measured is the simulator: physics, protobuf, mqtt.js,
 * store-and-forward. The CPU and memory reported are this process's own.
 *
 * Env: BENCH_VEHICLES (5000), BENCH_RATE (1), BENCH_SECONDS (30), BENCH_SPEED (1).
 * Last line: one JSON object.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { planFleet, startFleet } from '../src/index.js'

const VEHICLES = Number(process.env.BENCH_VEHICLES ?? 5000)
const RATE = Number(process.env.BENCH_RATE ?? 1)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const SPEED = Number(process.env.BENCH_SPEED ?? 1)
const say = (line: string) => process.stderr.write(`${line}\n`)

if (spawnSync('mosquitto', ['-h']).error !== undefined) {
  say('bench:sim needs Debian mosquitto as the broker: apt-get install -y mosquitto')
  process.exit(1)
}

const dir = await mkdtemp(path.join(tmpdir(), 'fleetwire-bench-sim-'))
const port = await freePort()
await writeFile(path.join(dir, 'mosquitto.conf'), [
  `listener ${port} 127.0.0.1`,
  'allow_anonymous true',
  'persistence false',
  'log_type error',
  'max_keepalive 300',
  '',
].join('\n'))
const broker: ChildProcess = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'inherit'] })
const cleanup = async () => {
  broker.kill('SIGTERM')
  await rm(dir, { recursive: true, force: true })
}
try {
  await waitForPort(port)
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  const startedAtMs = Date.now()
  const plan = planFleet({ count: VEHICLES, seed: 1, simStartMs: startedAtMs, horizonMs: 24 * 86_400_000 })
  const fleet = await startFleet({
    url: `mqtt://127.0.0.1:${port}`,
    vehicles: plan,
    rate: RATE,
    speed: SPEED,
    seed: 1,
    keepAwake: true, // every unit stays online: the bench asks for N connected vehicles
    credentials: new Map(plan.map((v) => [v.vin, 'bench'])),
    connectRatePerS: 500,
    startedAtMs,
  })
  say(`bench:sim ${VEHICLES} vehicles, ${RATE} msg/s each, speed ${SPEED}, broker mosquitto on :${port}`)
  const rampUntil = Date.now() + 60_000
  while (fleet.stats().connected < VEHICLES && Date.now() < rampUntil) {
    await sleep(1000)
    const s = fleet.stats()
    say(`  ramp: connected ${s.connected} connecting ${s.connecting} offline ${s.offline} failures ${s.connectFailures} reconnects ${s.reconnects}`)
  }
  say(`connected ${fleet.stats().connected}/${VEHICLES} after ${((Date.now() - startedAtMs) / 1000).toFixed(1)} s; warming up 5 s`)
  await sleep(5000)

  const a0 = fleet.stats().acked
  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  let peakRss = 0
  for (let i = 0; i < SECONDS; i++) {
    await sleep(1000)
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    if ((i + 1) % 5 === 0) {
      const s = fleet.stats()
      say(`  t+${i + 1}s connected ${s.connected} acked ${s.acked - a0} (${Math.round(s.msgsPerS)} msg/s) buffered ${s.buffered} dropped ${s.dropped} reconnects ${s.reconnects}`)
    }
  }
  const elapsedS = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(c0)
  lag.disable()
  say(`event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`)
  const end = fleet.stats()
  const mem = process.memoryUsage()
  const rss = mem.rss
  say(`heapUsed ${(mem.heapUsed / 1048576).toFixed(0)} MB heapTotal ${(mem.heapTotal / 1048576).toFixed(0)} MB external ${(mem.external / 1048576).toFixed(0)} MB arrayBuffers ${(mem.arrayBuffers / 1048576).toFixed(0)} MB`)
  await fleet.stop(0)

  const result = {
    bench: 'sim',
    vehicles: VEHICLES,
    connected: end.connected,
    asked_msgs_per_s: VEHICLES * RATE,
    msgs_per_s: Math.round((end.acked - a0) / elapsedS),
    cpu_pct: Math.round(((cpu.user + cpu.system) / 1e6 / elapsedS) * 1000) / 10,
    rss_kb_per_vehicle: Math.round(((rss - rssBefore) / 1024 / VEHICLES) * 10) / 10,
  }
  say(`msgs/s ${result.msgs_per_s} of ${result.asked_msgs_per_s} asked; CPU ${result.cpu_pct} % of one core; ` +
    `RSS ${(rss / 1048576).toFixed(0)} MB (peak ${(peakRss / 1048576).toFixed(0)} MB, ${(rssBefore / 1048576).toFixed(0)} MB before the fleet) = ${result.rss_kb_per_vehicle} KB per vehicle`)
  process.stdout.write(JSON.stringify(result) + '\n')
} finally {
  await cleanup()
}
process.exit(0)

function sleep (ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => typeof addr === 'object' && addr !== null ? resolve(addr.port) : reject(new Error('no port')))
    })
  })
}

async function waitForPort (p: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(p, '127.0.0.1', () => { s.end(); resolve(true) })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    await sleep(50)
  }
  throw new Error(`mosquitto did not listen on ${p}`)
}
