import { localise, type MessageKey } from '@fleetwire/i18n'
import type { ReasonMessage } from '@fleetwire/i18n/reasons'

export type { ReasonMessage } from '@fleetwire/i18n/reasons'

/**
 * Why a rule raised or cleared, as a catalogue message (numbers already
 * formatted, as the rule judged them) with the English sentence stored beside
 * it (logs, webhooks, older readers): the same message rendered in English,
 * so the two never drift apart. Readers get it in their language through
 * reasonIn (@fleetwire/i18n/reasons).
 */
export const reasonOf = (key: MessageKey, values: Readonly<Record<string, string>>): { reason: string, message: ReasonMessage } =>
  ({ reason: localise('en', key, values), message: { key, values } })
