import { fleetwire } from '@fleetwire/proto'
import { withTransaction } from '../storage/db.js'
import { createOtaRemindersRepository, type DueReminder, type NewReminder, type Notification } from '../storage/ota-reminders.repository.js'
import { deliverableAt, reminderText } from './reminders.core.js'
import { isWaiting } from './transitions.js'
import { reminderGapMs } from './reports.service.js'
import type { OfferDelivery } from './offer-delivery.js'
import type { OtaContext } from './context.js'

const REMINDERS_PER_TICK = 1_000

/** Durable reminders: firing (once, across gateways), the fleet-owner outbox and head-unit delivery. */
export function createReminders (ctx: OtaContext, delivery: OfferDelivery, stats: { remindersFired: number, remindersDelivered: number }) {
  const { log } = ctx
  const { refreshOffer } = delivery

  function reminderPayload (r: DueReminder, nowMs: number) {
    const lang = r.language ?? ctx.config.defaultLanguage
    const notes = delivery.releaseNotesOf(r.campaignId)
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
        // A campaign that fixes an open critical safety incident is reminded of whatever the hour.
        const at = r.safetyCritical ? now : deliverableAt(r.dueAtMs, now, { timeZone: r.timeZone, startMinute: r.quietStartMinute ?? ctx.config.quietStartMinute, endMinute: r.quietEndMinute ?? ctx.config.quietEndMinute })
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
    // Only rows of vehicles connected here are locked: a gateway without the vehicle must not hold
    // (SKIP LOCKED) the rows the vehicle's own gateway is about to deliver.
    const keys = vehicleKey !== null
      ? [vehicleKey]
      : (await createOtaRemindersRepository(ctx.pool).undeliveredVehicles(REMINDERS_PER_TICK)).filter((k) => ctx.presence(k).connected)
    if (keys.length === 0) return
    const out = await withTransaction(ctx.pool, async (tx) => {
      const repo = createOtaRemindersRepository(tx)
      const rows = (await repo.claimUndelivered(keys, REMINDERS_PER_TICK))
        .filter((r) => r.updateState !== null && isWaiting(r.updateState) && ctx.presence(r.vehicleKey).connected)
      await repo.markDelivered(rows, now)
      return rows
    })
    await Promise.allSettled(out.map((r) => sendReminder(r, reminderPayload(r, now))))
  }

  return { fireReminders, deliverUndelivered }
}
