/**
 * Log-bucketed latency histogram: 2 % relative precision from 10 µs up,
 * small enough to send over IPC every window and merge across workers
 * (keeping every sample would cost megabytes per window at 10k msgs/s).
 */
const FLOOR_MS = 0.01
const GROWTH = 1.02
const LOG_GROWTH = Math.log(GROWTH)

/** bucket index → count; plain object so it survives JSON IPC. */
export type HistogramData = Record<string, number>

export function createHistogram (): HistogramData {
  return {}
}

export function record (h: HistogramData, ms: number): void {
  const i = ms <= FLOOR_MS ? 0 : Math.floor(Math.log(ms / FLOOR_MS) / LOG_GROWTH) + 1
  h[i] = (h[i] ?? 0) + 1
}

export function merge (into: HistogramData, from: HistogramData): HistogramData {
  for (const [i, n] of Object.entries(from)) into[i] = (into[i] ?? 0) + n
  return into
}

/** The q-quantile (0..1) in ms, as the geometric middle of its bucket; NaN when empty. */
export function quantile (h: HistogramData, q: number): number {
  const buckets = Object.entries(h).map(([i, n]) => [Number(i), n] as const).sort((a, b) => a[0] - b[0])
  const total = buckets.reduce((s, [, n]) => s + n, 0)
  if (total === 0) return Number.NaN
  const rank = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (const [i, n] of buckets) {
    seen += n
    if (seen >= rank) return i === 0 ? FLOOR_MS : FLOOR_MS * GROWTH ** (i - 0.5)
  }
  return Number.NaN
}
