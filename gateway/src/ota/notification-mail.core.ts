/**
 * The fleet owner's reminder e-mail, pure. The reminder text itself comes
 * localised from reminders.core (the vehicle's language, with the release
 * notes); this adds a subject and the facts an owner needs to act, in the
 * same language (English when it has no translation here).
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

interface Words { subject: string, urgentSubject: string, vehicle: string, fleet: string, reminder: string, deadline: string, footer: string }

const WORDS: Readonly<Record<string, Words>> = {
  en: { subject: 'Software update waiting for vehicle {v}', urgentSubject: 'Safety recall: vehicle {v} needs its update', vehicle: 'Vehicle', fleet: 'Fleet', reminder: 'Reminder', deadline: 'Deadline', footer: 'The driver has not yet answered the update on the vehicle.' },
  de: { subject: 'Software-Update wartet für Fahrzeug {v}', urgentSubject: 'Sicherheitsrückruf: Fahrzeug {v} braucht sein Update', vehicle: 'Fahrzeug', fleet: 'Flotte', reminder: 'Erinnerung', deadline: 'Frist', footer: 'Der Fahrer hat das Update im Fahrzeug noch nicht beantwortet.' },
  fr: { subject: 'Mise à jour logicielle en attente pour le véhicule {v}', urgentSubject: 'Rappel de sécurité : le véhicule {v} doit être mis à jour', vehicle: 'Véhicule', fleet: 'Flotte', reminder: 'Rappel', deadline: 'Échéance', footer: 'Le conducteur n’a pas encore répondu à la mise à jour dans le véhicule.' },
  es: { subject: 'Actualización de software pendiente para el vehículo {v}', urgentSubject: 'Llamada a revisión: el vehículo {v} necesita su actualización', vehicle: 'Vehículo', fleet: 'Flota', reminder: 'Recordatorio', deadline: 'Plazo', footer: 'El conductor aún no ha respondido a la actualización en el vehículo.' },
  pt: { subject: 'Atualização de software pendente para o veículo {v}', urgentSubject: 'Recall de segurança: o veículo {v} precisa da atualização', vehicle: 'Veículo', fleet: 'Frota', reminder: 'Lembrete', deadline: 'Prazo', footer: 'O condutor ainda não respondeu à atualização no veículo.' },
}

/** Subject and plain-text body of one reminder notification, in the notice's language. */
export function reminderMail (n: ReminderNotice): { language: string, subject: string, text: string } {
  const language = WORDS[n.language] !== undefined ? n.language : 'en'
  const w = WORDS[language] as Words
  const lines = [
    n.text,
    '',
    `${w.vehicle}: ${n.vehicleId}`,
    `${w.fleet}: ${n.fleet}`,
    `${w.reminder}: ${n.number}`,
    ...(n.deadline === null ? [] : [`${w.deadline}: ${n.deadline}`]),
    '',
    w.footer,
  ]
  return { language, subject: (n.urgent ? w.urgentSubject : w.subject).replace('{v}', n.vehicleId), text: lines.join('\n') }
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
