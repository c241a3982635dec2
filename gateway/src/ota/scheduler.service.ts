import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { createOtaCampaignsRepository, type CampaignRecord } from '../storage/ota-campaigns.repository.js'
import { createOtaUpdatesRepository, type ClaimQuery, type UpdateEvent, type UpdateRow } from '../storage/ota-updates.repository.js'
import { withTransaction } from '../storage/db.js'
import { createOtaRemindersRepository } from '../storage/ota-reminders.repository.js'
import { decide, type WaveCounts } from './campaign.core.js'
import { FAILURE_STATES, IN_PROGRESS_STATES, type UpdateState } from './rollout.core.js'
import { inWindow, localMinute } from '@fleetwire/proto'
import { retryAt, step } from './transitions.js'
import { progressOf, type Progress } from './views.js'
import { createOfferDelivery } from './offer-delivery.js'
import { createReminders } from './reminders.service.js'
import type { OtaContext } from './context.js'
import type { PlanSpec } from './schemas.js'

const OFFERS_PER_TICK = 20_000
const OFFER_CHUNK = 2_500
const CLAIM_LIMIT = 5_000

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
  const stats = { offersSent: 0, timedOut: 0, retried: 0, remindersFired: 0, remindersDelivered: 0, lastOffersAtMs: 0 }
  const delivery = createOfferDelivery(ctx)
  const { artifactsOf, offerFor, redeliverOffers } = delivery
  const { fireReminders, deliverUndelivered } = createReminders(ctx, delivery, stats)

  /** Campaigns not yet ended, as of the last pass (-1 before the first). */
  let openCampaigns = -1
  /** The latest cancellation on any gateway, as of the last pass. */
  let lastCancelAtMs = 0

  /**
   * A vehicle came online: reminders fired while it was away reach its head
   * unit now, unanswered offers are sent again, and so are revocations of
   * cancelled campaigns' offers it may still hold. Nothing to do (no queries)
   * while no campaign is open and no recent cancellation can matter: a
   * campaign another gateway opens meanwhile is covered by the next pass,
   * which offers to and delivers reminders for every connected vehicle.
   */
  async function deliverPending (vehicleKey: number): Promise<void> {
    const revocations = ctx.clock.now() < Math.max(lastCancelAtMs, ctx.lastCancelAtMs) + ctx.config.offerTtlMs
    if (openCampaigns !== 0) {
      await deliverUndelivered(vehicleKey)
      await redeliverOffers(vehicleKey)
    }
    if (revocations) await delivery.redeliverRevocations(vehicleKey)
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
      const ended = await withTransaction(ctx.pool, async (tx) => {
        const open: UpdateState[] = ['pending_opt_in', 'queued', 'offered', 'awaiting_consent', 'postponed', 'downloading', 'downloaded']
        const rows = await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, states: open, maxWave: c.waves, limit: 1_000_000, wait: true })
        const changed = await changeRows(tx, rows, (r) => step(r, { kind: 'cancel', reason: 'campaign_ended' }, 'scheduler', now).event)
        await createOtaRemindersRepository(tx).cancelFor(changed)
        const repo = createOtaCampaignsRepository(tx)
        await repo.update(c.id, { state: 'completed' })
        await repo.appendEvent(c.id, now, 'ended', 'scheduler', { endsAt: plan.endsAt, cancelled: changed.length })
        return changed
      })
      ctx.dirty.add(c.id)
      ctx.lastCancelAtMs = now
      log.info({ campaignId: c.id, revocations: await delivery.revoke(ended) }, 'campaign reached its end date')
      return { ...c, state: 'completed' }
    }
    return c
  }

  /** Claims a campaign's rows (SKIP LOCKED), applies `apply` to each and writes what changed; returns how many changed. */
  async function sweep (c: CampaignRecord, q: Omit<ClaimQuery, 'campaignId' | 'limit'>, apply: (r: UpdateRow) => UpdateEvent | undefined): Promise<number> {
    const n = await withTransaction(ctx.pool, async (tx) =>
      (await changeRows(tx, await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, limit: CLAIM_LIMIT, ...q }), apply)).length)
    if (n > 0) ctx.dirty.add(c.id)
    return n
  }

  async function retries (c: CampaignRecord, now: number): Promise<void> {
    const n = await sweep(c, { states: [...FAILURE_STATES], maxWave: c.currentWave, retryDueBeforeMs: now }, (r) => {
      const e = step(r, { kind: 'retry', reason: 'auto_retry' }, 'scheduler', now, { attempt: r.attempts + 1 }).event
      if (e !== undefined) {
        r.attempts += 1
        r.nextRetryAtMs = null
      }
      return e
    })
    if (n > 0) {
      stats.retried += n
      log.info({ campaignId: c.id, vehicles: n }, 'failed updates re-queued (retry policy)')
    }
  }

  /** Awake, connected and silent past the timeout: timed out. Asleep or offline: waiting, not stuck. */
  async function timeouts (c: CampaignRecord, now: number): Promise<void> {
    const plan = c.plan as unknown as PlanSpec
    const timeoutMs = (plan.inProgressTimeoutS ?? ctx.config.inProgressTimeoutMs / 1000) * 1000
    const n = await sweep(c, { states: [...IN_PROGRESS_STATES], maxWave: c.waves, silentSinceMs: now - timeoutMs }, (r) => {
      const p = ctx.presence(r.vehicleKey)
      if (!p.connected || p.powerState === 'asleep' || p.powerState === 'offline') return undefined
      if (r.state === 'downloaded' && plan.installWindow !== undefined &&
        !inWindow(localMinute(now, r.timeZone), hhmm(plan.installWindow.start), hhmm(plan.installWindow.end))) return undefined
      const e = step(r, { kind: 'timeout' }, 'scheduler', now, { silentMs: now - (r.lastReportAtMs ?? r.stateSinceMs), powerState: p.powerState }).event
      if (e !== undefined) r.nextRetryAtMs = retryAt(plan, 'in_progress_timeout', r.attempts, now)
      return e
    })
    if (n > 0) {
      stats.timedOut += n
      log.info({ campaignId: c.id, vehicles: n }, 'awake vehicles timed out in progress')
    }
  }

  async function evaluate (c: CampaignRecord, now: number): Promise<CampaignRecord> {
    return withTransaction(ctx.pool, async (tx) => {
      const repo = createOtaCampaignsRepository(tx)
      const locked = await repo.lock(c.id)
      if (locked === undefined || locked.state !== 'running') return locked ?? c
      const p = await progressOf(createOtaUpdatesRepository(tx), locked)
      const waves: WaveCounts[] = p.byWave.map((w) => ({ size: w.size, byState: w.byState, retryPending: w.retryPending }))
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

  /**
   * Offers to the connected vehicles of the open waves, in chunks: each chunk
   * is claimed, signed and committed in one transaction and published right
   * after its commit, so the first vehicles start while later chunks are signed.
   */
  async function offers (c: CampaignRecord, now: number): Promise<void> {
    const artifacts = await artifactsOf(c)
    const baseUrl = ctx.baseUrl()
    let total = 0
    let failed = 0
    const timing = { claimMs: 0, signMs: 0, writeMs: 0 }
    const publishing: Array<Promise<void>> = []
    for (let round = 0; round * OFFER_CHUNK < OFFERS_PER_TICK; round++) {
      const { sent, claimed } = await withTransaction(ctx.pool, async (tx) => {
        let t = performance.now()
        const rows = await createOtaUpdatesRepository(tx).claim({ campaignId: c.id, states: ['queued'], maxWave: c.currentWave, limit: OFFER_CHUNK, skipKeys: skipped })
        // Connected and a birth seen this session (so it has subscribed): an offer is never sent into the void.
        const ready = rows.filter((r) => {
          const p = ctx.presence(r.vehicleKey)
          const ok = p.connected && (p.powerState === 'awake' || p.powerState === 'driving')
          if (!ok) skipped.push(r.vehicleKey)
          return ok
        })
        const languages = await createOtaRemindersRepository(tx).languages(ready.map((r) => r.vehicleKey))
        timing.claimMs += performance.now() - t
        t = performance.now()
        const out: Array<{ vehicleId: string, payload: Buffer }> = []
        const events = ready.flatMap((r) => {
          const offerId = randomUUID()
          const { payload, record } = offerFor(c, artifacts, r, offerId, languages.get(r.vehicleKey) ?? ctx.config.defaultLanguage, baseUrl, now)
          r.offerId = offerId
          r.offer = record as unknown as Record<string, unknown>
          r.lastReportAtMs = null
          const e = step(r, { kind: 'offer_sent' }, 'scheduler', now, { offerId, keyId: ctx.signer.keyId, expiresAtMs: record.expiresAtMs }).event
          if (e === undefined) return []
          out.push({ vehicleId: r.vehicleId, payload })
          return [{ row: r, e }]
        })
        timing.signMs += performance.now() - t
        t = performance.now()
        await createOtaUpdatesRepository(tx).write(events.map((x) => x.row), events.map((x) => x.e), { withOffer: true })
        timing.writeMs += performance.now() - t
        return { sent: out, claimed: rows.length }
      })
      // Published after the commit: a vehicle never answers an offer the database does not know.
      publishing.push(Promise.allSettled(sent.map((s) => ctx.publish(s.vehicleId, 'ota/offer', s.payload))).then((rs) => {
        failed += rs.filter((r) => r.status === 'rejected').length
      }))
      total += sent.length
      if (claimed < OFFER_CHUNK) break
    }
    skipped.length = 0
    await Promise.all(publishing)
    if (total === 0) return
    stats.offersSent += total - failed
    stats.lastOffersAtMs = ctx.clock.now()
    ctx.dirty.add(c.id)
    log.info({ campaignId: c.id, offers: total, failed, claimMs: Math.round(timing.claimMs), signMs: Math.round(timing.signMs), writeMs: Math.round(timing.writeMs) }, 'offers sent')
  }
  /** Queued vehicles seen offline in this pass (not claimed again by its next chunk). */
  const skipped: number[] = []

  let chain: Promise<void> = Promise.resolve()
  let busy = 0
  async function tickOnce (): Promise<void> {
    const now = ctx.clock.now()
    const repo = createOtaCampaignsRepository(ctx.pool)
    const open = await repo.listByState(['scheduled', 'running', 'paused'])
    openCampaigns = open.length
    lastCancelAtMs = await repo.lastCancelledAtMs()
    for (let c of open) {
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
    revoke: delivery.revoke,
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
