import { CATALOGS, isRtl, localise, resolveLanguage, type MessageKey, type MessageValues } from '@fleetwire/i18n'
import { createStore, useStore } from '../lib/store.js'

// The catalogues are shared with the gateway (the i18n workspace package).
export { CATALOGS, LANGUAGES, type MessageKey } from '@fleetwire/i18n'

const STORAGE_KEY = 'fw.lang'

/** The language saved earlier, else the first of the browser's languages we have, else English. */
export function initialLanguage (saved: string | null, preferred: readonly string[]): string {
  if (saved !== null && saved in CATALOGS) return saved
  for (const p of preferred) {
    const lang = resolveLanguage(p)
    if (lang !== 'en' || p.toLowerCase().startsWith('en')) return lang
  }
  return 'en'
}

/** lang and dir on <html>: Arabic mirrors the layout (styles.css uses logical properties). */
export function applyDocumentLanguage (lang: string): void {
  if (typeof document === 'undefined') return
  document.documentElement.lang = lang
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr'
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage
export const language = createStore(initialLanguage(storage?.getItem(STORAGE_KEY) ?? null, typeof navigator === 'undefined' ? [] : navigator.languages))

export function setLanguage (lang: string): void {
  if (!(lang in CATALOGS)) return
  storage?.setItem(STORAGE_KEY, lang)
  applyDocumentLanguage(lang)
  language.set(lang)
}

/** Identity, for maps from data values to message keys (keeps every key visible to the catalog check). */
export const k = (key: MessageKey): MessageKey => key

/** The message in the current language (ICU MessageFormat: plurals, numbers). */
export function t (key: MessageKey, params?: MessageValues): string {
  return localise(language.get(), key, params)
}

/** Re-renders the calling component when the language changes; returns the language tag. */
export const useLanguage = (): string => useStore(language)

/** The user's time zone (the browser's); dates and times are shown in it. */
export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

const numberFormats = new Map<string, Intl.NumberFormat>()
export function formatNumber (value: number, digits = 0): string {
  const key = `${language.get()}/${digits}`
  let f = numberFormats.get(key)
  if (f === undefined) {
    f = new Intl.NumberFormat(language.get(), { minimumFractionDigits: digits, maximumFractionDigits: digits })
    numberFormats.set(key, f)
  }
  return f.format(value)
}

/**
 * A date and time in the user's time zone, or, given `zone` (an IANA name, e.g.
 * the vehicle's), in that zone with the zone named ("14:03:07 GMT+8"): for
 * alerts, DTCs and work orders the vehicle's local time is what the driver and
 * workshop saw. An unknown zone falls back to the user's.
 */
export function formatDateTime (at: string | number | Date | null | undefined, zone?: string): string {
  if (at === null || at === undefined) return '—'
  const d = at instanceof Date ? at : new Date(at)
  if (Number.isNaN(d.getTime())) return '—'
  if (zone !== undefined) {
    try {
      return new Intl.DateTimeFormat(language.get(), { dateStyle: 'medium', timeStyle: 'long', timeZone: zone }).format(d)
    } catch { /* not a zone this browser knows: the user's own below */ }
  }
  return new Intl.DateTimeFormat(language.get(), { dateStyle: 'medium', timeStyle: 'medium', timeZone: timeZone() }).format(d)
}

export function formatTime (at: number): string {
  return new Intl.DateTimeFormat(language.get(), { timeStyle: 'medium', timeZone: timeZone() }).format(new Date(at))
}

/** "3 minutes ago", in the user's language. */
export function formatAgo (at: string | number | null | undefined, nowMs: number): string {
  if (at === null || at === undefined) return '—'
  // A vehicle's clock may run a little ahead of the browser's: never say "in 3 seconds" about the past.
  const s = Math.min(0, Math.round((new Date(at).getTime() - nowMs) / 1000))
  const rtf = new Intl.RelativeTimeFormat(language.get(), { numeric: 'auto' })
  const abs = Math.abs(s)
  if (abs < 60) return rtf.format(s, 'second')
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute')
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), 'hour')
  return rtf.format(Math.round(s / 86_400), 'day')
}

/** A running clock, hh:mm:ss (days prefixed), for time-to-acknowledge. */
export function formatClock (ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const d = Math.floor(total / 86_400)
  const pad = (n: number) => String(n).padStart(2, '0')
  const hms = `${pad(Math.floor(total / 3600) % 24)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`
  return d > 0 ? t('clock.days', { days: formatNumber(d), hms }) : hms
}
