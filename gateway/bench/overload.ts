/**
 * `--overload`: offer a multiple of the measured capacity as QoS 0 (which
 * the gateway may shed; QoS 1 would only be slowed) and check that the
 * gateway stays up and ready, that its memory levels off, and that every
 * offered message is accounted for as stored, shed or rejected.
 */
import type { GatewayProcess } from './gateway-process.js'
import type { GeneratorPool } from './generator-pool.js'
import { progress, round, sleep } from './measure.js'
import { rssMb } from './proc-stats.js'

export interface OverloadOptions {
  offeredMsgsPerS: number
  durationS: number
  samples: number
}

export interface OverloadResult {
  target_offered_msgs_per_s: number
  offered_msgs_per_s: number
  offered_msgs: number
  stored_msgs: number
  shed_msgs: number
  rejected_msgs: number
  accounted: boolean
  stored_msgs_per_s_under_overload: number
  /** Failed GET /readyz polls (one a second) by HTTP status, 'timeout' (2 s) or 'refused'. */
  ready_failures: Record<string, number>
  readyz_max_ms: number
  crashed: boolean
  client_disconnects: number
  rss_before_mb: number
  peak_rss_mb: number
  rss_levelled_off: boolean
}

const QOS0_WINDOW = 64
const SETTLE_TIMEOUT_MS = 60_000

/** Polls RSS and readiness while the load runs. */
function watch (gw: GatewayProcess) {
  const rss: number[] = []
  const readyFailures: Record<string, number> = {}
  let readyMaxMs = 0
  const rssTimer = setInterval(() => {
    const mb = rssMb(gw.pid)
    if (mb !== undefined) rss.push(mb)
  }, 250)
  const readyTimer = setInterval(() => {
    void gw.readyz().then(({ status, ms }) => {
      readyMaxMs = Math.max(readyMaxMs, ms)
      if (status !== 200) readyFailures[status] = (readyFailures[status] ?? 0) + 1
    })
  }, 1000)
  return {
    stop () {
      clearInterval(rssTimer)
      clearInterval(readyTimer)
      return { rss, readyFailures, readyMaxMs }
    },
  }
}

/** The gateway's metrics, or none once it has died: a crash is a result here, not a bench failure. */
async function metricsIfAlive (gw: GatewayProcess): Promise<Map<string, number> | undefined> {
  if (!gw.alive) return undefined
  try {
    return await gw.metrics()
  } catch (err) {
    progress(`  GET /metrics failed: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
}

/** Metric deltas once the gateway has processed everything it was sent, or the timeout passed. */
async function settle (gw: GatewayProcess, before: Map<string, number>, offered: number) {
  const delta = (m: Map<string, number> | undefined, k: string) => m === undefined ? Number.NaN : (m.get(k) ?? 0) - (before.get(k) ?? 0)
  const deadline = Date.now() + SETTLE_TIMEOUT_MS
  for (;;) {
    const m = await metricsIfAlive(gw)
    const drained = m !== undefined && delta(m, 'fleetwire_mqtt_messages_in_total{channel="telemetry"}') >= offered && (m.get('fleetwire_ingest_queue_samples') ?? 0) === 0
    if (drained || Date.now() > deadline || !gw.alive) return (k: string) => delta(m, k)
    await sleep(250)
  }
}

export async function runOverload (gw: GatewayProcess, pool: GeneratorPool, opts: OverloadOptions): Promise<OverloadResult> {
  const rssBefore = rssMb(gw.pid) ?? Number.NaN
  const before = await gw.metrics()
  await pool.snapshot()
  const offeredBefore = pool.completedTotal
  const disconnectsBefore = pool.disconnectsTotal
  progress(`overload: offering ${round(opts.offeredMsgsPerS)} QoS 0 msgs/s for ${opts.durationS} s`)
  const watcher = watch(gw)
  const startMs = performance.now()
  pool.setLoad({ mode: 'open', qos: 0, msgsPerS: opts.offeredMsgsPerS, window: QOS0_WINDOW })
  for (let t = 0; t < opts.durationS; t += 5) {
    await sleep(Math.min(5, opts.durationS - t) * 1000)
    const s = await pool.snapshot()
    progress(`  t=${Math.min(t + 5, opts.durationS)} s: offered ${round(s.completedPerS)} msgs/s (missed ${s.missed}), gateway rss ${round(rssMb(gw.pid) ?? Number.NaN)} MB, alive ${gw.alive}`)
  }
  const stored = 'fleetwire_ingest_samples_stored_total'
  const storedDuringLoad = ((await metricsIfAlive(gw))?.get(stored) ?? Number.NaN) - (before.get(stored) ?? 0)
  await pool.stopLoad()
  const elapsedS = (performance.now() - startMs) / 1000
  await pool.snapshot()
  const { rss, readyFailures, readyMaxMs } = watcher.stop()
  // QoS 0 completes when written to the socket: that is what the gateway was offered.
  const offered = pool.completedTotal - offeredBefore

  const d = await settle(gw, before, offered)
  const storedSamples = d(stored) + d('fleetwire_ingest_samples_duplicate_total')
  const storedMsgs = storedSamples / opts.samples
  // Samples that failed validation belong to processed messages: counted in message units too.
  const rejectedSampleMsgs = d('fleetwire_ingest_samples_rejected_total') / opts.samples
  const shed = d('fleetwire_mqtt_messages_shed_total')
  const rejected = d('fleetwire_mqtt_messages_rejected_total')
  const accounted = storedMsgs + rejectedSampleMsgs + shed + rejected
  const half = rss.length >> 1
  const firstHalfPeak = Math.max(...rss.slice(0, half))
  const peak = Math.max(...rss)
  progress(`overload: offered ${offered}, stored ${round(storedMsgs)}, shed ${shed}, rejected ${rejected + rejectedSampleMsgs}, accounted ${round(accounted)}, ready failures ${JSON.stringify(readyFailures)}, peak rss ${round(peak)} MB`)
  return {
    target_offered_msgs_per_s: opts.offeredMsgsPerS,
    offered_msgs_per_s: offered / elapsedS,
    offered_msgs: offered,
    stored_msgs: storedMsgs,
    shed_msgs: shed,
    rejected_msgs: rejected + rejectedSampleMsgs,
    accounted: Math.abs(accounted - offered) < 0.5,
    stored_msgs_per_s_under_overload: storedDuringLoad / opts.samples / opts.durationS,
    ready_failures: readyFailures,
    readyz_max_ms: readyMaxMs,
    crashed: !gw.alive,
    client_disconnects: pool.disconnectsTotal - disconnectsBefore,
    rss_before_mb: rssBefore,
    peak_rss_mb: peak,
    // Levelled off: the second half of the run peaks no more than 10 % (+16 MB) above the first.
    rss_levelled_off: peak <= firstHalfPeak * 1.1 + 16,
  }
}
