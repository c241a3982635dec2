import { csvLine } from '../common/csv.js'
import { NOTICE_STATES } from './incident.core.js'

interface ReportLike {
  readonly incident: { readonly id: string, readonly title: Readonly<Record<string, string>>, readonly severity: string, readonly createdAt: string }
  readonly generatedAt: string
  readonly summary: { readonly byCountry: ReadonlyArray<{ country: string, affected: number, byState: Readonly<Record<string, number>>, completion: number, acknowledged: number }> }
  readonly unresolved: ReadonlyArray<{ vehicleId: string, country: string | null, region: string, fleet: string, model: string, language: string, state: string, sentAt: string | null, deliveredAt: string | null, displayedAt: string | null, acknowledgedAt: string | null }>
}

/**
 * The completion report as one CSV file a regulator or distributor can open:
 * a per-country section, then every vehicle still unresolved.
 */
export function reportCsv (r: ReportLike): string {
  const states = [...NOTICE_STATES, 'resolved']
  let out = csvLine(['incident', r.incident.id, r.incident.title.en ?? '', r.incident.severity, 'created', r.incident.createdAt, 'generated', r.generatedAt])
  out += csvLine([])
  out += csvLine(['country', 'affected', ...states, 'completion', 'acknowledged_share'])
  for (const c of r.summary.byCountry) out += csvLine([c.country, c.affected, ...states.map((s) => c.byState[s] ?? 0), c.completion, c.acknowledged])
  out += csvLine([])
  out += csvLine(['vehicle_id', 'country', 'region', 'fleet', 'model', 'language', 'state', 'sent_at', 'delivered_at', 'displayed_at', 'acknowledged_at'])
  for (const v of r.unresolved) out += csvLine([v.vehicleId, v.country, v.region, v.fleet, v.model, v.language, v.state, v.sentAt, v.deliveredAt, v.displayedAt, v.acknowledgedAt])
  return out
}
