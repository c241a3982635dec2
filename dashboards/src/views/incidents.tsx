import { useEffect, useState } from 'preact/hooks'
import { textIn } from '@fleetwire/i18n'
import { api } from '../lib/api.js'
import { formatDateTime, formatNumber, k, t, useLanguage, type MessageKey } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { session } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { Card, ErrorBox, Loading, useAsync } from './common.js'

interface Incident {
  id: string
  title: Record<string, string>
  message: Record<string, string>
  severity: 'info' | 'warning' | 'critical'
  requiredAction: 'stop_driving' | 'visit_centre' | 'install_update' | 'none'
  state: 'open' | 'closed'
  createdAt: string
  campaignId: string | null
}
interface CountryRow {
  country: string
  affected: number
  byState: Record<string, number>
  completion: number
  acknowledged: number
}
interface Summary {
  affected: number
  resolved: number
  acknowledged: number
  byCountry: CountryRow[]
}
interface Detail {
  incident: Incident
  summary: Summary
  timeline: Array<{ at: string; actor: string; kind: string; detail: Record<string, unknown> }>
}
interface Report {
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
const standingLabel = (s: string) => (s in STANDING_LABEL ? t(STANDING_LABEL[s as keyof typeof STANDING_LABEL]) : s)
const percent = (share: number) => `${formatNumber(share * 100, 1)} %`
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')

/** Counts per country and state: the table the detail page and the printable report share. */
function CountryTable({ summary }: { summary: Summary }) {
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

/** The issuing form (admins): English texts required, one more language optional, the affected set as lists. */
function NewIncident({ onCreated }: { onCreated: (id: string) => void }) {
  const [f, setF] = useState({
    title: '',
    message: '',
    lang: 'de',
    localTitle: '',
    localMessage: '',
    severity: 'critical',
    action: 'stop_driving',
    models: '',
    countries: '',
    ecu: '',
    versions: '',
    campaign: '',
  })
  const [error, setError] = useState<unknown>(undefined)
  const [sent, setSent] = useState<number | undefined>(undefined)
  const field = (name: keyof typeof f) => ({ value: f[name], onInput: (e: Event) => setF({ ...f, [name]: (e.target as HTMLInputElement).value }) })
  async function submit(e: Event) {
    e.preventDefault()
    setError(undefined)
    const texts = (en: string, local: string) => ({ en, ...(local.trim() === '' ? {} : { [f.lang]: local }) })
    const affected = {
      ...(f.models.trim() === '' ? {} : { models: list(f.models) }),
      ...(f.countries.trim() === '' ? {} : { countries: list(f.countries).map((c) => c.toUpperCase()) }),
      ...(f.ecu.trim() === '' ? {} : { software: [{ ecu: f.ecu.trim(), versions: list(f.versions) }] }),
    }
    try {
      const r = await api<{ incident: { id: string }; vehicles: number }>('/incidents', {
        method: 'POST',
        body: {
          title: texts(f.title, f.localTitle),
          message: texts(f.message, f.localMessage),
          severity: f.severity,
          requiredAction: f.action,
          affected,
          ...(f.campaign.trim() === '' ? {} : { campaignId: f.campaign.trim() }),
        },
      })
      setSent(r.vehicles)
      onCreated(r.incident.id)
    } catch (err) {
      setError(err)
    }
  }
  return (
    <Card title={t('incident.create')} testid='incident-new'>
      <form class='form' onSubmit={(e) => void submit(e)}>
        <label>
          {t('incident.field.title')}
          <input data-testid='incident-title' required {...field('title')} />
        </label>
        <label>
          {t('incident.field.message')}
          <textarea data-testid='incident-message' required {...field('message')} />
        </label>
        <label>
          {t('incident.field.language')}
          <input {...field('lang')} />
        </label>
        <label>
          {t('incident.field.localTitle')}
          <input {...field('localTitle')} />
        </label>
        <label>
          {t('incident.field.localMessage')}
          <textarea {...field('localMessage')} />
        </label>
        <label>
          {t('incident.field.severity')}
          <select data-testid='incident-severity' {...field('severity')}>
            {Object.entries(SEVERITY_LABEL).map(([s, key]) => (
              <option key={s} value={s}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incident.field.action')}
          <select {...field('action')}>
            {Object.entries(ACTION_LABEL).map(([a, key]) => (
              <option key={a} value={a}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incident.field.models')}
          <input data-testid='incident-models' {...field('models')} />
        </label>
        <label>
          {t('incident.field.countries')}
          <input data-testid='incident-countries-input' {...field('countries')} />
        </label>
        <label>
          {t('incident.field.ecu')}
          <input {...field('ecu')} />
        </label>
        <label>
          {t('incident.field.versions')}
          <input {...field('versions')} />
        </label>
        <label>
          {t('incident.field.campaign')}
          <input {...field('campaign')} />
        </label>
        <button type='submit' class='danger' data-testid='incident-send'>
          {t('incident.send')}
        </button>
      </form>
      <ErrorBox error={error} />
      {sent !== undefined && <p role='status'>{t('incident.sent', { count: sent })}</p>}
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
