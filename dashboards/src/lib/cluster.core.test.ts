import { describe, expect, it } from 'vitest'
import { clusterPoints, fitView, project, unproject, zoomAt } from './cluster.core.js'

describe('map clustering', () => {
  it('merges points of one cell and keeps distant ones apart', () => {
    const c = clusterPoints([{ x: 10, y: 10, index: 0 }, { x: 20, y: 30, index: 1 }, { x: 300, y: 200, index: 2 }], 44, 400, 300)
    expect(c).toHaveLength(2)
    expect(c.find((x) => x.members.length === 2)).toMatchObject({ x: 15, y: 20, members: [0, 1] })
  })

  it('drops points outside the canvas', () => {
    expect(clusterPoints([{ x: -5, y: 10, index: 0 }, { x: 10, y: 500, index: 1 }], 44, 400, 300)).toEqual([])
  })

  it('clusters 10,000 vehicles into at most one bubble per cell, quickly', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ x: (i * 7919) % 1200, y: (i * 104_729) % 420, index: i }))
    const t0 = performance.now()
    const c = clusterPoints(pts, 44, 1200, 420)
    const ms = performance.now() - t0
    expect(c.reduce((n, x) => n + x.members.length, 0)).toBe(10_000)
    expect(c.length).toBeLessThanOrEqual(Math.ceil(1200 / 44 + 1) * Math.ceil(420 / 44 + 1))
    expect(ms).toBeLessThan(100)
  })

  it('projects and unprojects consistently, and zooms about the pointer', () => {
    const v = fitView(800, 400, [[-10, 40], [30, 60]])
    const [x, y] = project(v, 12, 51)
    expect(unproject(v, x, y).map((n) => Math.round(n * 1e6) / 1e6)).toEqual([12, 51])
    const z = zoomAt(v, x, y, 2)
    expect(z.scale).toBeCloseTo(v.scale * 2)
    const [x2, y2] = project(z, 12, 51)
    expect(x2).toBeCloseTo(x)
    expect(y2).toBeCloseTo(y)
  })

  it('shows the whole world when there is nothing to fit', () => {
    expect(fitView(720, 360, [])).toMatchObject({ scale: 2 })
  })
})
