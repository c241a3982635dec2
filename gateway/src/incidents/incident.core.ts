import { localise, resolveLanguage, textIn } from '@fleetwire/i18n'
import { type Result, fail, ok } from '../common/result.js'

/**
 * Safety incidents, pure: what an incident is, which vehicles it reaches,
 * what each vehicle's notice says and where each vehicle stands. Storage and
 * delivery live in the service; this file has no I/O.
 */
export const SEVERITIES = ['info', 'warning', 'critical'] as const
export type Severity = typeof SEVERITIES[number]
export const REQUIRED_ACTIONS = ['stop_driving', 'visit_centre', 'install_update', 'none'] as const
export type RequiredAction = typeof REQUIRED_ACTIONS[number]

/** A notice's per-vehicle progress, in order; `rejected` = the vehicle refused it (verification failed). */
export const NOTICE_STATES = ['pending', 'sent', 'delivered', 'displayed', 'acknowledged', 'rejected'] as const
export type NoticeState = typeof NOTICE_STATES[number]

/** Which vehicles an incident concerns: every listed dimension must match (an absent one matches all). */
export interface AffectedSet {
  readonly models?: readonly string[]
  /** Vehicles running one of these versions on this ECU (as their last birth certificate said). */
  readonly software?: ReadonlyArray<{ readonly ecu: string, readonly versions: readonly string[] }>
  /** Inclusive VIN ranges (VINs of one plant and model year sort by serial number). */
  readonly vinRanges?: ReadonlyArray<{ readonly from: string, readonly to: string }>
  readonly regions?: readonly string[]
  readonly countries?: readonly string[]
  readonly fleets?: readonly string[]
}

export interface NewIncident {
  /** Language tag → text; English is required (the fallback of every language). */
  readonly title: Readonly<Record<string, string>>
  readonly message: Readonly<Record<string, string>>
  readonly severity: Severity
  readonly requiredAction: RequiredAction
  readonly affected: AffectedSet
  readonly campaignId?: string
}

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/
const COUNTRY = /^[A-Z]{2}$/
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/** Checks what the schema cannot: the selection is not empty, ranges are ordered, texts exist in English. */
export function checkIncident (n: NewIncident): Result<NewIncident, 'GW_INCIDENT_INVALID'> {
  const problems: string[] = []
  const a = n.affected
  const dims = [a.models, a.software, a.vinRanges, a.regions, a.countries, a.fleets].filter((d) => d !== undefined)
  if (dims.length === 0) problems.push('affected: name at least one of models, software, vinRanges, regions, countries, fleets (an incident for every vehicle must say so with a list)')
  if (dims.some((d) => (d as readonly unknown[]).length === 0)) problems.push('affected: an empty list matches no vehicle; leave the dimension out instead')
  for (const r of a.vinRanges ?? []) {
    if (!VIN.test(r.from) || !VIN.test(r.to)) problems.push(`affected.vinRanges: ${r.from}..${r.to} is not a pair of VINs (17 characters, no I, O or Q)`)
    else if (r.from > r.to) problems.push(`affected.vinRanges: ${r.from} sorts after ${r.to}`)
  }
  for (const c of a.countries ?? []) if (!COUNTRY.test(c)) problems.push(`affected.countries: ${c} is not an ISO 3166-1 alpha-2 code (e.g. DE, BR)`)
  for (const s of a.software ?? []) if (s.versions.length === 0) problems.push(`affected.software: no versions listed for ECU ${s.ecu}`)
  for (const [field, texts] of [['title', n.title], ['message', n.message]] as const) {
    if ((texts.en ?? '').trim() === '') problems.push(`${field}: an English text ("en") is required; it is shown where no text in the vehicle's language exists`)
    for (const tag of Object.keys(texts)) if (!LANGUAGE_TAG.test(tag)) problems.push(`${field}: "${tag}" is not a language tag (e.g. en, de, pt-BR)`)
  }
  return problems.length > 0 ? fail('GW_INCIDENT_INVALID', problems.join('; ')) : ok(n)
}

/** Critical notices reach the driver whatever the local hour; the others wait for the end of the quiet hours. */
export const bypassesQuietHours = (s: Severity): boolean => s === 'critical'

/** The title and message a vehicle shows, in its language through the usual fallback (exact tag, language, English). */
export function noticeText (language: string, incident: Pick<NewIncident, 'title' | 'message'>): { title: string, message: string } {
  return { title: textIn(language, incident.title), message: textIn(language, incident.message) }
}

const RANK: Readonly<Record<NoticeState, number>> = { pending: 0, sent: 1, delivered: 2, displayed: 3, acknowledged: 4, rejected: 5 }

/**
 * A vehicle's state after an acknowledgement: states only move forward (a
 * late "delivered" after "acknowledged" changes nothing), and a rejection
 * stands until a later notice is delivered.
 */
export function advance (current: NoticeState, reported: Exclude<NoticeState, 'pending' | 'sent'>): NoticeState {
  if (current === 'rejected') return reported === 'rejected' ? current : reported
  return RANK[reported] > RANK[current] ? reported : current
}

/** Where a vehicle stands in the report: resolved (repaired or updated) wins over how far its notice got. */
export type VehicleStanding = NoticeState | 'resolved'

export interface CountRow { readonly country: string, readonly state: VehicleStanding, readonly vehicles: number }

export interface CountryCompletion {
  readonly country: string
  readonly affected: number
  readonly byState: Readonly<Record<VehicleStanding, number>>
  /** Share of the country's affected vehicles that are resolved, 0..1. */
  readonly completion: number
  /** Share whose driver acknowledged the notice (or that are resolved). */
  readonly acknowledged: number
}

const STANDINGS: readonly VehicleStanding[] = [...NOTICE_STATES, 'resolved']
const zero = (): Record<VehicleStanding, number> => Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<VehicleStanding, number>

/** Per-country completion from counts by country and standing (vehicles without a country count under "unknown"). */
export function completionByCountry (rows: readonly CountRow[]): CountryCompletion[] {
  const by = new Map<string, Record<VehicleStanding, number>>()
  for (const r of rows) {
    const c = by.get(r.country) ?? zero()
    c[r.state] += r.vehicles
    by.set(r.country, c)
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, byState]) => {
    const affected = STANDINGS.reduce((n, s) => n + byState[s], 0)
    const share = (n: number) => affected === 0 ? 0 : Math.round(n / affected * 10_000) / 10_000
    return { country, affected, byState, completion: share(byState.resolved), acknowledged: share(byState.acknowledged + byState.resolved) }
  })
}

/**
 * The fleet owner's e-mail about an incident, in `language` (the language
 * most of the fleet's affected vehicles use), with the English text below
 * when that differs: a distributor forwards it to people of both.
 */
export function ownerMail (i: Pick<NewIncident, 'title' | 'message' | 'severity' | 'requiredAction'>, language: string, fleet: string, vehicles: number): { language: string, subject: string, text: string } {
  const lang = resolveLanguage(language)
  const local = noticeText(lang, i)
  const english = noticeText('en', i)
  const lines = [
    `${localise(lang, `incident.severity.${i.severity}`)}: ${local.title}`,
    '',
    local.message,
    '',
    `${localise(lang, 'server.incidentMail.action')}: ${localise(lang, `incident.action.${i.requiredAction}`)}`,
    localise(lang, 'server.incidentMail.vehicles', { count: vehicles, fleet }),
    '',
    localise(lang, 'server.incidentMail.footer'),
    ...(local.message === english.message ? [] : ['', '---', english.title, '', english.message]),
  ]
  return { language: lang, subject: localise(lang, 'server.incidentMail.subject', { title: local.title }), text: lines.join('\n') }
}
