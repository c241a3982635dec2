/**
 * The gateway under test as a child process on fresh ports and a fresh
 * data directory, plus the HTTP calls the bench makes to it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { isAlive, pidsWithCmdline, withDescendants } from './proc-stats.js'
import type { VehicleLogin } from './generator-protocol.js'
import { freePort } from '../test/support/free-port.js'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface GatewayOptions {
  /** Extra environment, e.g. VEHICLE_MAX_MSGS_PER_S. */
  env: Record<string, string>
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[]
  /** Reuse this state directory (spool, embedded PostgreSQL) instead of a fresh one; it is kept on stop(). */
  dataDir?: string
  /** Fixed ports (a restarted cluster instance keeps its place behind the load balancer); default: free ones. */
  ports?: { http: number, mqtt: number }
}


/** A pino JSON line; undefined for the banner and anything cut off mid-write. */
function parseLogLine (line: string): { level?: number, msg?: string } | undefined {
  if (!line.startsWith('{')) return undefined
  try {
    return JSON.parse(line) as { level?: number, msg?: string }
  } catch {
    return undefined
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Bench VINs: 17 characters of the VIN alphabet (no I, O or Q). */
export function benchVin (i: number): string {
  return `FWBENCH${String(i).padStart(10, '0')}`
}

export class GatewayProcess {
  private constructor (
    readonly child: ChildProcess,
    readonly dataDir: string,
    readonly httpUrl: string,
    readonly mqttUrl: string,
    readonly adminToken: string,
    private readonly pgPort: number,
    private readonly logFile: string,
    private readonly ownsDataDir: boolean,
  ) {}

  static async start (opts: GatewayOptions): Promise<GatewayProcess> {
    const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'fleetwire-bench-'))
    const [httpPort, mqttPort, pgPort] = [opts.ports?.http ?? await freePort(), opts.ports?.mqtt ?? await freePort(), await freePort()]
    const adminToken = opts.env.ADMIN_TOKEN ?? randomBytes(24).toString('base64url')
    const logFile = path.join(dataDir, 'gateway.log')
    const out = openSync(logFile, 'a')
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'gateway/src/server.ts'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        HTTP_PORT: String(httpPort),
        MQTT_PORT: String(mqttPort),
        ADMIN_TOKEN: adminToken,
        LOG_LEVEL: 'warn',
        ...opts.env,
      },
    })
    const gw = new GatewayProcess(child, dataDir, `http://127.0.0.1:${httpPort}`, `mqtt://127.0.0.1:${mqttPort}`, adminToken, pgPort, logFile, opts.dataDir === undefined)
    try {
      await gw.waitReady(120_000)
    } catch (err) {
      await gw.stop()
      throw err
    }
    return gw
  }

  get pid (): number {
    if (this.child.pid === undefined) throw new Error('gateway has no pid')
    return this.child.pid
  }

  get alive (): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && isAlive(this.pid)
  }

  /** The embedded server's `fleetwire` database (its password file sits beside the cluster). */
  databaseUrl (): string {
    const password = readFileSync(path.join(this.dataDir, 'pg-password'), 'utf8').trim()
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.pgPort}/fleetwire`
  }

  /** The embedded PostgreSQL server processes (postmaster and backends). */
  postgresPids (): number[] {
    return withDescendants(pidsWithCmdline(this.dataDir).filter((p) => p !== this.pid))
  }

  logTail (lines = 30): string {
    return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n')
  }

  /** Warnings and errors the gateway logged, counted by message. */
  logProblems (): Record<string, number> {
    const out: Record<string, number> = {}
    for (const line of readFileSync(this.logFile, 'utf8').split('\n')) {
      const entry = parseLogLine(line)
      if (entry !== undefined && (entry.level ?? 0) >= 40) out[entry.msg ?? '?'] = (out[entry.msg ?? '?'] ?? 0) + 1
    }
    return out
  }

  /** GET /readyz: its status ('timeout' after 2 s) and how long it took. */
  async readyz (): Promise<{ status: number | 'timeout' | 'refused', ms: number }> {
    const t0 = performance.now()
    try {
      const res = await fetch(`${this.httpUrl}/readyz`, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      return { status: res.status, ms: performance.now() - t0 }
    } catch (err) {
      return { status: err instanceof DOMException && err.name === 'TimeoutError' ? 'timeout' : 'refused', ms: performance.now() - t0 }
    }
  }

  private async waitReady (timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`gateway exited (${this.child.exitCode ?? this.child.signalCode}) before it was ready:\n${this.logTail()}`)
      if ((await this.readyz()).status === 200) return
      await sleep(200)
    }
    throw new Error(`gateway not ready after ${timeoutMs} ms:\n${this.logTail()}`)
  }

  /** Registers vehicles benchVin(first) … benchVin(first + count - 1), `concurrency` requests in flight; resolves to their MQTT logins. */
  async provision (count: number, concurrency = 20, first = 0): Promise<VehicleLogin[]> {
    const logins: VehicleLogin[] = new Array(count)
    let next = 0
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const res = await fetch(`${this.httpUrl}/vehicles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ id: benchVin(first + i), model: 'FW-E1', region: 'EU', fleet: 'bench' }),
        })
        if (res.status !== 201) throw new Error(`POST /vehicles ${benchVin(first + i)}: ${res.status} ${await res.text()}`)
        const body = await res.json() as { credentials: VehicleLogin }
        logins[i] = body.credentials
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return logins
  }

  /** The Prometheus text of GET /metrics, each series name summed over its label sets. */
  async metrics (): Promise<Map<string, number>> {
    const res = await fetch(`${this.httpUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })
    const sums = new Map<string, number>()
    for (const line of (await res.text()).split('\n')) {
      if (line === '' || line.startsWith('#')) continue
      const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line)
      if (m === null) continue
      const name = m[1]!
      const value = Number(m[3])
      sums.set(name, (sums.get(name) ?? 0) + value)
      if (m[2] !== undefined) sums.set(name + m[2], value)
    }
    return sums
  }

  /** Resolves when the process has exited, with how. */
  exited (): Promise<{ code: number | null, signal: NodeJS.Signals | null }> {
    // Node's own record, not /proc: an exited child is a zombie (not `alive`) until this process reaps it, and
    // only then are its exit code and signal known; on a loaded machine that takes hundreds of milliseconds.
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve({ code: this.child.exitCode, signal: this.child.signalCode })
    return new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })))
  }

  /** SIGTERM, then SIGKILL; also ends an orphaned PostgreSQL and removes the data dir (unless given in the options). */
  async stop (): Promise<void> {
    if (this.alive) {
      this.child.kill('SIGTERM')
      const deadline = Date.now() + 15_000
      while (this.alive && Date.now() < deadline) await sleep(100)
      if (this.alive) this.child.kill('SIGKILL')
    }
    for (const pid of pidsWithCmdline(this.dataDir)) {
      try {
        process.kill(pid, 'SIGQUIT') // PostgreSQL's immediate shutdown
      } catch { /* already gone */ }
    }
    await sleep(500)
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true })
  }
}
