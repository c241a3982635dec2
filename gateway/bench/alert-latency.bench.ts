/**
 * `npm run bench:alerts [-- --vehicles 300 --rate 2000 --samples 25 --probes 20 --raises 200 --workers 1 --background healthy|uniform]`
 *
 * Time from the MQTT publish of a sample that trips a rule to the alert
 * arriving on a dashboard's WebSocket (`/live`, topic `alerts`), with the
 * default rule set running. Probe vehicles publish one over-limit coolant
 * sample each (QoS 1) and a bench rule raises at once on it; the clock stops
 * when the `alert.opened` / `alert.reopened` event for that vehicle arrives.
 * Measured twice in one run: on an idle gateway (the baseline) and while
 * background vehicles publish `--rate` telemetry messages/s: by default what
 * healthy simulated vehicles read (a fleet in service: every sample is
 * evaluated, few raise); `--background uniform` sends values anywhere in each
 * signal's range instead, an alert storm in which the probes' alerts queue
 * behind hundreds of others. Progress goes to
 * stderr; the last stdout line is one JSON object. Exits 0 when the target is
 * missed; 1 only when the bench itself could not run.
 */
import { parseArgs } from 'node:util'
import mqtt, { type MqttClient } from 'mqtt'
import WebSocket from 'ws'
import { fleetwire, signalId, vehicleTopic } from '@fleetwire/proto'
import { GatewayProcess } from './gateway-process.js'
import { GeneratorPool } from './generator-pool.js'
import { createHistogram, quantile, record } from './latency-histogram.js'
import { positiveArg, median, progress, round, sleep } from './measure.js'
import { CpuMeter } from './proc-stats.js'
import type { SampleValues, VehicleLogin } from './generator-protocol.js'

const TARGET_P99_MS = 250
const PROBE_RULE = 'bench-alert-probe'
const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
const RAISE_TIMEOUT_MS = 5000

const { values: args } = parseArgs({
  options: {
    vehicles: { type: 'string', default: '300' },
    rate: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '25' },
    probes: { type: 'string', default: '20' },
    raises: { type: 'string', default: '200' },
    workers: { type: 'string', default: '1' },
    'interval-ms': { type: 'string', default: '100' },
    background: { type: 'string', default: 'healthy' },
  },
})
if (args.background !== 'healthy' && args.background !== 'uniform') {
  progress(`--background must be healthy or uniform, got ${args.background}`)
  process.exit(1)
}
const background = args.background as SampleValues
const opts = {
  vehicles: positiveArg('vehicles', args.vehicles),
  rate: positiveArg('rate', args.rate),
  samples: positiveArg('samples', args.samples),
  probes: positiveArg('probes', args.probes),
  raises: positiveArg('raises', args.raises),
  workers: positiveArg('workers', args.workers),
  intervalMs: positiveArg('interval-ms', args['interval-ms']),
}

/** Dashboard side: resolves the wait of a probe vehicle when its alert arrives. */
function alertListener (gw: GatewayProcess): Promise<{ ws: WebSocket, waitFor: (vehicleId: string) => Promise<number | undefined> }> {
  const waiting = new Map<string, (atMs: number) => void>()
  const ws = new WebSocket(`${gw.httpUrl.replace('http', 'ws')}/live`)
  ws.on('message', (raw) => {
    const at = performance.now()
    for (const m of JSON.parse(String(raw)) as Array<{ type: string, payload?: { event?: string, ruleId?: string, vehicleId?: string } }>) {
      const p = m.payload
      if (m.type !== 'event' || p?.ruleId !== PROBE_RULE || (p.event !== 'alert.opened' && p.event !== 'alert.reopened')) continue
      const done = waiting.get(p.vehicleId ?? '')
      if (done !== undefined) {
        waiting.delete(p.vehicleId ?? '')
        done(at)
      }
    }
  })
  return new Promise((resolve, reject) => {
    ws.once('error', reject)
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'auth', token: gw.adminToken }))
      ws.send(JSON.stringify({ type: 'subscribe', topic: 'alerts' }))
      ws.once('message', () => resolve({
        ws,
        waitFor: (vehicleId) => new Promise((done) => {
          const timer = setTimeout(() => { waiting.delete(vehicleId); done(undefined) }, RAISE_TIMEOUT_MS)
          waiting.set(vehicleId, (at) => { clearTimeout(timer); done(at) })
        }),
      }))
    })
  })
}

interface Probe { id: string, client: MqttClient, seq: number }

function connectProbe (gw: GatewayProcess, login: VehicleLogin): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(gw.mqttUrl, { clientId: login.username, username: login.username, password: login.password, reconnectPeriod: 0, protocolVersion: 4 })
    client.once('connect', () => {
      // Nagle would add tens of ms to a lone small publish (Nagle + delayed ACK).
      (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true)
      resolve({ id: login.username, client, seq: 0 })
    })
    client.once('error', reject)
  })
}

function publishCoolant (p: Probe, celsius: number): Promise<void> {
  const payload = fleetwire.v1.TelemetryBatch.encode({ seq: ++p.seq, session: 1, baseTimeMs: Date.now(), samples: [{ signalId: signalId(COOLANT), value: celsius, offsetMs: 0 }] }).finish()
  return new Promise((resolve, reject) => p.client.publish(vehicleTopic(p.id, 'telemetry'), Buffer.from(payload), { qos: 1 }, (err) => err ? reject(err) : resolve()))
}

interface Phase { p50Ms: number, p99Ms: number, maxMs: number, timeouts: number, gatewayCpuPct: number }

/** Round-robin over the probes: raise (timed), then clear so the next raise opens a new alert. */
async function measure (gw: GatewayProcess, probes: Probe[], listen: Awaited<ReturnType<typeof alertListener>>, label: string): Promise<Phase> {
  const hist = createHistogram()
  const latencies: number[] = []
  let timeouts = 0
  const cpu = new CpuMeter(() => [gw.pid])
  cpu.start()
  const inFlight: Array<Promise<void>> = []
  for (let i = 0; i < opts.raises; i++) {
    const p = probes[i % probes.length]!
    inFlight.push((async () => {
      const arrived = listen.waitFor(p.id)
      const t0 = performance.now()
      await publishCoolant(p, 150)
      const at = await arrived
      if (at === undefined) timeouts++
      else {
        record(hist, at - t0)
        latencies.push(at - t0)
      }
      await publishCoolant(p, 60)
    })())
    if (inFlight.length >= probes.length) await inFlight.shift()
    await sleep(opts.intervalMs)
    if ((i + 1) % 50 === 0) progress(`  ${label}: ${i + 1}/${opts.raises} raises, p99 so far ${round(quantile(hist, 0.99))} ms`)
  }
  await Promise.all(inFlight)
  const sorted = latencies.sort((a, b) => a - b)
  return { p50Ms: median(sorted), p99Ms: quantile(hist, 0.99), maxMs: sorted.at(-1) ?? Number.NaN, timeouts, gatewayCpuPct: cpu.lap() }
}

async function main (): Promise<void> {
  progress(`starting the gateway (default rules + ${PROBE_RULE})`)
  const gw = await GatewayProcess.start({ env: { DEMO_VEHICLES: '0' } })
  const pool = GeneratorPool.start(opts.workers)
  try {
    const logins = await gw.provision(opts.vehicles + opts.probes)
    const rule = { id: PROBE_RULE, name: 'bench: coolant at its catalog maximum', enabled: true, severity: 'minor', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 149.9, clear: 100, forS: 0, clearForS: 0 } }
    const created = await fetch(`${gw.httpUrl}/rules`, { method: 'POST', headers: { authorization: `Bearer ${gw.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(rule) })
    if (created.status !== 201) throw new Error(`POST /rules: ${created.status} ${await created.text()}`)
    const listen = await alertListener(gw)
    const probes = await Promise.all(logins.slice(opts.vehicles).map((l) => connectProbe(gw, l)))
    progress(`idle baseline: ${opts.raises} raises from ${probes.length} probe vehicles`)
    const idle = await measure(gw, probes, listen, 'idle')
    progress(`  idle: p50 ${round(idle.p50Ms)} ms, p99 ${round(idle.p99Ms)} ms, ${idle.timeouts} timeouts`)

    progress(`${await pool.connect(gw.mqttUrl, logins.slice(0, opts.vehicles), opts.samples, background)} background vehicles connected; offering ${opts.rate} msgs/s × ${opts.samples} samples (${background} values)`)
    pool.setLoad({ mode: 'open', qos: 1, msgsPerS: opts.rate, window: 8 })
    await sleep(3000)
    await pool.snapshot()
    const loaded = await measure(gw, probes, listen, 'loaded')
    const bg = await pool.snapshot()
    await pool.stopLoad()
    progress(`  loaded: p50 ${round(loaded.p50Ms)} ms, p99 ${round(loaded.p99Ms)} ms, ${loaded.timeouts} timeouts; background acked ${round(bg.completedPerS)} msgs/s (p99 ${round(bg.p99Ms)} ms)`)

    // Alerts the background itself raised (besides the probes'): the churn the probes competed with.
    const probeIds = new Set(probes.map((p) => p.id))
    const byRule = new Map<string, number>()
    for (let offset = 0; ; offset += 500) {
      const page = await (await fetch(`${gw.httpUrl}/alerts?limit=500&offset=${offset}`, { headers: { authorization: `Bearer ${gw.adminToken}` } })).json() as { total: number, items: Array<{ vehicleId: string, ruleId: string }> }
      for (const a of page.items) if (!probeIds.has(a.vehicleId)) byRule.set(a.ruleId, (byRule.get(a.ruleId) ?? 0) + 1)
      if (offset + 500 >= page.total) break
    }
    const backgroundAlerts = [...byRule.values()].reduce((a, b) => a + b, 0)
    progress(`  alerts raised by the background vehicles: ${backgroundAlerts} ${JSON.stringify(Object.fromEntries(byRule))}`)
    listen.ws.close()
    for (const p of probes) p.client.end(true)
    console.log(JSON.stringify({
      bench: 'alert_latency',
      probes: probes.length,
      raises: opts.raises,
      background_vehicles: opts.vehicles,
      background_values: background,
      background_alerts: backgroundAlerts,
      background_msgs_per_s: round(bg.completedPerS),
      background_samples_per_s: round(bg.completedPerS * opts.samples),
      p50_ms: round(loaded.p50Ms),
      p99_ms: round(loaded.p99Ms),
      max_ms: round(loaded.maxMs),
      timeouts: loaded.timeouts,
      idle_p50_ms: round(idle.p50Ms),
      idle_p99_ms: round(idle.p99Ms),
      ratio_p99_loaded_vs_idle: round(loaded.p99Ms / idle.p99Ms),
      gateway_cpu_pct: round(loaded.gatewayCpuPct),
      target_p99_ms: TARGET_P99_MS,
      met: loaded.p99Ms < TARGET_P99_MS && loaded.timeouts === 0,
    }))
  } finally {
    pool.close()
    await gw.stop()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
