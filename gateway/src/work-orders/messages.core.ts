import { localise, resolveLanguage, type MessageKey } from '@fleetwire/i18n'

/**
 * What the owner is told about a work order or a due service, in the
 * vehicle's language through the shared catalogue's fallback chain
 * (exact tag, then its language, then English).
 */
export type MessageKind = 'booked' | 'proposed' | 'completed' | 'cancelled' | 'maintenance_due'

export interface MessageFacts { readonly vehicleId: string, readonly center: string, readonly slotDate: string | null, readonly cause?: string | null }

const KEY: Readonly<Record<MessageKind, MessageKey>> = {
  booked: 'server.workOrder.booked',
  proposed: 'server.workOrder.proposed',
  completed: 'server.workOrder.completed',
  cancelled: 'server.workOrder.cancelled',
  maintenance_due: 'server.workOrder.maintenanceDue',
}

export interface OwnerMessage { readonly language: string, readonly subject: string, readonly text: string }

export function ownerMessage (kind: MessageKind, language: string | null, facts: MessageFacts): OwnerMessage {
  const lang = resolveLanguage(language)
  const text = localise(lang, KEY[kind], {
    vehicleId: facts.vehicleId,
    center: facts.center,
    date: facts.slotDate ?? localise(lang, 'server.workOrder.dateTbc'),
    cause: facts.cause ?? localise(lang, 'server.workOrder.seeWorkOrder'),
  })
  return { language: lang, subject: localise(lang, 'server.workOrder.subject', { vehicleId: facts.vehicleId }), text }
}
