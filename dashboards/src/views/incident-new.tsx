import { useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { t } from '../i18n/i18n.js'
import { ACTION_LABEL, SEVERITY_LABEL } from './incident-common.js'
import { Card, ErrorBox } from './common.js'

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')

/** The issuing form (admins): English texts required, one more language optional, the affected set as lists. */
export function NewIncident({ onCreated }: { onCreated: (id: string) => void }) {
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
