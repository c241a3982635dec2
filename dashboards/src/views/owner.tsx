import { useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { formatNumber, k, t, useLanguage, type MessageKey } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { session } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { Card, ErrorBox, Loading, StackedBar, stateLabel, useAsync } from './common.js'
import { orderedParts, type CampaignSummary } from './campaign-types.js'

interface OwnerCampaign extends CampaignSummary {
  myVehicles: number
  consent: Array<{ vehicleId: string, fleet: string, decision: 'opted_in' | 'opted_out' | 'pending' }>
}
interface VehicleRow { id: string, model: string, region: string, fleet: string, online: boolean, powerState: string }

const DECISION: Readonly<Record<OwnerCampaign['consent'][number]['decision'], MessageKey>> = { opted_in: k('owner.optedIn'), opted_out: k('owner.optedOut'), pending: k('owner.pending') }

function ConsentControls ({ c, onChanged }: { c: OwnerCampaign, onChanged: () => void }) {
  const [error, setError] = useState<unknown>(undefined)
  const fleets = [...new Set(c.consent.map((x) => x.fleet))].sort()
  const decide = (decision: 'opted_in' | 'opted_out', target: { fleet?: string, vehicleIds?: string[] }) => {
    setError(undefined)
    api(`/owner/campaigns/${c.id}/consent`, { method: 'PUT', body: { decision, ...target } }).then(onChanged, setError)
  }
  return (
    <div>
      {fleets.map((f) => (
        <div key={f} class="buttons" data-testid="consent-fleet" data-fleet={f}>
          <strong>{t('owner.fleet', { fleet: f })}</strong>
          <button type="button" data-testid="opt-in" onClick={() => decide('opted_in', { fleet: f })}>{t('owner.optInFleet')}</button>
          <button type="button" data-testid="opt-out" onClick={() => decide('opted_out', { fleet: f })}>{t('owner.optOutFleet')}</button>
        </div>
      ))}
      <table class="compact-table">
        <thead><tr><th>{t('vehicle.vin')}</th><th>{t('vehicle.fleet')}</th><th>{t('owner.decision')}</th><th /></tr></thead>
        <tbody>
          {c.consent.map((x) => (
            <tr key={x.vehicleId} data-testid="consent-row" data-vehicle={x.vehicleId} data-decision={x.decision}>
              <td><a href={href({ view: 'vehicle', vehicleId: x.vehicleId })}>{x.vehicleId}</a></td>
              <td>{x.fleet}</td>
              <td>{t(DECISION[x.decision])}</td>
              <td>
                <button type="button" class="link" onClick={() => decide(x.decision === 'opted_in' ? 'opted_out' : 'opted_in', { vehicleIds: [x.vehicleId] })}>
                  {x.decision === 'opted_in' ? t('owner.optOut') : t('owner.optIn')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBox error={error} />
    </div>
  )
}

/** A fleet owner's page: their vehicles (the gateway scopes the list), the campaigns that touch them, opt in / out. */
export function OwnerView () {
  useLanguage()
  // Consent is a fleet owner's decision (/owner/campaigns answers 403 to anyone else): staff get a pointer instead.
  const owner = useStore(session)?.user.role === 'fleet_owner'
  const vehicles = useAsync(() => api<{ total: number, items: VehicleRow[] }>('/vehicles?limit=1000'), [])
  const campaigns = useAsync(() => (owner ? api<{ items: OwnerCampaign[] }>('/owner/campaigns') : Promise.resolve(undefined)), [owner])
  return (
    <div class="view" data-testid="view-owner">
      <h1>{t('owner.title')}</h1>
      {!owner && <p class="notice" data-testid="owner-staff-hint">{t('owner.staffHint')} <a href={href({ view: 'campaigns' })}>{t('nav.campaigns')}</a></p>}
      {owner && <Card title={t('owner.campaigns')} testid="owner-campaigns">
        <ErrorBox error={campaigns.error} />
        <Loading when={campaigns.loading} />
        {(campaigns.data?.items ?? []).map((c) => (
          <div key={c.id} class="owner-campaign" data-testid="owner-campaign" data-campaign-id={c.id}>
            <h3>{c.name} · {stateLabel(c.state)} · {t('owner.myVehicles', { count: c.myVehicles })}{c.recall ? ` · ${t('campaign.recall')}` : ''}</h3>
            <StackedBar parts={orderedParts(c.counts)} total={c.vehicles} />
            {c.requiresOptIn ? <ConsentControls c={c} onChanged={campaigns.reload} /> : <p class="muted">{t('owner.noConsentNeeded')}</p>}
          </div>
        ))}
        {campaigns.data !== undefined && campaigns.data.items.length === 0 && <p class="muted">{t('owner.noCampaigns')}</p>}
      </Card>}
      <Card title={t('owner.vehicles', { count: formatNumber(vehicles.data?.total ?? 0) })} testid="owner-vehicles">
        <ErrorBox error={vehicles.error} />
        <table>
          <thead><tr><th>{t('vehicle.vin')}</th><th>{t('vehicle.model')}</th><th>{t('vehicle.region')}</th><th>{t('vehicle.fleet')}</th><th>{t('vehicle.state')}</th></tr></thead>
          <tbody>
            {(vehicles.data?.items ?? []).map((v) => {
              const p = v.online ? 'online' : v.powerState === 'asleep' ? 'asleep' : 'offline'
              return <tr key={v.id} data-testid="owner-vehicle" data-vehicle={v.id}><td><a href={href({ view: 'vehicle', vehicleId: v.id })}>{v.id}</a></td><td>{v.model}</td><td>{v.region}</td><td>{v.fleet}</td><td><span class={`dot p-${p}`} />{stateLabel(p)}</td></tr>
            })}
          </tbody>
        </table>
      </Card>
    </div>
  )
}
