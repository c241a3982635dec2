import type { Queryable } from './db.js'
import type { CampaignScope } from './ota-campaigns.repository.js'
import type { EcuRecord } from './vehicles.repository.js'

/** One vehicle's update in one campaign (the current state of ota/rollout.core.ts). */
export interface UpdateRow {
  readonly campaignId: string
  readonly vehicleKey: number
  readonly vehicleId: string
  readonly fleet: string
  readonly region: string
  readonly timeZone: string
  readonly wave: number
  state: string
  reason: string | null
  seq: number
  attempts: number
  readonly fromVersions: Record<string, string>
  readonly toVersions: Record<string, string>
  readonly compatibility: { ok: boolean, detail: string }
  offerId: string | null
  offer: Record<string, unknown> | null
  consent: Record<string, unknown> | null
  preconditions: Record<string, unknown> | null
  stateSinceMs: number
  lastReportAtMs: number | null
  nextRetryAtMs: number | null
}

export type NewUpdate = Omit<UpdateRow, 'vehicleId' | 'fleet' | 'region' | 'timeZone'>

export interface UpdateEvent {
  readonly campaignId: string
  readonly vehicleKey: number
  readonly seq: number
  readonly tsMs: number
  readonly from: string
  readonly to: string
  readonly reason: string
  readonly source: string
  readonly detail: Record<string, unknown>
}

export interface TargetVehicle {
  readonly key: number
  readonly id: string
  readonly fleet: string
  readonly ecus: readonly EcuRecord[]
}

export interface TargetQuery {
  readonly models?: readonly string[] | undefined
  readonly regions?: readonly string[] | undefined
  readonly fleets?: readonly string[] | undefined
  readonly vins?: readonly string[] | undefined
}

export interface ClaimQuery {
  readonly campaignId: string
  readonly states: readonly string[]
  readonly maxWave: number
  /** Only rows whose next_retry_at (retries) or last report (timeouts) is before this. */
  readonly retryDueBeforeMs?: number
  readonly silentSinceMs?: number
  /** Only these vehicles (e.g. the ones connected to this gateway). */
  readonly vehicleKeys?: readonly number[]
  /** Leave these vehicles out (already looked at in this pass). */
  readonly skipKeys?: readonly number[]
  readonly limit: number
  /** Wait for rows other transactions hold instead of skipping them (campaign-wide controls must reach every row). */
  readonly wait?: boolean
}

export interface OtaUpdatesRepository {
  selectTargets(q: TargetQuery): Promise<TargetVehicle[]>
  insertMany(rows: readonly NewUpdate[]): Promise<void>
  /** Locks the rows (FOR UPDATE) of these campaign/vehicle pairs or offers. */
  lock(keys: ReadonlyArray<{ campaignId: string, vehicleKey: number }>): Promise<UpdateRow[]>
  lockByOffers(offerIds: readonly string[]): Promise<UpdateRow[]>
  /** Locks up to `limit` matching rows other transactions are not holding (SKIP LOCKED). */
  claim(q: ClaimQuery): Promise<UpdateRow[]>
  /**
   * Writes changed rows and their events: two statements whatever the batch
   * size. The signed offer document is written only with `withOffer` (when an
   * offer is sent): every other change leaves it as it is, so a vehicle
   * report does not rewrite it.
   */
  write(rows: readonly UpdateRow[], events: readonly UpdateEvent[], opts?: { withOffer: boolean }): Promise<void>
  /** Vehicles per wave and state; `retry` = those with an automatic retry scheduled. */
  /** Counts over the campaign's vehicles inside `scope` (default: all of them). */
  countsByWave(campaignId: string, scope?: CampaignScope): Promise<Array<{ wave: number, state: string, n: number, retry: number }>>
  failureReasons(campaignId: string, scope?: CampaignScope): Promise<Record<string, number>>
  forCampaign(campaignId: string, fleets: readonly string[] | null): Promise<UpdateRow[]>
  forVehicle(vehicleKey: number): Promise<UpdateRow[]>
  /** Whether an update of a campaign that is not cancelled still offers this artifact to the vehicle (downloads check it). */
  offersArtifact(vehicleKey: number, artifactId: string): Promise<boolean>
  events(campaignId: string, vehicleKey: number): Promise<UpdateEvent[]>
  campaignsForFleets(fleets: readonly string[] | null): Promise<Array<{ campaignId: string, vehicles: number }>>
  /** ECUs on which each vehicle set a DTC since the given time (post-install soak check). */
  dtcEcusSince(probes: ReadonlyArray<{ vehicleKey: number, sinceMs: number }>): Promise<Map<number, Set<string>>>
}

interface Row {
  campaign_id: string
  vehicle_key: number
  vehicle_id: string
  fleet: string
  region: string
  time_zone: string
  wave: number
  state: string
  reason: string | null
  seq: number
  attempts: number
  from_versions: Record<string, string>
  to_versions: Record<string, string>
  compatibility: { ok: boolean, detail: string }
  offer_id: string | null
  offer: Record<string, unknown> | null
  consent: Record<string, unknown> | null
  preconditions: Record<string, unknown> | null
  state_since: Date
  last_report_at: Date | null
  next_retry_at: Date | null
}

const SELECT = `SELECT u.campaign_id, u.vehicle_key, v.vehicle_id, v.fleet, v.region, v.time_zone, u.wave, u.state, u.reason, u.seq,
  u.attempts, u.from_versions, u.to_versions, u.compatibility, u.offer_id, u.offer, u.consent, u.preconditions, u.state_since,
  u.last_report_at, u.next_retry_at
  FROM ota_vehicle_updates u JOIN vehicles v ON v.vehicle_key = u.vehicle_key`

const toRow = (r: Row): UpdateRow => ({
  campaignId: r.campaign_id,
  vehicleKey: r.vehicle_key,
  vehicleId: r.vehicle_id,
  fleet: r.fleet,
  region: r.region,
  timeZone: r.time_zone,
  wave: r.wave,
  state: r.state,
  reason: r.reason,
  seq: r.seq,
  attempts: r.attempts,
  fromVersions: r.from_versions,
  toVersions: r.to_versions,
  compatibility: r.compatibility,
  offerId: r.offer_id,
  offer: r.offer,
  consent: r.consent,
  preconditions: r.preconditions,
  stateSinceMs: r.state_since.getTime(),
  lastReportAtMs: r.last_report_at?.getTime() ?? null,
  nextRetryAtMs: r.next_retry_at?.getTime() ?? null,
})

/** Row `u` (ota_vehicle_updates) belongs to a vehicle inside the scope $2 fleets, $3 regions (null = all). */
const IN_SCOPE = `(($2::text[] IS NULL AND $3::text[] IS NULL) OR EXISTS (SELECT 1 FROM vehicles sv WHERE sv.vehicle_key = u.vehicle_key
  AND ($2::text[] IS NULL OR sv.fleet = ANY($2)) AND ($3::text[] IS NULL OR sv.region = ANY($3))))`
const scopeArgs = (s: CampaignScope | undefined) => [s?.fleets ?? null, s?.regions ?? null]

const json = (v: unknown) => v === null || v === undefined ? null : JSON.stringify(v)
const nullableList = (xs: readonly string[] | undefined) => xs === undefined || xs.length === 0 ? null : xs

export function createOtaUpdatesRepository (db: Queryable): OtaUpdatesRepository {
  return {
    async selectTargets (q) {
      const { rows } = await db.query<{ vehicle_key: number, vehicle_id: string, fleet: string, ecus: EcuRecord[] }>(
        `SELECT vehicle_key, vehicle_id, fleet, ecus FROM vehicles
         WHERE revoked_at IS NULL AND ($1::text[] IS NULL OR model = ANY($1)) AND ($2::text[] IS NULL OR region = ANY($2))
           AND ($3::text[] IS NULL OR fleet = ANY($3)) AND ($4::text[] IS NULL OR vehicle_id = ANY($4))
         ORDER BY vehicle_key`,
        [nullableList(q.models), nullableList(q.regions), nullableList(q.fleets), nullableList(q.vins)])
      return rows.map((r) => ({ key: r.vehicle_key, id: r.vehicle_id, fleet: r.fleet, ecus: r.ecus }))
    },

    async insertMany (rows) {
      if (rows.length === 0) return
      await db.query(
        `INSERT INTO ota_vehicle_updates (campaign_id, vehicle_key, wave, state, reason, from_versions, to_versions, compatibility, state_since, seq)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::int[])`,
        [rows.map((r) => r.campaignId), rows.map((r) => r.vehicleKey), rows.map((r) => r.wave), rows.map((r) => r.state), rows.map((r) => r.reason),
          rows.map((r) => json(r.fromVersions)), rows.map((r) => json(r.toVersions)), rows.map((r) => json(r.compatibility)), rows.map((r) => new Date(r.stateSinceMs)),
          rows.map((r) => r.seq)])
    },

    async lock (keys) {
      if (keys.length === 0) return []
      const { rows } = await db.query<Row>(
        `${SELECT} WHERE (u.campaign_id, u.vehicle_key) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
         ORDER BY u.campaign_id, u.vehicle_key FOR UPDATE OF u`,
        [keys.map((k) => k.campaignId), keys.map((k) => k.vehicleKey)])
      return rows.map(toRow)
    },

    async lockByOffers (offerIds) {
      if (offerIds.length === 0) return []
      const { rows } = await db.query<Row>(`${SELECT} WHERE u.offer_id = ANY($1::uuid[]) ORDER BY u.campaign_id, u.vehicle_key FOR UPDATE OF u`, [offerIds])
      return rows.map(toRow)
    },

    async claim (q) {
      const { rows } = await db.query<Row>(
        `${SELECT} WHERE u.campaign_id = $1 AND u.state = ANY($2::text[]) AND u.wave <= $3
           AND ($4::timestamptz IS NULL OR u.next_retry_at <= $4)
           AND ($5::timestamptz IS NULL OR coalesce(u.last_report_at, u.state_since) < $5)
           AND ($6::int[] IS NULL OR u.vehicle_key = ANY($6)) AND ($8::int[] IS NULL OR NOT (u.vehicle_key = ANY($8)))
         ORDER BY u.campaign_id, u.vehicle_key LIMIT $7 FOR UPDATE OF u${q.wait === true ? '' : ' SKIP LOCKED'}`,
        [q.campaignId, q.states, q.maxWave, q.retryDueBeforeMs === undefined ? null : new Date(q.retryDueBeforeMs),
          q.silentSinceMs === undefined ? null : new Date(q.silentSinceMs), q.vehicleKeys ?? null, q.limit,
          q.skipKeys === undefined || q.skipKeys.length === 0 ? null : q.skipKeys])
      return rows.map(toRow)
    },

    async write (rows, events, opts) {
      if (rows.length > 0) {
        const withOffer = opts?.withOffer === true
        await db.query(
          `UPDATE ota_vehicle_updates u SET state = x.state, reason = x.reason, seq = x.seq, attempts = x.attempts, consent = x.consent,
             preconditions = x.preconditions, state_since = x.state_since, last_report_at = x.last_report_at, next_retry_at = x.next_retry_at
             ${withOffer ? ', offer_id = x.offer_id, offer = x.offer' : ''}
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::jsonb[], $8::jsonb[],
                       $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::uuid[], $13::jsonb[])
             AS x(campaign_id, vehicle_key, state, reason, seq, attempts, consent, preconditions, state_since, last_report_at, next_retry_at, offer_id, offer)
           WHERE u.campaign_id = x.campaign_id AND u.vehicle_key = x.vehicle_key`,
          [rows.map((r) => r.campaignId), rows.map((r) => r.vehicleKey), rows.map((r) => r.state), rows.map((r) => r.reason), rows.map((r) => r.seq),
            rows.map((r) => r.attempts), rows.map((r) => json(r.consent)), rows.map((r) => json(r.preconditions)), rows.map((r) => new Date(r.stateSinceMs)),
            rows.map((r) => r.lastReportAtMs === null ? null : new Date(r.lastReportAtMs)), rows.map((r) => r.nextRetryAtMs === null ? null : new Date(r.nextRetryAtMs)),
            withOffer ? rows.map((r) => r.offerId) : [], withOffer ? rows.map((r) => json(r.offer)) : []])
      }
      if (events.length > 0) {
        await db.query(
          `INSERT INTO ota_update_events (campaign_id, vehicle_key, seq, ts, from_state, to_state, reason, source, detail)
           SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])`,
          [events.map((e) => e.campaignId), events.map((e) => e.vehicleKey), events.map((e) => e.seq), events.map((e) => new Date(e.tsMs)),
            events.map((e) => e.from), events.map((e) => e.to), events.map((e) => e.reason), events.map((e) => e.source), events.map((e) => JSON.stringify(e.detail))])
      }
    },

    async countsByWave (campaignId, scope) {
      const { rows } = await db.query<{ wave: number, state: string, n: string, retry: string }>(
        `SELECT wave, state, count(*) AS n, count(*) FILTER (WHERE next_retry_at IS NOT NULL) AS retry
         FROM ota_vehicle_updates u WHERE campaign_id = $1 AND ${IN_SCOPE} GROUP BY wave, state`, [campaignId, ...scopeArgs(scope)])
      return rows.map((r) => ({ wave: r.wave, state: r.state, n: Number(r.n), retry: Number(r.retry) }))
    },

    async failureReasons (campaignId, scope) {
      const { rows } = await db.query<{ reason: string, n: string }>(
        `SELECT coalesce(reason, 'unknown') AS reason, count(*) AS n FROM ota_vehicle_updates u
         WHERE campaign_id = $1 AND state IN ('failed', 'rolled_back', 'timed_out') AND ${IN_SCOPE} GROUP BY 1`, [campaignId, ...scopeArgs(scope)])
      return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]))
    },

    async forCampaign (campaignId, fleets) {
      const { rows } = await db.query<Row>(`${SELECT} WHERE u.campaign_id = $1 AND ($2::text[] IS NULL OR v.fleet = ANY($2)) ORDER BY v.vehicle_id`, [campaignId, fleets])
      return rows.map(toRow)
    },

    async offersArtifact (vehicleKey, artifactId) {
      const { rows } = await db.query<{ offered: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ota_vehicle_updates u JOIN ota_campaigns c ON c.campaign_id = u.campaign_id
           WHERE u.vehicle_key = $1 AND $2 = ANY(c.artifact_ids) AND c.state <> 'cancelled'
             AND u.state IN ('offered', 'awaiting_consent', 'postponed', 'downloading', 'downloaded', 'installing', 'verifying', 'timed_out')) AS offered`,
        [vehicleKey, artifactId])
      return rows[0]?.offered === true
    },
    async forVehicle (vehicleKey) {
      const { rows } = await db.query<Row>(`${SELECT} WHERE u.vehicle_key = $1 ORDER BY u.state_since DESC`, [vehicleKey])
      return rows.map(toRow)
    },

    async events (campaignId, vehicleKey) {
      const { rows } = await db.query<{ seq: number, ts: Date, from_state: string, to_state: string, reason: string, source: string, detail: Record<string, unknown> }>(
        'SELECT seq, ts, from_state, to_state, reason, source, detail FROM ota_update_events WHERE campaign_id = $1 AND vehicle_key = $2 ORDER BY seq',
        [campaignId, vehicleKey])
      return rows.map((r) => ({ campaignId, vehicleKey, seq: r.seq, tsMs: r.ts.getTime(), from: r.from_state, to: r.to_state, reason: r.reason, source: r.source, detail: r.detail }))
    },

    async dtcEcusSince (probes) {
      const out = new Map<number, Set<string>>()
      if (probes.length === 0) return out
      const { rows } = await db.query<{ vehicle_key: number, ecu_id: string }>(
        `SELECT DISTINCT d.vehicle_key, d.ecu_id FROM unnest($1::int[], $2::timestamptz[]) AS x(k, since)
         JOIN diagnostic_events d ON d.vehicle_key = x.k AND d.ts >= x.since AND d.action = 'set'`,
        [probes.map((p) => p.vehicleKey), probes.map((p) => new Date(p.sinceMs))])
      for (const r of rows) {
        let set = out.get(r.vehicle_key)
        if (set === undefined) out.set(r.vehicle_key, set = new Set())
        set.add(r.ecu_id)
      }
      return out
    },

    async campaignsForFleets (fleets) {
      const { rows } = await db.query<{ campaign_id: string, n: string }>(
        `SELECT u.campaign_id, count(*) AS n FROM ota_vehicle_updates u JOIN vehicles v ON v.vehicle_key = u.vehicle_key
         WHERE $1::text[] IS NULL OR v.fleet = ANY($1) GROUP BY u.campaign_id`, [fleets])
      return rows.map((r) => ({ campaignId: r.campaign_id, vehicles: Number(r.n) }))
    },
  }
}
