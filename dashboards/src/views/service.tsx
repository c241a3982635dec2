import { useMemo, useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { formatDateTime, formatNumber, k, t, type MessageKey } from '../i18n/i18n.js'
import { href } from '../lib/router.core.js'
import { Card, ErrorBox, Loading, useAsync } from './common.js'
import { ForecastMap, type CountryMarker } from './forecast-map.js'

/**
 * Service network views: the work orders of a vehicle or an alert (panel on
 * their pages), a technician's centre (#/service) and, for staff, the
 * parts-demand forecast per country (a map, then a table each) with shortfalls first.
 */
export interface WorkOrderRow {
  id: string
  vehicleId: string
  centerId: string
  kind: string
  state: string
  faultFamily: string
  slotDate: string | null
  alertId: string | null
  parts: Array<{ partNumber: string, quantity: number, reserved: number, readyAt: string }>
  cause: string | null
  updatedAt: string
}

const STATE: Readonly<Record<string, MessageKey>> = {
  proposed: k('service.state.proposed'), booked: k('service.state.booked'), vehicle_arrived: k('service.state.vehicleArrived'),
  in_repair: k('service.state.inRepair'), completed: k('service.state.completed'), cancelled: k('service.state.cancelled'),
}
const NEXT: Readonly<Record<string, string | undefined>> = { booked: 'vehicle_arrived', vehicle_arrived: 'in_repair' }

function WorkOrderTable ({ rows, actions, onChanged }: { rows: WorkOrderRow[], actions: boolean, onChanged: () => void }) {
  const [error, setError] = useState<unknown>(undefined)
  const move = (id: string, body: Record<string, unknown>) => {
    setError(undefined)
    api(`/work-orders/${id}/transition`, { method: 'POST', body }).then(onChanged, setError)
  }
  if (rows.length === 0) return <p class="muted" data-testid="no-work-orders">{t('service.none')}</p>
  return (
    <div>
      <ErrorBox error={error} />
      <table class="compact-table" data-testid="work-orders">
        <thead><tr><th>{t('vehicle.vin')}</th><th>{t('service.center')}</th><th>{t('service.fault')}</th><th>{t('service.state')}</th><th>{t('service.slot')}</th><th>{t('service.parts')}</th>{actions && <th />}</tr></thead>
        <tbody>
          {rows.map((w) => {
            const next = NEXT[w.state]
            return (
              <tr key={w.id} data-testid="work-order-row" data-state={w.state} data-center={w.centerId}>
                <td><a href={href({ view: 'vehicle', vehicleId: w.vehicleId })}>{w.vehicleId}</a></td>
                <td>{w.centerId}</td>
                <td>{w.faultFamily}{w.alertId !== null && <> · <a href={href({ view: 'alerts', alertId: w.alertId })}>{t('service.alert')}</a></>}</td>
                <td>{STATE[w.state] === undefined ? w.state : t(STATE[w.state]!)}</td>
                <td>{w.slotDate ?? '—'}</td>
                <td>{w.parts.map((p) => `${formatNumber(p.quantity)} × ${p.partNumber}${p.reserved < p.quantity ? ` (${t('service.arrives', { at: formatDateTime(p.readyAt) })})` : ''}`).join(', ')}</td>
                {actions && (
                  <td class="buttons">
                    {next !== undefined && <button type="button" data-testid="wo-next" onClick={() => move(w.id, { to: next })}>{t(STATE[next]!)}</button>}
                    {w.state === 'in_repair' && (
                      <button type="button" data-testid="wo-complete" onClick={() => {
                        const cause = prompt(t('service.causePrompt'))
                        if (cause !== null && cause.trim() !== '') move(w.id, { to: 'completed', cause, partsUsed: w.parts.map((p) => ({ partNumber: p.partNumber, quantity: p.quantity })) })
                      }}>{t('service.complete')}</button>
                    )}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The work orders of one vehicle or one alert (vehicle and alert pages). */
export function WorkOrdersPanel ({ vehicleId, alertId }: { vehicleId?: string, alertId?: string }) {
  const q = vehicleId !== undefined ? `vehicle=${encodeURIComponent(vehicleId)}` : `alert=${encodeURIComponent(alertId ?? '')}`
  const a = useAsync(() => api<WorkOrderRow[]>(`/work-orders?${q}`), [q])
  return (
    <Card title={t('service.workOrders')} testid="work-orders-panel">
      <Loading when={a.loading && a.data === undefined} />
      <ErrorBox error={a.error} />
      {a.data !== undefined && <WorkOrderTable rows={a.data} actions={false} onChanged={a.reload} />}
    </Card>
  )
}

interface ForecastReport {
  rows: Array<{ partNumber: string, country: string, week: number, weekStart: string, mean: number, lo: number, hi: number }>
  stock: Array<{ partNumber: string, country: string, available: number }>
  shortfalls: Array<{ partNumber: string, country: string, week: number, orderBy: string }>
}

interface CenterPosition { country: string, lat: number, lon: number }

/** One marker per forecast country, at the mean position of its centres, with its count of parts running short. */
function countryMarkers (r: ForecastReport, centers: readonly CenterPosition[]): CountryMarker[] {
  const out: CountryMarker[] = []
  for (const country of [...new Set(r.rows.map((x) => x.country))].sort()) {
    const here = centers.filter((c) => c.country === country)
    if (here.length === 0) continue
    const shortfalls = new Set(r.shortfalls.filter((s) => s.country === country).map((s) => s.partNumber)).size
    out.push({ country, lat: here.reduce((a, c) => a + c.lat, 0) / here.length, lon: here.reduce((a, c) => a + c.lon, 0) / here.length, shortfalls })
  }
  return out
}

function ForecastTables ({ r }: { r: ForecastReport }) {
  const countries = [...new Set(r.rows.map((x) => x.country))].sort()
  const weeks = [...new Set(r.rows.map((x) => x.week))].sort((a, b) => a - b)
  return (
    <div>
      {countries.map((c) => {
        const parts = [...new Set(r.rows.filter((x) => x.country === c).map((x) => x.partNumber))]
        const short = new Map(r.shortfalls.filter((s) => s.country === c).map((s) => [s.partNumber, s]))
        // Shortfalls first, soonest order date first; then the rest by part number.
        parts.sort((a, b) => (short.has(b) ? 1 : 0) - (short.has(a) ? 1 : 0) || (short.get(a)?.orderBy ?? '').localeCompare(short.get(b)?.orderBy ?? '') || a.localeCompare(b))
        return (
          <Card key={c} title={t('service.forecastCountry', { country: c })} testid="forecast-country">
            <table class="compact-table" data-country={c}>
              <thead><tr><th>{t('service.part')}</th><th>{t('service.stock')}</th>{weeks.map((w) => <th key={w}>{t('service.week', { week: w + 1 })}</th>)}<th>{t('service.orderBy')}</th></tr></thead>
              <tbody>
                {parts.map((p) => {
                  const s = short.get(p)
                  return (
                    <tr key={p} data-testid="forecast-row" data-part={p} data-shortfall={s !== undefined ? 'yes' : 'no'} class={s !== undefined ? 'shortfall' : ''}>
                      <td>{p}</td>
                      <td>{formatNumber(r.stock.find((x) => x.country === c && x.partNumber === p)?.available ?? 0)}</td>
                      {weeks.map((w) => {
                        const x = r.rows.find((y) => y.country === c && y.partNumber === p && y.week === w)
                        return <td key={w} title={x === undefined ? '' : `${x.lo}–${x.hi}`}>{x === undefined ? '—' : `${formatNumber(x.mean, 1)} (${x.lo}–${x.hi})`}</td>
                      })}
                      <td>{s?.orderBy ?? ''}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </Card>
        )
      })}
    </div>
  )
}

/** #/service: a technician's centre (its work orders, with the workshop steps); staff also see the parts forecast. */
export function ServiceView ({ staff }: { staff: boolean }) {
  const orders = useAsync(() => api<WorkOrderRow[]>('/work-orders?limit=200'), [])
  const forecast = useAsync(() => (staff ? api<ForecastReport>('/parts/forecast?weeks=8') : Promise.resolve(undefined)), [staff])
  const centers = useAsync(() => (staff ? api<CenterPosition[]>('/service-centers') : Promise.resolve(undefined)), [staff])
  const markers = useMemo(() => (forecast.data === undefined || centers.data === undefined ? [] : countryMarkers(forecast.data, centers.data)), [forecast.data, centers.data])
  return (
    <section data-testid="service-view">
      <h1>{t('service.title')}</h1>
      <Card title={t('service.workOrders')} testid="service-work-orders">
        <Loading when={orders.loading && orders.data === undefined} />
        <ErrorBox error={orders.error} />
        {orders.data !== undefined && <WorkOrderTable rows={orders.data} actions onChanged={orders.reload} />}
      </Card>
      {staff && (
        <div data-testid="parts-forecast">
          <h2>{t('service.forecast')}</h2>
          <Loading when={forecast.loading && forecast.data === undefined} />
          <ErrorBox error={forecast.error} />
          {markers.length > 0 && <ForecastMap markers={markers} onOpen={(c) => document.querySelector(`table[data-country="${c}"]`)?.scrollIntoView({ behavior: 'smooth' })} />}
          {forecast.data !== undefined && <ForecastTables r={forecast.data} />}
        </div>
      )}
    </section>
  )
}
