import { useState } from 'preact/hooks'
import { textIn } from '@fleetwire/i18n'
import { api } from '../lib/api.js'
import { formatDateTime, formatNumber, t, useLanguage } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { parseList, parseWaves } from '../lib/plan.core.js'
import { Card, ErrorBox, Loading, useAsync } from './common.js'
import type { Artifact, CampaignSummary } from './campaign-types.js'
import { ArtifactUpload } from './artifact-upload.js'

interface Preview { waves: Array<{ wave: number, vehicleIds: string[] }> }

/** Create a campaign from uploaded artifacts (POST /ota/campaigns), after a plan preview (POST /ota/campaigns/preview). */
export function CampaignNewView () {
  const lang = useLanguage()
  const artifacts = useAsync(() => api<{ items: Artifact[] }>('/ota/artifacts'), [])
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [models, setModels] = useState('')
  const [regions, setRegions] = useState('')
  const [fleets, setFleets] = useState('')
  const [currentVersions, setCurrentVersions] = useState('')
  const [waves, setWaves] = useState('1%, 10%, 50%, 100%')
  const [success, setSuccess] = useState(0.95)
  const [errorMax, setErrorMax] = useState(0.05)
  const [autoAdvance, setAutoAdvance] = useState(false)
  const [optIn, setOptIn] = useState(false)
  const [recall, setRecall] = useState('')
  const [preview, setPreview] = useState<Preview | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)

  const parsed = parseWaves(waves)
  const body = () => ({
    name,
    artifactIds: picked,
    target: { models: parseList(models), regions: parseList(regions), fleets: parseList(fleets), currentVersions: parseList(currentVersions) },
    plan: { waves: parsed.ok ? parsed.waves : [], successThreshold: success, errorThreshold: errorMax, autoAdvance },
    ...(optIn ? { requiresOptIn: true } : {}),
    ...(recall === '' ? {} : { recall: { deadline: new Date(recall).toISOString() } }),
  })
  async function call (fn: () => Promise<void>) {
    setBusy(true)
    setError(undefined)
    try { await fn() } catch (e) { setError(e) } finally { setBusy(false) }
  }
  const valid = name.trim() !== '' && picked.length > 0 && parsed.ok

  return (
    <div class="view" data-testid="view-campaign-new">
      <h1>{t('campaign.create')}</h1>
      <ErrorBox error={artifacts.error} />
      <div class="grid2">
        <Card title={t('campaign.artifacts')} testid="artifact-list">
          <Loading when={artifacts.loading} />
          {(artifacts.data?.items ?? []).map((a) => (
            <label key={a.id} class="check">
              <input type="checkbox" checked={picked.includes(a.id)} onChange={(e) => setPicked((p) => ((e.target as HTMLInputElement).checked ? [...p, a.id] : p.filter((x) => x !== a.id)))} />
              <strong>{a.ecu} {a.version}</strong> · {a.hardwareIds.join(', ')} · {formatNumber(a.size)} B · {formatDateTime(a.createdAt)}
              {textIn(lang, a.releaseNotes) !== '' && <div class="muted small">{textIn(lang, a.releaseNotes)}</div>}
            </label>
          ))}
          {artifacts.data !== undefined && artifacts.data.items.length === 0 && <p class="muted">{t('campaign.noArtifacts')}</p>}
          <ArtifactUpload onUploaded={artifacts.reload} />
        </Card>
        <Card title={t('campaign.plan')}>
          <form class="form" onSubmit={(e) => e.preventDefault()}>
            <label>{t('campaign.name')}<input data-testid="campaign-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
            <label>{t('campaign.targetModels')}<input value={models} placeholder={t('campaign.listHint')} onInput={(e) => setModels((e.target as HTMLInputElement).value)} /></label>
            <label>{t('campaign.targetRegions')}<input value={regions} placeholder={t('campaign.listHint')} onInput={(e) => setRegions((e.target as HTMLInputElement).value)} /></label>
            <label>{t('campaign.targetFleets')}<input value={fleets} placeholder={t('campaign.listHint')} onInput={(e) => setFleets((e.target as HTMLInputElement).value)} /></label>
            <label>{t('campaign.targetVersions')}<input value={currentVersions} placeholder={t('campaign.listHint')} onInput={(e) => setCurrentVersions((e.target as HTMLInputElement).value)} /></label>
            <label>{t('campaign.waves')}<input data-testid="campaign-waves" value={waves} onInput={(e) => setWaves((e.target as HTMLInputElement).value)} /></label>
            {!parsed.ok && <p class="error">{t('campaign.badWave', { position: parsed.position })}</p>}
            <label>{t('campaign.successThreshold')}<input type="number" min="0" max="1" step="0.01" value={success} onInput={(e) => setSuccess(Number((e.target as HTMLInputElement).value))} /></label>
            <label>{t('campaign.errorThreshold')}<input type="number" min="0" max="1" step="0.01" value={errorMax} onInput={(e) => setErrorMax(Number((e.target as HTMLInputElement).value))} /></label>
            <label class="check"><input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance((e.target as HTMLInputElement).checked)} />{t('campaign.autoAdvance')}</label>
            <label class="check"><input type="checkbox" checked={optIn} onChange={(e) => setOptIn((e.target as HTMLInputElement).checked)} />{t('campaign.requiresOptIn')}</label>
            <label>{t('campaign.recallDeadline')}<input type="datetime-local" value={recall} onInput={(e) => setRecall((e.target as HTMLInputElement).value)} /></label>
            <div class="buttons">
              <button type="button" data-testid="campaign-preview" disabled={busy || !valid} onClick={() => void call(async () => setPreview(await api<Preview>('/ota/campaigns/preview', { method: 'POST', body: body() })))}>{t('campaign.preview')}</button>
              <button type="button" data-testid="campaign-submit" disabled={busy || !valid || preview === undefined} onClick={() => void call(async () => {
                const c = await api<CampaignSummary>('/ota/campaigns', { method: 'POST', body: body() })
                location.hash = href({ view: 'campaigns', campaignId: c.id })
              })}>{t('campaign.submit')}</button>
            </div>
            {preview === undefined && <p class="muted small">{t('campaign.previewFirst')}</p>}
          </form>
          <ErrorBox error={error} />
        </Card>
      </div>
      {preview !== undefined && (
        <Card title={t('campaign.previewTitle')} testid="plan-preview">
          <table class="compact-table">
            <thead><tr><th>{t('campaign.waveColumn')}</th><th>{t('campaign.vehiclesColumn')}</th><th>{t('campaign.sample')}</th></tr></thead>
            <tbody>{preview.waves.map((w) => <tr key={w.wave}><td>{formatNumber(w.wave)}</td><td>{formatNumber(w.vehicleIds.length)}</td><td class="small">{w.vehicleIds.slice(0, 5).join(', ')}{w.vehicleIds.length > 5 ? ' …' : ''}</td></tr>)}</tbody>
          </table>
        </Card>
      )}
    </div>
  )
}
