import { textIn } from '@fleetwire/i18n'
import { api } from '../lib/api.js'
import { formatDateTime, formatNumber, t, useLanguage } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { ACTION_LABEL, CountryTable, SEVERITY_LABEL, standingLabel, type Report } from './incident-common.js'
import { ErrorBox, Loading, useAsync } from './common.js'

/** The completion report as a page to print (or save as PDF): per country, then every vehicle not yet resolved. */
export function IncidentReportView({ incidentId }: { incidentId: string }) {
  const lang = useLanguage()
  const r = useAsync(() => api<Report>(`/incidents/${incidentId}/report`), [incidentId])
  const x = r.data
  if (x === undefined)
    return (
      <div class='view'>
        <ErrorBox error={r.error} />
        <Loading when={r.loading} />
      </div>
    )
  return (
    <div class='view report' data-testid='incident-report'>
      <p class='no-print'>
        <button type='button' onClick={() => print()}>
          {t('incident.print')}
        </button>{' '}
        <a href={href({ view: 'incidents', incidentId })}>{t('incident.title')}</a>
      </p>
      <h1>{textIn(lang, x.incident.title)}</h1>
      <p>
        {t(SEVERITY_LABEL[x.incident.severity])} · {t(ACTION_LABEL[x.incident.requiredAction])} · {formatDateTime(x.incident.createdAt)}
      </p>
      <p class='muted'>{t('incident.generated', { at: formatDateTime(x.generatedAt) })}</p>
      <h2>{t('incident.byCountry')}</h2>
      <CountryTable summary={x.summary} />
      <h2>
        {t('incident.unresolved')} ({formatNumber(x.unresolved.length)})
      </h2>
      <table data-testid='incident-unresolved'>
        <thead>
          <tr>
            <th>{t('filter.vehicle')}</th>
            <th>{t('incident.country')}</th>
            <th>{t('incident.fleet')}</th>
            <th>{t('incident.state')}</th>
            <th>{t('incident.state.acknowledged')}</th>
          </tr>
        </thead>
        <tbody>
          {x.unresolved.map((v) => (
            <tr key={v.vehicleId}>
              <td>{v.vehicleId}</td>
              <td>{v.country ?? '—'}</td>
              <td>{v.fleet}</td>
              <td>{standingLabel(v.state)}</td>
              <td>{formatDateTime(v.acknowledgedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
