import { IntlMessageFormat } from 'intl-messageformat'
import { en, type MessageKey } from './catalogs/en.js'
import { zhCN } from './catalogs/zh-CN.js'
import { es } from './catalogs/es.js'
import { de } from './catalogs/de.js'
import { ptBR } from './catalogs/pt-BR.js'
import { fr } from './catalogs/fr.js'
import { th } from './catalogs/th.js'
import { id } from './catalogs/id.js'
import { ms } from './catalogs/ms.js'
import { ar } from './catalogs/ar.js'

/**
 * One message catalogue for the dashboards and the gateway: ICU MessageFormat
 * strings ("{count, plural, one {# vehicle} other {# vehicles}}"), formatted by
 * FormatJS's intl-messageformat, which runs unchanged in the browser and in Node
 * and leaves number, date and plural rules to the platform's Intl.
 */
export type { MessageKey } from './catalogs/en.js'
export type Catalog = Readonly<Record<MessageKey, string>>
export type MessageValues = Readonly<Record<string, string | number | Date>>

/** English is the reference catalogue; every other one has exactly its keys (catalogues.test.ts). */
export const CATALOGS: Readonly<Record<string, Catalog>> = { en, 'zh-CN': zhCN, es, de, 'pt-BR': ptBR, fr, th, id, ms, ar }
export const LANGUAGES: readonly string[] = Object.keys(CATALOGS)
/** Languages written right to left: the dashboards set dir="rtl" for them. */
export const RTL_LANGUAGES: readonly string[] = ['ar']

/** A bare language that should choose one of our regional catalogues (zh → zh-CN, pt → pt-BR). */
const REGIONAL_DEFAULT: Readonly<Record<string, string>> = { zh: 'zh-CN', pt: 'pt-BR' }

/**
 * The catalogue for a BCP 47 tag: the exact tag, else its language
 * (pt-PT → pt → pt-BR, de-AT → de), else English. Case-insensitive, as tags are.
 */
export function resolveLanguage (tag: string | null | undefined): string {
  if (tag === null || tag === undefined || tag === '') return 'en'
  const lower = tag.toLowerCase()
  const exact = LANGUAGES.find((l) => l.toLowerCase() === lower)
  if (exact !== undefined) return exact
  const base = lower.split(/[-_]/)[0] as string
  const byBase = LANGUAGES.find((l) => l.toLowerCase() === base) ?? REGIONAL_DEFAULT[base]
  return byBase !== undefined && byBase in CATALOGS ? byBase : 'en'
}

export const isRtl = (lang: string): boolean => RTL_LANGUAGES.includes(resolveLanguage(lang).split('-')[0] as string)

const compiled = new Map<string, IntlMessageFormat>()

function formatter (lang: string, key: MessageKey): IntlMessageFormat {
  const id = `${lang}\u0000${key}`
  let f = compiled.get(id)
  if (f === undefined) {
    const catalog = CATALOGS[lang] ?? en
    f = new IntlMessageFormat(catalog[key] ?? en[key], lang)
    compiled.set(id, f)
  }
  return f
}

/**
 * The message `key` in `lang` (resolved through the fallback chain) with
 * `values` filled in. Pure apart from a cache of compiled messages; a value a
 * message needs but was not given is a programming error and throws.
 */
export function localise (lang: string | null | undefined, key: MessageKey, values?: MessageValues): string {
  const out = formatter(resolveLanguage(lang), key).format(values as Record<string, string | number | Date> | undefined)
  return Array.isArray(out) ? out.join('') : String(out)
}

/**
 * The text for `lang` from texts given per language by a person (release
 * notes, incident messages): the exact tag, else one of the same language,
 * else English, else any; '' when there is none.
 */
export function textIn (lang: string, texts: Readonly<Record<string, string>>): string {
  const tags = Object.keys(texts)
  const lower = lang.toLowerCase()
  const base = lower.split(/[-_]/)[0] as string
  const tag = tags.find((t) => t.toLowerCase() === lower) ?? tags.find((t) => t.toLowerCase().split(/[-_]/)[0] === base)
  return (tag === undefined ? undefined : texts[tag]) ?? texts.en ?? Object.values(texts)[0] ?? ''
}
