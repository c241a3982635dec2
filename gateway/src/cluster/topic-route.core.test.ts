import { describe, expect, it } from 'vitest'
import { routeOf } from './topic-route.core.js'

describe('routeOf', () => {
  it('keeps vehicle uplink on the instance that received it', () => {
    for (const ch of ['telemetry', 'status', 'death', 'dtc', 'cmd/res', 'ota/status']) expect(routeOf(`v/1FWAB12345C000001/${ch}`)).toBe('local')
  })
  it('routes downlink to wherever the vehicle is', () => {
    for (const ch of ['cmd/req', 'ota/offer', 'ota/reminder']) expect(routeOf(`v/1FWAB12345C000001/${ch}`)).toBe('downlink')
  })
  it('shares aedes $SYS coordination (takeover, heartbeats) with every instance', () => {
    expect(routeOf('$SYS/abc/new/clients')).toBe('cluster')
    expect(routeOf('$SYS/+/heartbeat')).toBe('cluster')
  })
  it('keeps anything else local', () => {
    expect(routeOf('x/y')).toBe('local')
    expect(routeOf('v/only')).toBe('local')
  })
})
