import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHEDULES } from './catalogue.core.js'
import { kmPerDay, nextService } from './maintenance.core.js'

const DAY = 86_400_000
const NOW = Date.parse('2026-06-01T00:00:00Z')
const E1 = DEFAULT_SCHEDULES['FW-E1']!

describe('next scheduled service', () => {
  it('falls due by km when the vehicle drives a lot', () => {
    const d = nextService({ nowMs: NOW, odometerAtMs: NOW, odometerKm: 29_000, kmPerDay: 100, lastServiceAtMs: null, lastServiceKm: null, registeredAtMs: NOW - 300 * DAY }, E1)
    expect(d).toMatchObject({ by: 'km', kmLeft: 1000 })
    expect(d.dueAtMs).toBe(NOW + 10 * DAY)
  })
  it('falls due by time when it drives little', () => {
    const d = nextService({ nowMs: NOW, odometerAtMs: NOW, odometerKm: 5000, kmPerDay: 5, lastServiceAtMs: NOW - 700 * DAY, lastServiceKm: 1000, registeredAtMs: NOW - 900 * DAY }, E1)
    expect(d.by).toBe('time')
    expect(d.dueAtMs).toBeCloseTo(NOW - 700 * DAY + 24 * 30.4375 * DAY)
  })
  it('is due now past the km limit, and a new cycle starts at the last service', () => {
    const d = nextService({ nowMs: NOW, odometerAtMs: NOW, odometerKm: 31_000, kmPerDay: null, lastServiceAtMs: null, lastServiceKm: null, registeredAtMs: NOW - 100 * DAY }, E1)
    expect(d.dueAtMs).toBe(NOW)
    const after = nextService({ nowMs: NOW, odometerAtMs: NOW, odometerKm: 31_000, kmPerDay: 50, lastServiceAtMs: NOW, lastServiceKm: 31_000, registeredAtMs: NOW - 100 * DAY }, E1)
    expect(after.dueKey).not.toBe(d.dueKey)
    expect(after.dueAtMs).toBe(NOW + 600 * DAY)
  })
  it('estimates km per day from two readings', () => {
    expect(kmPerDay({ atMs: NOW - 10 * DAY, km: 1000 }, { atMs: NOW, km: 1500 })).toBe(50)
    // Between the readings, not up to now: the latest reading may be days old.
    expect(kmPerDay({ atMs: NOW - 17 * DAY, km: 1000 }, { atMs: NOW - 7 * DAY, km: 1500 })).toBe(50)
    expect(kmPerDay(undefined, { atMs: NOW, km: 1500 })).toBeNull()
    expect(kmPerDay({ atMs: NOW - 1000, km: 1000 }, { atMs: NOW, km: 1500 })).toBeNull()
  })
  it('projects the km side from the latest reading: a vehicle that last reported a week ago has driven on since', () => {
    const fresh = nextService({ nowMs: NOW, odometerAtMs: NOW, odometerKm: 29_000, kmPerDay: 100, lastServiceAtMs: null, lastServiceKm: null, registeredAtMs: NOW - 300 * DAY }, E1)
    const weekOld = nextService({ nowMs: NOW, odometerAtMs: NOW - 7 * DAY, odometerKm: 28_300, kmPerDay: 100, lastServiceAtMs: null, lastServiceKm: null, registeredAtMs: NOW - 300 * DAY }, E1)
    expect(weekOld.dueAtMs).toBe(fresh.dueAtMs)
    // Past the limit by now, though not at the reading: due now.
    expect(nextService({ nowMs: NOW, odometerAtMs: NOW - 20 * DAY, odometerKm: 29_000, kmPerDay: 100, lastServiceAtMs: null, lastServiceKm: null, registeredAtMs: NOW - 300 * DAY }, E1).dueAtMs).toBe(NOW)
  })
})
