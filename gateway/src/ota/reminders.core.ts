import { localise, resolveLanguage, textIn } from '@fleetwire/i18n'
import { nextOutsideQuiet } from './local-time.core.js'

/**
 * Reminder escalation, pure. A vehicle waiting for its driver (no answer,
 * or postponed) gets reminder 1 at `schedule[0]` after it started waiting,
 * reminder 2 at `schedule[1]`, … up to `maxCount`; the last interval repeats
 * when the schedule is shorter than the count. Recalls use the urgent
 * schedule. Nothing is delivered in the vehicle's local quiet hours: a
 * reminder due then is moved to the end of them.
 */
export interface ReminderPolicy {
  /** Seconds after the vehicle started waiting, per escalation step. */
  readonly scheduleS: readonly number[]
  readonly urgentScheduleS: readonly number[]
  readonly maxCount: number
}

export interface QuietHours { readonly timeZone: string, readonly startMinute: number, readonly endMinute: number }

/** When reminder `number` (1-based) is due, or undefined past the maximum. */
export function reminderDueAt (waitingSinceMs: number, number: number, urgent: boolean, p: ReminderPolicy): number | undefined {
  if (number < 1 || number > p.maxCount) return undefined
  const s = urgent ? p.urgentScheduleS : p.scheduleS
  if (s.length === 0) return undefined
  const last = s[s.length - 1] as number
  const prev = s.length >= 2 ? s[s.length - 2] as number : 0
  const step = Math.max(1, last - prev)
  const offsetS = number <= s.length ? s[number - 1] as number : last + (number - s.length) * step
  return waitingSinceMs + offsetS * 1000
}

/** When a due reminder may actually go out: now, or the end of the quiet hours. */
export function deliverableAt (dueAtMs: number, nowMs: number, q: QuietHours): number {
  return nextOutsideQuiet(Math.max(dueAtMs, nowMs), q.timeZone, q.startMinute, q.endMinute)
}

/** The head-unit text in the vehicle's language (through the catalogue's fallback chain), with the release notes. */
export function reminderText (language: string, urgent: boolean, releaseNotes: Readonly<Record<string, string>>, number: number): { language: string, text: string } {
  const lang = resolveLanguage(language)
  const notes = textIn(language, releaseNotes)
  const t = localise(lang, urgent ? 'server.reminder.urgent' : 'server.reminder.normal')
  return { language: lang, text: `${t} (${number})${notes === '' ? '' : ` ${notes}`}` }
}
