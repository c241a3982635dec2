import { formatNumber, k, t, type MessageKey } from '../i18n/i18n.js'

/** What the incident pages share: the API's shapes, the labels of severities, actions and states, the per-country table. */
export interface Incident {
  id: string
  title: Record<string, string>
  message: Record<string, string>
  severity: 'info' | 'warning' | 'critical'
  requiredAction: 'stop_driving' | 'visit_centre' | 'install_update' | 'none'
  state: 'open' | 'closed'
  createdAt: string
  campaignId: string | null
}
export interface CountryRow {
  country: string
  affected: number
  byState: Record<string, number>
  completion: number
  acknowledged: number
}
export interface Summary {
  affected: number
  resolved: number
  acknowledged: number
  byCountry: CountryRow[]
}
export interface Detail {
  incident: Incident
  summary: Summary
  timeline: Array<{ at: string; actor: string; kind: string; detail: Record<string, unknown> }>
}
export interface Report {
  incident: Incident
  generatedAt: string
  summary: Summary
  unresolved: Array<{ vehicleId: string; country: string | null; fleet: string; model: string; language: string; state: string; acknowledgedAt: string | null }>
}

export const SEVERITY_LABEL: Readonly<Record<Incident['severity'], MessageKey>> = {
  info: k('incident.severity.info'),
  warning: k('incident.severity.warning'),
  critical: k('incident.severity.critical'),
}
export const ACTION_LABEL: Readonly<Record<Incident['requiredAction'], MessageKey>> = {
  stop_driving: k('incident.action.stop_driving'),
  visit_centre: k('incident.action.visit_centre'),
  install_update: k('incident.action.install_update'),
  none: k('incident.action.none'),
}
const STANDINGS = ['pending', 'sent', 'delivered', 'displayed', 'acknowledged', 'rejected', 'resolved'] as const
const STANDING_LABEL: Readonly<Record<(typeof STANDINGS)[number], MessageKey>> = {
  pending: k('incident.state.pending'),
  sent: k('incident.state.sent'),
  delivered: k('incident.state.delivered'),
  displayed: k('incident.state.displayed'),
  acknowledged: k('incident.state.acknowledged'),
  rejected: k('incident.state.rejected'),
  resolved: k('incident.state.resolved'),
}
export const standingLabel = (s: string) => (s in STANDING_LABEL ? t(STANDING_LABEL[s as keyof typeof STANDING_LABEL]) : s)
const percent = (share: number) => `${formatNumber(share * 100, 1)} %`

/** Counts per country and state: the table the detail page and the printable report share. */
export function CountryTable({ summary }: { summary: Summary }) {
  return (
    <div class='table-scroll'>
      <table data-testid='incident-countries'>
        <thead>
          <tr>
            <th>{t('incident.country')}</th>
            <th>{t('incident.affected')}</th>
            {STANDINGS.map((s) => (
              <th key={s}>{standingLabel(s)}</th>
            ))}
            <th>{t('incident.completion')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.byCountry.map((c) => (
            <tr key={c.country} data-testid='incident-country' data-country={c.country}>
              <td>{c.country}</td>
              <td>{formatNumber(c.affected)}</td>
              {STANDINGS.map((s) => (
                <td key={s} data-state={s}>
                  {formatNumber(c.byState[s] ?? 0)}
                </td>
              ))}
              <td>{percent(c.completion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
