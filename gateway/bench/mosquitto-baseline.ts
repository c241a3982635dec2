/**
 * The baseline: the QoS 1 message rate Debian's mosquitto acknowledges to
 * the same clients while merely relaying their publishes to one subscriber
 * (mosquitto_sub: no decoding, no storage). Queue and in-flight limits are
 * raised because the defaults silently drop 32–91 % of messages to a slow
 * subscriber (measured on this project's bench machine); the run checks
 * afterwards that every published message was received.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import mqtt from 'mqtt'
import { vehicleTopic } from '@fleetwire/proto'
import { benchVin } from './gateway-process.js'
import { freePort } from '../test/support/free-port.js'
import type { GeneratorPool } from './generator-pool.js'
import { CpuMeter, MachineCpuMeter } from './proc-stats.js'
import { medianOf, progress, runWindows, sleep, type WindowPlan } from './measure.js'

const MOSQUITTO = '/usr/sbin/mosquitto'
const MOSQUITTO_SUB = '/usr/bin/mosquitto_sub'
const DRAIN_TIMEOUT_MS = 30_000

export interface BaselineOptions extends WindowPlan {
  vehicles: number
  samples: number
  window: number
}

export interface BaselineResult {
  msgsPerS: number
  mosquittoCpuPct: number
  subscriberCpuPct: number
  generatorCpuPct: number
  /** CPU used by processes outside the bench: the machine is shared. */
  otherCpuPct: number
  /** Messages the C subscriber received per second. */
  relayedPerS: number
  published: number
  received: number
  windowsUsed: string
}

/** Installs mosquitto with apt when running as root; otherwise says how. */
export function ensureMosquitto (): boolean {
  if (existsSync(MOSQUITTO)) return true
  if (process.getuid?.() !== 0) {
    progress(`${MOSQUITTO} is missing: run \`sudo apt-get update && sudo apt-get install -y mosquitto\` (or pass --skip-baseline)`)
    return false
  }
  progress('installing mosquitto with apt-get')
  spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto'], { stdio: ['ignore', 'inherit', 'inherit'] })
  return existsSync(MOSQUITTO)
}

function writeConfig (dir: string, port: number): string {
  const file = path.join(dir, 'mosquitto.conf')
  writeFileSync(file, [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    'persistence false',
    'set_tcp_nodelay true',
    'max_inflight_messages 1000',
    'max_queued_messages 10000000',
    'max_queued_bytes 0',
    'log_dest stderr',
    'log_type error',
    '',
  ].join('\n'))
  return file
}

/**
 * The relay's subscriber is mosquitto's own C client (QoS 1, TCP_NODELAY),
 * so the baseline measures the broker, not a JavaScript subscriber. It
 * prints one byte per message (-N -F .), which is how they are counted.
 * Resolves once a probe message went through the subscription.
 */
async function startSubscriber (url: string, port: number, onMessages: (n: number) => void): Promise<ChildProcess> {
  const sub = spawn(MOSQUITTO_SUB, ['-h', '127.0.0.1', '-p', String(port), '-q', '1', '-t', vehicleTopic('+', 'telemetry'),
    '-i', 'fleetwire-bench-relay', '--nodelay', '-N', '-F', '.'], { stdio: ['ignore', 'pipe', 'inherit'] })
  let seen = 0
  sub.stdout?.on('data', (b: Buffer) => { seen += b.length; onMessages(b.length) })
  const probe = await mqtt.connectAsync(url, { clientId: 'fleetwire-bench-sub-probe', reconnectPeriod: 0 })
  try {
    for (let i = 0; i < 100 && seen === 0; i++) {
      if (sub.exitCode !== null) throw new Error(`mosquitto_sub exited with ${sub.exitCode}`)
      await probe.publishAsync(vehicleTopic('PROBE', 'telemetry'), 'probe', { qos: 1 })
      await sleep(100)
    }
    if (seen === 0) throw new Error('mosquitto_sub received nothing')
    // Probes still in flight arrive late: let them, then start counting from zero.
    await sleep(300)
  } finally {
    await probe.endAsync()
  }
  return sub
}

async function waitForListener (url: string, mosquitto: ChildProcess): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (mosquitto.exitCode !== null) throw new Error(`mosquitto exited with ${mosquitto.exitCode}`)
    try {
      const probe = await mqtt.connectAsync(url, { clientId: 'fleetwire-bench-probe', reconnectPeriod: 0, connectTimeout: 1000 })
      await probe.endAsync()
      return
    } catch {
      await sleep(100)
    }
  }
  throw new Error('mosquitto did not start listening')
}

export async function runMosquittoBaseline (pool: GeneratorPool, opts: BaselineOptions): Promise<BaselineResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fleetwire-bench-mosquitto-'))
  const port = await freePort()
  const url = `mqtt://127.0.0.1:${port}`
  const mosquitto = spawn(MOSQUITTO, ['-c', writeConfig(dir, port)], { stdio: ['ignore', 'ignore', 'inherit'] })
  let sub: ChildProcess | undefined
  try {
    await waitForListener(url, mosquitto)
    let received = 0
    sub = await startSubscriber(url, port, (n) => { received += n })
    received = 0
    const clients = await pool.connect(url, Array.from({ length: opts.vehicles }, (_, i) => ({ username: benchVin(i), password: 'unused' })), opts.samples)
    progress(`mosquitto: ${clients} publishers + 1 subscriber connected, closed loop, ${opts.window} QoS 1 in flight per publisher`)

    const mosquittoCpu = new CpuMeter(() => mosquitto.pid === undefined ? [] : [mosquitto.pid])
    const subscriberCpu = new CpuMeter(() => sub?.pid === undefined ? [] : [sub.pid])
    const selfCpu = new CpuMeter(() => [process.pid])
    const generatorCpu = new CpuMeter(() => pool.pids)
    const machineCpu = new MachineCpuMeter()
    let lastReceived = 0
    let lastMs = performance.now()
    const probe = {
      async lap () {
        const now = performance.now()
        const rate = (received - lastReceived) / ((now - lastMs) / 1000)
        lastReceived = received
        lastMs = now
        const cpu = { mosquitto_cpu_pct: mosquittoCpu.lap(), subscriber_cpu_pct: subscriberCpu.lap(), generator_cpu_pct: generatorCpu.lap() }
        const ours = cpu.mosquitto_cpu_pct + cpu.subscriber_cpu_pct + cpu.generator_cpu_pct + selfCpu.lap()
        return { relayed_per_s: rate, ...cpu, other_cpu_pct: machineCpu.lap() - ours }
      },
    }
    await pool.snapshot()
    const completedBefore = pool.completedTotal
    pool.setLoad({ mode: 'closed', qos: 1, msgsPerS: 0, window: opts.window })
    const { windows, measured } = await runWindows(pool, probe, opts)
    await pool.stopLoad()
    await pool.snapshot()
    const published = pool.completedTotal - completedBefore
    const deadline = Date.now() + DRAIN_TIMEOUT_MS
    while (received < published && Date.now() < deadline) await sleep(50)
    await pool.disconnect()
    return {
      // What the publishers got acknowledged, as on the gateway side (the subscriber drains the relay).
      msgsPerS: medianOf(windows, (w) => w.pool.completedPerS),
      relayedPerS: medianOf(windows, (w) => w.probe.relayed_per_s),
      mosquittoCpuPct: medianOf(windows, (w) => w.probe.mosquitto_cpu_pct),
      subscriberCpuPct: medianOf(windows, (w) => w.probe.subscriber_cpu_pct),
      generatorCpuPct: medianOf(windows, (w) => w.probe.generator_cpu_pct),
      otherCpuPct: medianOf(windows, (w) => w.probe.other_cpu_pct),
      published,
      received,
      windowsUsed: `${windows.length}/${measured}`,
    }
  } finally {
    sub?.kill('SIGTERM')
    mosquitto.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}
