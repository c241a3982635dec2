import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { AlignedData } from 'uplot'
import { t } from '../i18n/i18n.js'
import { signalLabel } from '../i18n/signals.js'
import { toDisplay } from '../lib/units.core.js'
import { units } from '../lib/prefs.js'
import { useStore } from '../lib/store.js'
import { Chart } from './chart.js'
import { Quantity, formatAgoCell } from './common-vehicle.js'
import { useLiveTopic } from './live-context.js'

export interface SignalInfo { signalId: number, name: string, unit: string, value: number, ts: string }

/** Points kept per live chart (a sliding window; older ones scroll off). */
const WINDOW = 600
const COLORS = ['#0969da', '#1a7f37', '#bf3989', '#9a6700', '#8250df', '#cf222e']

/**
 * Latest value of every signal (updated as samples arrive on the vehicle's
 * live topic) and a streaming chart per chosen signal.
 */
export function LiveSignals ({ vehicleId, initial }: { vehicleId: string, initial: readonly SignalInfo[] }) {
  const u = useStore(units)
  const [latest, setLatest] = useState<Map<number, SignalInfo>>(new Map())
  const [chosen, setChosen] = useState<number[]>([])
  const series = useRef(new Map<number, { x: number[], y: number[] }>())
  const [, setFrame] = useState(0)
  const [updates, setUpdates] = useState(0)

  useEffect(() => {
    setLatest(new Map(initial.map((s) => [s.signalId, s])))
    setChosen((c) => (c.length > 0 ? c : initial.filter((s) => [1, 10, 30].includes(s.signalId)).map((s) => s.signalId).slice(0, 3)))
  }, [initial])

  useLiveTopic(`vehicle/${vehicleId}/signals`, (m) => {
    if (m.type !== 'signals') return
    setLatest((prev) => {
      const next = new Map(prev)
      for (const v of m.values) {
        const info = prev.get(v.signalId)
        if (info !== undefined && Date.parse(info.ts) > v.tsMs) continue
        next.set(v.signalId, { signalId: v.signalId, name: info?.name ?? `#${v.signalId}`, unit: info?.unit ?? '', value: v.value, ts: new Date(v.tsMs).toISOString() })
        let s = series.current.get(v.signalId)
        if (s === undefined) series.current.set(v.signalId, s = { x: [], y: [] })
        if (s.x.length === 0 || v.tsMs / 1000 > (s.x[s.x.length - 1] as number)) {
          s.x.push(v.tsMs / 1000)
          s.y.push(v.value)
          if (s.x.length > WINDOW) { s.x.shift(); s.y.shift() }
        }
      }
      return next
    })
    setUpdates((n) => n + 1)
    setFrame((n) => n + 1)
  })

  const rows = [...latest.values()].sort((a, b) => a.signalId - b.signalId)
  return (
    <div class="live-signals">
      <table class="compact-table" data-testid="latest-values" data-updates={updates}>
        <thead><tr><th /><th>{t('vehicle.signal')}</th><th>{t('vehicle.value')}</th><th>{t('vehicle.at')}</th></tr></thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.signalId} data-signal={s.name}>
              <td><input type="checkbox" aria-label={t('vehicle.chartThis', { signal: signalLabel(s.name) })} checked={chosen.includes(s.signalId)} onChange={(e) => setChosen((c) => ((e.target as HTMLInputElement).checked ? [...c, s.signalId] : c.filter((x) => x !== s.signalId)))} /></td>
              <td class="signal-name" title={s.name}>{signalLabel(s.name)}</td>
              <td data-testid={`value-${s.signalId}`}><Quantity value={s.value} unit={s.unit} /></td>
              <td>{formatAgoCell(s.ts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="charts">
        {chosen.map((id, i) => {
          const info = latest.get(id)
          const s = series.current.get(id) ?? { x: [], y: [] }
          const unit = info === undefined ? '' : toDisplay(0, info.unit, u).unit
          return (
            <div key={id} class="chart-box">
              <h4 title={info?.name}>{info === undefined ? `#${id}` : signalLabel(info.name)}</h4>
              <LiveChart x={s.x} y={s.y} catalogUnit={info?.unit ?? ''} unit={unit} color={COLORS[i % COLORS.length] as string} label={info === undefined ? '' : signalLabel(info.name)} testid={`live-chart-${id}`} />
            </div>
          )
        })}
        {chosen.length === 0 && <p class="muted">{t('vehicle.pickSignals')}</p>}
      </div>
    </div>
  )
}

function LiveChart ({ x, y, catalogUnit, unit, color, label, testid }: { x: number[], y: number[], catalogUnit: string, unit: string, color: string, label: string, testid: string }) {
  const u = useStore(units)
  const data = useMemo<AlignedData>(() => [x.slice(), y.map((v) => toDisplay(v, catalogUnit, u).value)], [x.length, x[x.length - 1], u, catalogUnit])
  return <Chart data={data} unit={unit} series={[{ label, color }]} testid={testid} height={150} />
}
