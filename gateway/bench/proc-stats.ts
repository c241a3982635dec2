/**
 * CPU and memory of other processes, read from /proc (Linux only): the
 * gateway, its embedded PostgreSQL, mosquitto and the load generators.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

/** USER_HZ; 100 on every Linux architecture Node supports (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_S = 100

function readProc (pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return undefined // the process is gone
  }
}

/** Fields of /proc/<pid>/stat after the command name, which may contain spaces. */
function statFields (pid: number): string[] | undefined {
  const stat = readProc(pid, 'stat')
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds (pid: number): number | undefined {
  const f = statFields(pid)
  // After the name: [0] state, [1] ppid, ..., [11] utime, [12] stime.
  return f === undefined ? undefined : (Number(f[11]) + Number(f[12])) / CLOCK_TICKS_PER_S
}

export function rssMb (pid: number): number | undefined {
  const m = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '')
  return m === null ? undefined : Number(m[1]) / 1024
}

export function isAlive (pid: number): boolean {
  const state = statFields(pid)?.[0]
  return state !== undefined && state !== 'Z' && state !== 'X'
}

function allPids (): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)
}

/** Processes whose command line contains `needle` (e.g. a data directory). */
export function pidsWithCmdline (needle: string): number[] {
  return allPids().filter((pid) => (readProc(pid, 'cmdline') ?? '').includes(needle))
}

/** The processes and all their descendants. */
export function withDescendants (roots: number[]): number[] {
  const children = new Map<number, number[]>()
  for (const pid of allPids()) {
    const ppid = Number(statFields(pid)?.[1])
    children.set(ppid, [...children.get(ppid) ?? [], pid])
  }
  const out = new Set<number>()
  const visit = (pid: number) => {
    if (out.has(pid)) return
    out.add(pid)
    for (const c of children.get(pid) ?? []) visit(c)
  }
  roots.forEach(visit)
  return [...out]
}

/**
 * CPU used by a set of processes over an interval, in percent of one core
 * (200 % = both cores of this machine). The set is looked up at both ends,
 * so processes started in between (PostgreSQL backends) are counted.
 */
export class CpuMeter {
  private startTicks = new Map<number, number>()
  private startMs = 0

  constructor (private readonly pids: () => number[]) {}

  start (): void {
    this.startMs = performance.now()
    this.startTicks = new Map(this.pids().flatMap((p) => {
      const s = cpuSeconds(p)
      return s === undefined ? [] : [[p, s] as const]
    }))
  }

  /** Percent since start(); the meter restarts from here. */
  lap (): number {
    const elapsedS = (performance.now() - this.startMs) / 1000
    const before = this.startTicks
    this.start()
    let used = 0
    for (const [pid, s] of this.startTicks) used += s - (before.get(pid) ?? 0)
    return elapsedS > 0 ? (100 * used) / elapsedS : 0
  }
}

/** Busy CPU of the whole machine over an interval, in percent of one core, from /proc/stat. */
export class MachineCpuMeter {
  private last = MachineCpuMeter.read()

  private static read (): { busy: number, total: number } {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const total = f.reduce((s, x) => s + x, 0)
    // idle + iowait; guest time is already inside user.
    return { busy: total - (f[3] ?? 0) - (f[4] ?? 0) - (f[8] ?? 0) - (f[9] ?? 0), total: total - (f[8] ?? 0) - (f[9] ?? 0) }
  }

  lap (): number {
    const now = MachineCpuMeter.read()
    const busy = now.busy - this.last.busy
    const total = now.total - this.last.total
    this.last = now
    return total > 0 ? (100 * availableParallelism() * busy) / total : 0
  }
}
