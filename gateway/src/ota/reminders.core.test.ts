import { describe, expect, it } from 'vitest'
import { deliverableAt, reminderDueAt, reminderText } from './reminders.core.js'
import { inWindow, localMinute } from '@fleetwire/proto'
import { parseRange, checkUrl } from './download.core.js'

const policy = { scheduleS: [86_400, 259_200, 604_800], urgentScheduleS: [3600, 7200], maxCount: 5 }

describe('reminder escalation', () => {
  it('follows the schedule, repeats the last interval, stops at the maximum', () => {
    expect(reminderDueAt(0, 1, false, policy)).toBe(86_400_000)
    expect(reminderDueAt(0, 3, false, policy)).toBe(604_800_000)
    expect(reminderDueAt(0, 4, false, policy)).toBe((604_800 + 345_600) * 1000)
    expect(reminderDueAt(0, 6, false, policy)).toBeUndefined()
    expect(reminderDueAt(0, 1, true, policy)).toBe(3_600_000)
  })

  it('moves a reminder out of the vehicle\'s local quiet hours', () => {
    // 2026-01-15 23:30 in Berlin (22:30 UTC): quiet 22:00-07:00 → 07:00 Berlin = 06:00 UTC.
    const due = Date.UTC(2026, 0, 15, 22, 30)
    expect(new Date(deliverableAt(due, due, { timeZone: 'Europe/Berlin', startMinute: 22 * 60, endMinute: 7 * 60 })).toISOString()).toBe('2026-01-16T06:00:00.000Z')
    // The same instant is 09:30 in Sydney: not quiet.
    expect(deliverableAt(due, due, { timeZone: 'Australia/Sydney', startMinute: 22 * 60, endMinute: 7 * 60 })).toBe(due)
  })

  it('speaks the vehicle\'s language, English otherwise', () => {
    expect(reminderText('de', false, { de: 'Neu', en: 'New' }, 2).text).toContain('Neu')
    expect(reminderText('xx', true, { en: 'New' }, 1)).toMatchObject({ language: 'en', text: expect.stringContaining('recall') })
  })
})

describe('local time and windows', () => {
  it('computes the local minute and wrapping windows', () => {
    expect(localMinute(Date.UTC(2026, 5, 1, 12, 0), 'America/Sao_Paulo')).toBe(9 * 60)
    expect(inWindow(23 * 60, 22 * 60, 6 * 60)).toBe(true)
    expect(inWindow(12 * 60, 22 * 60, 6 * 60)).toBe(false)
    expect(inWindow(12 * 60, 0, 0)).toBe(true)
  })
})

describe('download URLs and ranges', () => {
  it('refuses bad signatures, other vehicles and expired URLs', () => {
    const c = { artifactId: 'a', vehicleId: 'V1', expiresAtMs: 1000 }
    expect(checkUrl(c, true, 'V1', 999)).toBe('ok')
    expect(checkUrl(c, false, 'V1', 999)).toBe('GW_OTA_URL_BAD_SIGNATURE')
    expect(checkUrl(c, true, 'V2', 999)).toBe('GW_OTA_URL_OTHER_VEHICLE')
    expect(checkUrl(c, true, 'V1', 1001)).toBe('GW_OTA_URL_EXPIRED')
  })
  it('parses single byte ranges', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=10-19', 100)).toEqual({ kind: 'partial', start: 10, end: 19 })
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'partial', start: 90, end: 99 })
    expect(parseRange('bytes=-5', 100)).toEqual({ kind: 'partial', start: 95, end: 99 })
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' })
  })
})
