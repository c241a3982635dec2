import { useMemo, useState } from 'preact/hooks'
import type { AlignedData } from 'uplot'
import { api, isMissingApi } from '../lib/api.js'
import { formatDateTime, t, useLanguage } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { toDisplay } from '../lib/units.core.js'
import { units } from '../lib/prefs.js'
import { useStore } from '../lib/store.js'
import { Card, ErrorBox, Loading, SeverityBadge, stateLabel, useAsync } from './common.js'
import { formatAgoCell } from './common-vehicle.js'
import { Chart } from './chart.js'
import { signalLabel } from '../i18n/signals.js'
import { LiveSignals, type SignalInfo } from './vehicle-live.js'
import { Diagnostics } from './vehicle-diagnostics.js'
import type { AlertItem } from './alerts.js'
import { WorkOrdersPanel } from './service.js'

interface PolicyValue<T> { value: T, from: string }
interface Vehicle {
  id: string, model: string, region: string, fleet: string, timeZone: string, createdAt: string, revoked: boolean, country: string | null
  dataPolicy?: { telemetryDays: PolicyValue<number>, positionDays: PolicyValue<number>, auditDays: PolicyValue<number>, positionDecimals: PolicyValue<number | null>, export: PolicyValue<boolean>, residency: PolicyValue<string> }
  online: boolean, powerState: string, ignitionOn: boolean | null, lastSeenAt: string | null
  ecus: Array<{ ecuId: string, hardwareId: string, softwareVersion: string }>
}
/** The data rules in effect for the vehicle (its country's, else its region's), each with where it came from. */
function DataPolicyCard ({ p }: { p: NonNullable<Vehicle['dataPolicy']> }) {
  const row = (label: string, value: string, from: string) => <><dt>{label}</dt><dd>{value} <span class="muted">· {t('policy.from', { source: from })}</span></dd></>
  return (
    <Card title={t('vehicle.dataPolicy')} testid="data-policy">
      <dl class="kv">
        {row(t('policy.telemetry'), t('policy.days', { count: p.telemetryDays.value }), p.telemetryDays.from)}
        {row(t('policy.positions'), t('policy.days', { count: p.positionDays.value }), p.positionDays.from)}
        {row(t('policy.audit'), t('policy.days', { count: p.auditDays.value }), p.auditDays.from)}
        {row(t('policy.precision'), p.positionDecimals.value === null ? t('policy.asStored') : t('policy.decimals', { count: p.positionDecimals.value }), p.positionDecimals.from)}
        {row(t('policy.export'), p.export.value ? t('policy.allowed') : t('policy.refused'), p.export.from)}
        {row(t('policy.residency'), p.residency.value === 'cell' ? t('policy.residencyCell') : t('policy.residencyAny'), p.residency.from)}
      </dl>
    </Card>
  )
}

interface Software { ecus: Array<{ ecu: string, hardwareId: string, version: string }> }
interface Update { campaignId: string, ecu: string, fromVersion: string, toVersion: string, state: string, updatedAt: string }
interface Dtc { code: string, ecuId: string, phase: string, status: number, firstSeen: string, lastChange: string }
interface History { signal: string, unit: string, resolution: 'raw' | 'bucket', bucketSeconds?: number, points: Array<{ ts: string, value?: number, min?: number, max?: number, avg?: number }> }

const RANGES: ReadonlyArray<[string, number]> = [['1h', 3600], ['6h', 6 * 3600], ['24h', 86_400], ['7d', 7 * 86_400], ['30d', 30 * 86_400]]

function HistoryChart ({ vehicleId, signals }: { vehicleId: string, signals: readonly SignalInfo[] }) {
  const u = useStore(units)
  const [signal, setSignal] = useState<string>('')
  const [range, setRange] = useState(3600)
  const chosen = signal === '' ? signals[0]?.name ?? '' : signal
  const h = useAsync(async () => {
    if (chosen === '') return undefined
    const to = new Date()
    const from = new Date(to.getTime() - range * 1000)
    return api<History>(`/vehicles/${vehicleId}/signals/${encodeURIComponent(chosen)}/history?from=${from.toISOString()}&to=${to.toISOString()}`)
  }, [vehicleId, chosen, range])
  const data = useMemo<AlignedData | undefined>(() => {
    const pts = h.data?.points ?? []
    if (pts.length === 0 || h.data === undefined) return undefined
    const conv = (v: number | undefined) => (v === undefined ? null : toDisplay(v, h.data?.unit ?? '', u).value)
    return h.data.resolution === 'raw'
      ? [pts.map((p) => Date.parse(p.ts) / 1000), pts.map((p) => conv(p.value))] as AlignedData
      : [pts.map((p) => Date.parse(p.ts) / 1000), pts.map((p) => conv(p.avg)), pts.map((p) => conv(p.min)), pts.map((p) => conv(p.max))] as AlignedData
  }, [h.data, u])
  const unit = h.data === undefined ? '' : toDisplay(0, h.data.unit, u).unit
  return (
    <Card title={t('vehicle.history')} testid="history">
      <div class="filters">
        <label>{t('vehicle.signal')}
          <select data-testid="history-signal" value={chosen} onChange={(e) => setSignal((e.target as HTMLSelectElement).value)}>
            {signals.map((s) => <option key={s.signalId} value={s.name}>{signalLabel(s.name)}</option>)}
          </select>
        </label>
        <label>{t('vehicle.range')}
          <select data-testid="history-range" value={String(range)} onChange={(e) => setRange(Number((e.target as HTMLSelectElement).value))}>
            {RANGES.map(([label, s]) => <option key={s} value={String(s)}>{t('vehicle.lastRange', { range: label })}</option>)}
          </select>
        </label>
        <Loading when={h.loading} />
        {h.data !== undefined && <span class="muted">{h.data.resolution === 'raw' ? t('vehicle.resolutionRaw') : t('vehicle.resolutionBucket', { seconds: h.data.bucketSeconds ?? 0 })}</span>}
      </div>
      <ErrorBox error={h.error} />
      {h.data?.resolution === 'bucket'
        ? <Chart data={data ?? [[], [], [], []]} unit={unit} testid="history-chart" series={[{ label: t('chart.avg'), color: '#0969da' }, { label: t('chart.min'), color: '#8c959f' }, { label: t('chart.max'), color: '#8c959f' }]} />
        : <Chart data={data ?? [[], []]} unit={unit} testid="history-chart" series={[{ label: signalLabel(chosen), color: '#0969da' }]} />}
    </Card>
  )
}

export function VehicleView ({ vehicleId }: { vehicleId: string }) {
  useLanguage()
  const v = useAsync(() => api<Vehicle>(`/vehicles/${vehicleId}`), [vehicleId])
  const latest = useAsync(() => api<SignalInfo[]>(`/vehicles/${vehicleId}/signals/latest`), [vehicleId])
  const software = useAsync(() => api<Software>(`/vehicles/${vehicleId}/software`).catch((e: unknown) => (isMissingApi(e) ? undefined : Promise.reject(e))), [vehicleId])
  const updates = useAsync(() => api<{ items: Update[] }>(`/vehicles/${vehicleId}/updates`), [vehicleId])
  const dtcs = useAsync(() => api<Dtc[]>(`/vehicles/${vehicleId}/dtcs`), [vehicleId])
  const alerts = useAsync(() => api<{ items: AlertItem[] }>(`/alerts?vehicle=${vehicleId}&limit=50`), [vehicleId])
  const d = v.data
  const ecus = software.data?.ecus ?? d?.ecus.map((e) => ({ ecu: e.ecuId, hardwareId: e.hardwareId, version: e.softwareVersion })) ?? []
  const presence = d === undefined ? undefined : d.online ? 'online' : d.powerState === 'asleep' ? 'asleep' : 'offline'
  return (
    <div class="view" data-testid="view-vehicle">
      <h1>{t('vehicle.title', { vin: vehicleId })}</h1>
      <ErrorBox error={v.error} />
      {d !== undefined && (
        <div class="grid2">
          <Card title={t('vehicle.identity')} testid="identity">
            <dl class="kv">
              <dt>{t('vehicle.vin')}</dt><dd>{d.id}</dd>
              <dt>{t('vehicle.model')}</dt><dd>{d.model}</dd>
              <dt>{t('vehicle.region')}</dt><dd>{d.region}</dd>
              <dt>{t('vehicle.country')}</dt><dd>{d.country ?? '—'}</dd>
              <dt>{t('vehicle.fleet')}</dt><dd>{d.fleet}</dd>
              <dt>{t('vehicle.timeZone')}</dt><dd>{d.timeZone}</dd>
              <dt>{t('vehicle.registered')}</dt><dd>{formatDateTime(d.createdAt)}</dd>
              <dt>{t('vehicle.state')}</dt><dd data-testid="presence"><span class={`dot p-${presence}`} />{stateLabel(presence ?? 'offline')}{d.revoked ? ` · ${t('vehicle.revoked')}` : ''}</dd>
              <dt>{t('vehicle.lastSeen')}</dt><dd>{formatAgoCell(d.lastSeenAt)}</dd>
            </dl>
          </Card>
          {d.dataPolicy !== undefined && <DataPolicyCard p={d.dataPolicy} />}
          <Card title={t('vehicle.software')} testid="software">
            <table class="compact-table">
              <thead><tr><th>{t('vehicle.ecu')}</th><th>{t('vehicle.hardwareId')}</th><th>{t('vehicle.version')}</th></tr></thead>
              <tbody>{ecus.map((e) => <tr key={e.ecu}><td>{e.ecu}</td><td>{e.hardwareId}</td><td>{e.version}</td></tr>)}</tbody>
            </table>
          </Card>
        </div>
      )}
      <Card title={t('vehicle.live')} testid="live-signals">
        <ErrorBox error={latest.error} />
        <LiveSignals vehicleId={vehicleId} initial={latest.data ?? []} />
      </Card>
      <HistoryChart vehicleId={vehicleId} signals={latest.data ?? []} />
      <div class="grid2">
        <Card title={t('vehicle.dtcs')} testid="dtcs">
          <ErrorBox error={dtcs.error} />
          <table class="compact-table">
            <thead><tr><th>{t('vehicle.dtcCode')}</th><th>{t('vehicle.ecu')}</th><th>{t('vehicle.dtcPhase')}</th><th>{t('vehicle.firstSeen')}</th><th>{t('vehicle.lastChange')}</th></tr></thead>
            <tbody>{(dtcs.data ?? []).map((x) => <tr key={`${x.ecuId}/${x.code}`}><td>{x.code}</td><td>{x.ecuId}</td><td><span class={`badge ph-${x.phase}`}>{stateLabel(x.phase)}</span></td><td>{formatDateTime(x.firstSeen, d?.timeZone)}</td><td>{formatDateTime(x.lastChange, d?.timeZone)}</td></tr>)}</tbody>
          </table>
          {(dtcs.data ?? []).length === 0 && !dtcs.loading && <p class="muted">{t('vehicle.noDtcs')}</p>}
        </Card>
        <Diagnostics vehicleId={vehicleId} onDone={dtcs.reload} />
      </div>
      <div class="grid2">
        <Card title={t('vehicle.alertHistory')} testid="vehicle-alerts">
          <ErrorBox error={alerts.error} />
          <ul class="history">
            {(alerts.data?.items ?? []).map((a) => <li key={a.id}><SeverityBadge severity={a.severity} /> <a href={href({ view: 'alerts', alertId: a.id })}>{a.ruleId}</a> · {stateLabel(a.state)} · {formatDateTime(a.raisedAt, d?.timeZone)}</li>)}
          </ul>
          {(alerts.data?.items ?? []).length === 0 && !alerts.loading && <p class="muted">{t('vehicle.noAlerts')}</p>}
        </Card>
        <Card title={t('vehicle.updateHistory')} testid="vehicle-updates">
          <ErrorBox error={updates.error} />
          <ul class="history">
            {(updates.data?.items ?? []).map((x, i) => <li key={i}><a href={href({ view: 'campaigns', campaignId: x.campaignId })}>{x.ecu}</a> {x.fromVersion} → {x.toVersion} · {stateLabel(x.state)} · {formatDateTime(x.updatedAt)}</li>)}
          </ul>
          {updates.data !== undefined && updates.data.items.length === 0 && <p class="muted">{t('vehicle.noUpdates')}</p>}
        </Card>
      </div>
      <WorkOrdersPanel vehicleId={vehicleId} />
    </div>
  )
}
