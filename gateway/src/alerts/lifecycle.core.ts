import { type Result, fail, ok } from '../common/result.js'
import type { Severity } from '../rules/rule.schema.js'
import type { RuleTransition, TransitionDetail } from '../rules/types.js'

/**
 * The alert of one (vehicle, rule): open → acknowledged → resolved, by the
 * rule (auto-resolve) or by a person with a note. The caller passes the
 * latest alert of the pair; a new alert is only ever created when that one
 * is resolved, so at most one is open per (vehicle, rule) (the store should
 * back this with a unique index on (vehicle, rule) where state <> 'resolved').
 *
 * Every change yields exactly one AlertTransition: append it, then notify
 * if `notify` (once per (alertId, seq)). Flap suppression: a raise within
 * quietPeriod of an auto-resolve re-opens the same alert; and while that
 * period runs the resolution is not announced, so a flap the user never
 * heard of stays silent. settleAlert() announces it once the period passed.
 */
export type AlertState = 'open' | 'acknowledged' | 'resolved'
export type AlertTransitionKind = 'opened' | 'acknowledged' | 'auto-resolved' | 'resolved' | 'reopened' | 'resolution-confirmed'
export type AlertErrorCode = 'GW_ALERT_INVALID_TRANSITION' | 'GW_ALERT_NOTE_REQUIRED'

export interface Alert {
  readonly id: string
  readonly vehicleKey: number
  readonly ruleId: string
  readonly severity: Severity
  readonly state: AlertState
  /** Event time at which the first raise's condition began. */
  readonly openedAtMs: number
  /** Confirmation time of the latest raise (open or re-open). */
  readonly raisedAtMs: number
  readonly acknowledgedAtMs: number | null
  readonly acknowledgedBy: string | null
  readonly resolvedAtMs: number | null
  /** null while unresolved or when the rule resolved it. */
  readonly resolvedBy: string | null
  readonly note: string | null
  /** Auto-resolved within the quiet period: the resolution is not announced yet. */
  readonly resolutionPending: boolean
  readonly stateBeforeResolve: 'open' | 'acknowledged' | null
  readonly reopenCount: number
  /** Confirmation time of the newest rule transition applied; rule transitions not newer are stale (replays, late data). */
  readonly lastRuleEventMs: number
  /** Number of transitions recorded; the next one gets seq + 1. */
  readonly seq: number
  /** Detail of the latest raise: reason, observed value, prediction, freeze frame. */
  readonly evidence: TransitionDetail
}

export interface AlertTransition {
  readonly alertId: string
  /** 1, 2, … per alert: (alertId, seq) is the idempotency key of the record and of its notification. */
  readonly seq: number
  readonly vehicleKey: number
  readonly ruleId: string
  readonly kind: AlertTransitionKind
  readonly from: AlertState | null
  readonly to: AlertState
  readonly atMs: number
  /** Who did it; null = the rule. */
  readonly by: string | null
  readonly note: string | null
  readonly notify: boolean
  readonly detail: TransitionDetail | null
}

export type AlertEvent =
  | { readonly type: 'rule', readonly transition: RuleTransition }
  | { readonly type: 'acknowledge', readonly by: string, readonly atMs: number, readonly note?: string }
  | { readonly type: 'resolve', readonly by: string, readonly atMs: number, readonly note: string }

export interface AlertContext {
  readonly vehicleKey: number
  readonly quietPeriodMs: number
  readonly newAlertId: () => string
}

/** The alert after the event, and the record to append (null: nothing happened, nothing to notify). */
export interface AlertChange {
  readonly alert: Alert | undefined
  readonly transition: AlertTransition | null
}

export function applyAlertEvent (latest: Alert | undefined, event: AlertEvent, ctx: AlertContext): Result<AlertChange, AlertErrorCode> {
  if (event.type === 'rule') return ok(applyRule(latest, event.transition, ctx))
  if (latest === undefined) return fail('GW_ALERT_INVALID_TRANSITION', 'no alert to change')
  if (event.type === 'acknowledge') {
    if (latest.state !== 'open') return fail('GW_ALERT_INVALID_TRANSITION', latest.state === 'resolved' ? 'a resolved alert cannot be acknowledged' : 'the alert is already acknowledged')
    const note = event.note ?? null
    return ok(next(latest, { state: 'acknowledged', acknowledgedAtMs: event.atMs, acknowledgedBy: event.by, note }, 'acknowledged', event.atMs, event.by, note, true, null))
  }
  const note = event.note.trim()
  if (note === '') return fail('GW_ALERT_NOTE_REQUIRED', 'resolving an alert by hand needs a note')
  if (latest.state === 'resolved') return fail('GW_ALERT_INVALID_TRANSITION', 'the alert is already resolved')
  return ok(next(latest, {
    state: 'resolved',
    resolvedAtMs: event.atMs,
    resolvedBy: event.by,
    note,
    resolutionPending: false,
    stateBeforeResolve: latest.state,
  }, 'resolved', event.atMs, event.by, note, true, null))
}

/** Announces an auto-resolution once its quiet period has passed without a re-raise; call it on a timer. */
export function settleAlert (alert: Alert, nowMs: number, quietPeriodMs: number): AlertChange {
  if (alert.state !== 'resolved' || !alert.resolutionPending || alert.resolvedAtMs === null || nowMs < alert.resolvedAtMs + quietPeriodMs) {
    return { alert, transition: null }
  }
  return next(alert, { resolutionPending: false }, 'resolution-confirmed', nowMs, null, null, true, null)
}

export type AlarmStatus = 'ACTIVE_UNACK' | 'ACTIVE_ACK' | 'CLEARED_UNACK' | 'CLEARED_ACK'

/** ThingsBoard's alarm status for the same alert (a person who resolves has seen it). */
export function alarmStatus (a: Alert): AlarmStatus {
  if (a.state === 'open') return 'ACTIVE_UNACK'
  if (a.state === 'acknowledged') return 'ACTIVE_ACK'
  return a.acknowledgedAtMs !== null || a.resolvedBy !== null ? 'CLEARED_ACK' : 'CLEARED_UNACK'
}

function applyRule (latest: Alert | undefined, t: RuleTransition, ctx: AlertContext): AlertChange {
  const unchanged = { alert: latest, transition: null }
  if (latest !== undefined && t.confirmedAtMs <= latest.lastRuleEventMs) return unchanged
  if (t.kind === 'clear') {
    if (latest === undefined || latest.state === 'resolved') return unchanged
    const deferred = ctx.quietPeriodMs > 0
    return next(latest, {
      state: 'resolved',
      resolvedAtMs: t.confirmedAtMs,
      resolvedBy: null,
      note: null,
      resolutionPending: deferred,
      stateBeforeResolve: latest.state,
      lastRuleEventMs: t.confirmedAtMs,
    }, 'auto-resolved', t.confirmedAtMs, null, null, !deferred, t.detail)
  }
  if (latest !== undefined && latest.state !== 'resolved') return unchanged
  if (latest !== undefined && latest.resolvedBy === null && latest.resolvedAtMs !== null && t.confirmedAtMs - latest.resolvedAtMs < ctx.quietPeriodMs) {
    // The user never heard of a resolution that is still pending: put the alert back as it was, silently.
    const silent = latest.resolutionPending
    const state = silent ? latest.stateBeforeResolve ?? 'open' : 'open'
    return next(latest, {
      state,
      ...(state === 'open' ? { acknowledgedAtMs: null, acknowledgedBy: null } : {}),
      severity: t.severity,
      raisedAtMs: t.confirmedAtMs,
      resolvedAtMs: null,
      resolutionPending: false,
      stateBeforeResolve: null,
      reopenCount: latest.reopenCount + 1,
      lastRuleEventMs: t.confirmedAtMs,
      evidence: t.detail,
    }, 'reopened', t.confirmedAtMs, null, null, !silent, t.detail)
  }
  const alert: Alert = {
    id: ctx.newAlertId(),
    vehicleKey: ctx.vehicleKey,
    ruleId: t.ruleId,
    severity: t.severity,
    state: 'open',
    openedAtMs: t.atMs,
    raisedAtMs: t.confirmedAtMs,
    acknowledgedAtMs: null,
    acknowledgedBy: null,
    resolvedAtMs: null,
    resolvedBy: null,
    note: null,
    resolutionPending: false,
    stateBeforeResolve: null,
    reopenCount: 0,
    lastRuleEventMs: t.confirmedAtMs,
    seq: 1,
    evidence: t.detail,
  }
  return { alert, transition: record(alert, 'opened', null, t.confirmedAtMs, null, null, true, t.detail) }
}

function next (a: Alert, patch: Partial<Alert>, kind: AlertTransitionKind, atMs: number, by: string | null, note: string | null, notify: boolean, detail: TransitionDetail | null): AlertChange {
  const alert: Alert = { ...a, ...patch, seq: a.seq + 1 }
  return { alert, transition: record(alert, kind, a.state, atMs, by, note, notify, detail) }
}

function record (a: Alert, kind: AlertTransitionKind, from: AlertState | null, atMs: number, by: string | null, note: string | null, notify: boolean, detail: TransitionDetail | null): AlertTransition {
  return { alertId: a.id, seq: a.seq, vehicleKey: a.vehicleKey, ruleId: a.ruleId, kind, from, to: a.state, atMs, by, note, notify, detail }
}
