/**
 * npm run bench:workorder -- [--centers 500] [--parts 40] [--bookings 300]
 *
 * Booking latency at network scale: 500 service centres with 40 stocked part
 * numbers each (20,000 stock rows), vehicles with open 12 V alerts spread
 * over Europe; each booking is the real HTTP sequence a dashboard sends —
 * POST /work-orders/proposals for the alert, then POST /work-orders at the
 * best centre (parts reserved, bay picked, owner notified, audited).
 * Last stdout line: one JSON object (milliseconds).
 */
import { parseArgs } from 'node:util'
import { mulberry32 } from '../../firmware-sim/src/prng.core.js'
import { allParts, insertCenter, startGateway } from './score-parts.world.js'
import { progress, round } from './measure.js'

const { values: args } = parseArgs({ options: { centers: { type: 'string', default: '500' }, parts: { type: 'string', default: '40' }, bookings: { type: 'string', default: '300' } } })
const nCenters = Number(args.centers)
const nParts = Number(args.parts)
const nBookings = Number(args.bookings)
const TOKEN = 'bench-admin-token-0123456789abcdef'

const app = await startGateway()
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
const pool = app.storage.pool
const rng = mulberry32(11)
const known = allParts()
const filler = Array.from({ length: Math.max(0, nParts - known.length) }, (_, i) => `FILL-${String(i).padStart(4, '0')}`)
const stock = [...known, ...filler].slice(0, nParts)
for (let i = 0; i < nCenters; i++) {
  await insertCenter(app, { id: `bc-${i}`, country: rng.pick(['DE', 'FR', 'ES', 'IT', 'PL', 'SE']), lat: rng.range(38, 60), lon: rng.range(-8, 24) },
    stock.map((partNumber) => ({ partNumber, onHand: rng.int(0, 3), leadTimeDays: rng.int(1, 10) })))
}
const { rows: stockRows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM part_stock')
progress(`${nCenters} centres, ${stockRows[0]!.n} stock rows`)

const alerts: string[] = []
for (let i = 0; i < nBookings; i++) {
  const id = `BENCHWO${String(i).padStart(10, '0')}`
  const { rows } = await pool.query<{ vehicle_key: number }>(
    "INSERT INTO vehicles (vehicle_id, model, region, fleet, secret_salt, secret_hash) VALUES ($1, 'FW-E1', 'EU', 'bench', '\\x00', '\\x00') RETURNING vehicle_key", [id])
  const key = rows[0]!.vehicle_key
  await app.storage.telemetry.insertColumns({ vehicleKeys: [key, key], signalIds: [3, 4], tsMs: [Date.now(), Date.now()], values: [rng.range(39, 59), rng.range(-7, 23)] })
  const a = await pool.query<{ alert_id: string }>(
    `INSERT INTO alerts (alert_id, vehicle_key, rule_id, severity, state, raised_at, seq, doc)
     SELECT id, $1, 'lv-battery-crank-low', 'critical', 'open', now(), 1,
       jsonb_build_object('id', id, 'vehicleKey', $1::int, 'ruleId', 'lv-battery-crank-low', 'state', 'open', 'evidence', jsonb_build_object('reason', 'bench'))
     FROM (SELECT gen_random_uuid() AS id) g RETURNING alert_id`, [key])
  alerts.push(a.rows[0]!.alert_id)
}

async function post (path: string, body: unknown): Promise<{ status: number, body: { proposals?: Array<{ centerId?: string }> } | undefined }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, body: await res.json() as { proposals?: Array<{ centerId?: string }> } | undefined }
}

const total: number[] = []
const proposeMs: number[] = []
const bookMs: number[] = []
let failures = 0
for (const alertId of alerts) {
  const t0 = performance.now()
  const p = await post('/work-orders/proposals', { alertId })
  const t1 = performance.now()
  const best = p.body?.proposals?.[0]?.centerId
  if (p.status !== 200 || best === undefined) { failures++; if (failures === 1) progress(`proposals failed: ${p.status} ${JSON.stringify(p.body)}`); continue }
  const b = await post('/work-orders', { alertId, centerId: best })
  const t2 = performance.now()
  if (b.status !== 201) { failures++; if (failures === 1) progress(`booking failed: ${b.status} ${JSON.stringify(b.body)}`) }
  proposeMs.push(t1 - t0)
  bookMs.push(t2 - t1)
  total.push(t2 - t0)
}
const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0 }
await app.close()
process.stdout.write(JSON.stringify({
  bench: 'workorder', centers: nCenters, stock_rows: stockRows[0]!.n, bookings: total.length, failures,
  propose_p50_ms: round(pct(proposeMs, 0.5)), propose_p99_ms: round(pct(proposeMs, 0.99)), book_p50_ms: round(pct(bookMs, 0.5)), book_p99_ms: round(pct(bookMs, 0.99)),
  total_p50_ms: round(pct(total, 0.5)), total_p99_ms: round(pct(total, 0.99)), target_p99_ms: 200,
}) + '\n')
