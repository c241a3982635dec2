import { startFleet, type Fleet } from './fleet.js'
import { planFleet } from './fleet-plan.core.js'
import type { FaultKind } from './faults/fault-types.core.js'
import type { FaultSelection, ScenarioFault } from './faults/scenario.core.js'
import type { FleetStats } from './fleet-stats.js'
import type { Registrar } from './provision.js'
import type { SimLogger } from './log.js'

const DAY_MS = 86_400_000

/** What `npm start` runs next to the embedded gateway, so a new user sees live data, alerts and history at once. */
export const DEMO_FLEET = Object.freeze({
  vehicles: 12,
  rate: 1,
  seed: 20_251_127,
  keepAwake: true,
  /** Simulated history played before real time on a first start, through MQTT like any store-and-forward data. */
  historyDays: 3,
  /** Simulated seconds per real second while the history plays: 3 days in about a minute on an idle machine. */
  backfillSpeed: 4320,
})

/**
 * One fault per third vehicle, at fixed days after the start of the history:
 * the tyre leak fails inside the history (alert, DTC and freeze frame are
 * there when the dashboard opens), the others are still developing when real
 * time begins (trend alerts, a time-to-threshold forecast, failing days later).
 */
const DEMO_FAULTS: ReadonlyArray<{ fault: FaultKind, onsetDay: number, failureDay: number }> = [
  { fault: 'slow-tyre-leak', onsetDay: 0.2, failureDay: 2.6 },
  { fault: 'insulation-falling', onsetDay: 0.2, failureDay: 5 },
  { fault: 'weak-12v-battery', onsetDay: 0.5, failureDay: 4.5 },
  { fault: 'cell-imbalance', onsetDay: 0.3, failureDay: 6 },
  { fault: 'cooling-fault', onsetDay: 0.4, failureDay: 2.8 },
  { fault: 'pad-wear', onsetDay: 0.2, failureDay: 5 },
  { fault: 'soh-fast-fade', onsetDay: 0.1, failureDay: 9 },
]

export function demoFaults (vehicles: number): FaultSelection {
  const explicit: ScenarioFault[] = []
  for (let i = 0, v = 0; v < vehicles; i++, v += 3) explicit.push({ vehicle: v, ...DEMO_FAULTS[i % DEMO_FAULTS.length] as typeof DEMO_FAULTS[number] })
  return { fraction: 0, kinds: [], explicit }
}

/** The demo fleet's VINs (the same on every start: they depend on the seed and the index only). */
export function demoVins (vehicles: number = DEMO_FLEET.vehicles): string[] {
  return planFleet({ count: vehicles, seed: DEMO_FLEET.seed, simStartMs: 0, horizonMs: DAY_MS }).map((v) => v.vin)
}

export interface BackfillProgress {
  /** Simulated days played so far, of `historyDays`. */
  readonly days: number
  readonly historyDays: number
  readonly done: boolean
  /** Messages the gateway acknowledged, fault codes set. */
  readonly acked: number
  readonly dtcsSet: number
}

export function backfillProgress (stats: FleetStats, simStartMs: number, historyDays: number): BackfillProgress {
  const days = Math.min(historyDays, Math.max(0, (stats.simTimeMs - simStartMs) / DAY_MS))
  return { days: stats.caughtUp ? historyDays : days, historyDays, done: stats.caughtUp, acked: stats.acked, dtcsSet: stats.dtcsSet }
}

/** One progress line: `demo fleet: history 1.4 of 3 days (47 %), 1,234 messages stored, 1 fault code`. */
export function formatBackfillProgress (p: BackfillProgress): string {
  const n = (x: number) => x.toLocaleString('en-US')
  const tail = `${n(p.acked)} messages stored, ${n(p.dtcsSet)} fault code${p.dtcsSet === 1 ? '' : 's'}`
  if (p.done) return `demo fleet: ${p.historyDays} days of history stored (${tail}); now in real time`
  return `demo fleet: history ${p.days.toFixed(1)} of ${p.historyDays} days (${Math.round((p.days / p.historyDays) * 100)} %), ${tail}`
}

export interface DemoFleetOptions {
  /** The gateway's MQTT/TCP URL. */
  mqttUrl: string
  /** Registers the demo vehicles: the gateway's REST API with an admin token, or an in-process function. */
  provision: { apiUrl: string, token: string } | Registrar
  vehicles?: number
  /** Simulated days played at accelerated time before real time; 0 = real time only (the history is already stored). */
  historyDays?: number
  /** Called about every `progressEveryMs` while the history plays, and once when it is done. */
  onProgress?: (p: BackfillProgress) => void
  progressEveryMs?: number
  /** The gateway's OTA public key (raw): the demo units show and confirm safety notices. */
  noticeKeyRaw?: Uint8Array
  log?: SimLogger
}

/**
 * A small fleet (12 vehicles, one batch a second each, always online, a
 * third of them developing faults). On a first start it plays
 * `historyDays` of simulated history at accelerated time first (the clock
 * core keeps every timestamp in the past and paces by the gateway's
 * acknowledgements), so the alert queue, charts and forecasts have data
 * within a minute; then it runs in real time. Same seed every start, so the
 * same VINs come back (credentials are rotated on 409).
 */
export async function startDemoFleet (opts: DemoFleetOptions): Promise<Fleet> {
  const vehicles = opts.vehicles ?? DEMO_FLEET.vehicles
  const historyDays = opts.historyDays ?? DEMO_FLEET.historyDays
  const fleet = await startFleet({
    url: opts.mqttUrl,
    vehicles,
    rate: DEMO_FLEET.rate,
    seed: DEMO_FLEET.seed,
    keepAwake: DEMO_FLEET.keepAwake,
    speed: historyDays > 0 ? DEMO_FLEET.backfillSpeed : 1,
    days: historyDays > 0 ? historyDays : DEMO_FLEET.historyDays,
    faults: demoFaults(vehicles),
    provision: opts.provision,
    ...(opts.noticeKeyRaw === undefined ? {} : { noticeKeyRaw: opts.noticeKeyRaw }),
    ...(opts.log === undefined ? {} : { log: opts.log }),
  })
  const onProgress = opts.onProgress
  if (historyDays <= 0 || onProgress === undefined) return fleet
  const report = () => {
    const p = backfillProgress(fleet.stats(), fleet.simStartMs, historyDays)
    onProgress(p)
    if (p.done) clearInterval(timer)
  }
  const timer = setInterval(report, opts.progressEveryMs ?? 5000)
  timer.unref()
  return { ...fleet, stop: (...a) => { clearInterval(timer); return fleet.stop(...a) } }
}
