import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { drawableRings, widestStep } from './geo.core.js'

function landRings (): Position[][] {
  const file = createRequire(import.meta.url).resolve('world-atlas/land-110m.json')
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology
  const rings: Position[][] = []
  for (const f of feature(topo, topo.objects.land as GeometryCollection).features) {
    const g = f.geometry as Polygon | MultiPolygon
    if (g.type === 'Polygon') rings.push(...g.coordinates)
    else for (const poly of g.coordinates) rings.push(...poly)
  }
  return rings
}

describe('drawable land rings', () => {
  it('the shipped coastlines have rings that jump across the antimeridian (what drew the stray line)', () => {
    const raw = landRings().map((r) => r.map((p) => [p[0] as number, p[1] as number] as const))
    expect(raw.filter((r) => widestStep(r) > 180).length).toBeGreaterThan(2)
  })

  it('no drawable ring steps more than 180° east-west, closing segment included', () => {
    const rings = landRings().flatMap((r) => drawableRings(r))
    const wide = rings.filter((r) => widestStep(r) > 180)
    expect(wide).toEqual([])
  })

  it('closes a ring around the south pole along the pole', () => {
    const ring = [[-180, -80], [-90, -75], [0, -70], [90, -75], [179, -80], [-180, -80]]
    const [out, copy] = drawableRings(ring)
    expect(out?.slice(-2)).toEqual([[180, -90], [-180, -90]])
    expect(copy).toBeUndefined()
  })

  it('draws a ring that crosses the antimeridian on both sides of the map', () => {
    const fiji = [[178, -17], [-180, -16.5], [-179, -17], [-180, -17.5], [178, -17.5]]
    const rings = drawableRings(fiji)
    expect(rings).toHaveLength(2)
    expect(rings[0]?.map((p) => p[0])).toEqual([178, 180, 181, 180, 178])
    expect(rings[1]?.map((p) => p[0])).toEqual([-182, -180, -179, -180, -182])
  })
})
