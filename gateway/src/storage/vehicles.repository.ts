import type { Queryable } from './db.js'

export type PowerState = 'unknown' | 'awake' | 'driving' | 'asleep' | 'offline'

export interface EcuRecord {
  readonly ecuId: string
  readonly hardwareId: string
  readonly softwareVersion: string
}

export interface VehicleRecord {
  readonly key: number
  readonly id: string
  readonly model: string
  readonly region: string
  readonly fleet: string
  readonly timeZone: string
  /** ISO 3166-1 alpha-2; null when not recorded (the region's data policy applies). */
  readonly country: string | null
  readonly createdAt: Date
  readonly credentialsRotatedAt: Date
  readonly revokedAt: Date | null
  readonly connected: boolean
  readonly powerState: PowerState
  readonly ignitionOn: boolean | null
  readonly session: number | null
  readonly lastSeenAt: Date | null
  readonly ecus: readonly EcuRecord[]
}

export interface NewVehicle {
  readonly id: string
  readonly model: string
  readonly region: string
  readonly fleet: string
  readonly timeZone: string
  readonly country?: string | null | undefined
}

export interface VehicleFilter {
  readonly model?: string | undefined
  readonly region?: string | undefined
  readonly fleet?: string | undefined
  readonly country?: string | undefined
  readonly connected?: boolean | undefined
  /** Caller's scope (api/auth/principal.ts): null = every fleet / region. */
  readonly scopeFleets?: readonly string[] | null | undefined
  readonly scopeRegions?: readonly string[] | null | undefined
  readonly limit: number
  readonly offset: number
}

export interface VehicleCredentials {
  readonly key: number
  readonly model: string
  readonly powerState: PowerState
  readonly ignitionOn: boolean | null
  readonly salt: Buffer
  readonly hash: Buffer
  readonly revoked: boolean
}

export interface Birth {
  readonly session: number
  readonly powerState: PowerState
  readonly ignitionOn: boolean
  readonly ecus: readonly EcuRecord[]
  readonly atMs: number
  readonly detail: Record<string, unknown>
}

export interface VehiclesRepository {
  /** undefined when the id is already registered. */
  insert(v: NewVehicle, salt: Buffer, hash: Buffer): Promise<VehicleRecord | undefined>
  /** undefined when there is no such vehicle. */
  setCountry(id: string, country: string | null): Promise<VehicleRecord | undefined>
  get(id: string): Promise<VehicleRecord | undefined>
  list(filter: VehicleFilter): Promise<{ total: number, items: VehicleRecord[] }>
  credentials(id: string): Promise<VehicleCredentials | undefined>
  setSecret(id: string, salt: Buffer, hash: Buffer): Promise<boolean>
  revoke(id: string): Promise<boolean>
  /**
   * Applies birth certificates in one statement (the newest per vehicle sets
   * its state, unless a newer session is recorded); each is also a vehicle event.
   */
  recordBirths(births: ReadonlyArray<{ key: number, birth: Birth }>, instanceId: string): Promise<void>
  /**
   * Marks the vehicle disconnected unless a newer session has started since,
   * or its session is now held by another instance (the will of a session
   * taken over elsewhere must not mark the vehicle offline).
   */
  recordDeath(key: number, session: number | null, reason: string, atMs: number, instanceId: string): Promise<boolean>
  touchLastSeen(seen: ReadonlyMap<number, number>): Promise<void>
  /** Records that this instance now holds the vehicle's MQTT session; returns the session epoch (cluster-wide, increasing). */
  claimSession(key: number, instanceId: string): Promise<number>
  /**
   * The last MQTT connections of these vehicles on this instance closed: each
   * goes offline only if the session recorded is still its own (same
   * instance, same epoch; a session claimed nowhere yet counts as its own).
   * One statement, rows locked in `sessions` order (sort by key).
   */
  markDisconnectedMany(instanceId: string, sessions: ReadonlyArray<{ key: number, epoch: number | undefined }>): Promise<void>
  /** At start-up of a single node: no connection survives a gateway restart. */
  markAllDisconnected(): Promise<void>
  /** At start-up of a cluster instance: only the sessions this instance id held before (and unowned ones) are dead. */
  markInstanceDisconnected(instanceId: string): Promise<number>
  /** Cluster-wide presence as recorded in the database (for callers on an instance that does not hold the session). */
  presence(key: number): Promise<{ connected: boolean, powerState: PowerState, ignitionOn: boolean | null, instanceId: string | null } | undefined>
}

const COLUMNS = `vehicle_key, vehicle_id, model, region, fleet, time_zone, country, created_at, credentials_rotated_at,
  revoked_at, connected, power_state, ignition_on, session, last_seen_at, ecus`

interface VehicleRow {
  vehicle_key: number
  vehicle_id: string
  model: string
  region: string
  fleet: string
  time_zone: string
  country: string | null
  created_at: Date
  credentials_rotated_at: Date
  revoked_at: Date | null
  connected: boolean
  power_state: PowerState
  ignition_on: boolean | null
  session: number | null
  last_seen_at: Date | null
  ecus: EcuRecord[]
}

function toRecord (r: VehicleRow): VehicleRecord {
  return {
    key: r.vehicle_key,
    id: r.vehicle_id,
    model: r.model,
    region: r.region,
    fleet: r.fleet,
    timeZone: r.time_zone,
    country: r.country,
    createdAt: r.created_at,
    credentialsRotatedAt: r.credentials_rotated_at,
    revokedAt: r.revoked_at,
    connected: r.connected,
    powerState: r.power_state,
    ignitionOn: r.ignition_on,
    session: r.session,
    lastSeenAt: r.last_seen_at,
    ecus: r.ecus,
  }
}

export function createVehiclesRepository (db: Queryable): VehiclesRepository {
  return {
    async insert (v, salt, hash) {
      const { rows } = await db.query<VehicleRow>(
        `INSERT INTO vehicles (vehicle_id, model, region, fleet, time_zone, secret_salt, secret_hash, country)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (vehicle_id) DO NOTHING RETURNING ${COLUMNS}`,
        [v.id, v.model, v.region, v.fleet, v.timeZone, salt, hash, v.country ?? null])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },

    async get (id) {
      const { rows } = await db.query<VehicleRow>(`SELECT ${COLUMNS} FROM vehicles WHERE vehicle_id = $1`, [id])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },

    async list (f) {
      const { rows } = await db.query<VehicleRow & { total: string }>(
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM vehicles
         WHERE ($1::text IS NULL OR model = $1) AND ($2::text IS NULL OR region = $2)
           AND ($3::text IS NULL OR fleet = $3) AND ($4::boolean IS NULL OR connected = $4)
           AND ($7::text[] IS NULL OR fleet = ANY($7)) AND ($8::text[] IS NULL OR region = ANY($8))
           AND ($9::text IS NULL OR country = $9)
         ORDER BY vehicle_id LIMIT $5 OFFSET $6`,
        [f.model ?? null, f.region ?? null, f.fleet ?? null, f.connected ?? null, f.limit, f.offset, f.scopeFleets ?? null, f.scopeRegions ?? null, f.country ?? null])
      return { total: rows[0] === undefined ? 0 : Number(rows[0].total), items: rows.map(toRecord) }
    },

    async credentials (id) {
      const { rows } = await db.query<{ vehicle_key: number, model: string, power_state: PowerState, ignition_on: boolean | null, secret_salt: Buffer, secret_hash: Buffer, revoked_at: Date | null }>(
        'SELECT vehicle_key, model, power_state, ignition_on, secret_salt, secret_hash, revoked_at FROM vehicles WHERE vehicle_id = $1', [id])
      const r = rows[0]
      return r === undefined
        ? undefined
        : { key: r.vehicle_key, model: r.model, powerState: r.power_state, ignitionOn: r.ignition_on, salt: r.secret_salt, hash: r.secret_hash, revoked: r.revoked_at !== null }
    },

    async setCountry (id, country) {
      const { rows } = await db.query<VehicleRow>(`UPDATE vehicles SET country = $2 WHERE vehicle_id = $1 RETURNING ${COLUMNS}`, [id, country])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },

    async setSecret (id, salt, hash) {
      const r = await db.query(
        'UPDATE vehicles SET secret_salt = $2, secret_hash = $3, credentials_rotated_at = now(), revoked_at = NULL WHERE vehicle_id = $1',
        [id, salt, hash])
      return (r.rowCount ?? 0) > 0
    },

    async revoke (id) {
      const r = await db.query('UPDATE vehicles SET revoked_at = coalesce(revoked_at, now()), connected = false WHERE vehicle_id = $1', [id])
      return (r.rowCount ?? 0) > 0
    },

    async recordBirths (births, instanceId) {
      const sorted = [...births].sort((a, b) => a.key - b.key || a.birth.atMs - b.birth.atMs)
      await db.query(
        `WITH b AS (
           SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::bool[], $5::jsonb[], $6::float8[], $7::jsonb[])
             AS b(key, session, power, ignition, ecus, ms, detail)),
         newest AS (SELECT DISTINCT ON (key) * FROM b ORDER BY key, ms DESC),
         v AS (
           UPDATE vehicles v SET connected = true, power_state = n.power, ignition_on = n.ignition, session = n.session, ecus = n.ecus, instance_id = $8,
             last_seen_at = greatest(v.last_seen_at, to_timestamp(n.ms / 1000.0))
           FROM newest n WHERE v.vehicle_key = n.key AND (v.session IS NULL OR v.session <= n.session OR NOT v.connected))
         INSERT INTO vehicle_events (vehicle_key, ts, kind, session, detail)
         SELECT key, to_timestamp(ms / 1000.0), 'birth', session, detail FROM b ON CONFLICT DO NOTHING`,
        [sorted.map((x) => x.key), sorted.map((x) => x.birth.session), sorted.map((x) => x.birth.powerState), sorted.map((x) => x.birth.ignitionOn),
          sorted.map((x) => JSON.stringify(x.birth.ecus)), sorted.map((x) => x.birth.atMs), sorted.map((x) => JSON.stringify(x.birth.detail)), instanceId])
    },

    async recordDeath (key, session, reason, atMs, instanceId) {
      const { rows } = await db.query<{ vehicle_key: number }>(
        `WITH v AS (
           UPDATE vehicles SET connected = false,
             power_state = CASE WHEN $3 = 'going_to_sleep' THEN 'asleep' ELSE 'offline' END
           WHERE vehicle_key = $1 AND ($2::int IS NULL OR session IS NULL OR session <= $2)
             AND (instance_id IS NULL OR instance_id = $5) RETURNING vehicle_key)
         INSERT INTO vehicle_events (vehicle_key, ts, kind, session, detail)
         SELECT vehicle_key, to_timestamp($4 / 1000.0), 'death', $2, jsonb_build_object('reason', $3::text) FROM v
         ON CONFLICT DO NOTHING RETURNING vehicle_key`,
        [key, session, reason, atMs, instanceId])
      return rows.length > 0
    },

    async touchLastSeen (seen) {
      if (seen.size === 0) return
      await db.query(
        `UPDATE vehicles v SET last_seen_at = greatest(v.last_seen_at, to_timestamp(s.ms / 1000.0))
         FROM unnest($1::int[], $2::float8[]) AS s(key, ms) WHERE v.vehicle_key = s.key`,
        // Key order: concurrent writers of the same rows lock them in the same order.
        [[...seen.keys()].sort((a, b) => a - b), [...seen.keys()].sort((a, b) => a - b).map((k) => seen.get(k))])
    },

    async claimSession (key, instanceId) {
      const { rows } = await db.query<{ session_epoch: string }>(
        'UPDATE vehicles SET instance_id = $2, session_epoch = nextval(\'vehicle_session_epoch\') WHERE vehicle_key = $1 RETURNING session_epoch', [key, instanceId])
      return Number(rows[0]?.session_epoch ?? 0)
    },

    async markDisconnectedMany (instanceId, sessions) {
      if (sessions.length === 0) return
      await db.query(
        `UPDATE vehicles v SET connected = false, power_state = CASE WHEN v.power_state = 'asleep' THEN 'asleep' ELSE 'offline' END
         FROM unnest($1::int[], $2::bigint[]) AS c(k, e)
         WHERE v.vehicle_key = c.k AND v.connected AND (v.instance_id IS NULL OR (v.instance_id = $3 AND (c.e IS NULL OR v.session_epoch = c.e)))`,
        [sessions.map((c) => c.key), sessions.map((c) => c.epoch ?? null), instanceId])
    },

    async markInstanceDisconnected (instanceId) {
      const r = await db.query(
        `UPDATE vehicles SET connected = false, power_state = CASE WHEN power_state = 'asleep' THEN 'asleep' ELSE 'offline' END
         WHERE connected AND (instance_id IS NULL OR instance_id = $1)`, [instanceId])
      return r.rowCount ?? 0
    },

    async presence (key) {
      const { rows } = await db.query<{ connected: boolean, power_state: PowerState, ignition_on: boolean | null, instance_id: string | null }>(
        'SELECT connected, power_state, ignition_on, instance_id FROM vehicles WHERE vehicle_key = $1', [key])
      const r = rows[0]
      return r === undefined ? undefined : { connected: r.connected, powerState: r.power_state, ignitionOn: r.ignition_on, instanceId: r.instance_id }
    },


    async markAllDisconnected () {
      await db.query(`UPDATE vehicles SET connected = false, power_state = CASE WHEN power_state = 'asleep' THEN 'asleep' ELSE 'offline' END WHERE connected`)
    },
  }
}
