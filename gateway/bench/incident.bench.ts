/**
 * npm run bench:incident [-- --vehicles 10000 --runs 3 --processes 2]
 *
 * A safety notice to N connected simulated vehicles: the real gateway
 * (fastify + aedes + embedded PostgreSQL or DATABASE_URL) in this process,
 * the vehicles as real mqtt.js clients over TCP in forked processes
 * (notice-fleet.worker.ts), each with the simulator's NoticeAgent: it
 * verifies the signature, sends its receipts (delivered, displayed) and,
 * after the driver's reading time (uniform 1–3 s), the confirmation.
 *
 * Per run (a new critical incident to every vehicle):
 *  - delivered_99pct_s: from POST /incidents to the moment 99 % of the
 *    vehicles held a verified notice, counted on the vehicles' side;
 *  - acknowledged_99pct_s: to the moment 99 % of the drivers' confirmations
 *    were recorded by the gateway (its incident_vehicles rows);
 *  - report_ms: GET /incidents/:id/report (JSON, every unresolved vehicle
 *    listed) once the run settled, median of 5.
 * Baseline in the same command, measured the same way: the same number of
 * signed notices published straight into aedes (no database, no incident),
 * from the first publish to 99 % verified on the vehicles.
 * Losses: vehicles that never held the notice; duplicates: copies received
 * beyond one per vehicle (both from the vehicles' counters), against the
 * gateway's delivered count. Reports medians over the runs.
 * Last line: {"bench":"incident","vehicles":…,"delivered_99pct_s":…,"acknowledged_99pct_s":…,"report_ms":…}.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildNotice } from '../src/incidents/notice.js'
import type { FromNoticeFleet, ToNoticeFleet } from './notice-fleet.worker.js'
import { startInProcessGateway } from './in-process-gateway.js'

const { values: args } = parseArgs({ options: { vehicles: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' }, processes: { type: 'string', default: '2' } } })
const N = Number(args.vehicles)
const RUNS = Number(args.runs)
const log = (msg: string) => process.stdout.write(`[bench:incident] ${msg}\n`)
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2
}
const COUNTRIES = ['DE', 'FR', 'BR', 'TH', 'ID', 'MY', 'AE', 'CN']
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Seconds from t0 until `share` of `total` timestamps had happened (NaN when fewer ever did). */
const quantileAfter = (times: number[], t0: number, total: number, share: number) => {
  const need = Math.ceil(total * share)
  const s = [...times].sort((a, b) => a - b)
  return s.length < need ? Number.NaN : ((s[need - 1] as number) - t0) / 1000
}

class FleetProcess {
  private readonly waiters: Array<(m: FromNoticeFleet) => void> = []
  constructor (readonly child: ChildProcess) {
    child.on('message', (m: FromNoticeFleet) => this.waiters.shift()?.(m))
  }

  ask (m: ToNoticeFleet): Promise<FromNoticeFleet> {
    return new Promise((resolve) => {
      this.waiters.push(resolve)
      this.child.send(m)
    })
  }
}

async function main (): Promise<void> {
  const { app, adminToken } = await startInProcessGateway('incident', {
    OTA_TICK_MS: '0', INCIDENT_TICK_MS: '1000',
    // Every simulated vehicle connects from 127.0.0.1: lift the per-address connection limiter.
    MQTT_CONN_BURST_PER_ADDR: String(N * 2), MQTT_CONN_PER_S_PER_ADDR: '100000', VEHICLE_MAX_MSGS_PER_S: '100',
  }, log)
  const mqttUrl = `mqtt://127.0.0.1:${app.broker.tcpAddress().port}`
  const processes: FleetProcess[] = []
  try {
    log(`registering ${N} vehicles`)
    const vehicles: Array<{ id: string, password: string }> = []
    for (let i = 0; i < N; i += 500) {
      await Promise.all(Array.from({ length: Math.min(500, N - i) }, async (_, j) => {
        const n = i + j
        const id = `NTC${String(n).padStart(14, '0')}`
        // Countries as a real fleet has them, for the report's per-country table.
        const r = await app.vehicles.register({ id, model: 'FW-E1', region: 'EU', fleet: `fleet-${n % 20}`, timeZone: 'UTC', country: COUNTRIES[n % COUNTRIES.length] as string })
        if (!r.ok) throw new Error(r.error.detail)
        vehicles[n] = { id, password: r.value.credentials.password }
      }))
    }

    const P = Number(args.processes)
    const worker = fileURLToPath(new URL('./notice-fleet.worker.ts', import.meta.url))
    log(`connecting ${N} vehicles over MQTT from ${P} processes`)
    const tc = performance.now()
    for (let p = 0; p < P; p++) processes.push(new FleetProcess(fork(worker, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })))
    const shares = processes.map((_, p) => vehicles.filter((_v, n) => n % P === p))
    const connected = await Promise.all(processes.map((fp, p) => fp.ask({ type: 'start', url: mqttUrl, vehicles: shares[p] as Array<{ id: string, password: string }>, publicKeyRaw: app.ota.signer.publicKeyRaw.toString('base64'), seed: 1000 + p, readMs: [1000, 3000] })))
    const online = connected.reduce((n, m) => n + (m.type === 'connected' ? m.vehicles : 0), 0)
    log(`${online} vehicles connected and born in ${round((performance.now() - tc) / 1000, 1)} s`)
    const awake = async () => (await app.storage.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM vehicles WHERE connected AND power_state = 'awake'")).rows[0]?.n ?? 0
    for (let i = 0; i < 60 && await awake() < online; i++) await sleep(500)

    const statsOf = async (noticeId: string) => {
      const all = await Promise.all(processes.map((fp) => fp.ask({ type: 'stats', noticeId })))
      const s = all.filter((m): m is Extract<FromNoticeFleet, { type: 'stats' }> => m.type === 'stats')
      return { first: s.flatMap((m) => m.firstReceivedAtMs), copies: s.reduce((n, m) => n + m.copies, 0), rejected: s.reduce((n, m) => n + m.rejected, 0), acknowledged: s.reduce((n, m) => n + m.acknowledged, 0) }
    }

    // ── Baseline: the same number of signed notices straight into aedes.
    const baseline: number[] = []
    for (let r = 0; r < RUNS; r++) {
      const noticeId = randomUUID()
      const t0 = Date.now()
      await Promise.all(vehicles.map((v) => new Promise<void>((resolve) => {
        const payload = buildNotice({ incidentId: noticeId, vehicleId: v.id, severity: 'critical', requiredAction: 'stop_driving', language: 'en', title: 'Baseline', message: 'Baseline notice', campaignId: null }, app.ota.signer, t0)
        app.broker.aedes.publish({ cmd: 'publish', topic: `v/${v.id}/notice`, payload, qos: 1, retain: false, dup: false }, () => resolve())
      })))
      let s = await statsOf(noticeId)
      for (let i = 0; i < 120 && s.first.length < N * 0.99; i++) { await sleep(250); s = await statsOf(noticeId) }
      baseline.push(quantileAfter(s.first, t0, N, 0.99))
      log(`baseline run ${r + 1}: 99 % verified on the vehicles after ${round(baseline.at(-1) as number)} s (${s.first.length} of ${N})`)
      // The drivers of the baseline notices confirm too; let that settle before the next run.
      for (let i = 0; i < 40 && (await statsOf(noticeId)).acknowledged < s.first.length; i++) await sleep(250)
    }

    // ── Incidents through the product.
    const runs: Array<{ delivered: number, acknowledged: number, reportMs: number, lost: number, duplicates: number, gatewayDelivered: number }> = []
    const counts = async (id: string) => (await app.storage.pool.query<{ delivered: number, acknowledged: number }>(
      "SELECT count(*) FILTER (WHERE state IN ('delivered', 'displayed', 'acknowledged'))::int AS delivered, count(*) FILTER (WHERE state = 'acknowledged')::int AS acknowledged FROM incident_vehicles WHERE incident_id = $1", [id])).rows[0] as { delivered: number, acknowledged: number }
    for (let r = 0; r < RUNS; r++) {
      const t0 = Date.now()
      const res = await app.inject({
        method: 'POST', url: '/incidents', headers: { authorization: `Bearer ${adminToken}` },
        payload: { title: { en: `Battery fire risk (run ${r + 1})` }, message: { en: 'Park outside and stop charging.' }, severity: 'critical', requiredAction: 'stop_driving', affected: { models: ['FW-E1'] } },
      })
      if (res.statusCode !== 201) throw new Error(`POST /incidents: ${res.statusCode} ${res.body}`)
      const id = (res.json() as { incident: { id: string } }).incident.id
      const createdMs = Date.now() - t0
      // Confirmations are timed where the gateway records them: polled every 100 ms.
      const ackTimes: number[] = []
      let lastAcked = 0
      for (let i = 0; i < 600; i++) {
        const c = await counts(id)
        for (let k = lastAcked; k < c.acknowledged; k++) ackTimes.push(Date.now())
        lastAcked = c.acknowledged
        if (c.acknowledged >= Math.ceil(N * 0.99)) break
        await sleep(100)
      }
      const s = await statsOf(id)
      const reportTimes: number[] = []
      for (let i = 0; i < 5; i++) {
        const rt0 = performance.now()
        const rep = await app.inject({ method: 'GET', url: `/incidents/${id}/report`, headers: { authorization: `Bearer ${adminToken}` } })
        if (rep.statusCode !== 200) throw new Error(`report: ${rep.statusCode}`)
        reportTimes.push(performance.now() - rt0)
      }
      const c = await counts(id)
      const run = {
        delivered: quantileAfter(s.first, t0, N, 0.99),
        acknowledged: quantileAfter(ackTimes, t0, N, 0.99),
        reportMs: median(reportTimes),
        lost: N - s.first.length,
        duplicates: s.copies - s.first.length,
        gatewayDelivered: c.delivered,
      }
      runs.push(run)
      log(`run ${r + 1}: created in ${createdMs} ms; 99 % verified on the vehicles ${round(run.delivered)} s, 99 % confirmations recorded ${round(run.acknowledged)} s; report ${round(run.reportMs, 1)} ms; vehicles without it ${run.lost}, extra copies ${run.duplicates}, gateway counts ${c.delivered} delivered / ${c.acknowledged} acknowledged`)
    }

    const delivered = median(runs.map((r) => r.delivered))
    const baselineS = median(baseline)
    const out = {
      bench: 'incident',
      vehicles: N,
      connected: online,
      runs: RUNS,
      delivered_99pct_s: round(delivered),
      acknowledged_99pct_s: round(median(runs.map((r) => r.acknowledged))),
      report_ms: round(median(runs.map((r) => r.reportMs)), 1),
      baseline_raw_publish_99pct_s: round(baselineS),
      ratio_vs_raw_publish: round(delivered / baselineS),
      driver_read_s: [1, 3],
      lost: Math.max(...runs.map((r) => r.lost)),
      duplicates: Math.max(...runs.map((r) => r.duplicates)),
      gateway_delivered_min: Math.min(...runs.map((r) => r.gatewayDelivered)),
      targets_met: delivered < 10 && median(runs.map((r) => r.reportMs)) < 500,
    }
    log(`targets: 99 % delivered < 10 s: ${delivered < 10 ? 'met' : 'MISSED'}; report < 500 ms: ${out.report_ms < 500 ? 'met' : 'MISSED'}`)
    process.stdout.write(`${JSON.stringify(out)}\n`)
  } finally {
    await Promise.all(processes.map((fp) => new Promise<void>((resolve) => {
      fp.child.once('exit', () => resolve())
      fp.child.send({ type: 'stop' })
      setTimeout(() => { fp.child.kill('SIGKILL'); resolve() }, 5000).unref()
    })))
    await app.close()
  }
}

main().catch((err: unknown) => {
  process.stdout.write(`[bench:incident] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.stdout.write(`${JSON.stringify({ bench: 'incident', vehicles: N, delivered_99pct_s: null, acknowledged_99pct_s: null, report_ms: null, error: String(err) })}\n`)
  process.exitCode = 0
})
