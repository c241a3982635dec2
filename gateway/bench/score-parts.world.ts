import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/load.js'
import { DEFAULT_CATALOGUE, DEFAULT_SCHEDULES } from '../src/parts/catalogue.core.js'
import { createWorkOrdersRepository } from '../src/work-orders/work-orders.repository.js'
import { createWorkOrdersService, type WorkOrdersService } from '../src/work-orders/work-orders.service.js'

/**
 * The database side of score:parts and bench:workorder: a gateway built in
 * this process on its own embedded PostgreSQL (migrations, seed catalogue),
 * and a work-orders service on it whose clock is the simulation's.
 */
/** A port nobody listens on now (the embedded PostgreSQL needs a fixed one; other runs share the machine). */
function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address()
      srv.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0))
    })
  })
}

export async function startGateway (): Promise<FastifyInstance> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fleetwire-parts-'))
  const loaded = loadConfig({
    HTTP_PORT: '0', MQTT_PORT: '0', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef', DATA_DIR: dataDir, DB_POOL_SIZE: '8',
    EMBEDDED_PG_PORT: String(await freePort()),
  })
  if (!loaded.ok) throw new Error(loaded.error.detail)
  const app = await buildApp({ config: loaded.value, logger: pino({ level: 'silent' }) })
  await app.ready()
  return app
}

export function simWorkOrders (app: FastifyInstance, now: () => number): WorkOrdersService {
  const pool = app.storage.pool
  return createWorkOrdersService({
    pool,
    repo: createWorkOrdersRepository(pool),
    centers: app.serviceNetwork.centers,
    catalogue: app.parts.catalogue,
    alerts: {
      async get (id) {
        const { rows } = await pool.query<{ vehicle_id: string, rule_id: string, state: string, fleet: string, region: string }>(
          'SELECT v.vehicle_id, a.rule_id, a.state, v.fleet, v.region FROM alerts a JOIN vehicles v USING (vehicle_key) WHERE a.alert_id = $1', [id])
        const r = rows[0]
        return r === undefined ? undefined : { vehicleId: r.vehicle_id, ruleId: r.rule_id, state: r.state, fleet: r.fleet, region: r.region }
      },
    },
    // The simulated workshop resolves the alert only (verdicts are not part of the parts-demand score).
    async closeAlert (alertId) {
      await pool.query("UPDATE alerts SET state = 'resolved', resolved_at = $2 WHERE alert_id = $1 AND state <> 'resolved'", [alertId, new Date(now())])
    },
    async notifyOwner () {},
    async audit () {},
    log: app.log,
    now,
  })
}

/** Every part number the catalogue and schedules know: the centres stock all of them. */
export function allParts (): string[] {
  const parts = new Set<string>()
  for (const entries of Object.values(DEFAULT_CATALOGUE)) for (const e of entries) for (const p of e.parts) parts.add(p.partNumber)
  for (const s of Object.values(DEFAULT_SCHEDULES)) for (const p of s.parts) parts.add(p.partNumber)
  return [...parts].sort()
}

export async function insertCenter (app: FastifyInstance, c: { id: string, country: string, lat: number, lon: number }, stock: ReadonlyArray<{ partNumber: string, onHand: number, leadTimeDays: number }>): Promise<void> {
  await app.serviceNetwork.centers.upsert({
    id: c.id, name: c.id, country: c.country, region: 'EU', lat: c.lat, lon: c.lon, timeZone: 'UTC', languages: ['en'], openingHours: {},
    capabilities: ['general', 'tyres', 'brakes', 'hv_battery'], baysPerDay: 60,
  })
  await app.serviceNetwork.centers.setStock(c.id, stock)
}
