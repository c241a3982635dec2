import { useEffect, useRef } from 'preact/hooks'
import uPlot, { type AlignedData, type Options } from 'uplot'
import { formatNumber, formatTime, language, t } from '../i18n/i18n.js'
import { digitsFor } from '../lib/units.core.js'

export interface Series {
  readonly label: string
  readonly color: string
  /** Draw a band between two series (min/max) instead of a line. */
  readonly fillTo?: boolean
}

/** No point with a value: a time axis alone would say nothing. */
export function isEmptyChart (data: AlignedData): boolean {
  if ((data[0]?.length ?? 0) === 0) return true
  return data.slice(1).every((ys) => Array.from(ys as ArrayLike<number | null | undefined>).every((y) => y === null || y === undefined || Number.isNaN(y)))
}

/**
 * uPlot (about 50 kB, canvas, made for streaming time series): x in seconds,
 * one or more y series. The chart is created once per mount and fed with
 * setData, so a live chart appends without re-creating anything.
 */
export function Chart ({ data, series, unit, height = 180, testid, marker }: { data: AlignedData, series: readonly Series[], unit: string, height?: number, testid?: string, marker?: number }) {
  const el = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | undefined>(undefined)
  const markerRef = useRef(marker)
  markerRef.current = marker

  useEffect(() => {
    const host = el.current
    if (host === null) return
    const opts: Options = {
      width: host.clientWidth || 600,
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // The marker (e.g. an alert's trigger) stays in view, and one lone point gets a readable span around it.
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => {
            const m = markerRef.current
            const lo = m === undefined ? min : Math.min(min, m)
            const hi = m === undefined ? max : Math.max(max, m)
            const pad = hi - lo < 60 ? 300 : (hi - lo) * 0.02
            return [lo - pad, hi + pad]
          },
        },
      },
      axes: [
        { space: 90, values: (_u, ticks) => ticks.map((s) => formatTime(s * 1000)) },
        { values: (_u, ticks) => ticks.map((v) => `${formatNumber(v, digitsFor(unit))}`), label: unit, size: 60 },
      ],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, ...(s.fillTo === true ? { fill: `${s.color}33` } : {}) }))],
      hooks: {
        draw: [(u) => {
          const m = markerRef.current
          if (m === undefined) return
          const x = u.valToPos(m, 'x', true)
          u.ctx.save()
          u.ctx.strokeStyle = '#cf222e'
          u.ctx.setLineDash([4, 4])
          u.ctx.beginPath()
          u.ctx.moveTo(x, u.bbox.top)
          u.ctx.lineTo(x, u.bbox.top + u.bbox.height)
          u.ctx.stroke()
          u.ctx.restore()
        }],
      },
    }
    const p = new uPlot(opts, data, host)
    plot.current = p
    const ro = new ResizeObserver(() => p.setSize({ width: host.clientWidth || 600, height }))
    ro.observe(host)
    const unsub = language.subscribe(() => p.redraw(false, true))
    return () => {
      ro.disconnect()
      unsub()
      p.destroy()
      plot.current = undefined
    }
  }, [series.map((s) => s.label).join('|'), unit, height])

  useEffect(() => { plot.current?.setData(data) }, [data])

  // The plot stays mounted (a live chart fills in later) but is hidden while there is nothing to draw.
  const empty = isEmptyChart(data)
  return (
    <div class={empty ? 'chart-wrap is-empty' : 'chart-wrap'}>
      <div class="chart" ref={el} data-testid={testid} data-points={data[0]?.length ?? 0} data-empty={empty ? 'true' : 'false'} />
      {empty && <p class="chart-empty muted" style={{ height: `${height}px` }} data-testid={testid === undefined ? undefined : `${testid}-empty`}>{t('vehicle.noHistory')}</p>}
    </div>
  )
}
