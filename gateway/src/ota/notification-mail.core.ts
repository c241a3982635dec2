import { localise, resolveLanguage, type MessageKey, type MessageValues } from '@fleetwire/i18n'

/**
 * The fleet owner's reminder e-mail, pure. The reminder text itself comes
 * localised from reminders.core (the vehicle's language, with the release
 * notes); this adds a subject and the facts an owner needs to act, in the
 * same language (the shared catalogue's fallback chain: tag, language, English).
 */
export interface ReminderNotice {
  readonly vehicleId: string
  readonly fleet: string
  readonly number: number
  readonly urgent: boolean
  readonly language: string
  readonly text: string
  /** ISO date-time of a recall deadline, or null. */
  readonly deadline: string | null
}

/** Subject and plain-text body of one reminder notification, in the notice's language (catalogue fallback chain). */
export function reminderMail (n: ReminderNotice): { language: string, subject: string, text: string } {
  const language = resolveLanguage(n.language)
  const w = (key: MessageKey, values?: MessageValues) => localise(language, key, values)
  const lines = [
    n.text,
    '',
    `${w('server.reminderMail.vehicle')}: ${n.vehicleId}`,
    `${w('server.reminderMail.fleet')}: ${n.fleet}`,
    `${w('server.reminderMail.reminder')}: ${n.number}`,
    ...(n.deadline === null ? [] : [`${w('server.reminderMail.deadline')}: ${n.deadline}`]),
    '',
    w('server.reminderMail.footer'),
  ]
  return { language, subject: w(n.urgent ? 'server.reminderMail.urgentSubject' : 'server.reminderMail.subject', { vehicleId: n.vehicleId }), text: lines.join('\n') }
}

/** Reads a stored outbox payload back as a notice; undefined when it is not a reminder. */
export function noticeOf (payload: Readonly<Record<string, unknown>>): ReminderNotice | undefined {
  const p = payload
  if (p.type !== 'ota.reminder' || typeof p.vehicleId !== 'string' || typeof p.text !== 'string') return undefined
  return {
    vehicleId: p.vehicleId,
    fleet: typeof p.fleet === 'string' ? p.fleet : '',
    number: typeof p.number === 'number' ? p.number : 0,
    urgent: p.urgent === true,
    language: typeof p.language === 'string' ? p.language : 'en',
    text: p.text,
    deadline: typeof p.deadline === 'string' ? p.deadline : null,
  }
}
