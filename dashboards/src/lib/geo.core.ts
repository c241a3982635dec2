/**
 * Land rings made drawable on a flat (equirectangular) map. Natural Earth cuts
 * polygons at the antimeridian, but a few rings still step from +180 to -180
 * (Fiji, Chukotka) and Antarctica's ring runs once around the pole, ending
 * 360° from where it started. Drawn as-is, each such step is a line across
 * the whole world (the stray line through the southern ocean). Here each ring
 * is unwrapped (every longitude within 180° of the previous one), a ring that
 * goes round a pole is closed along that pole, and a ring that ends up beyond
 * ±180 is drawn a second time one world-width over so both halves show.
 */
export type LonLat = readonly [lon: number, lat: number]

export function drawableRings (ring: ReadonlyArray<ArrayLike<number>>): LonLat[][] {
  if (ring.length === 0) return []
  const out: Array<[number, number]> = []
  let prev = ring[0]?.[0] as number
  for (const p of ring) {
    let lon = p[0] as number
    while (lon - prev > 180) lon -= 360
    while (lon - prev < -180) lon += 360
    out.push([lon, p[1] as number])
    prev = lon
  }
  const first = out[0] as [number, number]
  const last = out[out.length - 1] as [number, number]
  const wound = last[0] - first[0]
  if (Math.abs(wound) >= 180) {
    // Around a pole: down (or up) to it at the last longitude, along it, back at the first.
    const meanLat = out.reduce((s, p) => s + p[1], 0) / out.length
    const pole = meanLat < 0 ? -90 : 90
    out.push([last[0], pole], [first[0], pole])
  }
  let min = Infinity
  let max = -Infinity
  for (const [lon] of out) {
    if (lon < min) min = lon
    if (lon > max) max = lon
  }
  const rings: LonLat[][] = [out]
  if (max > 180) rings.push(out.map(([lon, lat]) => [lon - 360, lat] as const))
  if (min < -180) rings.push(out.map(([lon, lat]) => [lon + 360, lat] as const))
  return rings
}

/** Longest east-west step between consecutive points of a ring, closing one included; a step along a pole (the map's edge) does not count. */
export function widestStep (ring: readonly LonLat[]): number {
  let w = 0
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as LonLat
    const b = ring[(i + 1) % ring.length] as LonLat
    if (Math.abs(a[1]) === 90 && a[1] === b[1]) continue
    w = Math.max(w, Math.abs(b[0] - a[0]))
  }
  return w
}
