import { useMemo, useState } from 'preact/hooks'
import type { AlignedData } from 'uplot'
import { api } from '../lib/api.js'
import { formatClock, formatDateTime, formatNumber, k, language, t, useLanguage, type MessageKey } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { Card, ErrorBox, Loading, SEVERITIES, SeverityBadge, severityLabel, stateLabel, useAsync, useDebounced, useNow } from './common.js'
import { useLiveTopic } from './live-context.js'
import { Chart } from './chart.js'
import { WorkOrdersPanel } from './service.js'
import { reasonIn, ruleNameIn, type ReasonMessage } from '@fleetwire/i18n/reasons'

/** The rule's name and the reason in the UI's language (live events carry the message, not a translation). */
const ruleLabel = (a: AlertItem) => ruleNameIn(language.get(), a.ruleId, a.evidence.message?.values.rule ?? a.ruleId)
const reasonText = (a: AlertItem) => reasonIn(language.get(), a.ruleId, a.evidence)

export interface AlertItem {
  id: string, vehicleId: string, region: string, fleet: string, ruleId: string, severity: string, state: string
  raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, resolvedAt: string | null, reason: string
  evidence: { reason: string, message?: ReasonMessage, threshold: number, observed: number, prediction?: { limit: number, expectedAtMs: number, daysToLimit: number, slopePerDay: number, r2: number }, dtc?: { code: string, status: number, freezeFrame: Array<{ signalId: number, value: number }> } }
}
interface AlertDetail {
  alert: AlertItem
  history: Array<{ at: string, kind: string, by: string | null, note: string | null }>
  signalWindow: { resolution: string, points: Array<{ tsMs: number, value?: number, min?: number, max?: number, avg?: number }> } | null
}

const TRANSITION: Readonly<Record<string, MessageKey>> = {
  opened: k('alerts.event.opened'), acknowledged: k('alerts.event.acknowledged'), 'auto-resolved': k('alerts.event.autoResolved'),
  resolved: k('alerts.event.resolved'), reopened: k('alerts.event.reopened'), 'resolution-confirmed': k('alerts.event.resolutionConfirmed'), note: k('alerts.event.note'),
}
const transitionLabel = (kind: string): string => (TRANSITION[kind] === undefined ? kind : t(TRANSITION[kind]))

type StateFilter = 'active' | 'open' | 'acknowledged' | 'resolved'
type SortKey = 'severity' | 'newest' | 'oldest' | 'vehicle'
const SEVERITY_RANK: Readonly<Record<string, number>> = { critical: 0, major: 1, minor: 2, warning: 3 }

async function loadQueue (state: StateFilter, severity: string): Promise<AlertItem[]> {
  const q = (s: string) => api<{ items: AlertItem[] }>(`/alerts?state=${s}&limit=500${severity === '' ? '' : `&severity=${severity}`}`).then((r) => r.items)
  return state === 'active' ? (await Promise.all([q('open'), q('acknowledged')])).flat() : q(state)
}

export function sortAlerts (items: readonly AlertItem[], by: SortKey): AlertItem[] {
  const time = (a: AlertItem) => Date.parse(a.raisedAt)
  const cmp: Record<SortKey, (a: AlertItem, b: AlertItem) => number> = {
    severity: (a, b) => (a.state === 'open' ? 0 : 1) - (b.state === 'open' ? 0 : 1) || (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || time(b) - time(a),
    newest: (a, b) => time(b) - time(a),
    oldest: (a, b) => time(a) - time(b),
    vehicle: (a, b) => a.vehicleId.localeCompare(b.vehicleId) || time(b) - time(a),
  }
  return [...items].sort(cmp[by])
}

/** Each rule's precision as confirmed by engineers' verdicts (GET /kpis/rules); empty for callers who may not read it. */
type RulePrecision = ReadonlyMap<string, { precision: number | null, verdicts: number }>
async function loadRulePrecision (): Promise<RulePrecision> {
  const r = await api<{ rules: Array<{ ruleId: string, confirmed: number, falseAlarm: number, confirmedPrecision: number | null }> }>('/kpis/rules').catch(() => ({ rules: [] }))
  return new Map(r.rules.map((x) => [x.ruleId, { precision: x.confirmedPrecision, verdicts: x.confirmed + x.falseAlarm }]))
}

type Outcome = 'confirmed' | 'false-alarm' | 'not-verified'
const OUTCOMES: ReadonlyArray<readonly [Outcome, MessageKey]> = [
  ['confirmed', k('alerts.verdict.confirmed')],
  ['false-alarm', k('alerts.verdict.falseAlarm')],
  ['not-verified', k('alerts.verdict.notVerified')],
]

function AlertRow ({ a, now, onChanged, precision }: { a: AlertItem, now: number, onChanged: () => void, precision: { precision: number | null, verdicts: number } | undefined }) {
  const [note, setNote] = useState('')
  const [verdict, setVerdict] = useState<Outcome | ''>('')
  const [part, setPart] = useState('')
  const [error, setError] = useState<unknown>(undefined)
  const act = (action: 'acknowledge' | 'resolve') => {
    setError(undefined)
    // A verdict goes with the resolution only: it feeds the rule's confirmed precision.
    const judged = action === 'resolve' && verdict !== '' ? { verdict: { outcome: verdict, ...(part.trim() === '' ? {} : { part: part.trim() }) } } : {}
    api(`/alerts/${a.id}/${action}`, { method: 'POST', body: { ...(note.trim() === '' ? {} : { note: note.trim() }), ...judged } })
      .then(() => { setNote(''); setVerdict(''); setPart(''); onChanged() }, setError)
  }
  const resolvable = note.trim() !== '' && (verdict !== 'confirmed' || part.trim() !== '')
  const tta = a.acknowledgedAt === null ? now - Date.parse(a.raisedAt) : Date.parse(a.acknowledgedAt) - Date.parse(a.raisedAt)
  return (
    <tr data-testid="alert-row" data-alert-id={a.id} data-state={a.state} data-rule={a.ruleId} data-vehicle={a.vehicleId}>
      <td><SeverityBadge severity={a.severity} /></td>
      <td><a href={href({ view: 'alerts', alertId: a.id })} title={a.ruleId}>{ruleLabel(a)}</a><div class="muted small">{reasonText(a)}</div>
        {precision?.precision != null && <div class="muted small" data-testid="rule-precision">{t('alerts.confirmedPrecision', { pct: formatNumber(Math.round(precision.precision * 100)), count: precision.verdicts })}</div>}</td>
      <td><a href={href({ view: 'vehicle', vehicleId: a.vehicleId })}>{a.vehicleId}</a><div class="muted small">{a.region} · {a.fleet}</div></td>
      <td>{formatDateTime(a.raisedAt)}</td>
      <td data-testid="alert-state">{stateLabel(a.state)}</td>
      <td class={`clock ${a.acknowledgedAt === null && a.state === 'open' ? 'ticking' : ''}`} title={t('alerts.timeToAck')}>{a.state === 'resolved' && a.acknowledgedAt === null ? '—' : formatClock(tta)}</td>
      <td><div class="actions">
        {a.state !== 'resolved' && (
          <>
            <input data-testid="alert-note" placeholder={t('alerts.notePlaceholder')} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
            {a.state === 'open' && <button type="button" data-testid="alert-ack" onClick={() => act('acknowledge')}>{t('alerts.acknowledge')}</button>}
            <select data-testid="alert-verdict" aria-label={t('alerts.verdict')} value={verdict} onChange={(e) => setVerdict((e.target as HTMLSelectElement).value as Outcome | '')}>
              <option value="">{t('alerts.verdict.none')}</option>
              {OUTCOMES.map(([o, key]) => <option key={o} value={o}>{t(key)}</option>)}
            </select>
            {verdict === 'confirmed' && <input data-testid="alert-part" placeholder={t('alerts.verdict.part')} value={part} onInput={(e) => setPart((e.target as HTMLInputElement).value)} />}
            <button type="button" data-testid="alert-resolve" disabled={!resolvable} title={t('alerts.resolveNeedsNote')} onClick={() => act('resolve')}>{t('alerts.resolve')}</button>
          </>
        )}
        <ErrorBox error={error} />
      </div></td>
    </tr>
  )
}

function Evidence ({ id }: { id: string }) {
  const d = useAsync(() => api<AlertDetail>(`/alerts/${id}`), [id])
  const a = d.data?.alert
  // Times of the fault in the vehicle's own zone (named), as its driver saw them.
  const zone = useAsync(() => (a === undefined ? Promise.resolve(undefined) : api<{ timeZone?: string }>(`/vehicles/${a.vehicleId}`).then((v) => v.timeZone, () => undefined)), [a?.vehicleId]).data
  const chart = useMemo<AlignedData | undefined>(() => {
    const pts = d.data?.signalWindow?.points ?? []
    if (pts.length === 0) return undefined
    return [pts.map((p) => p.tsMs / 1000), pts.map((p) => p.avg ?? p.value ?? null), pts.map((p) => p.min ?? null), pts.map((p) => p.max ?? null)] as AlignedData
  }, [d.data])
  return (
    <Card title={t('alerts.evidence')} testid="alert-evidence">
      <ErrorBox error={d.error} />
      <Loading when={d.loading} />
      {a !== undefined && (
        <div>
          <p><SeverityBadge severity={a.severity} /> <strong title={a.ruleId}>{ruleLabel(a)}</strong> · <a href={href({ view: 'vehicle', vehicleId: a.vehicleId })}>{a.vehicleId}</a></p>
          <p>{reasonText(a)}</p>
          <dl class="kv">
            <dt>{t('alerts.observed')}</dt><dd>{formatNumber(a.evidence.observed, 2)}</dd>
            <dt>{t('alerts.threshold')}</dt><dd>{formatNumber(a.evidence.threshold, 2)}</dd>
            <dt>{t('alerts.raisedAt')}</dt><dd data-testid="alert-raised-local">{formatDateTime(a.raisedAt, zone)}</dd>
            {a.evidence.prediction !== undefined && (
              <>
                <dt>{t('alerts.prediction')}</dt>
                <dd>{t('alerts.predictionText', { days: formatNumber(a.evidence.prediction.daysToLimit, 1), limit: formatNumber(a.evidence.prediction.limit, 2), at: formatDateTime(a.evidence.prediction.expectedAtMs), r2: formatNumber(a.evidence.prediction.r2, 2) })}</dd>
              </>
            )}
            {a.evidence.dtc !== undefined && (
              <>
                <dt>{t('alerts.freezeFrame')}</dt>
                <dd>{a.evidence.dtc.code} · {a.evidence.dtc.freezeFrame.map((f) => `#${f.signalId}=${formatNumber(f.value, 2)}`).join(', ')}</dd>
              </>
            )}
          </dl>
          {chart === undefined
            ? <p class="muted">{t('alerts.noSignalWindow')}</p>
            : <Chart data={chart} unit="" testid="evidence-chart" marker={Date.parse(a.raisedAt) / 1000} series={[{ label: t('chart.avg'), color: '#0969da' }, { label: t('chart.min'), color: '#8c959f' }, { label: t('chart.max'), color: '#8c959f' }]} />}
          <h3>{t('alerts.history')}</h3>
          <ul class="history">
            {(d.data?.history ?? []).map((h, i) => <li key={i}>{formatDateTime(h.at, zone)} · {transitionLabel(h.kind)}{h.by === null ? '' : ` · ${h.by}`}{h.note === null ? '' : ` — ${h.note}`}</li>)}
          </ul>
          <WorkOrdersPanel alertId={a.id} />
        </div>
      )}
    </Card>
  )
}

export function AlertsView ({ alertId }: { alertId?: string | undefined }) {
  useLanguage()
  const now = useNow(1000)
  const [state, setState] = useState<StateFilter>('active')
  const [severity, setSeverity] = useState('')
  const [vehicle, setVehicle] = useState('')
  const [sort, setSort] = useState<SortKey>('severity')
  const queue = useAsync(() => loadQueue(state, severity), [state, severity])
  const precision = useAsync(loadRulePrecision, [])
  const [gaps, setGaps] = useState(0)
  const refetch = useDebounced(queue.reload, 300)
  useLiveTopic('alerts', (m) => {
    if (m.type === 'gap') setGaps((g) => g + m.dropped)
    refetch()
  })
  const items = sortAlerts((queue.data ?? []).filter((a) => vehicle === '' || a.vehicleId.includes(vehicle.trim().toUpperCase())), sort)
  return (
    <div class="view split" data-testid="view-alerts">
      <div>
        <h1>{t('alerts.title')}</h1>
        <div class="filters">
          <label>{t('filter.state')}
            <select data-testid="filter-state" value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value as StateFilter)}>
              <option value="active">{t('alerts.active')}</option>
              <option value="open">{stateLabel('open')}</option>
              <option value="acknowledged">{stateLabel('acknowledged')}</option>
              <option value="resolved">{stateLabel('resolved')}</option>
            </select>
          </label>
          <label>{t('filter.severity')}
            <select data-testid="filter-severity" value={severity} onChange={(e) => setSeverity((e.target as HTMLSelectElement).value)}>
              <option value="">{t('filter.all')}</option>
              {SEVERITIES.map((s) => <option key={s} value={s}>{severityLabel(s)}</option>)}
            </select>
          </label>
          <label>{t('filter.vehicle')}<input data-testid="filter-vehicle" value={vehicle} onInput={(e) => setVehicle((e.target as HTMLInputElement).value)} /></label>
          <label>{t('filter.sort')}
            <select data-testid="sort" value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortKey)}>
              <option value="severity">{t('sort.severity')}</option>
              <option value="newest">{t('sort.newest')}</option>
              <option value="oldest">{t('sort.oldest')}</option>
              <option value="vehicle">{t('sort.vehicle')}</option>
            </select>
          </label>
          <Loading when={queue.loading} />
        </div>
        {gaps > 0 && <p class="notice">{t('live.gap', { count: gaps })}</p>}
        <ErrorBox error={queue.error} />
        <table data-testid="alert-queue">
          <thead><tr><th>{t('alerts.severity')}</th><th>{t('alerts.rule')}</th><th>{t('vehicle.vin')}</th><th>{t('alerts.raisedAt')}</th><th>{t('alerts.state')}</th><th>{t('alerts.timeToAck')}</th><th /></tr></thead>
          <tbody>{items.map((a) => <AlertRow key={a.id} a={a} now={now} onChanged={queue.reload} precision={precision.data?.get(a.ruleId)} />)}</tbody>
        </table>
        {items.length === 0 && !queue.loading && <p class="muted" data-testid="alerts-empty">{t('alerts.empty')}</p>}
      </div>
      {alertId !== undefined && <Evidence id={alertId} />}
    </div>
  )
}
