import { fleetwire } from '@fleetwire/proto'
import { createReportBatcher } from './report-batcher.js'
import { type Result, fail, ok } from '../common/result.js'
import { createOtaUpdatesRepository, type UpdateEvent, type UpdateRow } from '../storage/ota-updates.repository.js'
import { withTransaction } from '../storage/db.js'
import { createOtaRemindersRepository, type NewReminder } from '../storage/ota-reminders.repository.js'
import { createOtaCampaignsRepository } from '../storage/ota-campaigns.repository.js'
import type { ReportedState } from './rollout.core.js'
import { isWaiting, retryAt, step } from './transitions.js'
import { reminderDueAt } from './reminders.core.js'
import type { OtaContext } from './context.js'
import type { PlanSpec } from './schemas.js'

type Pb = typeof fleetwire.v1
export type OtaStatusMessage = ReturnType<Pb['OtaStatus']['decode']>

const STATE_OF: Readonly<Record<number, ReportedState>> = {
  1: 'rejected', 2: 'awaiting_consent', 3: 'postponed', 4: 'declined', 5: 'downloading', 6: 'downloaded',
  7: 'installing', 8: 'verifying', 9: 'succeeded', 10: 'failed', 11: 'rolled_back', 12: 'revoked',
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export type ReportOutcome = 'applied' | 'unchanged' | 'rejected'
interface Item {
  readonly vehicleKey: number
  readonly vehicleId: string
  readonly offerId: string
  readonly state: ReportedState
  readonly reason: string
  readonly progressPct: number
  readonly preconditions: Record<string, unknown> | null
  outcome: Result<ReportOutcome, 'GW_OTA_UNKNOWN_OFFER'>
}

/** The gap between reminder n-1 and n. */
export const reminderGapMs = (n: number, urgent: boolean, p: OtaContext['reminderPolicy']): number | undefined => {
  const at = reminderDueAt(0, n, urgent, p)
  return at === undefined ? undefined : at - (n > 1 ? reminderDueAt(0, n - 1, urgent, p) ?? 0 : 0)
}

/**
 * Vehicle reports (OtaStatus), applied to the state machine in micro-batches:
 * one transaction locks the batch's rows, applies each report in arrival
 * order, and writes rows, events and reminder changes with a few statements.
 * The ingest handler awaits the commit, so the PUBACK means "recorded".
 */
export function createReportsService (ctx: OtaContext) {
  const { log } = ctx
  const stats = { applied: 0, unchanged: 0, rejected: 0, unknownOffer: 0 }
  const batcher = createReportBatcher<Item>({
    keyOf: (i) => i.offerId,
    write: (items) => withTransaction(ctx.pool, (tx) => apply(tx, items)),
    flushMs: ctx.config.reportFlushMs,
    writers: Math.max(1, Math.min(6, ctx.pool.options.max - 4)),
    maxBatch: 2000,
  })
  const plans = new Map<string, { plan: PlanSpec, recallDeadlineMs: number | null }>()

  async function campaignInfo (tx: Parameters<typeof createOtaCampaignsRepository>[0], id: string) {
    let p = plans.get(id)
    if (p === undefined) {
      const c = await createOtaCampaignsRepository(tx).get(id)
      p = { plan: (c?.plan ?? { waves: [] }) as unknown as PlanSpec, recallDeadlineMs: c?.recallDeadline?.getTime() ?? null }
      plans.set(id, p)
    }
    return p
  }

  async function apply (tx: Parameters<typeof createOtaUpdatesRepository>[0], items: Item[]): Promise<void> {
    const updates = createOtaUpdatesRepository(tx)
    const reminders = createOtaRemindersRepository(tx)
    const now = ctx.clock.now()
    const rows = await updates.lockByOffers([...new Set(items.map((i) => i.offerId))])
    const byOffer = new Map(rows.map((r) => [r.offerId as string, r]))
    const soakProbes = items.filter((i) => i.state === 'succeeded').flatMap((i) => {
      const r = byOffer.get(i.offerId)
      return r !== undefined && r.state === 'verifying' ? [{ vehicleKey: r.vehicleKey, sinceMs: r.stateSinceMs }] : []
    })
    const dtcs = await updates.dtcEcusSince(soakProbes)
    const changed = new Set<UpdateRow>()
    const events: UpdateEvent[] = []
    const entered = new Map<UpdateRow, string>()
    for (const item of items) {
      const row = byOffer.get(item.offerId)
      if (row === undefined || row.vehicleKey !== item.vehicleKey) {
        stats.unknownOffer++
        item.outcome = fail('GW_OTA_UNKNOWN_OFFER', `offer ${item.offerId} is not an offer to ${item.vehicleId}`)
        continue
      }
      const info = await campaignInfo(tx, row.campaignId)
      row.lastReportAtMs = now
      changed.add(row)
      let state = item.state
      let reason = item.reason
      if (state === 'succeeded') {
        const ecus = Object.keys(row.toVersions)
        const seen = dtcs.get(row.vehicleKey)
        if (seen !== undefined && ecus.some((e) => seen.has(e))) {
          // Reported success, but the updated ECU set a fault during the soak: not a success (hawkBit #3185).
          state = 'failed'
          reason = 'soak_dtc_seen'
        }
      }
      if (state === 'postponed' && info.recallDeadlineMs !== null && now >= info.recallDeadlineMs) {
        stats.rejected++
        log.warn({ vehicleId: item.vehicleId, campaignId: row.campaignId }, 'postpone past the recall deadline rejected')
        item.outcome = ok('rejected')
        continue
      }
      const from = row.state
      const detail: Record<string, unknown> = item.preconditions === null ? {} : { preconditions: item.preconditions }
      if (item.progressPct > 0) detail.progressPct = item.progressPct
      const { result, event } = step(row, { kind: 'report', state, reason }, 'vehicle', now, detail)
      if (item.preconditions !== null) row.preconditions = { ...item.preconditions, reportedAtMs: now, state: item.state }
      if (result.kind === 'rejected') {
        stats.rejected++
        log.warn({ vehicleId: item.vehicleId, campaignId: row.campaignId, state: from, report: item.state, detail: result.detail }, 'OTA report rejected')
        item.outcome = ok('rejected')
        continue
      }
      if (result.kind === 'unchanged' || event === undefined) {
        stats.unchanged++
        item.outcome = ok('unchanged')
        continue
      }
      stats.applied++
      events.push(event)
      ctx.dirty.add(row.campaignId)
      log.debug({ vehicleId: item.vehicleId, campaignId: row.campaignId, from, to: row.state, reason: row.reason }, 'update step')
      if (['awaiting_consent', 'postponed', 'declined'].includes(state) || (state === 'downloading' && isWaiting(from))) {
        row.consent = { decision: state === 'downloading' ? 'accepted' : state === 'awaiting_consent' ? 'asked' : state, atMs: now }
      }
      if (row.state === 'failed' || row.state === 'rolled_back') row.nextRetryAtMs = retryAt(info.plan, row.reason ?? '', row.attempts, now)
      entered.set(row, from)
      item.outcome = ok('applied')
    }
    await updates.write([...changed], events)
    // Reminders: a driver who answered gets no more; one who was asked or postponed gets the next step.
    const leaving = [...entered].filter(([r, from]) => isWaiting(from) && !isWaiting(r.state)).map(([r]) => r)
    const waiting = [...entered].filter(([r, from]) => isWaiting(r.state) && !isWaiting(from)).map(([r]) => r)
    await reminders.cancelFor(leaving)
    if (waiting.length > 0) {
      const fired = await reminders.firedCounts(waiting)
      const next: NewReminder[] = []
      for (const r of waiting) {
        const urgent = (await campaignInfo(tx, r.campaignId)).recallDeadlineMs !== null
        const number = (fired.get(`${r.campaignId}/${r.vehicleKey}`) ?? 0) + 1
        const gap = reminderGapMs(number, urgent, ctx.reminderPolicy)
        if (gap !== undefined) next.push({ campaignId: r.campaignId, vehicleKey: r.vehicleKey, number, dueAtMs: now + gap, urgent })
      }
      await reminders.schedule(next)
    }
  }

  return {
    stats,
    /** Forget cached campaign plans (after a plan or deadline changes). */
    invalidate: (campaignId: string) => plans.delete(campaignId),

    async report (vehicle: { id: string, key: number }, m: OtaStatusMessage): Promise<Result<ReportOutcome, 'GW_OTA_BAD_REPORT' | 'GW_OTA_UNKNOWN_OFFER'>> {
      const state = STATE_OF[m.state]
      if (state === undefined) return fail('GW_OTA_BAD_REPORT', `unknown OTA state ${m.state}`)
      if (!UUID.test(m.offerId)) return fail('GW_OTA_BAD_REPORT', 'offer_id is not a UUID')
      const p = m.preconditions
      const item: Item = {
        vehicleKey: vehicle.key,
        vehicleId: vehicle.id,
        offerId: m.offerId,
        state,
        reason: m.reason.slice(0, 64).replace(/[^a-z0-9_:.-]/gi, '_'),
        progressPct: Math.min(100, m.progressPct),
        preconditions: p === null || p === undefined ? null : { parked: p.parked, socPct: p.socPct, charging: p.charging, auxBatteryV: p.auxBatteryV, met: p.met },
        outcome: ok('unchanged'),
      }
      await batcher.add(item)
      return item.outcome
    },
  }
}

export type ReportsService = ReturnType<typeof createReportsService>
