import { CATALOGS, localise, type MessageKey } from './index.js'

/**
 * Alert reasons in the reader's language, for the gateway's API and the
 * dashboards alike. A rule stores why it raised or cleared as a catalogue
 * message (key + values, numbers formatted as the rule judged them) beside
 * the English sentence; the default rules' names are in the catalogue too.
 */
export interface ReasonMessage {
  readonly key: MessageKey
  readonly values: Readonly<Record<string, string>>
}

const known = (key: string): key is MessageKey => key in (CATALOGS.en ?? {})
const WHEEL = /^(.+)-(fl|fr|rl|rr)$/

/**
 * A default rule's name in `lang` (per-wheel rules share one entry with the
 * wheel as a value). A rule someone wrote, or a default rule someone
 * renamed, keeps the name they gave it.
 */
export function ruleNameIn (lang: string, ruleId: string, given: string): string {
  const m = WHEEL.exec(ruleId)
  const perWheel = m === null ? undefined : `server.ruleName.${m[1]}`
  const [key, values] = perWheel !== undefined && known(perWheel) ? [perWheel, { wheel: m?.[2] as string }] : [`server.ruleName.${ruleId}`, {}]
  if (!known(key) || localise('en', key, values) !== given) return given
  return localise(lang, key, values)
}

/** A stored reason in `lang`: its message when it has one (alerts from before reasons were messages keep their English). */
export function reasonIn (lang: string, ruleId: string, stored: { readonly reason: string, readonly message?: ReasonMessage | undefined }): string {
  const m = stored.message
  if (m === undefined || !known(m.key)) return stored.reason
  const values = m.values.rule === undefined ? m.values : { ...m.values, rule: ruleNameIn(lang, ruleId, m.values.rule) }
  return localise(lang, m.key, values)
}
