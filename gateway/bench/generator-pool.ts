/**
 * The orchestrator's side of the load generators: N forked processes, each
 * driving a share of the vehicles, so the generator is not the bottleneck
 * (one mqtt.js process tops out at ~37–54k QoS 1 publishes/s on a 2-core machine).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createHistogram, merge, quantile, type HistogramData } from './latency-histogram.js'
import type { AckedBatches, GeneratorCommand, GeneratorReport, LoadSpec, SampleValues, VehicleLogin } from './generator-protocol.js'

const WORKER = fileURLToPath(new URL('./load-generator.ts', import.meta.url))

/** All workers' counters for one interval, as totals and rates. */
export interface PoolSnapshot {
  completed: number
  completedPerS: number
  sentPerS: number
  missed: number
  errors: number
  disconnects: number
  latency: HistogramData
  p50Ms: number
  p99Ms: number
}

type Waiter = { type: GeneratorReport['type'], resolve: (r: GeneratorReport) => void, reject: (e: Error) => void }

class GeneratorProcess {
  private readonly waiters: Waiter[] = []

  constructor (readonly child: ChildProcess) {
    child.on('message', (r: GeneratorReport) => {
      const i = this.waiters.findIndex((w) => w.type === r.type || r.type === 'failed')
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(r)
    })
    child.on('exit', (code) => {
      for (const w of this.waiters.splice(0)) w.reject(new Error(`load generator ${child.pid} exited with ${code}`))
    })
  }

  send (cmd: GeneratorCommand): void {
    this.child.send(cmd)
  }

  request<T extends GeneratorReport['type']> (cmd: GeneratorCommand, type: T): Promise<Extract<GeneratorReport, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiters.push({
        type,
        resolve: (r) => r.type === 'failed' ? reject(new Error(r.detail)) : resolve(r as Extract<GeneratorReport, { type: T }>),
        reject,
      })
      this.send(cmd)
    })
  }
}

export class GeneratorPool {
  /** Totals over all snapshots so far (the workers reset their counters at each snapshot). */
  completedTotal = 0
  disconnectsTotal = 0

  private constructor (private readonly workers: GeneratorProcess[]) {}

  static start (count: number): GeneratorPool {
    return new GeneratorPool(Array.from({ length: count }, () =>
      new GeneratorProcess(fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))))
  }

  get pids (): number[] {
    return this.workers.flatMap((w) => w.child.pid === undefined ? [] : [w.child.pid])
  }

  /** Deals the logins out round-robin and connects them all; resolves to the client count. */
  async connect (url: string, logins: VehicleLogin[], samples: number, values: SampleValues = 'uniform'): Promise<number> {
    const shares = this.workers.map((_, i) => logins.filter((__, j) => j % this.workers.length === i))
    const replies = await Promise.all(this.workers.map((w, i) => w.request({ type: 'connect', url, logins: shares[i]!, samples, values }, 'connected')))
    return replies.reduce((s, r) => s + r.clients, 0)
  }

  /** `spec.msgsPerS` is the total; each worker offers its share. */
  setLoad (spec: LoadSpec): void {
    for (const w of this.workers) w.send({ type: 'load', spec: { ...spec, msgsPerS: spec.msgsPerS / this.workers.length } })
  }

  /** Stops publishing and waits for outstanding publishes; resolves to those still unacknowledged. */
  async stopLoad (): Promise<number> {
    const replies = await Promise.all(this.workers.map((w) => w.request({ type: 'stop-load' }, 'stopped')))
    return replies.reduce((s, r) => s + r.inflight, 0)
  }

  /** Counters since the previous snapshot, summed over workers (rates per worker's own clock). */
  async snapshot (): Promise<PoolSnapshot> {
    const replies = await Promise.all(this.workers.map((w) => w.request({ type: 'snapshot' }, 'snapshot')))
    const out: PoolSnapshot = { completed: 0, completedPerS: 0, sentPerS: 0, missed: 0, errors: 0, disconnects: 0, latency: createHistogram(), p50Ms: 0, p99Ms: 0 }
    for (const { counters: c } of replies) {
      const s = c.intervalMs / 1000
      out.completed += c.completed
      out.completedPerS += c.completed / s
      out.sentPerS += c.sent / s
      out.missed += c.missed
      out.errors += c.errors
      out.disconnects += c.disconnects
      merge(out.latency, c.latency)
    }
    this.completedTotal += out.completed
    this.disconnectsTotal += out.disconnects
    out.p50Ms = quantile(out.latency, 0.5)
    out.p99Ms = quantile(out.latency, 0.99)
    return out
  }

  /** Every batch acknowledged so far, per vehicle, from all workers. */
  async acked (): Promise<AckedBatches[]> {
    const replies = await Promise.all(this.workers.map((w) => w.request({ type: 'acked' }, 'acked')))
    return replies.flatMap((r) => r.vehicles)
  }

  async disconnect (): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ type: 'disconnect' }, 'disconnected')))
  }

  close (): void {
    for (const w of this.workers) {
      w.child.disconnect()
      w.child.kill()
    }
  }
}
