import { describe, expect, it } from 'vitest'
import { href, parseRoute, type Route } from './router.core.js'

describe('hash routes', () => {
  it('round-trips every view', () => {
    const routes: Route[] = [
      { view: 'overview' }, { view: 'login' }, { view: 'alerts' }, { view: 'alerts', alertId: 'a-1' },
      { view: 'vehicle', vehicleId: 'WVWZZZ1JZXW000001' }, { view: 'campaigns' }, { view: 'campaigns', campaignId: 'c1' },
      { view: 'campaign-new' }, { view: 'owner' },
    ]
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r)
  })

  it('treats empty and unknown hashes sensibly', () => {
    expect(parseRoute('')).toEqual({ view: 'overview' })
    expect(parseRoute('#/')).toEqual({ view: 'overview' })
    expect(parseRoute('#/vehicles/')).toEqual({ view: 'not-found', path: '/vehicles' })
    expect(parseRoute('#/nope/1/2')).toEqual({ view: 'not-found', path: '/nope/1/2' })
  })
})
