/**
 * npm run score:alerts -- [--vehicles 500] [--seed 7] [--faults 12%] [--days 24] [--speed 21600]
 *
 * Detection quality of the predictive rules, end to end: a real gateway
 * (embedded PostgreSQL, default rule set) and a simulated fleet with injected
 * faults in accelerated time; the alerts raised are compared with the
 * simulator's ground truth. Last stdout line: one JSON object.
 */
import { parseArgs } from 'node:util'
import { startFleet, type GroundTruth } from '@fleetwire/firmware-sim'
import { GatewayProcess } from './gateway-process.js'
import { progress, round } from './measure.js'
import { scoreAlerts, type ScoredAlert } from './score.core.js'

const { values: args } = parseArgs({
  options: {
    vehicles: { type: 'string', default: '500' },
    seed: { type: 'string', default: '7' },
    faults: { type: 'string', default: '12%' },
    days: { type: 'string', default: '24' },
    // 6 simulated hours a second: at 1 batch/s that is ~16 samples a day per signal, dense enough
    // for the slope rules' minimum sample counts (at 86400x there are 4 a day).
    speed: { type: 'string', default: '21600' },
  },
})
const vehicles = Number(args.vehicles)
const seed = Number(args.seed)
const days = Number(args.days)

const DRAIN_MAX_S = 180

async function fetchAlerts (gw: GatewayProcess): Promise<ScoredAlert[]> {
  const out: ScoredAlert[] = []
  for (let offset = 0; ; offset += 500) {
    const res = await fetch(`${gw.httpUrl}/alerts?limit=500&offset=${offset}`, { headers: { authorization: `Bearer ${gw.adminToken}` } })
    const page = await res.json() as { total: number, items: Array<{ vehicleId: string, ruleId: string, openedAt: string }> }
    out.push(...page.items.map((a) => ({ vehicleId: a.vehicleId, ruleId: a.ruleId, openedAtMs: Date.parse(a.openedAt) })))
    if (offset + 500 >= page.total) return out
  }
}

/**
 * Why a fault was missed, from the stored data: how many samples of each
 * warning signal arrived between onset and failure, their extreme value and
 * whether it ever crossed the simulator's own warning threshold.
 */
async function explainMiss (gw: GatewayProcess, f: GroundTruth['faults'][number]): Promise<{ text: string, observable: boolean }> {
  const parts: string[] = []
  // Unobservable only when every plain threshold warning provably never crossed in the stored data;
  // derived values and slopes cannot be judged from hourly extremes, so they count as observable.
  let observable = false
  for (const w of f.warnings) {
    const q = new URLSearchParams({ from: f.onsetAt, to: f.hardFailureAt, bucket: '3600' })
    const res = await fetch(`${gw.httpUrl}/vehicles/${f.vehicleId}/signals/${w.signalId}/history?${q}`, { headers: { authorization: `Bearer ${gw.adminToken}` } })
    const h = await res.json() as { points: Array<{ min: number, max: number, count: number }> }
    const n = h.points.reduce((a, p) => a + p.count, 0)
    const above = w.comparator.includes('above')
    const extreme = h.points.reduce((m, p) => above ? Math.max(m, p.max) : Math.min(m, p.min), above ? -Infinity : Infinity)
    const judged = w.minus === null && (w.comparator === 'above' || w.comparator === 'below')
    if (!judged || (above ? extreme > w.threshold : extreme < w.threshold)) observable = true
    parts.push(`${w.signal.split('.').slice(-2).join('.')}${w.minus === null ? '' : ' (derived)'}: ${n} samples, ${above ? 'max' : 'min'} ${round(extreme)} vs ${w.comparator} ${w.threshold}`)
  }
  return { text: parts.join('; ') + (observable ? '' : ' — the delivered data never showed the fault'), observable }
}

async function main (): Promise<void> {
  progress(`starting gateway; fleet of ${vehicles} vehicles, ${args.faults} with faults, seed ${seed}, ${days} simulated days at ${args.speed}x`)
  const gw = await GatewayProcess.start({ env: { DEMO_VEHICLES: '0', LOG_LEVEL: 'warn' } })
  let truth: GroundTruth | undefined
  try {
    const fleet = await startFleet({
      url: gw.mqttUrl,
      vehicles,
      seed,
      faults: args.faults,
      days,
      speed: Number(args.speed),
      provision: { apiUrl: gw.httpUrl, token: gw.adminToken },
    })
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const s = fleet.stats()
      progress(`sim time ${new Date(s.simTimeMs).toISOString().slice(0, 16)}  connected ${s.connected}  asleep ${s.sleeping}  acked ${s.acked}  buffered ${s.buffered}  DTCs ${s.dtcsSet}`)
      if (s.caughtUp) break
    }
    // Caught up with the wall clock. A gateway that fell behind (a busy machine) leaves a backlog in the
    // vehicles' spools: let it drain while it still shrinks, or the score would count undelivered data as missed.
    let backlog = fleet.stats().buffered
    for (let stalled = 0, waited = 0; backlog > 0 && stalled < 3 && waited < DRAIN_MAX_S; waited += 2) {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const now = fleet.stats().buffered
      stalled = now < backlog ? 0 : stalled + 1
      progress(`draining the vehicles' backlog: ${now} messages buffered`)
      backlog = now
    }
    // stop() delivers what online vehicles still hold (asleep vehicles keep theirs).
    await fleet.stop(10_000)
    const undelivered = fleet.stats().buffered
    if (undelivered > 0) progress(`WARNING: ${undelivered} messages never reached the gateway (machine too busy?); faults they would show count as missed`)
    truth = fleet.groundTruth()
    // Let the last commits reach the rules and alerts.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const alerts = await fetchAlerts(gw)
    const score = scoreAlerts(truth, alerts, Date.now())
    progress(`alerts: ${alerts.length}; faults: ${truth.faults.length} on ${truth.faultyVehicles} vehicles`)
    for (const [fault, r] of Object.entries(score.recall)) progress(`  ${fault.padEnd(20)} recall ${round(r)}  median lead ${score.leadDaysByFault[fault] ?? '-'} d`)
    const unobservable = new Map<string, number>()
    for (const m of score.missed) {
      const f = truth.faults.find((x) => x.vehicleId === m.vehicleId && x.fault === m.fault)
      const why = f === undefined ? { text: '', observable: true } : await explainMiss(gw, f)
      if (!why.observable) unobservable.set(m.fault, (unobservable.get(m.fault) ?? 0) + 1)
      progress(`  missed: ${m.fault} on ${m.vehicleId} (onset ${f?.onsetAt}, hard failure ${m.hardFailureAt}): ${why.text}`)
    }
    // Secondary figure, for tuning: recall over the faults whose delivered data crossed the simulator's own
    // warning threshold before the failure. The headline `recall` counts every fault.
    const recallObservable = Object.fromEntries(Object.entries(score.recallCounts).map(([fault, c]) =>
      [fault, round(c.caught / Math.max(1, c.total - (unobservable.get(fault) ?? 0)))]))
    process.stdout.write(JSON.stringify({ score: 'alerts', seed, vehicles, ...score, leadDaysByFault: undefined, recallCounts: undefined, missed: score.missed.length, undelivered_msgs: undelivered, recall_observable: recallObservable }) + '\n')
  } finally {
    await gw.stop()
  }
}

main().catch((err: unknown) => {
  progress(`score:alerts failed: ${(err as Error).stack ?? String(err)}`)
  process.stdout.write(JSON.stringify({ score: 'alerts', seed, vehicles, error: String(err) }) + '\n')
})
