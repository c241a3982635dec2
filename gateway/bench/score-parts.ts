/**
 * npm run score:parts -- [--seed 7] [--weeks 14]
 *
 * Parts-demand forecast quality. A simulated fleet (score-parts.sim.ts: the
 * world, its constants private to it) produces alerts, repairs and services
 * week by week into a real PostgreSQL through the gateway's own repositories
 * and work-orders service (bookings, completions); maintenance reminders come
 * from the gateway's reminder tick. Every scored week the forecast service
 * predicts the next 4 weeks per part and country; that is compared with the
 * parts the simulated repairs then consumed, and with a naive forecast (the
 * last 4 weeks' average per part and country). Last stdout line: one JSON object.
 */
import { parseArgs } from 'node:util'
import { createMaintenanceReminders } from '../src/work-orders/maintenance.service.js'
import { DEFAULT_SCHEDULES } from '../src/parts/catalogue.core.js'
import { progress, round } from './measure.js'
import { MAINTENANCE_ACCEPT, RULE_OF, addDemand, demandKey, expectedRepairParts, makeWorld, weekEvents, type SimFault, type SimVehicle } from './score-parts.sim.js'
import { poissonMedian, scoreCells, stockouts, type ScoredCell } from './score-parts.core.js'
import { allParts, insertCenter, simWorkOrders, startGateway } from './score-parts.world.js'

const { values: args } = parseArgs({ options: { seed: { type: 'string', default: '7' }, weeks: { type: 'string', default: '14' } } })
const seed = Number(args.seed)
const scoredWeeks = Math.max(12, Number(args.weeks))
const WARMUP = 8
const HORIZON = 4
const DAY_MS = 86_400_000
const WEEK_MS = 7 * DAY_MS
const T0 = Date.parse('2026-01-05T00:00:00Z')
const weekStart = (w: number) => T0 + (w + WARMUP) * WEEK_MS

const app = await startGateway()
const pool = app.storage.pool
let now = weekStart(-WARMUP)
const wo = simWorkOrders(app, () => now)
const reminders = createMaintenanceReminders({ pool, forecast: app.parts.forecast, workOrders: wo, log: app.log, quietHours: { start: 0, end: 0 } })
const { rng, centers, vehicles } = makeWorld(seed)

// The network, fully stocked (the score is about demand, not about running out in the database).
for (const c of centers) await insertCenter(app, c, allParts().map((partNumber) => ({ partNumber, onHand: 100_000, leadTimeDays: 7 })))
// The fleet: vehicles, their positions, and their last service somewhere in the past cycle.
const keys = new Map<string, number>()
for (let i = 0; i < vehicles.length; i += 500) {
  const batch = vehicles.slice(i, i + 500)
  const { rows } = await pool.query<{ vehicle_key: number, vehicle_id: string }>(
    `INSERT INTO vehicles (vehicle_id, model, region, fleet, secret_salt, secret_hash, created_at)
     SELECT id, model, 'EU', 'sim', '\\x00'::bytea, '\\x00'::bytea, created FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(id, model, created)
     RETURNING vehicle_key, vehicle_id`,
    [batch.map((v) => v.id), batch.map((v) => v.model), batch.map((v) => new Date(now - v.ageYears * 365 * DAY_MS))])
  for (const r of rows) keys.set(r.vehicle_id, r.vehicle_key)
}
const keyOf = (v: SimVehicle) => keys.get(v.id)!
await writeTelemetry(vehicles.flatMap((v) => [[keyOf(v), 3, now, v.lat], [keyOf(v), 4, now, v.lon]]))
const nearestCenter = (v: SimVehicle) => centers.filter((c) => c.country === v.country).reduce((a, b) => (Math.hypot(b.lat - v.lat, b.lon - v.lon) < Math.hypot(a.lat - v.lat, a.lon - v.lon) ? b : a))
for (const v of vehicles) {
  const s = DEFAULT_SCHEDULES[v.model]!
  const cycleDays = Math.min(s.everyMonths * 30.4, s.everyKm / v.kmPerDay)
  const daysAgo = Math.min(v.ageYears * 365, rng.range(0, cycleDays))
  await pool.query(
    `INSERT INTO work_orders (work_order_id, vehicle_key, vehicle_id, fleet, region, model, center_id, country, kind, fault_family, state, parts, parts_used, cause, odometer_km, created_by, created_at, updated_at, completed_at)
     VALUES (gen_random_uuid(), $1, $2, 'sim', 'EU', $3, $4, $5, 'maintenance', 'maintenance', 'completed', '[]', '[]', 'history', $6, 'sim', $7, $7, $7)`,
    [keyOf(v), v.id, v.model, nearestCenter(v).id, v.country, Math.max(0, v.odometerKm - daysAgo * v.kmPerDay), new Date(now - daysAgo * DAY_MS)])
}

async function writeTelemetry (rows: Array<[number, number, number, number]>): Promise<void> {
  // Through the gateway's own storage path (each sample its own message row; the latest values merged).
  for (let i = 0; i < rows.length; i += 5000) {
    const b = rows.slice(i, i + 5000)
    await app.storage.telemetry.insertColumns({ vehicleKeys: b.map((r) => r[0]), signalIds: b.map((r) => r[1]), tsMs: b.map((r) => r[2]), values: b.map((r) => r[3]), messageSizes: b.map(() => 1) })
  }
}

// Events in time order: alerts raised, repairs done, false alarms cleared, services done.
type Event = { at: number, run: () => Promise<void> }
const queue: Event[] = []
const schedule = (at: number, run: () => Promise<void>) => { queue.push({ at, run }); queue.sort((a, b) => a.at - b.at) }
const actual = new Map<number, Map<string, number>>()
/** The part of `actual` that scheduled services used (the oracle knows it). */
const serviced = new Map<number, Map<string, number>>()
const SERVICE = 'scheduled service'
const faults: SimFault[] = []
const openAlert = new Map<string, string>()

async function complete (id: string, parts: Record<string, number>, cause: string): Promise<void> {
  for (const to of ['vehicle_arrived', 'in_repair'] as const) await wo.move(id, { to }, SYSTEM, undefined)
  const done = await wo.move(id, { to: 'completed', cause, partsUsed: Object.entries(parts).map(([partNumber, quantity]) => ({ partNumber, quantity })) }, SYSTEM, undefined)
  if (!done.ok) throw new Error(`completion failed: ${done.error.detail}`)
  const week = Math.floor((now - T0) / WEEK_MS) - WARMUP
  for (const into of cause === SERVICE ? [actual, serviced] : [actual]) {
    const m = into.get(week) ?? new Map<string, number>()
    for (const [p, q] of Object.entries(parts)) addDemand(m, demandKey(p, done.value.country), q)
    into.set(week, m)
  }
}
const SYSTEM = { actor: 'sim', role: 'admin' as const, tenantId: null, fleets: null, regions: null }

async function book (target: { alertId?: string, vehicleId?: string, faultFamily?: 'tyre_leak' | 'lv_battery' | 'cell_imbalance' | 'coolant' | 'pad_wear' | 'insulation' }): Promise<string> {
  const p = await wo.proposals(target, SYSTEM, 1)
  if (!p.ok || p.value.proposals[0] === undefined) throw new Error(`no proposal: ${p.ok ? 'none' : p.error.detail}`)
  const r = await wo.create({ ...target, centerId: p.value.proposals[0].centerId, book: true }, SYSTEM)
  if (!r.ok) throw new Error(`booking failed: ${r.error.detail}`)
  return r.value.id
}

async function raise (v: SimVehicle, ruleId: string, atMs: number, predictedAtMs: number | null): Promise<string | undefined> {
  if (openAlert.has(`${v.id}|${ruleId}`)) return undefined
  const { rows } = await pool.query<{ alert_id: string }>(
    `INSERT INTO alerts (alert_id, vehicle_key, rule_id, severity, state, raised_at, seq, doc)
     VALUES (gen_random_uuid(), $1, $2, 'major', 'open', $3, 1, jsonb_build_object('evidence', jsonb_build_object('reason', 'simulated', 'prediction', $4::jsonb)))
     RETURNING alert_id`, [keyOf(v), ruleId, new Date(atMs), predictedAtMs === null ? null : JSON.stringify({ expectedAtMs: predictedAtMs })])
  openAlert.set(`${v.id}|${ruleId}`, rows[0]!.alert_id)
  return rows[0]!.alert_id
}

async function handleReminders (): Promise<void> {
  await reminders.tick(now)
  const { rows } = await pool.query<{ work_order_id: string, vehicle_id: string, model: string }>("SELECT work_order_id, vehicle_id, model FROM work_orders WHERE state = 'proposed' AND kind = 'maintenance'")
  for (const r of rows) {
    if (rng.chance(MAINTENANCE_ACCEPT)) {
      const booked = await wo.move(r.work_order_id, { to: 'booked' }, SYSTEM, undefined)
      const parts = Object.fromEntries(DEFAULT_SCHEDULES[r.model]!.parts.map((p) => [p.partNumber, p.quantity]))
      // The vehicle comes on its appointment day (or a day or two late).
      const slot = booked.ok && booked.value.slotDate !== null ? Date.parse(booked.value.slotDate) + 9 * 3_600_000 : now
      schedule(Math.max(now, slot) + rng.range(0, 2) * DAY_MS, () => complete(r.work_order_id, parts, SERVICE))
    } else {
      await wo.move(r.work_order_id, { to: 'cancelled', note: 'owner declined' }, SYSTEM, undefined)
    }
  }
}

const forecasts = new Map<number, Map<string, Array<{ mean: number, median: number, lo: number, hi: number }>>>()
const lastWeek = scoredWeeks + HORIZON - 1
for (let w = -WARMUP; w <= lastWeek; w++) {
  const start = weekStart(w)
  now = start
  for (const v of vehicles) v.odometerKm += 7 * v.kmPerDay * (0.85 + 0.3 * rng.next())
  await writeTelemetry(vehicles.map((v) => [keyOf(v), 2, start, v.odometerKm]))
  if (w >= 0 && w < scoredWeeks) {
    const r = await app.parts.forecast.run({ nowMs: start, weeks: HORIZON, level: 0.8, historyWeeks: WARMUP })
    const m = new Map<string, Array<{ mean: number, median: number, lo: number, hi: number }>>()
    for (const row of r.rows) {
      const k = demandKey(row.partNumber, row.country)
      const list = m.get(k) ?? Array.from({ length: HORIZON }, () => ({ mean: 0, median: 0, lo: 0, hi: 0 }))
      list[row.week] = { mean: row.mean, median: row.median, lo: row.lo, hi: row.hi }
      m.set(k, list)
    }
    forecasts.set(w, m)
  }
  const ev = weekEvents(rng, vehicles, w, start)
  faults.push(...ev.faults)
  for (const f of ev.faults) {
    if (f.alertAtMs !== undefined) {
      const at = f.alertAtMs
      schedule(at, async () => {
        const alertId = await raise(f.vehicle, RULE_OF[f.family], at, f.predictedAtMs)
        schedule(f.repairAtMs, async () => {
          const id = alertId === undefined ? await book({ vehicleId: f.vehicle.id, faultFamily: f.family }) : await book({ alertId })
          if (alertId !== undefined) openAlert.delete(`${f.vehicle.id}|${RULE_OF[f.family]}`)
          await complete(id, f.parts, `simulated ${f.family}`)
        })
      })
    } else {
      schedule(f.repairAtMs, async () => complete(await book({ vehicleId: f.vehicle.id, faultFamily: f.family }), f.parts, `breakdown: ${f.family}`))
    }
  }
  for (const fa of ev.falseAlarms) {
    schedule(fa.alertAtMs, async () => {
      const alertId = await raise(fa.vehicle, RULE_OF[fa.family], fa.alertAtMs, null)
      if (alertId === undefined) return
      schedule(fa.resolveAtMs, async () => {
        openAlert.delete(`${fa.vehicle.id}|${RULE_OF[fa.family]}`)
        await pool.query("UPDATE alerts SET state = 'resolved', resolved_at = $2 WHERE alert_id = $1", [alertId, new Date(fa.resolveAtMs)])
      })
    })
  }
  for (let d = 0; d < 7; d++) schedule(start + d * DAY_MS + 12 * 3_600_000, handleReminders)
  const end = weekStart(w + 1)
  while (queue.length > 0 && queue[0]!.at < end) {
    const e = queue.shift()!
    now = e.at
    await e.run()
  }
  progress(`week ${w}: ${[...(actual.get(w)?.values() ?? [])].reduce((a, b) => a + b, 0)} parts used`)
}

// Score: every (origin, horizon) cell against actuals and the naive 4-week average.
const cells: ScoredCell[] = []
const meanCells: ScoredCell[] = []
const horizonOf: number[] = []
const keysAll = new Set<string>()
for (const m of actual.values()) for (const k of m.keys()) keysAll.add(k)
for (const m of forecasts.values()) for (const k of m.keys()) keysAll.add(k)
const demandOf = (k: string, w: number) => actual.get(w)?.get(k) ?? 0
const naiveOf = (k: string, origin: number) => [1, 2, 3, 4].reduce((s, i) => s + demandOf(k, origin - i), 0) / 4
let forecastOut = 0
let naiveOut = 0
for (const k of keysAll) {
  for (const [origin, m] of forecasts) {
    const f = m.get(k)
    for (let h = 0; h < HORIZON; h++) {
      const c = f?.[h] ?? { mean: 0, median: 0, lo: 0, hi: 0 }
      // The point forecast scored is the median: the value that minimises absolute error (WAPE); the mean's WAPE is reported too.
      cells.push({ actual: demandOf(k, origin + h), mean: c.median, lo: c.lo, hi: c.hi, naive: naiveOf(k, origin) })
      meanCells.push({ actual: demandOf(k, origin + h), mean: c.mean, lo: c.lo, hi: c.hi, naive: naiveOf(k, origin) })
      horizonOf.push(h)
    }
  }
  const demand = Array.from({ length: scoredWeeks }, (_, i) => demandOf(k, i))
  const initial = Math.ceil(naiveOf(k, 0) * 2)
  forecastOut += stockouts(demand, (w) => (forecasts.get(w)?.get(k)?.[0]?.mean ?? 0) + (forecasts.get(w)?.get(k)?.[1]?.hi ?? 0), initial)
  naiveOut += stockouts(demand, (w) => naiveOf(k, w) * 2 * 1.2, initial)
}
// The oracle, a floor no forecaster reaches: it knows every fault already begun at the origin (detected
// or not, with its repair time and parts), every service to come, and the world's true fault rates; only
// faults not yet begun are uncertain to it, and its point forecast adds the median of their Poisson count.
const oracleCells: ScoredCell[] = []
const oracleHorizonOf: number[] = []
for (const origin of forecasts.keys()) {
  for (let h = 0; h < HORIZON; h++) {
    const from = weekStart(origin + h)
    const to = weekStart(origin + h + 1)
    const known = new Map(serviced.get(origin + h))
    for (const f of faults) {
      if (f.startMs >= weekStart(origin) || f.repairAtMs < from || f.repairAtMs >= to) continue
      for (const [p, q] of Object.entries(f.parts)) addDemand(known, demandKey(p, f.vehicle.country), q)
    }
    const notBegun = new Map<string, number>()
    for (let w = origin; w <= origin + h; w++) {
      for (const [k, x] of expectedRepairParts(vehicles, w, weekStart(w), from, to)) addDemand(notBegun, k, x)
    }
    for (const k of keysAll) {
      const point = (known.get(k) ?? 0) + poissonMedian(notBegun.get(k) ?? 0)
      oracleCells.push({ actual: demandOf(k, origin + h), mean: point, lo: point, hi: point, naive: naiveOf(k, origin) })
      oracleHorizonOf.push(h)
    }
  }
}
const oracle = scoreCells(oracleCells)
const s = scoreCells(cells)
const bias = meanCells.reduce((a, c) => a + c.mean, 0) / Math.max(1, meanCells.reduce((a, c) => a + c.actual, 0))
const sMean = scoreCells(meanCells)
// Where the error comes from: per horizon week (1 = the week starting at the forecast), with the mean's bias.
for (let h = 0; h < HORIZON; h++) {
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => horizonOf[i] === h)
  const sh = scoreCells(pick(cells))
  const so = scoreCells(oracleCells.filter((_, i) => oracleHorizonOf[i] === h))
  const mc = pick(meanCells)
  const b = mc.reduce((a, c) => a + c.mean, 0) / Math.max(1, mc.reduce((a, c) => a + c.actual, 0))
  progress(`horizon week ${h + 1}: wape ${round(sh.wape)} naive ${round(sh.naiveWape)} ratio ${round(sh.wape / sh.naiveWape)} coverage ${round(sh.coverage)} bias ${round(b)}; oracle wape ${round(so.wape)} ratio ${round(so.wape / so.naiveWape)}`)
}
await app.close()
process.stdout.write(JSON.stringify({
  score: 'parts', seed, wape: round(s.wape), naive_wape: round(s.naiveWape), ratio_vs_naive: round(s.wape / s.naiveWape),
  interval_coverage: round(s.coverage), oracle_wape: round(oracle.wape), oracle_ratio_vs_naive: round(oracle.wape / oracle.naiveWape), wape_of_mean: round(sMean.wape), bias: round(bias), stockouts_avoided: naiveOut - forecastOut, stockouts_forecast: naiveOut === 0 && forecastOut === 0 ? 0 : forecastOut,
  stockouts_naive: naiveOut, vehicles: vehicles.length, countries: 4, weeks_scored: scoredWeeks, cells: cells.length,
}) + '\n')
