import { describe, expect, it } from 'vitest'
import type { RuleTransition } from '../rules/types.js'
import { alarmStatus, applyAlertEvent, settleAlert, type Alert, type AlertContext, type AlertEvent, type AlertTransition } from './lifecycle.core.js'

const T0 = Date.UTC(2025, 0, 6)
const MIN = 60_000

function ruleEvent (kind: 'raise' | 'clear', confirmedAtMs: number): AlertEvent {
  const transition: RuleTransition = {
    ruleId: 'coolant-hot',
    severity: 'major',
    kind,
    atMs: confirmedAtMs - MIN,
    confirmedAtMs,
    value: 110,
    detail: { reason: `coolant ${kind}`, threshold: 105, observed: 110 },
  }
  return { type: 'rule', transition }
}

/** Applies events in turn like the alerts service would, keeping the latest alert and the log. */
function run (events: AlertEvent[], quietPeriodMs = 0): { alert: Alert | undefined, log: AlertTransition[] } {
  let n = 0
  const ctx: AlertContext = { vehicleKey: 7, quietPeriodMs, newAlertId: () => `a${++n}` }
  let alert: Alert | undefined
  const log: AlertTransition[] = []
  for (const e of events) {
    const r = applyAlertEvent(alert, e, ctx)
    if (!r.ok) throw new Error(r.error.detail)
    alert = r.value.alert
    if (r.value.transition !== null) log.push(r.value.transition)
  }
  return { alert, log }
}

describe('alert lifecycle', () => {
  it('opens once per raise episode, is acknowledged, then auto-resolves, one record per change', () => {
    const { alert, log } = run([
      ruleEvent('raise', T0),
      ruleEvent('raise', T0 + MIN), // already open: nothing
      { type: 'acknowledge', by: 'eve', atMs: T0 + 2 * MIN, note: 'looking' },
      ruleEvent('raise', T0 + 3 * MIN),
      ruleEvent('clear', T0 + 10 * MIN),
    ])
    expect(log.map((t) => [t.seq, t.kind, t.from, t.to, t.by, t.notify])).toEqual([
      [1, 'opened', null, 'open', null, true],
      [2, 'acknowledged', 'open', 'acknowledged', 'eve', true],
      [3, 'auto-resolved', 'acknowledged', 'resolved', null, true],
    ])
    expect(alert).toMatchObject({ id: 'a1', state: 'resolved', openedAtMs: T0 - MIN, resolvedAtMs: T0 + 10 * MIN, resolvedBy: null, vehicleKey: 7 })
    expect(alarmStatus(alert as Alert)).toBe('CLEARED_ACK')
  })

  it('opens a new alert for a raise after a resolution when there is no quiet period', () => {
    const { alert, log } = run([ruleEvent('raise', T0), ruleEvent('clear', T0 + MIN), ruleEvent('raise', T0 + 2 * MIN)])
    expect(log.map((t) => [t.alertId, t.kind])).toEqual([['a1', 'opened'], ['a1', 'auto-resolved'], ['a2', 'opened']])
    expect(alarmStatus(alert as Alert)).toBe('ACTIVE_UNACK')
  })

  it('suppresses flapping: raises within the quiet period re-open the same alert silently, and the resolution is announced once it holds', () => {
    const flaps: AlertEvent[] = [ruleEvent('raise', T0), { type: 'acknowledge', by: 'eve', atMs: T0 + MIN }]
    for (let i = 1; i <= 5; i++) flaps.push(ruleEvent('clear', T0 + i * 10 * MIN), ruleEvent('raise', T0 + i * 10 * MIN + 5 * MIN))
    flaps.push(ruleEvent('clear', T0 + 60 * MIN))
    const { alert, log } = run(flaps, 30 * MIN)
    expect(new Set(log.map((t) => t.alertId))).toEqual(new Set(['a1']))
    expect(log.filter((t) => t.notify).map((t) => t.kind)).toEqual(['opened', 'acknowledged'])
    expect(log.filter((t) => t.kind === 'reopened').every((t) => t.to === 'acknowledged')).toBe(true)
    expect(alert).toMatchObject({ state: 'resolved', resolutionPending: true, reopenCount: 5 })

    const early = settleAlert(alert as Alert, T0 + 80 * MIN, 30 * MIN)
    expect(early.transition).toBeNull()
    const settled = settleAlert(alert as Alert, T0 + 90 * MIN, 30 * MIN)
    expect(settled.transition).toMatchObject({ kind: 'resolution-confirmed', from: 'resolved', to: 'resolved', notify: true, seq: log.length + 1 })
    expect(settleAlert(settled.alert as Alert, T0 + 100 * MIN, 30 * MIN).transition).toBeNull()
  })

  it('announces a re-open when the resolution had already been announced (late data within the quiet period)', () => {
    let n = 0
    const ctx: AlertContext = { vehicleKey: 7, quietPeriodMs: 30 * MIN, newAlertId: () => `a${++n}` }
    const { alert } = run([ruleEvent('raise', T0), ruleEvent('clear', T0 + MIN)], 30 * MIN)
    const settled = settleAlert(alert as Alert, T0 + 40 * MIN, 30 * MIN).alert
    const r = applyAlertEvent(settled, ruleEvent('raise', T0 + 20 * MIN), ctx)
    expect(r.ok && r.value.transition).toMatchObject({ kind: 'reopened', alertId: 'a1', to: 'open', notify: true })
  })

  it('ignores stale rule transitions (replays, late data already superseded)', () => {
    const { log } = run([ruleEvent('raise', T0 + 5 * MIN), ruleEvent('clear', T0 + 10 * MIN), ruleEvent('raise', T0 + 5 * MIN), ruleEvent('clear', T0 + 10 * MIN)], 30 * MIN)
    expect(log.map((t) => t.kind)).toEqual(['opened', 'auto-resolved'])
  })

  it('lets a person resolve with a note; the next raise then opens a new alert even within the quiet period', () => {
    const { alert, log } = run([
      ruleEvent('raise', T0),
      { type: 'resolve', by: 'sam', atMs: T0 + MIN, note: 'replaced the pump' },
      ruleEvent('clear', T0 + 2 * MIN),
      ruleEvent('raise', T0 + 3 * MIN),
    ], 30 * MIN)
    expect(log.map((t) => [t.alertId, t.kind, t.note])).toEqual([['a1', 'opened', null], ['a1', 'resolved', 'replaced the pump'], ['a2', 'opened', null]])
    expect(alert?.state).toBe('open')
  })

  it('refuses transitions that make no sense, with a code', () => {
    const { alert } = run([ruleEvent('raise', T0)])
    const ctx: AlertContext = { vehicleKey: 7, quietPeriodMs: 0, newAlertId: () => 'x' }
    const noNote = applyAlertEvent(alert, { type: 'resolve', by: 'sam', atMs: T0, note: '  ' }, ctx)
    expect(!noNote.ok && noNote.error.code).toBe('GW_ALERT_NOTE_REQUIRED')
    const resolved = run([ruleEvent('raise', T0), ruleEvent('clear', T0 + MIN)]).alert
    const ack = applyAlertEvent(resolved, { type: 'acknowledge', by: 'eve', atMs: T0 + 2 * MIN }, ctx)
    expect(!ack.ok && ack.error).toEqual({ code: 'GW_ALERT_INVALID_TRANSITION', detail: 'a resolved alert cannot be acknowledged' })
    const again = applyAlertEvent(resolved, { type: 'resolve', by: 'sam', atMs: T0 + 2 * MIN, note: 'done' }, ctx)
    expect(!again.ok && again.error.code).toBe('GW_ALERT_INVALID_TRANSITION')
    expect(applyAlertEvent(undefined, { type: 'acknowledge', by: 'eve', atMs: T0 }, ctx).ok).toBe(false)
    const clearNothing = applyAlertEvent(undefined, ruleEvent('clear', T0), ctx)
    expect(clearNothing.ok && clearNothing.value).toEqual({ alert: undefined, transition: null })
  })
})
