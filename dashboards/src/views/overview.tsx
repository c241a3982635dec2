import { useEffect, useMemo, useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { formatNumber, t, useLanguage } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { Card, ErrorBox, Loading, SEVERITIES, SeverityBadge, stateLabel, useAsync } from './common.js'
import { useLiveTopic } from './live-context.js'
import { FleetMap, type MapVehicle } from './fleet-map.js'

export interface FleetSummary { vehicles: number, online: number, asleep: number, offline: number, openAlerts: Record<string, number> }
interface Position { id: string, model: string, region: string, fleet: string, presence: 'online' | 'asleep' | 'offline', lat: number | null, lon: number | null }

const POSITIONS_EVERY_MS = 15_000
const LIST_LIMIT = 200

function Select ({ label, value, options, onChange, testid }: { label: string, value: string, options: readonly string[], onChange: (v: string) => void, testid: string }) {
  return (
    <label>{label}
      <select data-testid={testid} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{t('filter.all')}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  )
}

/** Every page of /fleet/positions (the route answers at most 5,000 vehicles a request). */
async function allPositions (): Promise<{ items: Position[] }> {
  const items: Position[] = []
  let after: string | null = null
  do {
    const page: { items: Position[], nextAfter: string | null } = await api(`/fleet/positions?limit=5000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`)
    items.push(...page.items)
    after = page.nextAfter
  } while (after !== null)
  return { items }
}

const distinct = (xs: readonly Position[], f: (p: Position) => string) => [...new Set(xs.map(f))].sort()

export function OverviewView () {
  useLanguage()
  const summary = useAsync(() => api<FleetSummary>('/fleet/summary'), [])
  const [live, setLive] = useState<FleetSummary | undefined>(undefined)
  const [tick, setTick] = useState(0)
  const positions = useAsync(allPositions, [tick])
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), POSITIONS_EVERY_MS)
    return () => clearInterval(id)
  }, [])
  useLiveTopic('fleet/summary', (m) => { if (m.type === 'event') setLive(m.payload as FleetSummary) })

  const [region, setRegion] = useState('')
  const [model, setModel] = useState('')
  const [fleet, setFleet] = useState('')
  const all = positions.data?.items ?? []
  const filtered = useMemo(() => all.filter((p) => (region === '' || p.region === region) && (model === '' || p.model === model) && (fleet === '' || p.fleet === fleet)), [all, region, model, fleet])
  const onMap: MapVehicle[] = useMemo(() => filtered.flatMap((p) => (p.lat === null || p.lon === null ? [] : [{ id: p.id, lat: p.lat, lon: p.lon, presence: p.presence }])), [filtered])
  const filtering = region !== '' || model !== '' || fleet !== ''
  // Without a filter the counts are the server's (live); with one they are counted from the filtered list.
  const counts: Omit<FleetSummary, 'openAlerts'> = filtering
    ? { vehicles: filtered.length, online: filtered.filter((p) => p.presence === 'online').length, asleep: filtered.filter((p) => p.presence === 'asleep').length, offline: filtered.filter((p) => p.presence === 'offline').length }
    : live ?? summary.data ?? { vehicles: 0, online: 0, asleep: 0, offline: 0 }
  const openAlerts = (live ?? summary.data)?.openAlerts ?? {}

  return (
    <div class="view" data-testid="view-overview">
      <h1>{t('overview.title')}</h1>
      <ErrorBox error={summary.error ?? positions.error} />
      <div class="cards">
        <div class="stat" data-testid="count-online"><span class="n">{formatNumber(counts.online)}</span><span>{stateLabel('online')}</span></div>
        <div class="stat" data-testid="count-asleep"><span class="n">{formatNumber(counts.asleep)}</span><span>{stateLabel('asleep')}</span></div>
        <div class="stat" data-testid="count-offline"><span class="n">{formatNumber(counts.offline)}</span><span>{stateLabel('offline')}</span></div>
        <div class="stat" data-testid="count-total"><span class="n">{formatNumber(counts.vehicles)}</span><span>{t('overview.total')}</span></div>
        <a class="stat alerts" href={href({ view: 'alerts' })} data-testid="open-alerts">
          <span class="label">{t('overview.openAlerts')}</span>
          {SEVERITIES.map((s) => <span key={s} class="sev-count"><SeverityBadge severity={s} /> {formatNumber(openAlerts[s] ?? 0)}</span>)}
        </a>
      </div>
      <div class="filters">
        <Select label={t('filter.region')} value={region} options={distinct(all, (p) => p.region)} onChange={setRegion} testid="filter-region" />
        <Select label={t('filter.model')} value={model} options={distinct(all, (p) => p.model)} onChange={setModel} testid="filter-model" />
        <Select label={t('filter.fleet')} value={fleet} options={distinct(all, (p) => p.fleet)} onChange={setFleet} testid="filter-fleet" />
        <Loading when={positions.loading} />
      </div>
      <FleetMap vehicles={onMap} onOpen={(id) => { location.hash = href({ view: 'vehicle', vehicleId: id }) }} />
      <Card title={t('overview.vehicles', { shown: formatNumber(Math.min(LIST_LIMIT, filtered.length)), total: formatNumber(filtered.length) })} testid="vehicle-list">
        <table>
          <thead><tr><th>{t('vehicle.vin')}</th><th>{t('vehicle.model')}</th><th>{t('vehicle.region')}</th><th>{t('vehicle.fleet')}</th><th>{t('vehicle.state')}</th></tr></thead>
          <tbody>
            {filtered.slice(0, LIST_LIMIT).map((p) => (
              <tr key={p.id}>
                <td><a href={href({ view: 'vehicle', vehicleId: p.id })}>{p.id}</a></td>
                <td>{p.model}</td><td>{p.region}</td><td>{p.fleet}</td>
                <td><span class={`dot p-${p.presence}`} />{stateLabel(p.presence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  )
}
