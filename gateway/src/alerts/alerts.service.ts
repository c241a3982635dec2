import { randomUUID } from 'node:crypto'
import type { Log } from '../common/log.js'
import { type Result, fail, ok } from '../common/result.js'
import type { AlertsRepository } from '../storage/alerts.repository.js'
import type { RuleTransition } from '../rules/types.js'
import { type Alert, type AlertChange, type AlertErrorCode, type AlertEvent, type AlertTransition, applyAlertEvent, settleAlert } from './lifecycle.core.js'

/** Where transitions go once stored: the live channel and the webhook outbox. */
export interface AlertNotifier {
  notify(payload: AlertNotification): Promise<void>
}

export interface AlertNotification {
  /** `alert.opened`, `alert.acknowledged`, …; also the webhook event type. */
  readonly event: string
  /** `{alertId}:{seq}`: the idempotency key of the notification. */
  readonly key: string
  readonly alertId: string
  readonly vehicleId: string
  readonly ruleId: string
  readonly severity: string
  readonly state: string
  readonly at: string
  readonly by: string | null
  readonly note: string | null
  readonly detail: unknown
}

export interface AlertsServiceDeps {
  repo: AlertsRepository
  notifier: AlertNotifier
  log: Log
  now: () => number
  quietPeriodMs: (ruleId: string) => number
}

export type AlertActionFailure = AlertErrorCode | 'GW_ALERT_NOT_FOUND' | 'GW_ALERT_CONFLICT'

const SAVE_ATTEMPTS = 3

/**
 * Applies rule transitions and people's actions to alerts, one change at a
 * time per (vehicle, rule), stores each change with its transition record
 * and notifies exactly the transitions the lifecycle marks `notify`.
 */
export function createAlertsService ({ repo, notifier, log, now, quietPeriodMs }: AlertsServiceDeps) {
  /** Serialises work per (vehicle, rule) inside this process; the optimistic seq check covers other processes. */
  const chains = new Map<string, Promise<unknown>>()

  function serial<T> (key: string, fn: () => Promise<T>): Promise<T> {
    const prev = chains.get(key) ?? Promise.resolve()
    const run = prev.then(fn, fn)
    const tail = run.catch(() => undefined)
    chains.set(key, tail)
    void tail.then(() => { if (chains.get(key) === tail) chains.delete(key) })
    return run
  }

  async function store (before: Alert | undefined, change: AlertChange, vehicleId: string): Promise<boolean> {
    const { alert, transition } = change
    if (alert === undefined || transition === null) return true
    if (!await repo.save(alert, transition, before?.seq ?? 0)) return false
    log.info({ alertId: alert.id, vehicleId, ruleId: alert.ruleId, transition: transition.kind, state: alert.state }, 'alert transition')
    if (transition.notify) await notifier.notify(toNotification(alert, transition, vehicleId))
    return true
  }

  async function change (vehicleKey: number, vehicleId: string, ruleId: string, load: () => Promise<Alert | undefined>, event: AlertEvent): Promise<Result<Alert | undefined, AlertActionFailure>> {
    return serial(`${vehicleKey}/${ruleId}`, async () => {
      for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
        const before = await load()
        const r = applyAlertEvent(before, event, { vehicleKey, quietPeriodMs: quietPeriodMs(ruleId), newAlertId: randomUUID })
        if (!r.ok) return r
        if (await store(before, r.value, vehicleId)) return ok(r.value.alert)
      }
      return fail('GW_ALERT_CONFLICT', 'the alert changed concurrently; try again')
    })
  }

  async function personAction (alertId: string, event: AlertEvent): Promise<Result<Alert | undefined, AlertActionFailure>> {
    const row = await repo.get(alertId)
    if (row === undefined) return fail('GW_ALERT_NOT_FOUND', `alert ${alertId} not found`)
    const { vehicleKey, ruleId } = row.alert
    return change(vehicleKey, row.vehicleId, ruleId, async () => (await repo.get(alertId))?.alert, event)
  }

  return {
    /** From the rules engine, in event-time order per vehicle. */
    async applyRuleTransitions (vehicle: { key: number, id: string }, transitions: readonly RuleTransition[]): Promise<void> {
      // Enqueued synchronously, in order: per (vehicle, rule) the chains keep event-time order.
      const results = await Promise.all(transitions.map((t) =>
        change(vehicle.key, vehicle.id, t.ruleId, () => repo.latestFor(vehicle.key, t.ruleId), { type: 'rule', transition: t })))
      results.forEach((r, i) => {
        if (!r.ok) log.error({ vehicleId: vehicle.id, ruleId: transitions[i]?.ruleId, error: r.error }, 'rule transition not applied')
      })
    },

    acknowledge: (alertId: string, by: string, note?: string) => personAction(alertId, { type: 'acknowledge', by, atMs: now(), ...(note === undefined ? {} : { note }) }),
    resolve: (alertId: string, by: string, note: string) => personAction(alertId, { type: 'resolve', by, atMs: now(), note }),

    async addNote (alertId: string, by: string, note: string): Promise<Result<true, 'GW_ALERT_NOT_FOUND'>> {
      return await repo.addNote(alertId, now(), by, note) ? ok(true) : fail('GW_ALERT_NOT_FOUND', `alert ${alertId} not found`)
    },

    /** Announces auto-resolutions whose quiet period passed without a re-raise. */
    async settlePending (): Promise<void> {
      for (const pending of await repo.pendingResolutions(500)) {
        const row = await repo.get(pending.id)
        if (row === undefined) continue
        await serial(`${pending.vehicleKey}/${pending.ruleId}`, async () => {
          const current = (await repo.get(pending.id))?.alert
          if (current === undefined) return
          await store(current, settleAlert(current, now(), quietPeriodMs(current.ruleId)), row.vehicleId)
        })
      }
    },
  }
}

export type AlertsService = ReturnType<typeof createAlertsService>

function toNotification (a: Alert, t: AlertTransition, vehicleId: string): AlertNotification {
  return {
    event: `alert.${t.kind}`,
    key: `${a.id}:${t.seq}`,
    alertId: a.id,
    vehicleId,
    ruleId: a.ruleId,
    severity: a.severity,
    state: a.state,
    at: new Date(t.atMs).toISOString(),
    by: t.by,
    note: t.note,
    detail: t.detail,
  }
}
