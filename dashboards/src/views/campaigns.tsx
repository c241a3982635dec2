import { useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { formatDateTime, formatNumber, t, useLanguage } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { session } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { Card, ErrorBox, Loading, StackedBar, stateLabel, useAsync, useDebounced } from './common.js'
import { useLiveTopic } from './live-context.js'
import { CONTROLS, CONTROL_LABEL, orderedParts, updateStateLabel, type CampaignDetail, type CampaignProgress, type CampaignSummary, type Control } from './campaign-types.js'

function Legend ({ byState }: { byState: Readonly<Record<string, number>> }) {
  return (
    <div class="legend">
      {orderedParts(byState).filter((p) => p.value > 0).map((p) => <span key={p.key}><i class={`st-${p.key}`} />{updateStateLabel(p.key)} {formatNumber(p.value)}</span>)}
    </div>
  )
}

function CampaignDetailCard ({ id }: { id: string }) {
  const role = useStore(session)?.user.role
  const d = useAsync(() => api<CampaignDetail>(`/ota/campaigns/${id}`), [id])
  const [live, setLive] = useState<CampaignProgress | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const refetch = useDebounced(d.reload, 2000)
  useLiveTopic(`campaign/${id}`, (m) => {
    if (m.type === 'event') setLive(m.payload as CampaignProgress)
    refetch()
  })
  const c = d.data
  if (c === undefined) return <Card title={t('campaign.detail')}><ErrorBox error={d.error} /><Loading when={d.loading} /></Card>
  const state = live?.state ?? c.state
  const byState = live?.counts ?? c.progress.byState
  const byWave = live?.byWave ?? c.progress.byWave
  const mayControl = role === 'admin' || role === 'support'
  async function control (action: Control) {
    setBusy(true)
    setError(undefined)
    try {
      await api(`/ota/campaigns/${id}/${action}`, { method: 'POST', body: {} })
      setLive(undefined)
      d.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t('campaign.detailOf', { name: c.name })} testid="campaign-detail">
      <p>{stateLabel(state)} · {t('campaign.waveOf', { wave: formatNumber(c.currentWave), waves: formatNumber(c.waves) })} · {t('campaign.vehicleCount', { count: c.vehicles })}{c.recall ? ` · ${t('campaign.recall')}` : ''}{c.requiresOptIn ? ` · ${t('campaign.optIn')}` : ''}</p>
      {mayControl && (
        <div class="buttons">
          {CONTROLS[state].map((a) => <button type="button" key={a} data-testid={`control-${a}`} disabled={busy} class={a === 'cancel' ? 'danger' : ''} onClick={() => void control(a)}>{t(CONTROL_LABEL[a])}</button>)}
        </div>
      )}
      <ErrorBox error={error} />
      <h3>{t('campaign.byState')}</h3>
      <StackedBar parts={orderedParts(byState)} total={c.vehicles} testid="campaign-state-bar" />
      <Legend byState={byState} />
      <h3>{t('campaign.byWave')}</h3>
      {byWave.map((w) => (
        <div key={w.wave} class="wave-row" data-testid="wave-row" data-wave={w.wave}>
          <span class="wave-label">{t('campaign.wave', { wave: formatNumber(w.wave) })} ({formatNumber(w.size)})</span>
          <StackedBar parts={orderedParts(w.byState)} total={w.size} testid={`wave-bar-${w.wave}`} />
        </div>
      ))}
      <h3>{t('campaign.failureReasons')}</h3>
      {Object.keys(c.failureReasons).length === 0
        ? <p class="muted">{t('campaign.noFailures')}</p>
        : <ul>{Object.entries(c.failureReasons).sort((a, b) => b[1] - a[1]).map(([r, n]) => <li key={r}><code>{r}</code> · {formatNumber(n)}</li>)}</ul>}
      <h3>{t('campaign.artifacts')}</h3>
      <ul>{c.artifacts.map((a) => <li key={a.id}>{a.ecu} {a.version} · {formatNumber(a.size)} B</li>)}</ul>
    </Card>
  )
}

export function CampaignsView ({ campaignId }: { campaignId?: string | undefined }) {
  useLanguage()
  const list = useAsync(() => api<{ items: CampaignSummary[] }>('/ota/campaigns'), [])
  return (
    <div class="view split" data-testid="view-campaigns">
      <div>
        <h1>{t('campaign.title')}</h1>
        <p><a class="button" href={href({ view: 'campaign-new' })} data-testid="campaign-new">{t('campaign.create')}</a></p>
        <ErrorBox error={list.error} />
        <Loading when={list.loading} />
        <table data-testid="campaign-list">
          <thead><tr><th>{t('campaign.name')}</th><th>{t('campaign.state')}</th><th>{t('campaign.progress')}</th><th>{t('campaign.created')}</th></tr></thead>
          <tbody>
            {(list.data?.items ?? []).map((c) => (
              <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id}>
                <td><a href={href({ view: 'campaigns', campaignId: c.id })}>{c.name}</a></td>
                <td>{stateLabel(c.state)}</td>
                <td><StackedBar parts={orderedParts(c.counts)} total={c.vehicles} /></td>
                <td>{formatDateTime(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data !== undefined && list.data.items.length === 0 && <p class="muted">{t('campaign.none')}</p>}
      </div>
      {campaignId !== undefined && <CampaignDetailCard id={campaignId} />}
    </div>
  )
}
