/**
 * Measurement windows shared by the gateway run and the mosquitto baseline:
 * warm up, then several back-to-back windows, each read from the generator
 * pool and from a probe of the server side. The machine is shared and
 * noisy, so callers report medians over windows.
 */
import type { GeneratorPool, PoolSnapshot } from './generator-pool.js'

/**
 * Server-side figures for the interval since the previous lap (the first lap
 * only resets). `other_cpu_pct`, the CPU used by processes outside the bench,
 * marks windows disturbed by other work on the machine.
 */
export interface WindowProbe {
  lap(): Promise<Record<string, number> & { other_cpu_pct: number }>
}

export interface WindowResult {
  pool: PoolSnapshot
  probe: Record<string, number>
}

export interface WindowPlan {
  warmupS: number
  windows: number
  windowS: number
  /** Windows added, at most, while fewer than MIN_QUIET were quiet. */
  extraWindows: number
}

export interface Measured {
  /** The windows to take medians over: the quiet ones if there are enough, else all. */
  windows: WindowResult[]
  measured: number
}

/** Other processes using more than a quarter of a core make a window noisy. */
const QUIET_OTHER_CPU_PCT = 25
const MIN_QUIET = 3

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A command-line option that must be a positive number; throws naming the option. */
export function positiveArg (name: string, v: string | undefined): number {
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${v}`)
  return n
}

export function progress (line: string): void {
  process.stderr.write(`[bench] ${line}\n`)
}

export async function runWindows (pool: GeneratorPool, probe: WindowProbe, plan: WindowPlan): Promise<Measured> {
  await sleep(plan.warmupS * 1000)
  await pool.snapshot()
  await probe.lap()
  const all: WindowResult[] = []
  const quiet = () => all.filter((w) => (w.probe.other_cpu_pct ?? 0) < QUIET_OTHER_CPU_PCT)
  while (all.length < plan.windows || (quiet().length < MIN_QUIET && all.length < plan.windows + plan.extraWindows)) {
    await sleep(plan.windowS * 1000)
    const snap = await pool.snapshot()
    const result = { pool: snap, probe: await probe.lap() }
    all.push(result)
    progress(`  window ${all.length}: ${describe(result)}`)
  }
  const q = quiet()
  if (q.length < MIN_QUIET) progress(`  only ${q.length} of ${all.length} windows were quiet (other processes < ${QUIET_OTHER_CPU_PCT} % CPU): medians over all`)
  return { windows: q.length >= MIN_QUIET ? q : all, measured: all.length }
}

function describe ({ pool, probe }: WindowResult): string {
  const extra = Object.entries(probe).map(([k, v]) => `${k}=${round(v)}`).join(' ')
  return `acked ${round(pool.completedPerS)}/s (sent ${round(pool.sentPerS)}/s, missed ${pool.missed}, errors ${pool.errors}, disconnects ${pool.disconnects}) p50 ${round(pool.p50Ms)} ms p99 ${round(pool.p99Ms)} ms ${extra}`
}

export function median (xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return Number.NaN
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Median over windows of one figure, from the pool or the probe. */
export function medianOf (ws: WindowResult[], pick: (w: WindowResult) => number | undefined): number {
  return median(ws.map((w) => pick(w) ?? Number.NaN))
}

/** Rounds for display and JSON: 3 significant decimals below 10, integers above. */
export function round (x: number): number {
  if (!Number.isFinite(x)) return x
  return Math.abs(x) >= 10 ? Math.round(x) : Math.round(x * 1000) / 1000
}
