import { randomUUID } from 'node:crypto'
import { fleetwire } from '@fleetwire/proto'
import type pg from 'pg'
import { createOtaArtifactsRepository, type ArtifactRecord } from '../storage/ota-artifacts.repository.js'
import { createOtaCampaignsRepository, type CampaignRecord } from '../storage/ota-campaigns.repository.js'
import { createOtaUpdatesRepository, withTransaction, type UpdateEvent, type UpdateRow } from '../storage/ota-updates.repository.js'
import { createOtaRemindersRepository, type DueReminder, type NewReminder, type Notification } from '../storage/ota-reminders.repository.js'
import { decide, type WaveCounts } from './campaign.core.js'
import { FAILURE_STATES, IN_PROGRESS_STATES, type UpdateState } from './rollout.core.js'
import { inWindow, localMinute } from './local-time.core.js'
import { deliverableAt, reminderText } from './reminders.core.js'
import { buildOffer } from './offers.js'
import { isWaiting, retryAt, step } from './transitions.js'
import { reminderGapMs } from './reports.service.js'
import { progressOf, type Progress } from './views.js'
import type { OtaContext } from './context.js'
import type { PlanSpec } from './schemas.js'

const OFFERS_PER_TICK = 20_000
const CLAIM_LIMIT = 5_000
const REMINDERS_PER_TICK = 1_000

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))
type Tx = pg.PoolClient

/**
 * The OTA scheduler: one tick starts scheduled campaigns, ends expired ones,
 * re-queues due retries, times out awake-but-silent vehicles, applies the
 * wave decision, sends offers to connected vehicles in open waves and fires
 * due reminders. Every step claims its rows with FOR UPDATE SKIP LOCKED, so
 * two gateways on one database share the work without doing any twice.
 */
export function createScheduler (ctx: OtaContext, onProgress: (c: CampaignRecord, p: Progress) => void) {
  const { log } = ctx
  const artifactCache = new Map<string, ArtifactRecord[]>()
  const stats = { offersSent: 0, timedOut: 0, retried: 0, remindersFired: 0, remindersDelivered: 0, lastOffersAtMs: 0 }

  async function artifactsOf (c: CampaignRecord): Promise<ArtifactRecord[]> {
    let a = artifactCache.get(c.id)
    if (a === undefined) {
      const found = await createOtaArtifactsRepository(ctx.pool).getMany(c.artifactIds)
      a = c.artifactIds.map((id) => found.find((x) => x.id === id) as ArtifactRecord)
      artifactCache.set(c.id, a)
    }
    return a
  }

  async function changeRows (tx: Tx, rows: UpdateRow[], apply: (r: UpdateRow) => UpdateEvent | undefined): Promise<UpdateRow[]> {
    const events: UpdateEvent[] = []
    const changed: UpdateRow[] = []
    for (const r of rows) {
      const e = apply(r)
      if (e === undefined) continue
      events.push(e)
      changed.push(r)
    }
    await createOtaUpdatesRepository(tx).write(changed, events)
    return changed
  }

  async function lifecycle (c: CampaignRecord, now: number): Promise<CampaignRecord> {
    const plan = c.plan as unknown as PlanSpec
    const startsAt = plan.startsAt === undefined ? null : Date.parse(plan.startsAt)
    const endsAt = plan.endsAt === undefined ? null : Date.parse(plan.endsAt)
    if (c.state === 'scheduled' && (startsAt === null || startsAt <= now)) {
      await withTransaction(ctx.pool, async (tx) => {
        const repo = createOtaCampaignsRepository(tx)
        await repo.update(c.id, { state: 'running' })
        await repo.appendEvent(c.id, now, 'started', 'scheduler', { startsAt: plan.startsAt })
      })
      log.info({ campaignId: c.id }, 'scheduled campaign started')
      return { ...c, state: 'running' }
    }
    if (endsAt !== null && now >= endsAt && (c.state === 'running' || c.state === 'paused')) {
      await withTransaction(ctx.pool, async (tx) => {
        const open: UpdateState[] = ['pending_opt_in', 'queued', 'offered', 'awaiting_consent', 'postponed', 'downloading', 'downloaded']
        const rows = await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, states: open, maxWave: c.waves, limit: 1_000_000 })
        const changed = await changeRows(tx, rows, (r) => step(r, { kind: 'cancel', reason: 'campaign_ended' }, 'scheduler', now).event)
        await createOtaRemindersRepository(tx).cancelFor(changed)
        const repo = createOtaCampaignsRepository(tx)
        await repo.update(c.id, { state: 'completed' })
        await repo.appendEvent(c.id, now, 'ended', 'scheduler', { endsAt: plan.endsAt, cancelled: changed.length })
      })
      ctx.dirty.add(c.id)
      log.info({ campaignId: c.id }, 'campaign reached its end date')
      return { ...c, state: 'completed' }
    }
    return c
  }

  async function retries (c: CampaignRecord, now: number): Promise<void> {
    const n = await withTransaction(ctx.pool, async (tx) => {
      const rows = await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, states: [...FAILURE_STATES], maxWave: c.currentWave, retryDueBeforeMs: now, limit: CLAIM_LIMIT })
      return (await changeRows(tx, rows, (r) => {
        const e = step(r, { kind: 'retry', reason: 'auto_retry' }, 'scheduler', now, { attempt: r.attempts + 1 }).event
        if (e !== undefined) {
          r.attempts += 1
          r.nextRetryAtMs = null
        }
        return e
      })).length
    })
    if (n > 0) {
      stats.retried += n
      ctx.dirty.add(c.id)
      log.info({ campaignId: c.id, vehicles: n }, 'failed updates re-queued (retry policy)')
    }
  }

  /** Awake, connected and silent past the timeout: timed out. Asleep or offline: waiting, not stuck. */
  async function timeouts (c: CampaignRecord, now: number): Promise<void> {
    const plan = c.plan as unknown as PlanSpec
    const timeoutMs = (plan.inProgressTimeoutS ?? ctx.config.inProgressTimeoutMs / 1000) * 1000
    const n = await withTransaction(ctx.pool, async (tx) => {
      const rows = await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, states: [...IN_PROGRESS_STATES], maxWave: c.waves, silentSinceMs: now - timeoutMs, limit: CLAIM_LIMIT })
      return (await changeRows(tx, rows, (r) => {
        const p = ctx.presence(r.vehicleKey)
        if (!p.connected || p.powerState === 'asleep' || p.powerState === 'offline') return undefined
        if (r.state === 'downloaded' && plan.installWindow !== undefined &&
          !inWindow(localMinute(now, r.timeZone), hhmm(plan.installWindow.start), hhmm(plan.installWindow.end))) return undefined
        const e = step(r, { kind: 'timeout' }, 'scheduler', now, { silentMs: now - (r.lastReportAtMs ?? r.stateSinceMs), powerState: p.powerState }).event
        if (e !== undefined) r.nextRetryAtMs = retryAt(plan, 'in_progress_timeout', r.attempts, now)
        return e
      })).length
    })
    if (n > 0) {
      stats.timedOut += n
      ctx.dirty.add(c.id)
      log.info({ campaignId: c.id, vehicles: n }, 'awake vehicles timed out in progress')
    }
  }

  async function evaluate (c: CampaignRecord, now: number): Promise<CampaignRecord> {
    return withTransaction(ctx.pool, async (tx) => {
      const repo = createOtaCampaignsRepository(tx)
      const locked = await repo.lock(c.id)
      if (locked === undefined || locked.state !== 'running') return locked ?? c
      const p = await progressOf(createOtaUpdatesRepository(tx), locked)
      const waves: WaveCounts[] = p.byWave.map((w) => ({ size: w.size, byState: w.byState }))
      const plan = locked.plan as unknown as PlanSpec
      const d = decide(locked.currentWave, waves, plan, locked.awaitingApproval)
      switch (d.kind) {
        case 'none': return locked
        case 'pause':
          await repo.update(c.id, { state: 'paused', pauseReason: d.reason })
          await repo.appendEvent(c.id, now, 'paused', 'scheduler', { reason: d.reason })
          log.warn({ campaignId: c.id, reason: d.reason }, 'campaign paused by its error threshold')
          break
        case 'advance':
          await repo.update(c.id, { currentWave: locked.currentWave + 1 })
          await repo.appendEvent(c.id, now, 'wave_started', 'scheduler', { wave: locked.currentWave + 2 })
          log.info({ campaignId: c.id, wave: locked.currentWave + 2 }, 'next wave started')
          break
        case 'await_approval':
          await repo.update(c.id, { awaitingApproval: true })
          await repo.appendEvent(c.id, now, 'awaiting_approval', 'scheduler', { wave: locked.currentWave + 2 })
          break
        case 'complete':
          await repo.update(c.id, { state: 'completed' })
          await repo.appendEvent(c.id, now, 'completed', 'scheduler', { byState: p.byState })
          log.info({ campaignId: c.id, byState: p.byState }, 'campaign completed')
          break
      }
      ctx.dirty.add(c.id)
      return (await repo.get(c.id)) as CampaignRecord
    })
  }

  async function offers (c: CampaignRecord, now: number): Promise<void> {
    const artifacts = await artifactsOf(c)
    const plan = c.plan as unknown as PlanSpec
    const baseUrl = ctx.baseUrl()
    const sent = await withTransaction(ctx.pool, async (tx) => {
      const rows = await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, states: ['queued'], maxWave: c.currentWave, limit: OFFERS_PER_TICK })
      // Connected and a birth seen this session (so it has subscribed): an offer is never sent into the void.
      const ready = rows.filter((r) => {
        const p = ctx.presence(r.vehicleKey)
        return p.connected && (p.powerState === 'awake' || p.powerState === 'driving')
      })
      const languages = await createOtaRemindersRepository(tx).languages(ready.map((r) => r.vehicleKey))
      const out: Array<{ vehicleId: string, payload: Buffer }> = []
      await changeRows(tx, ready, (r) => {
        const offerId = randomUUID()
        const { payload, record } = offerFor(c, artifacts, r, offerId, languages.get(r.vehicleKey) ?? ctx.config.defaultLanguage, baseUrl, now)
        r.offerId = offerId
        r.offer = record as unknown as Record<string, unknown>
        r.lastReportAtMs = null
        const e = step(r, { kind: 'offer_sent' }, 'scheduler', now, { offerId, keyId: ctx.signer.keyId, expiresAtMs: record.expiresAtMs }).event
        if (e !== undefined) out.push({ vehicleId: r.vehicleId, payload })
        return e
      })
      return out
    })
    if (sent.length === 0) return
    // Published after the commit: a vehicle never answers an offer the database does not know.
    const results = await Promise.allSettled(sent.map((s) => ctx.publish(s.vehicleId, 'ota/offer', s.payload)))
    const failed = results.filter((r) => r.status === 'rejected').length
    stats.offersSent += sent.length - failed
    stats.lastOffersAtMs = ctx.clock.now()
    ctx.dirty.add(c.id)
    log.info({ campaignId: c.id, offers: sent.length, failed }, 'offers sent')
  }

  function offerFor (c: CampaignRecord, artifacts: ArtifactRecord[], r: UpdateRow, offerId: string, language: string, baseUrl: string, now: number) {
    const plan = c.plan as unknown as PlanSpec
    return buildOffer({
      offerId, campaignId: c.id, vehicleId: r.vehicleId, timeZone: r.timeZone, language,
      fromVersions: r.fromVersions, hardwareIds: (r.compatibility as unknown as { hardware?: Record<string, string> }).hardware ?? {},
    }, { artifacts, plan, recallDeadlineMs: c.recallDeadline?.getTime() ?? null, baseUrl, nowMs: now, offerTtlMs: ctx.config.offerTtlMs, urlTtlMs: ctx.config.urlTtlMs, soakS: plan.soakS ?? ctx.config.soakS, signer: ctx.signer })
  }

  /**
   * A vehicle announced itself (birth): an offer it never answered (sent
   * while it was reconnecting, or lost with a clean session) is sent again
   * under the same offer id, freshly signed with new URLs.
   */
  async function redeliverOffers (vehicleKey: number): Promise<void> {
    const now = ctx.clock.now()
    const rows = (await createOtaUpdatesRepository(ctx.pool).forVehicle(vehicleKey)).filter((r) => r.state === 'offered' && r.lastReportAtMs === null && r.offerId !== null)
    for (const r of rows) {
      const c = await createOtaCampaignsRepository(ctx.pool).get(r.campaignId)
      if (c === undefined || c.state !== 'running') continue
      const language = (r.offer as { language?: string } | null)?.language ?? ctx.config.defaultLanguage
      const { payload } = offerFor(c, await artifactsOf(c), r, r.offerId as string, language, ctx.baseUrl(), now)
      await ctx.publish(r.vehicleId, 'ota/offer', payload).catch(() => undefined)
      log.debug({ vehicleId: r.vehicleId, offerId: r.offerId }, 'unanswered offer sent again')
    }
  }

  function reminderPayload (r: DueReminder, nowMs: number) {
    const lang = r.language ?? ctx.config.defaultLanguage
    const notes = artifactCache.get(r.campaignId)?.[0]?.releaseNotes ?? {}
    const { language, text } = reminderText(lang, r.urgent, notes, r.number)
    return { campaignId: r.campaignId, vehicleId: r.vehicleId, fleet: r.fleet, number: r.number, urgent: r.urgent, language, text, deadline: r.recallDeadlineMs === null ? null : new Date(r.recallDeadlineMs).toISOString(), firedAt: new Date(nowMs).toISOString(), offerId: r.offerId }
  }

  /** Fires due reminders (each once: claimed SKIP LOCKED, marked in the same transaction) and schedules the next step. */
  async function fireReminders (now: number): Promise<void> {
    const deliver: Array<{ r: DueReminder, payload: ReturnType<typeof reminderPayload> }> = []
    await withTransaction(ctx.pool, async (tx) => {
      const repo = createOtaRemindersRepository(tx)
      const due = await repo.claimDue(now, REMINDERS_PER_TICK)
      const fire: DueReminder[] = []
      const cancel: NewReminder[] = []
      const notes: Notification[] = []
      const next: NewReminder[] = []
      for (const r of due) {
        if (r.updateState === null || !isWaiting(r.updateState) || (r.campaignState !== 'running' && r.campaignState !== 'paused')) {
          cancel.push(r)
          continue
        }
        const at = deliverableAt(r.dueAtMs, now, { timeZone: r.timeZone, startMinute: r.quietStartMinute ?? ctx.config.quietStartMinute, endMinute: r.quietEndMinute ?? ctx.config.quietEndMinute })
        if (at > now) {
          await repo.postpone(r, at)
          continue
        }
        fire.push(r)
        const payload = reminderPayload(r, now)
        for (const channel of ['email', 'webhook'] as const) notes.push({ key: `${channel}:${r.campaignId}:${r.vehicleId}:${r.number}`, channel, fleet: r.fleet, campaignId: r.campaignId, vehicleKey: r.vehicleKey, payload: { type: 'ota.reminder', ...payload }, atMs: now })
        if (ctx.presence(r.vehicleKey).connected) deliver.push({ r, payload })
        const gap = reminderGapMs(r.number + 1, r.urgent, ctx.reminderPolicy)
        if (gap !== undefined) next.push({ campaignId: r.campaignId, vehicleKey: r.vehicleKey, number: r.number + 1, dueAtMs: r.dueAtMs + gap, urgent: r.urgent })
      }
      await repo.cancel(cancel)
      await repo.markFired(fire, now)
      await repo.markDelivered(deliver.map((d) => d.r), now)
      await repo.notify(notes)
      await repo.schedule(next)
      stats.remindersFired += fire.length
      if (fire.length > 0) log.info({ reminders: fire.length, postponedOrCancelled: due.length - fire.length }, 'reminders fired')
    })
    await Promise.allSettled(deliver.map(({ r, payload }) => sendReminder(r, payload)))
  }

  /** The offer again, re-signed with fresh download URLs: a driver who accepts days later must not get expired links. */
  async function refreshOffer (campaignId: string, vehicleKey: number): Promise<void> {
    const r = (await createOtaUpdatesRepository(ctx.pool).forVehicle(vehicleKey)).find((x) => x.campaignId === campaignId)
    const c = await createOtaCampaignsRepository(ctx.pool).get(campaignId)
    if (r === undefined || c === undefined || r.offerId === null) return
    const language = (r.offer as { language?: string } | null)?.language ?? ctx.config.defaultLanguage
    const { payload } = offerFor(c, await artifactsOf(c), r, r.offerId, language, ctx.baseUrl(), ctx.clock.now())
    await ctx.publish(r.vehicleId, 'ota/offer', payload)
  }

  async function sendReminder (r: DueReminder, p: ReturnType<typeof reminderPayload>): Promise<void> {
    stats.remindersDelivered++
    await refreshOffer(r.campaignId, r.vehicleKey)
    return ctx.publish(r.vehicleId, 'ota/reminder', Buffer.from(fleetwire.v1.OtaReminder.encode({
      campaignId: r.campaignId, offerId: r.offerId ?? '', number: r.number, urgent: r.urgent, language: p.language, text: p.text, deadlineMs: r.recallDeadlineMs ?? 0,
    }).finish()))
  }

  /**
   * Fired reminders not yet on a head unit, for vehicles connected to this
   * gateway (another gateway may have fired them): claimed SKIP LOCKED and
   * marked delivered before they are published, so each goes out once.
   */
  async function deliverUndelivered (vehicleKey: number | null): Promise<void> {
    const now = ctx.clock.now()
    const out = await withTransaction(ctx.pool, async (tx) => {
      const repo = createOtaRemindersRepository(tx)
      const rows = (await repo.claimUndelivered(vehicleKey === null ? null : [vehicleKey], REMINDERS_PER_TICK))
        .filter((r) => r.updateState !== null && isWaiting(r.updateState) && ctx.presence(r.vehicleKey).connected)
      await repo.markDelivered(rows, now)
      return rows
    })
    await Promise.allSettled(out.map((r) => sendReminder(r, reminderPayload(r, now))))
  }

  /** A vehicle came online: reminders fired while it was away reach its head unit now, unanswered offers are sent again. */
  async function deliverPending (vehicleKey: number): Promise<void> {
    await deliverUndelivered(vehicleKey)
    await redeliverOffers(vehicleKey)
  }

  let chain: Promise<void> = Promise.resolve()
  let busy = 0
  async function tickOnce (): Promise<void> {
    const now = ctx.clock.now()
    const repo = createOtaCampaignsRepository(ctx.pool)
    for (let c of await repo.listByState(['scheduled', 'running', 'paused'])) {
      c = await lifecycle(c, now)
      if (c.state !== 'running') continue
      await retries(c, now)
      await timeouts(c, now)
      c = await evaluate(c, now)
      if (c.state === 'running') await offers(c, now)
    }
    await fireReminders(now)
    await deliverUndelivered(null)
    const dirty = [...ctx.dirty]
    ctx.dirty.clear()
    for (const id of dirty) {
      const c = await repo.get(id)
      if (c !== undefined) onProgress(c, await progressOf(createOtaUpdatesRepository(ctx.pool), c))
    }
  }

  return {
    stats,
    deliverPending,
    /** One scheduler pass, after any pass in progress (passes never overlap). */
    tick (): Promise<void> {
      busy++
      const p = chain.then(tickOnce).finally(() => { busy-- })
      chain = p.catch(() => undefined)
      return p
    },
    get busy (): boolean { return busy > 0 },
  }
}

export type Scheduler = ReturnType<typeof createScheduler>
