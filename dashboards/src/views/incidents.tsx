import { useEffect } from 'preact/hooks'
import { textIn } from '@fleetwire/i18n'
import { api } from '../lib/api.js'
import { formatDateTime, formatNumber, t, useLanguage } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { session } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { ACTION_LABEL, CountryTable, SEVERITY_LABEL, type Detail, type Incident } from './incident-common.js'
import { NewIncident } from './incident-new.js'
import { Card, ErrorBox, Loading, useAsync } from './common.js'

/** The live counts of one incident (refreshed every few seconds while open), its timeline and links to the report. */
function IncidentDetail({ id }: { id: string }) {
  const lang = useLanguage()
  const d = useAsync(() => api<Detail>(`/incidents/${id}`), [id])
  useEffect(() => {
    const timer = setInterval(() => d.reload(), 3000)
    return () => clearInterval(timer)
  }, [id])
  const x = d.data
  if (x === undefined)
    return (
      <Card title={t('incident.title')}>
        <ErrorBox error={d.error} />
        <Loading when={d.loading} />
      </Card>
    )
  async function downloadCsv() {
    const token = session.get()?.token
    const res = await fetch(`/incidents/${id}/report?format=csv`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(await res.blob())
    a.download = `incident-${id}.csv`
    a.click()
  }
  return (
    <Card title={textIn(lang, x.incident.title)} testid='incident-detail'>
      <p>
        {t(SEVERITY_LABEL[x.incident.severity])} · {t(ACTION_LABEL[x.incident.requiredAction])} · {formatDateTime(x.incident.createdAt)}
      </p>
      <p>{textIn(lang, x.incident.message)}</p>
      <p data-testid='incident-totals'>
        {t('incident.affected')}: {formatNumber(x.summary.affected)} · {t('incident.state.acknowledged')}: {formatNumber(x.summary.acknowledged)} ·{' '}
        {t('incident.state.resolved')}: {formatNumber(x.summary.resolved)}
      </p>
      <p class='buttons'>
        <a class='button' href={href({ view: 'incident-report', incidentId: id })} data-testid='incident-report-link'>
          {t('incident.report')}
        </a>
        <button type='button' onClick={() => void downloadCsv()}>
          {t('incident.csv')}
        </button>
      </p>
      <h3>{t('incident.byCountry')}</h3>
      <CountryTable summary={x.summary} />
      <h3>{t('incident.timeline')}</h3>
      <ul data-testid='incident-timeline'>
        {x.timeline.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at)} · {e.actor} · <code>{e.kind}</code>
            {typeof e.detail.vehicles === 'number' ? ` · ${t('campaign.vehicleCount', { count: e.detail.vehicles })}` : ''}
          </li>
        ))}
      </ul>
    </Card>
  )
}

export function IncidentsView({ incidentId }: { incidentId?: string | undefined }) {
  const lang = useLanguage()
  const role = useStore(session)?.user.role
  const incidents = useAsync(() => api<Incident[]>('/incidents'), [])
  return (
    <div class='view split' data-testid='view-incidents'>
      <div>
        <h1>{t('incident.title')}</h1>
        <ErrorBox error={incidents.error} />
        <Loading when={incidents.loading} />
        <table data-testid='incident-list'>
          <thead>
            <tr>
              <th>{t('incident.field.title')}</th>
              <th>{t('incident.field.severity')}</th>
              <th>{t('campaign.created')}</th>
            </tr>
          </thead>
          <tbody>
            {(incidents.data ?? []).map((i) => (
              <tr key={i.id} data-testid='incident-row' data-incident-id={i.id}>
                <td>
                  <a href={href({ view: 'incidents', incidentId: i.id })}>{textIn(lang, i.title)}</a>
                </td>
                <td>{t(SEVERITY_LABEL[i.severity])}</td>
                <td>{formatDateTime(i.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {incidents.data?.length === 0 && <p class='muted'>{t('incident.none')}</p>}
        {role === 'admin' && (
          <NewIncident
            onCreated={(id) => {
              incidents.reload()
              location.hash = href({ view: 'incidents', incidentId: id })
            }}
          />
        )}
      </div>
      {incidentId !== undefined && <IncidentDetail id={incidentId} />}
    </div>
  )
}
