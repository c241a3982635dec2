import type { Queryable } from './db.js'

export type CampaignStateName = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled'

export interface CampaignRecord {
  readonly id: string
  readonly name: string
  readonly state: CampaignStateName
  readonly artifactIds: readonly string[]
  readonly target: Record<string, unknown>
  readonly plan: Record<string, unknown>
  readonly requiresOptIn: boolean
  readonly recallDeadline: Date | null
  readonly currentWave: number
  readonly waves: number
  readonly awaitingApproval: boolean
  readonly pauseReason: string | null
  readonly createdBy: string
  readonly createdAt: Date
  readonly updatedAt: Date
}

export interface ConsentRecord {
  readonly scopeKind: 'fleet' | 'vehicle'
  readonly scopeId: string
  readonly decision: 'opted_in' | 'opted_out'
  readonly decidedBy: string
  readonly decidedAt: Date
}

/** The caller's vehicle scope (api/auth/principal.ts): null = every fleet / region. */
export interface CampaignScope { readonly fleets: readonly string[] | null, readonly regions: readonly string[] | null }

export type CampaignPatch = Partial<Pick<CampaignRecord, 'state' | 'currentWave' | 'awaitingApproval' | 'pauseReason'>>

export interface OtaCampaignsRepository {
  insert(c: Omit<CampaignRecord, 'createdAt' | 'updatedAt'>): Promise<CampaignRecord>
  /** undefined also when the campaign lies outside `scope` (see SCOPED). */
  get(id: string, scope?: CampaignScope): Promise<CampaignRecord | undefined>
  /**
   * Whether the campaign reaches beyond `scope`: a target vehicle outside it,
   * or a target selection naming a region (fleet) outside it — such a
   * campaign concerns that region even while no vehicle of it matched. Controls act on every vehicle of a campaign, so
   * they need the whole campaign in scope.
   */
  reachesBeyond(id: string, scope: CampaignScope): Promise<boolean>
  /** Locks the campaign row for the rest of the transaction `db` belongs to. */
  lock(id: string): Promise<CampaignRecord | undefined>
  list(limit: number, scope?: CampaignScope): Promise<CampaignRecord[]>
  listByState(states: readonly CampaignStateName[]): Promise<CampaignRecord[]>
  /** When the most recent cancellation (or end date, which cancels what was not installing) happened (epoch ms; 0 when none). */
  lastCancelledAtMs(): Promise<number>
  update(id: string, patch: CampaignPatch): Promise<void>
  appendEvent(id: string, atMs: number, kind: string, actor: string, detail: Record<string, unknown>): Promise<void>
  events(id: string, limit: number): Promise<Array<{ ts: Date, kind: string, actor: string, detail: unknown }>>
  upsertConsent(id: string, c: ConsentRecord): Promise<void>
  consents(id: string): Promise<ConsentRecord[]>
}

interface Row {
  campaign_id: string
  name: string
  state: CampaignStateName
  artifact_ids: string[]
  target: Record<string, unknown>
  plan: Record<string, unknown>
  requires_opt_in: boolean
  recall_deadline: Date | null
  current_wave: number
  waves: number
  awaiting_approval: boolean
  pause_reason: string | null
  created_by: string
  created_at: Date
  updated_at: Date
}

const COLUMNS = 'campaign_id, name, state, artifact_ids, target, plan, requires_opt_in, recall_deadline, current_wave, waves, awaiting_approval, pause_reason, created_by, created_at, updated_at'
const toRecord = (r: Row): CampaignRecord => ({
  id: r.campaign_id,
  name: r.name,
  state: r.state,
  artifactIds: r.artifact_ids,
  target: r.target,
  plan: r.plan,
  requiresOptIn: r.requires_opt_in,
  recallDeadline: r.recall_deadline,
  currentWave: r.current_wave,
  waves: r.waves,
  awaitingApproval: r.awaiting_approval,
  pauseReason: r.pause_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/**
 * Which campaigns a scoped caller (a support engineer limited to regions, a
 * tenant's token) sees: those with at least one target vehicle inside its
 * scope, or — for a caller limited by region only — whose target selection
 * names one of its regions (a campaign for "EU" concerns EU support even
 * while no EU vehicle matched yet). $2 fleets, $3 regions; both null = all.
 */
const SCOPED = `(($2::text[] IS NULL AND $3::text[] IS NULL)
  OR EXISTS (SELECT 1 FROM ota_vehicle_updates su JOIN vehicles sv ON sv.vehicle_key = su.vehicle_key
             WHERE su.campaign_id = c.campaign_id AND ($2::text[] IS NULL OR sv.fleet = ANY($2)) AND ($3::text[] IS NULL OR sv.region = ANY($3)))
  OR ($2::text[] IS NULL AND jsonb_typeof(c.target->'regions') = 'array' AND (c.target->'regions') ?| $3::text[]))`
const scopeArgs = (s: CampaignScope | undefined) => [s?.fleets ?? null, s?.regions ?? null]

export function createOtaCampaignsRepository (db: Queryable): OtaCampaignsRepository {
  return {
    async insert (c) {
      const { rows } = await db.query<Row>(
        `INSERT INTO ota_campaigns (campaign_id, name, state, artifact_ids, target, plan, requires_opt_in, recall_deadline, current_wave, waves, awaiting_approval, pause_reason, created_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
        [c.id, c.name, c.state, c.artifactIds, JSON.stringify(c.target), JSON.stringify(c.plan), c.requiresOptIn, c.recallDeadline, c.currentWave, c.waves, c.awaitingApproval, c.pauseReason, c.createdBy])
      return toRecord(rows[0] as Row)
    },
    async get (id, scope) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_campaigns c WHERE campaign_id = $1 AND ${SCOPED}`, [id, ...scopeArgs(scope)])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },
    async reachesBeyond (id, scope) {
      if (scope.fleets === null && scope.regions === null) return false
      const { rows } = await db.query<{ beyond: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ota_vehicle_updates u JOIN vehicles v ON v.vehicle_key = u.vehicle_key
                        WHERE u.campaign_id = $1 AND NOT (($2::text[] IS NULL OR v.fleet = ANY($2)) AND ($3::text[] IS NULL OR v.region = ANY($3))))
             OR EXISTS (SELECT 1 FROM ota_campaigns c WHERE c.campaign_id = $1 AND (
                  ($3::text[] IS NOT NULL AND jsonb_typeof(c.target->'regions') = 'array' AND NOT (c.target->'regions') <@ to_jsonb($3::text[]))
                  OR ($2::text[] IS NOT NULL AND jsonb_typeof(c.target->'fleets') = 'array' AND NOT (c.target->'fleets') <@ to_jsonb($2::text[])))) AS beyond`,
        [id, ...scopeArgs(scope)])
      return rows[0]?.beyond === true
    },
    async lock (id) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_campaigns WHERE campaign_id = $1 FOR UPDATE`, [id])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },
    async list (limit, scope) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_campaigns c WHERE ${SCOPED} ORDER BY created_at DESC LIMIT $1`, [limit, ...scopeArgs(scope)])
      return rows.map(toRecord)
    },
    async lastCancelledAtMs () {
      const { rows } = await db.query<{ ms: number | null }>("SELECT (extract(epoch FROM max(updated_at)) * 1000)::float8 AS ms FROM ota_campaigns WHERE state = 'cancelled' OR (state = 'completed' AND plan ? 'endsAt')")
      return rows[0]?.ms ?? 0
    },
    async listByState (states) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_campaigns WHERE state = ANY($1::text[]) ORDER BY created_at`, [states])
      return rows.map(toRecord)
    },
    async update (id, p) {
      await db.query(
        `UPDATE ota_campaigns SET state = coalesce($2, state), current_wave = coalesce($3, current_wave),
           awaiting_approval = coalesce($4, awaiting_approval),
           pause_reason = CASE WHEN $5 THEN $6 ELSE pause_reason END, updated_at = now()
         WHERE campaign_id = $1`,
        [id, p.state ?? null, p.currentWave ?? null, p.awaitingApproval ?? null, 'pauseReason' in p, p.pauseReason ?? null])
    },
    async appendEvent (id, atMs, kind, actor, detail) {
      await db.query('INSERT INTO ota_campaign_events (campaign_id, ts, kind, actor, detail) VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5::jsonb)',
        [id, atMs, kind, actor, JSON.stringify(detail)])
    },
    async events (id, limit) {
      const { rows } = await db.query<{ ts: Date, kind: string, actor: string, detail: unknown }>(
        'SELECT ts, kind, actor, detail FROM ota_campaign_events WHERE campaign_id = $1 ORDER BY ts LIMIT $2', [id, limit])
      return rows
    },
    async upsertConsent (id, c) {
      await db.query(
        `INSERT INTO ota_consents (campaign_id, scope_kind, scope_id, decision, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (campaign_id, scope_kind, scope_id) DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
        [id, c.scopeKind, c.scopeId, c.decision, c.decidedBy, c.decidedAt])
    },
    async consents (id) {
      const { rows } = await db.query<{ scope_kind: 'fleet' | 'vehicle', scope_id: string, decision: 'opted_in' | 'opted_out', decided_by: string, decided_at: Date }>(
        'SELECT scope_kind, scope_id, decision, decided_by, decided_at FROM ota_consents WHERE campaign_id = $1', [id])
      return rows.map((r) => ({ scopeKind: r.scope_kind, scopeId: r.scope_id, decision: r.decision, decidedBy: r.decided_by, decidedAt: r.decided_at }))
    },
  }
}
