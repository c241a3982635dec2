/**
 * `bench:ingest -- --sustained [--samples-total N]`: ingest through the
 * gateway (rules on, closed loop) until N samples are stored (default 200
 * million), reporting progress every few seconds and the rate of each tenth
 * of the run; then, on the full database: publish→committed latency at 80 %
 * of the sustained rate (open loop, latency counted from when each publish
 * was due, one histogram merged over all windows), bytes on disk per stored
 * sample, PostgreSQL checkpoints during the run, and the p99 of the reads
 * that must stay fast as the data grows.
 */
import pg from 'pg'
import { GatewayProcess } from './gateway-process.js'
import type { GeneratorPool } from './generator-pool.js'
import type { SampleValues } from './generator-protocol.js'
import { createHistogram, merge, quantile } from './latency-histogram.js'
import { progress, round, sleep } from './measure.js'
import type { BaselineResult } from './mosquitto-baseline.js'
import { createTelemetryRepository } from '../src/storage/telemetry.repository.js'
import { createDashboardRepository } from '../src/storage/dashboard.repository.js'

export interface SustainedOptions {
  targetSamples: number
  vehicles: number
  /** Vehicles registered in all (the fleet map reads every one); the first `vehicles` publish. */
  fleet: number
  samples: number
  inflight: number
  rules: boolean
  values: SampleValues
}

const TARGETS = { samplesPerS: 300_000, flatness: 0.9, p99Ms: 500, bytesPerSample: 30, ratio: 0.5, latest: 20, history_30d: 200, raw_1h: 50, fleet_map: 200 }
const POLL_MS = 5000
const LATENCY_WINDOWS = 6
const LATENCY_WINDOW_MS = 5000
const DAY_MS = 86_400_000

export async function runSustained (pool: GeneratorPool, opts: SustainedOptions, baseline: BaselineResult | undefined): Promise<Record<string, unknown>> {
  progress(`starting gateway (embedded PostgreSQL), rules ${opts.rules ? 'on' : 'off'}`)
  const gw = await GatewayProcess.start({
    env: { VEHICLE_MAX_MSGS_PER_S: '1000', VEHICLE_MAX_BYTES_PER_S: String(64 << 20), RULES_ENABLED: String(opts.rules), DEMO_VEHICLES: '0' },
  })
  const db = new pg.Pool({ connectionString: gw.databaseUrl(), max: 2 })
  try {
    const logins = await gw.provision(opts.vehicles)
    if (opts.fleet > opts.vehicles) {
      // Only read by the fleet map: written straight into the table (registering
      // them through the API costs ~0.1 s each, and they never log in).
      progress(`adding ${opts.fleet - opts.vehicles} more vehicles for the fleet map`)
      await db.query(`INSERT INTO vehicles (vehicle_id, model, region, fleet, secret_salt, secret_hash)
        SELECT 'FWMAP' || lpad(i::text, 12, '0'), 'FW-E1', 'EU', 'bench', '\\x00', '\\x00' FROM generate_series(1, $1::int) i`, [opts.fleet - opts.vehicles])
    }
    progress(`gateway: ${await pool.connect(gw.mqttUrl, logins, opts.samples, opts.values)} vehicles connected`)
    const checkpointsBefore = await checkpoints(db)
    const run = await ingestUntil(gw, pool, opts)
    const checkpointsDuring = (await checkpoints(db)) - checkpointsBefore

    const rateMsgs = 0.8 * run.samplesPerS / opts.samples
    progress(`latency at 80 % of the sustained rate: open loop at ${round(rateMsgs)} msgs/s`)
    const latency = await openLoopLatency(pool, rateMsgs)

    const size = await storedSize(db)
    progress(`stored ${size.samples} samples in ${round(size.bytes / 1e9)} GB: ${round(size.bytes / size.samples)} bytes per sample`)
    const queries = await queryP99(db)
    progress(`query p99 (ms): ${JSON.stringify(queries)}`)

    const flatness = run.tenths.at(-1)! / run.tenths[0]!
    const ratio = baseline === undefined ? Number.NaN : (run.samplesPerS / opts.samples) / baseline.msgsPerS
    const bytesPerSample = size.bytes / size.samples
    const clean = run.disconnects === 0 && run.rejected === 0 && latency.disconnects === 0
    return {
      bench: 'ingest_sustained',
      samples: size.samples,
      samples_per_s: round(run.samplesPerS),
      tenths_samples_per_s: run.tenths.map(round),
      flatness: round(flatness),
      p99_ms: round(latency.p99Ms),
      bytes_per_sample: round(bytesPerSample),
      baseline_mosquitto_acked_msgs_per_s: baseline === undefined ? null : round(baseline.msgsPerS),
      ratio_vs_mosquitto: round(ratio),
      query_p99_ms: queries,
      storage: 'postgres',
      checkpoints: checkpointsDuring,
      seconds: round(run.seconds),
      p50_ms: round(latency.p50Ms),
      latency_offered_msgs_per_s: round(rateMsgs),
      latency_acked_msgs_per_s: round(latency.ackedPerS),
      latency_missed_sends: latency.missed,
      client_disconnects: run.disconnects + latency.disconnects,
      rejected_msgs: run.rejected,
      mosquitto_subscriber_cpu_pct: baseline === undefined ? null : round(baseline.subscriberCpuPct),
      vehicles: opts.vehicles,
      fleet: opts.fleet,
      rules: opts.rules,
      gateway_log_problems: gw.logProblems(),
      targets_met: clean && size.samples >= 200_000_000 && run.samplesPerS >= TARGETS.samplesPerS && flatness >= TARGETS.flatness &&
        latency.p99Ms < TARGETS.p99Ms && bytesPerSample <= TARGETS.bytesPerSample && ratio >= TARGETS.ratio &&
        queries.latest < TARGETS.latest && queries.history_30d < TARGETS.history_30d && queries.raw_1h < TARGETS.raw_1h && queries.fleet_map < TARGETS.fleet_map,
    }
  } finally {
    await db.end()
    await gw.stop()
  }
}

/** Closed loop until `targetSamples` are stored; the time of each tenth interpolated between polls. */
async function ingestUntil (gw: GatewayProcess, pool: GeneratorPool, opts: SustainedOptions) {
  // A gateway saturated by the closed loop can answer /metrics late: that poll is skipped.
  const stored = async () => {
    for (;;) {
      try {
        return (await gw.metrics()).get('fleetwire_ingest_samples_stored_total') ?? 0
      } catch (err) {
        if (!gw.alive) throw err
        progress(`  /metrics did not answer (${(err as Error).message}); again`)
      }
    }
  }
  const rejectedNow = async () => {
    await stored()
    const m = await gw.metrics()
    return (m.get('fleetwire_mqtt_messages_rejected_total') ?? 0) + (m.get('fleetwire_mqtt_messages_shed_total') ?? 0)
  }
  const rejectedBefore = await rejectedNow()
  const step = opts.targetSamples / 10
  const crossedAt: number[] = []
  let disconnects = 0
  await pool.snapshot()
  const start = performance.now()
  let last = { t: start, n: await stored() }
  const startN = last.n
  pool.setLoad({ mode: 'closed', qos: 1, msgsPerS: 0, window: opts.inflight })
  while (last.n - startN < opts.targetSamples) {
    await sleep(POLL_MS)
    const now = { t: performance.now(), n: await stored() }
    const snap = await pool.snapshot()
    disconnects += snap.disconnects
    while (crossedAt.length < 10 && now.n - startN >= (crossedAt.length + 1) * step) {
      const goal = startN + (crossedAt.length + 1) * step
      crossedAt.push(last.t + (now.t - last.t) * (goal - last.n) / Math.max(1, now.n - last.n))
    }
    const rate = (now.n - last.n) / ((now.t - last.t) / 1000)
    progress(`${round((now.n - startN) / 1e6)}M of ${round(opts.targetSamples / 1e6)}M samples stored, ${round(rate)} samples/s now, ` +
      `${round((now.n - startN) / ((now.t - start) / 1000))} overall, disconnects ${disconnects}, errors ${snap.errors}, load ${(await loadAverage())}`)
    last = now
    if (!gw.alive) throw new Error(`gateway died:\n${gw.logTail()}`)
  }
  await pool.stopLoad()
  const seconds = (crossedAt.at(-1)! - start) / 1000
  const tenths = crossedAt.map((t, i) => step / ((t - (i === 0 ? start : crossedAt[i - 1]!)) / 1000))
  return { samplesPerS: opts.targetSamples / seconds, tenths, seconds, disconnects, rejected: (await rejectedNow()) - rejectedBefore }
}

async function openLoopLatency (pool: GeneratorPool, msgsPerS: number) {
  const hist = createHistogram()
  let missed = 0
  let disconnects = 0
  let acked = 0
  pool.setLoad({ mode: 'open', qos: 1, msgsPerS, window: 8 })
  await sleep(2000)
  await pool.snapshot()
  const start = performance.now()
  for (let i = 0; i < LATENCY_WINDOWS; i++) {
    await sleep(LATENCY_WINDOW_MS)
    const s = await pool.snapshot()
    merge(hist, s.latency)
    missed += s.missed
    disconnects += s.disconnects
    acked += s.completed
    progress(`  window ${i + 1}: acked ${round(s.completedPerS)}/s, missed ${s.missed}, p99 ${round(s.p99Ms)} ms`)
  }
  const ackedPerS = acked / ((performance.now() - start) / 1000)
  await pool.stopLoad()
  return { p50Ms: quantile(hist, 0.5), p99Ms: quantile(hist, 0.99), missed, disconnects, ackedPerS }
}

async function checkpoints (db: pg.Pool): Promise<number> {
  // PostgreSQL 17 moved the counters to pg_stat_checkpointer.
  const view = await db.query("SELECT 1 FROM pg_views WHERE viewname = 'pg_stat_checkpointer'")
  const sql = view.rows.length > 0
    ? 'SELECT (num_timed + num_requested)::float8 AS n FROM pg_stat_checkpointer'
    : 'SELECT (checkpoints_timed + checkpoints_req)::float8 AS n FROM pg_stat_bgwriter'
  return (await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0
}

/** Samples stored and the disk they take: every partition of telemetry_batches with its indexes and TOAST, plus telemetry_latest. */
async function storedSize (db: pg.Pool): Promise<{ samples: number, bytes: number }> {
  await db.query('VACUUM ANALYZE telemetry_batches')
  const { rows } = await db.query<{ samples: number, bytes: number }>(`
    SELECT (SELECT coalesce(sum(cardinality(signal_ids)), 0)::float8 FROM telemetry_batches) AS samples,
           ((SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) FROM pg_inherits i WHERE i.inhparent = 'telemetry_batches'::regclass)
             + pg_total_relation_size('telemetry_latest'))::float8 AS bytes`)
  return rows[0]!
}

async function queryP99 (db: pg.Pool) {
  const repo = createTelemetryRepository(db, { timescale: false })
  const dash = createDashboardRepository(db)
  const keys = (await db.query<{ k: number }>('SELECT vehicle_key AS k FROM telemetry_latest')).rows.map((r) => r.k)
  const signalId = (await db.query<{ s: number }>('SELECT signal_ids[1] AS s FROM telemetry_latest LIMIT 1')).rows[0]?.s ?? 1
  const pick = () => keys[Math.floor(Math.random() * keys.length)]!
  const now = Date.now()
  const time = async (n: number, fn: () => Promise<unknown>) => {
    const ms: number[] = []
    for (let i = 0; i < n; i++) {
      const t0 = performance.now()
      await fn()
      ms.push(performance.now() - t0)
    }
    ms.sort((a, b) => a - b)
    return round(ms[Math.min(ms.length - 1, Math.ceil(0.99 * ms.length) - 1)]!)
  }
  return {
    latest: await time(300, () => repo.latest(pick())),
    history_30d: await time(100, () => repo.history({ vehicleKey: pick(), signalId, fromMs: now - 30 * DAY_MS, toMs: now, bucketS: 3600 })),
    raw_1h: await time(300, () => repo.history({ vehicleKey: pick(), signalId, fromMs: now - 3_600_000, toMs: now })),
    // The whole fleet's map, page by page as the dashboard reads it (/fleet/positions pages of at most 5,000).
    fleet_map: await time(30, async () => {
      let after: string | undefined
      for (;;) {
        const page = await dash.positions({ fleets: null, regions: null }, { after, limit: 5000 })
        if (page.length < 5000) return
        after = page[page.length - 1]?.id
      }
    }),
  }
}

async function loadAverage (): Promise<string> {
  const { loadavg } = await import('node:os')
  return loadavg().map((x) => x.toFixed(1)).join(' ')
}
