/** Great-circle distance on a spherical Earth (haversine); good to ~0.5 % for routing "nearest centre". */
const EARTH_RADIUS_KM = 6371.0088

export interface LatLon { readonly lat: number, readonly lon: number }

export function haversineKm (a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The nearest of `points` to `from` (undefined when there are none). */
export function nearest<T extends LatLon> (from: LatLon, points: readonly T[]): { point: T, km: number } | undefined {
  let best: { point: T, km: number } | undefined
  for (const p of points) {
    const km = haversineKm(from, p)
    if (best === undefined || km < best.km) best = { point: p, km }
  }
  return best
}
