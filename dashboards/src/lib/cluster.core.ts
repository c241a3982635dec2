/**
 * Screen-space grid clustering for the fleet map: markers closer than a cell
 * merge into one bubble with a count. One pass over the points per redraw
 * (O(n), no index to rebuild), which keeps 10,000 vehicles smooth while
 * panning and zooming; a cell is small enough that a cluster never hides a
 * distinct place at the current zoom.
 */
export interface ScreenPoint {
  readonly x: number
  readonly y: number
  /** Index into the caller's vehicle array. */
  readonly index: number
}

export interface Cluster {
  /** Centroid of the members, in screen pixels. */
  readonly x: number
  readonly y: number
  readonly members: readonly number[]
}

export function clusterPoints (points: readonly ScreenPoint[], cellPx: number, width: number, height: number): Cluster[] {
  const cells = new Map<number, { sx: number, sy: number, members: number[] }>()
  const cols = Math.ceil(width / cellPx) + 1
  for (const p of points) {
    if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue
    const key = Math.floor(p.y / cellPx) * cols + Math.floor(p.x / cellPx)
    const c = cells.get(key)
    if (c === undefined) cells.set(key, { sx: p.x, sy: p.y, members: [p.index] })
    else {
      c.sx += p.x
      c.sy += p.y
      c.members.push(p.index)
    }
  }
  return [...cells.values()].map((c) => ({ x: c.sx / c.members.length, y: c.sy / c.members.length, members: c.members }))
}

/** The map's view: equirectangular, `scale` pixels per degree, centred on (lon, lat). */
export interface MapView {
  readonly centerLon: number
  readonly centerLat: number
  readonly scale: number
  readonly width: number
  readonly height: number
}

export function project (v: MapView, lon: number, lat: number): [number, number] {
  return [v.width / 2 + (lon - v.centerLon) * v.scale, v.height / 2 - (lat - v.centerLat) * v.scale]
}

export function unproject (v: MapView, x: number, y: number): [lon: number, lat: number] {
  return [v.centerLon + (x - v.width / 2) / v.scale, v.centerLat - (y - v.height / 2) / v.scale]
}

/** Zooms by `factor` keeping the geographic point under (x, y) fixed (wheel zoom). */
export function zoomAt (v: MapView, x: number, y: number, factor: number): MapView {
  const [lon, lat] = unproject(v, x, y)
  const scale = Math.min(2000, Math.max(v.width / 400, v.scale * factor))
  return { ...v, scale, centerLon: lon - (x - v.width / 2) / scale, centerLat: lat + (y - v.height / 2) / scale }
}

/** The view that shows every point (whole world when there are none). */
export function fitView (width: number, height: number, points: ReadonlyArray<readonly [lon: number, lat: number]>): MapView {
  if (points.length === 0) return { centerLon: 0, centerLat: 20, scale: width / 360, width, height }
  let minLon = 180, maxLon = -180, minLat = 90, maxLat = -90
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon)
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat)
  }
  const spanLon = Math.max(2, (maxLon - minLon) * 1.2)
  const spanLat = Math.max(2, (maxLat - minLat) * 1.2)
  const scale = Math.min(width / spanLon, height / spanLat, 2000)
  return { centerLon: (minLon + maxLon) / 2, centerLat: (minLat + maxLat) / 2, scale, width, height }
}
