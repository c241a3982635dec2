import { useEffect, useRef, useState } from 'preact/hooks'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { MultiPolygon, Polygon } from 'geojson'
import landUrl from 'world-atlas/land-110m.json?url'
import { clusterPoints, fitView, project, zoomAt, type Cluster, type MapView } from '../lib/cluster.core.js'
import { drawableRings, type LonLat } from '../lib/geo.core.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { stateLabel } from './common.js'

export interface MapVehicle {
  readonly id: string
  readonly lat: number
  readonly lon: number
  readonly presence: 'online' | 'asleep' | 'offline'
}

const CELL_PX = 44
const COLORS = { online: '#1a7f37', asleep: '#8250df', offline: '#8c959f' } as const

let landPromise: Promise<LonLat[][]> | undefined
/** Coastlines from world-atlas (Natural Earth 1:110m), shipped with the app: the map needs no internet. */
export function loadLand (): Promise<LonLat[][]> {
  landPromise ??= fetch(landUrl).then((r) => r.json()).then((topo: Topology) => {
    const land = feature(topo, topo.objects.land as GeometryCollection)
    const rings: LonLat[][] = []
    for (const f of land.features) {
      const g = f.geometry as Polygon | MultiPolygon
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
      for (const poly of polys) for (const ring of poly) rings.push(...drawableRings(ring))
    }
    return rings
  })
  return landPromise
}

/** Sea, then land with its coastline; markers go on top. */
export function drawLand (ctx: CanvasRenderingContext2D, view: MapView, land: LonLat[][], dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.fillStyle = '#dbe9f6'
  ctx.fillRect(0, 0, view.width, view.height)
  ctx.fillStyle = '#f6f4ee'
  ctx.strokeStyle = '#9fb3c8'
  ctx.lineWidth = 0.8
  ctx.beginPath()
  for (const ring of land) {
    ring.forEach((p, i) => {
      const [x, y] = project(view, p[0], p[1])
      if (i === 0) ctx.moveTo(x, y)
      else ctx.lineTo(x, y)
    })
    ctx.closePath()
  }
  ctx.fill()
  ctx.stroke()
}

function draw (ctx: CanvasRenderingContext2D, view: MapView, land: LonLat[][], clusters: Cluster[], vehicles: readonly MapVehicle[], dpr: number): void {
  drawLand(ctx, view, land, dpr)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.font = '600 11px system-ui, sans-serif'
  for (const c of clusters) {
    if (c.members.length === 1) {
      const v = vehicles[c.members[0] as number] as MapVehicle
      ctx.fillStyle = COLORS[v.presence]
      ctx.beginPath()
      ctx.arc(c.x, c.y, 5, 0, Math.PI * 2)
      ctx.fill()
      ctx.strokeStyle = '#fff'
      ctx.lineWidth = 1.5
      ctx.stroke()
    } else {
      const online = c.members.filter((i) => vehicles[i]?.presence === 'online').length
      const r = Math.min(24, 10 + Math.log2(c.members.length) * 2)
      ctx.fillStyle = online > 0 ? 'rgba(26,127,55,0.85)' : 'rgba(140,149,159,0.85)'
      ctx.beginPath()
      ctx.arc(c.x, c.y, r, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#fff'
      ctx.fillText(formatNumber(c.members.length), c.x, c.y)
    }
  }
}

/**
 * The fleet on a canvas: coastlines, then vehicles clustered per screen cell.
 * Wheel zooms about the pointer, drag pans, a click on a cluster zooms in, a
 * click on a single vehicle opens it.
 */
export function FleetMap ({ vehicles, onOpen }: { vehicles: readonly MapVehicle[], onOpen: (id: string) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [land, setLand] = useState<LonLat[][]>([])
  const [view, setView] = useState<MapView | undefined>(undefined)
  const clusters = useRef<Cluster[]>([])
  const drag = useRef<{ x: number, y: number, moved: boolean } | undefined>(undefined)
  const fitted = useRef(false)

  useEffect(() => { void loadLand().then(setLand) }, [])

  // Size to the element; fit the fleet the first time there are positions.
  useEffect(() => {
    const el = canvas.current
    if (el === null) return
    const resize = () => {
      const width = el.clientWidth
      const height = el.clientHeight
      setView((v) => (v === undefined || !fitted.current ? fitView(width, height, vehicles.map((x) => [x.lon, x.lat] as const)) : { ...v, width, height }))
      if (vehicles.length > 0) fitted.current = true
    }
    resize()
    const ro = new ResizeObserver(resize)
    ro.observe(el)
    return () => ro.disconnect()
  }, [vehicles.length > 0])

  useEffect(() => {
    const el = canvas.current
    if (el === null || view === undefined) return
    const dpr = window.devicePixelRatio || 1
    if (el.width !== Math.round(view.width * dpr)) el.width = Math.round(view.width * dpr)
    if (el.height !== Math.round(view.height * dpr)) el.height = Math.round(view.height * dpr)
    const points = vehicles.map((v, index) => {
      const [x, y] = project(view, v.lon, v.lat)
      return { x, y, index }
    })
    clusters.current = clusterPoints(points, CELL_PX, view.width, view.height)
    const ctx = el.getContext('2d')
    if (ctx !== null) draw(ctx, view, land, clusters.current, vehicles, dpr)
    el.dataset.clusters = String(clusters.current.length)
  }, [view, land, vehicles])

  const at = (e: MouseEvent): [number, number] => {
    const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect()
    return [e.clientX - r.left, e.clientY - r.top]
  }

  return (
    <div class="map-wrap">
      <canvas
        ref={canvas}
        class="map"
        data-testid="fleet-map"
        aria-label={t('overview.mapLabel', { count: vehicles.length })}
        onWheel={(e) => {
          e.preventDefault()
          const [x, y] = at(e)
          setView((v) => (v === undefined ? v : zoomAt(v, x, y, e.deltaY < 0 ? 1.25 : 0.8)))
        }}
        onMouseDown={(e) => { drag.current = { x: e.clientX, y: e.clientY, moved: false } }}
        onMouseMove={(e) => {
          const d = drag.current
          if (d === undefined || (e.buttons & 1) === 0) return
          const dx = e.clientX - d.x
          const dy = e.clientY - d.y
          if (Math.abs(dx) + Math.abs(dy) > 2) d.moved = true
          d.x = e.clientX
          d.y = e.clientY
          setView((v) => (v === undefined ? v : { ...v, centerLon: v.centerLon - dx / v.scale, centerLat: v.centerLat + dy / v.scale }))
        }}
        onMouseUp={(e) => {
          const moved = drag.current?.moved === true
          drag.current = undefined
          if (moved) return
          const [x, y] = at(e)
          const hit = clusters.current.find((c) => Math.hypot(c.x - x, c.y - y) < (c.members.length === 1 ? 8 : 22))
          if (hit === undefined) return
          if (hit.members.length === 1) onOpen((vehicles[hit.members[0] as number] as MapVehicle).id)
          else setView((v) => (v === undefined ? v : zoomAt(v, hit.x, hit.y, 2.5)))
        }}
      />
      <div class="map-legend">
        {(['online', 'asleep', 'offline'] as const).map((p) => <span key={p}><i style={{ background: COLORS[p] }} />{stateLabel(p)}</span>)}
      </div>
    </div>
  )
}
