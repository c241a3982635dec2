import { useEffect, useRef, useState } from 'preact/hooks'
import { fitView, project, type MapView } from '../lib/cluster.core.js'
import type { LonLat } from '../lib/geo.core.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { drawLand, loadLand } from './fleet-map.js'

export interface CountryMarker {
  readonly country: string
  /** Mean position of the country's service centres. */
  readonly lat: number
  readonly lon: number
  /** Parts whose forecast outruns the country's stock. */
  readonly shortfalls: number
}

const RADIUS = 13
const COLORS = { short: '#cf222e', covered: '#1a7f37' } as const

function draw (ctx: CanvasRenderingContext2D, view: MapView, land: LonLat[][], markers: readonly CountryMarker[], dpr: number): void {
  drawLand(ctx, view, land, dpr)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  for (const m of markers) {
    const [x, y] = project(view, m.lon, m.lat)
    ctx.fillStyle = m.shortfalls > 0 ? COLORS.short : COLORS.covered
    ctx.beginPath()
    ctx.arc(x, y, RADIUS, 0, Math.PI * 2)
    ctx.fill()
    ctx.fillStyle = '#fff'
    ctx.font = '700 10px system-ui, sans-serif'
    ctx.fillText(m.country, x, y)
    if (m.shortfalls > 0) {
      ctx.fillStyle = COLORS.short
      ctx.font = '600 11px system-ui, sans-serif'
      ctx.fillText(formatNumber(m.shortfalls), x, y + RADIUS + 9)
    }
  }
}

/**
 * The parts forecast's countries on the world map: a marker at each
 * country's service centres, red with the number of parts running short,
 * green where the stock covers the forecast. A click opens the country's table.
 */
export function ForecastMap ({ markers, onOpen }: { markers: readonly CountryMarker[], onOpen: (country: string) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [land, setLand] = useState<LonLat[][]>([])
  const [view, setView] = useState<MapView | undefined>(undefined)
  useEffect(() => { void loadLand().then(setLand) }, [])
  useEffect(() => {
    const el = canvas.current
    if (el === null) return
    const fit = () => setView(fitView(el.clientWidth, el.clientHeight, markers.map((m) => [m.lon, m.lat] as const)))
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [markers])
  useEffect(() => {
    const el = canvas.current
    if (el === null || view === undefined) return
    const dpr = window.devicePixelRatio || 1
    el.width = Math.round(view.width * dpr)
    el.height = Math.round(view.height * dpr)
    const ctx = el.getContext('2d')
    if (ctx !== null) draw(ctx, view, land, markers, dpr)
  }, [view, land, markers])
  const short = markers.filter((m) => m.shortfalls > 0)
  return (
    <div class="map-wrap">
      <canvas
        ref={canvas}
        class="map forecast-map"
        data-testid="forecast-map"
        data-countries={markers.map((m) => m.country).join(' ')}
        data-shortfall-countries={short.map((m) => m.country).join(' ')}
        aria-label={t('service.forecastMapLabel', { count: markers.length, short: short.length })}
        onClick={(e) => {
          if (view === undefined) return
          const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect()
          const hit = markers.find((m) => {
            const [x, y] = project(view, m.lon, m.lat)
            return Math.hypot(x - (e.clientX - r.left), y - (e.clientY - r.top)) <= RADIUS + 2
          })
          if (hit !== undefined) onOpen(hit.country)
        }}
      />
      <div class="map-legend">
        <span><i style={{ background: COLORS.short }} />{t('service.mapShortfall')}</span>
        <span><i style={{ background: COLORS.covered }} />{t('service.mapCovered')}</span>
      </div>
    </div>
  )
}
