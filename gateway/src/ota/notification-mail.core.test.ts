import { describe, expect, it } from 'vitest'
import { noticeOf, reminderMail } from './notification-mail.core.js'
import { reminderText } from './reminders.core.js'

const base = { vehicleId: 'WVWZZZ1JZXW000001', fleet: 'fleet-a', number: 2, urgent: false, deadline: null }

describe('fleet-owner reminder e-mail', () => {
  it('is written in the vehicle\'s language around the localised reminder text', () => {
    const { language, text } = reminderText('de', false, { en: 'Range fix', de: 'Reichweitenkorrektur' }, 2)
    const m = reminderMail({ ...base, language, text })
    expect(m.language).toBe('de')
    expect(m.subject).toBe('Software-Update wartet für Fahrzeug WVWZZZ1JZXW000001')
    expect(m.text.split('\n')).toEqual([text, '', 'Fahrzeug: WVWZZZ1JZXW000001', 'Flotte: fleet-a', 'Erinnerung: 2', '', 'Der Fahrer hat das Update im Fahrzeug noch nicht beantwortet.'])
    expect(m.text).toContain('Reichweitenkorrektur')
  })

  it('says recall and deadline for urgent reminders, and falls back to English', () => {
    const m = reminderMail({ ...base, urgent: true, language: 'ja', text: 'Safety recall: please install this update. (1)', deadline: '2030-01-01T00:00:00.000Z' })
    expect(m.language).toBe('en')
    expect(m.subject).toBe('Safety recall: vehicle WVWZZZ1JZXW000001 needs its update')
    expect(m.text).toContain('Deadline: 2030-01-01T00:00:00.000Z')
  })

  it('reads a stored outbox payload back, and refuses anything else', () => {
    const payload = { type: 'ota.reminder', ...base, language: 'fr', text: 't', deadline: null, campaignId: 'c', offerId: null }
    expect(noticeOf(payload)).toEqual({ ...base, language: 'fr', text: 't' })
    expect(noticeOf({ type: 'alert.opened', vehicleId: 'x', text: 't' })).toBeUndefined()
    expect(noticeOf({ type: 'ota.reminder', text: 't' })).toBeUndefined()
  })
  it('localises subject, labels and head-unit text through the fallback chain (ms-MY → ms, ar)', () => {
    const r = reminderText('ms-MY', false, { en: 'Range fix', ms: 'Pembetulan jarak' }, 3)
    expect(r).toEqual({ language: 'ms', text: 'Kemas kini perisian sedang menunggu kelulusan anda. (3) Pembetulan jarak' })
    const m = reminderMail({ ...base, language: 'ar', urgent: true, text: reminderText('ar', true, { en: 'Brake fix' }, 1).text, deadline: null })
    expect(m.subject).toBe('استدعاء للسلامة: المركبة WVWZZZ1JZXW000001 تحتاج إلى تحديثها')
    expect(m.text).toContain('المركبة: WVWZZZ1JZXW000001')
    expect(m.text).toContain('Brake fix')
  })
})
