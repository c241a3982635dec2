import { randomUUID } from 'node:crypto'
import { type Result, fail, ok } from '../common/result.js'
import { createOtaArtifactsRepository, type ArtifactRecord } from '../storage/ota-artifacts.repository.js'
import { createOtaCampaignsRepository, type CampaignPatch, type CampaignRecord } from '../storage/ota-campaigns.repository.js'
import { createOtaUpdatesRepository, type NewUpdate, type TargetVehicle, type UpdateEvent, type UpdateRow } from '../storage/ota-updates.repository.js'
import { withTransaction } from '../storage/db.js'
import { createOtaRemindersRepository } from '../storage/ota-reminders.repository.js'
import { applyControl, checkCompatibility, planWaves, type CampaignControl, type CampaignState } from './campaign.core.js'
import { FAILURE_STATES, type UpdateState } from './rollout.core.js'
import { created, step } from './transitions.js'
import type { OtaContext } from './context.js'
import type { NewCampaignSpec, PlanSpec } from './schemas.js'

export type CampaignFailure = 'GW_OTA_ARTIFACT_NOT_FOUND' | 'GW_OTA_BAD_PLAN' | 'GW_OTA_CAMPAIGN_NOT_FOUND' | 'GW_OTA_ILLEGAL_CONTROL' | 'GW_OTA_NO_VEHICLES'

export interface PlannedCampaign {
  readonly artifacts: ArtifactRecord[]
  readonly waves: TargetVehicle[][]
  readonly excluded: Record<string, number>
  readonly compat: Map<number, { ok: boolean, detail: string }>
}

function checkPlan (spec: NewCampaignSpec): string | undefined {
  const p = spec.plan
  if (p.waves.some((w) => (w.percent === undefined) === (w.count === undefined))) return 'each wave needs exactly one of percent or count'
  if (p.startsAt !== undefined && p.endsAt !== undefined && Date.parse(p.endsAt) <= Date.parse(p.startsAt)) return 'endsAt must be after startsAt'
  return undefined
}

/** Campaign creation (target selection, compatibility, waves), controls and fleet-owner consent. */
export function createCampaignsService (ctx: OtaContext, hooks: { invalidate(campaignId: string): void, revoke(rows: readonly UpdateRow[]): Promise<number> }) {
  const artifacts = createOtaArtifactsRepository(ctx.pool)
  const updates = createOtaUpdatesRepository(ctx.pool)

  async function plan (spec: NewCampaignSpec, seed: string): Promise<Result<PlannedCampaign, CampaignFailure>> {
    const bad = checkPlan(spec)
    if (bad !== undefined) return fail('GW_OTA_BAD_PLAN', bad)
    const found = await artifacts.getMany(spec.artifactIds)
    const missing = spec.artifactIds.filter((id) => !found.some((a) => a.id === id))
    if (missing.length > 0) return fail('GW_OTA_ARTIFACT_NOT_FOUND', `unknown artifact(s): ${missing.join(', ')}`)
    const arts = spec.artifactIds.map((id) => found.find((a) => a.id === id) as ArtifactRecord)
    if (new Set(arts.map((a) => a.ecu)).size !== arts.length) return fail('GW_OTA_BAD_PLAN', 'a bundle holds one artifact per ECU')
    const t = spec.target
    const vehicles = await updates.selectTargets({ models: t.models, regions: t.regions, fleets: t.fleets, vins: t.vins })
    const excluded: Record<string, number> = {}
    const compat = new Map<number, { ok: boolean, detail: string }>()
    const eligible = vehicles.filter((v) => {
      const first = arts[0] as ArtifactRecord
      const now = v.ecus.find((e) => e.ecuId === first.ecu)?.softwareVersion
      if (t.currentVersions !== undefined && t.currentVersions.length > 0 && (now === undefined || !t.currentVersions.includes(now))) {
        excluded.version_not_targeted = (excluded.version_not_targeted ?? 0) + 1
        return false
      }
      const c = checkCompatibility(v.ecus, arts)
      compat.set(v.key, c)
      if (!c.ok) {
        const k = c.detail.includes('hardware') ? 'hardware_mismatch' : c.detail.includes('not older') ? 'already_up_to_date' : c.detail.includes('installs-over') ? 'not_installable_over' : 'ecu_missing'
        excluded[k] = (excluded[k] ?? 0) + 1
      }
      return c.ok
    })
    const byId = new Map(eligible.map((v) => [v.id, v]))
    const waves = planWaves(eligible.map((v) => v.id), spec.plan.waves, seed).map((w) => w.map((id) => byId.get(id) as TargetVehicle))
    return ok({ artifacts: arts, waves, excluded, compat })
  }

  async function create (spec: NewCampaignSpec, actor: string): Promise<Result<CampaignRecord, CampaignFailure>> {
    const id = randomUUID()
    const p = await plan(spec, spec.name)
    if (!p.ok) return p
    const total = p.value.waves.reduce((n, w) => n + w.length, 0)
    if (total === 0) return fail('GW_OTA_NO_VEHICLES', `no compatible vehicle matches the target (excluded: ${JSON.stringify(p.value.excluded)})`)
    const now = ctx.clock.now()
    const state: UpdateState = spec.requiresOptIn ? 'pending_opt_in' : 'queued'
    const rows: NewUpdate[] = []
    p.value.waves.forEach((wave, i) => {
      for (const v of wave) {
        const ecu = (e: string) => v.ecus.find((x) => x.ecuId === e)
        rows.push({
          campaignId: id, vehicleKey: v.key, wave: i, state, reason: 'planned', seq: 1, attempts: 0,
          fromVersions: Object.fromEntries(p.value.artifacts.map((a) => [a.ecu, ecu(a.ecu)?.softwareVersion ?? ''])),
          toVersions: Object.fromEntries(p.value.artifacts.map((a) => [a.ecu, a.version])),
          compatibility: { ...(p.value.compat.get(v.key) ?? { ok: true, detail: 'compatible' }), hardware: Object.fromEntries(p.value.artifacts.map((a) => [a.ecu, ecu(a.ecu)?.hardwareId ?? ''])) } as { ok: boolean, detail: string },
          offerId: null, offer: null, consent: null, preconditions: null, stateSinceMs: now, lastReportAtMs: null, nextRetryAtMs: null,
        })
      }
    })
    const record = await withTransaction(ctx.pool, async (tx) => {
      const c = await createOtaCampaignsRepository(tx).insert({
        id, name: spec.name, state: 'draft', artifactIds: spec.artifactIds, target: spec.target as Record<string, unknown>,
        plan: { ...spec.plan, excluded: p.value.excluded } as unknown as Record<string, unknown>, requiresOptIn: spec.requiresOptIn,
        recallDeadline: spec.recall === undefined ? null : new Date(spec.recall.deadline), currentWave: 0, waves: spec.plan.waves.length,
        awaitingApproval: false, pauseReason: null, createdBy: actor,
      })
      const u = createOtaUpdatesRepository(tx)
      await u.insertMany(rows)
      await u.write([], rows.map((r) => created(r, now, `user:${actor}`, { wave: r.wave + 1 })))
      await createOtaCampaignsRepository(tx).appendEvent(id, now, 'created', actor, { vehicles: total, excluded: p.value.excluded })
      return c
    })
    ctx.log.info({ campaignId: id, vehicles: total, waves: spec.plan.waves.length, actor }, 'campaign created')
    return ok(record)
  }

  async function control (id: string, control: CampaignControl, actor: string): Promise<Result<CampaignRecord, CampaignFailure>> {
    const now = ctx.clock.now()
    let cancelled: UpdateRow[] = []
    const r = await withTransaction(ctx.pool, async (tx): Promise<Result<CampaignRecord, CampaignFailure>> => {
      const repo = createOtaCampaignsRepository(tx)
      const c = await repo.lock(id)
      if (c === undefined) return fail('GW_OTA_CAMPAIGN_NOT_FOUND', `campaign ${id} not found`)
      const plan = c.plan as unknown as PlanSpec
      const next = applyControl(c.state, control, {
        nowMs: now,
        startsAtMs: plan.startsAt === undefined ? null : Date.parse(plan.startsAt),
        awaitingApproval: c.awaitingApproval,
        hasNextWave: c.currentWave < c.waves - 1,
      })
      if (!next.ok) return next
      const patch: { -readonly [K in keyof CampaignPatch]: CampaignPatch[K] } = { state: next.value }
      if (control === 'resume') patch.pauseReason = null
      if (control === 'pause') patch.pauseReason = `paused by ${actor}`
      if (control === 'approve-next-wave') Object.assign(patch, { currentWave: c.currentWave + 1, awaitingApproval: false, pauseReason: null })
      const u = createOtaUpdatesRepository(tx)
      let affected = 0
      if (control === 'cancel' || control === 'retry-failed') {
        const states: UpdateState[] = control === 'cancel'
          ? ['pending_opt_in', 'queued', 'offered', 'awaiting_consent', 'postponed', 'downloading', 'downloaded']
          : [...FAILURE_STATES]
        const rows = await u.claim({ campaignId: id, states, maxWave: c.waves, limit: 1_000_000, wait: true })
        const events: UpdateEvent[] = []
        const changed: UpdateRow[] = []
        for (const row of rows) {
          const s = step(row, control === 'cancel' ? { kind: 'cancel', reason: 'campaign_cancelled' } : { kind: 'retry', reason: 'manual_retry' }, `user:${actor}`, now)
          if (s.event === undefined) continue
          if (control === 'retry-failed') {
            row.attempts += 1
            row.nextRetryAtMs = null
          }
          events.push(s.event)
          changed.push(row)
        }
        await u.write(changed, events)
        if (control === 'cancel') {
          await createOtaRemindersRepository(tx).cancelFor(changed)
          cancelled = changed
        }
        affected = changed.length
      }
      await repo.update(id, patch)
      await repo.appendEvent(id, now, control, actor, { from: c.state, to: next.value, affected })
      return ok((await repo.get(id)) as CampaignRecord)
    })
    if (r.ok) {
      ctx.dirty.add(id)
      hooks.invalidate(id)
      ctx.log.info({ campaignId: id, control, actor, state: r.value.state }, 'campaign control')
      if (cancelled.length > 0) {
        // Committed: vehicles holding an offer withdraw it (those offline get it when they are back).
        ctx.lastCancelAtMs = now
        const sent = await hooks.revoke(cancelled)
        ctx.log.info({ campaignId: id, revocations: sent }, 'offers revoked')
      }
    }
    return r
  }

  /**
   * Fleet-owner opt-in or opt-out for a fleet or for vehicles; vehicle
   * decisions override the fleet's. Vehicles not yet offered move to queued
   * (opted in) or declined with reason owner_opted_out.
   */
  async function consent (id: string, d: { decision: 'opted_in' | 'opted_out', fleet?: string | undefined, vehicleIds?: readonly string[] | undefined }, actor: string, fleets: readonly string[] | null): Promise<Result<{ changed: number }, CampaignFailure | 'GW_VEHICLE_NOT_FOUND'>> {
    const now = ctx.clock.now()
    return withTransaction(ctx.pool, async (tx) => {
      const repo = createOtaCampaignsRepository(tx)
      const c = await repo.lock(id)
      if (c === undefined) return fail('GW_OTA_CAMPAIGN_NOT_FOUND', `campaign ${id} not found`)
      if (c.state === 'completed' || c.state === 'cancelled') return fail('GW_OTA_ILLEGAL_CONTROL', `campaign is ${c.state}`)
      const u = createOtaUpdatesRepository(tx)
      const mine = await u.forCampaign(id, fleets)
      if (mine.length === 0) return fail('GW_OTA_CAMPAIGN_NOT_FOUND', `campaign ${id} not found`)
      let targets: UpdateRow[]
      if (d.vehicleIds !== undefined) {
        const wanted = new Set(d.vehicleIds)
        targets = mine.filter((r) => wanted.has(r.vehicleId))
        if (targets.length !== wanted.size) return fail('GW_VEHICLE_NOT_FOUND', 'some vehicles are not in this campaign or not yours')
        for (const r of targets) await repo.upsertConsent(id, { scopeKind: 'vehicle', scopeId: r.vehicleId, decision: d.decision, decidedBy: actor, decidedAt: new Date(now) })
      } else if (d.fleet !== undefined) {
        targets = mine.filter((r) => r.fleet === d.fleet)
        if (targets.length === 0) return fail('GW_VEHICLE_NOT_FOUND', `fleet ${d.fleet} has no vehicle in this campaign`)
        await repo.upsertConsent(id, { scopeKind: 'fleet', scopeId: d.fleet, decision: d.decision, decidedBy: actor, decidedAt: new Date(now) })
        // A fleet decision does not override vehicles decided one by one.
        const perVehicle = new Set((await repo.consents(id)).filter((x) => x.scopeKind === 'vehicle').map((x) => x.scopeId))
        targets = targets.filter((r) => !perVehicle.has(r.vehicleId))
      } else {
        return fail('GW_OTA_BAD_PLAN', 'name a fleet or vehicleIds')
      }
      const locked = await u.lock(targets)
      const events: UpdateEvent[] = []
      const changed: UpdateRow[] = []
      for (const row of locked) {
        const s = step(row, { kind: d.decision === 'opted_in' ? 'owner_opted_in' : 'owner_opted_out' }, `user:${actor}`, now)
        if (s.event !== undefined) {
          events.push(s.event)
          changed.push(row)
        }
      }
      await u.write(changed, events)
      await repo.appendEvent(id, now, `consent.${d.decision}`, actor, d.vehicleIds !== undefined ? { vehicles: d.vehicleIds.length } : { fleet: d.fleet })
      ctx.dirty.add(id)
      ctx.log.info({ campaignId: id, decision: d.decision, fleet: d.fleet, vehicles: d.vehicleIds?.length, changed: changed.length, actor }, 'owner consent recorded')
      return ok({ changed: changed.length })
    })
  }

  return { plan, create, control, consent }
}

export type CampaignsService = ReturnType<typeof createCampaignsService>
export type { CampaignState }
