import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startGateway, waitFor, type TestGateway } from '../helper.js'
import { control, createCampaign, otaEnv, plan, startFleet, uploadArtifact, type TestFleet } from '../ota/ota-helper.js'

/**
 * Quiet hours hold back OTA reminders, a recall's too; but not the reminders
 * of a campaign that fixes an open critical safety incident. Fake OTA clock
 * at 23:00 UTC (inside the default quiet hours 22:00–07:00, vehicles in UTC).
 */
const HOUR = 3_600_000
const day = new Date()
const T0 = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 0)

let gw: TestGateway
let fleet: TestFleet
let db: pg.Client
let now = T0

beforeAll(async () => {
  gw = await startGateway(otaEnv({ OTA_TICK_MS: '0', INCIDENT_TICK_MS: '0', OTA_REMINDER_URGENT_SCHEDULE_S: '3600', OTA_REMINDER_MAX: '1', OTA_QUIET_HOURS: '22:00-07:00' }))
  gw.app.ota.useClock(() => now)
  db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
  fleet = await startFleet(gw, 2, { driver: { accept: 0, postpone: 1, decline: 0 } })
}, 120_000)
afterAll(async () => {
  await fleet?.stop()
  await db?.end()
  await gw?.close()
  await gw?.dropDatabase()
})

describe('recall reminders in quiet hours', () => {
  it('fire at night only for the campaign that fixes an open critical incident', async () => {
    const [critical, ordinary] = fleet.ids as [string, string]
    const deadline = new Date(T0 + 30 * 24 * HOUR).toISOString()
    const recallFor = async (vin: string, name: string) => {
      const up = await uploadArtifact(gw, randomBytes(2048), { version: name === 'critical' ? '1.1.0' : '1.2.0' })
      return createCampaign(gw, { name, artifactIds: [up.artifact.id], target: { vins: [vin] }, recall: { deadline }, plan: plan() })
    }
    const criticalCampaign = await recallFor(critical, 'critical')
    const ordinaryCampaign = await recallFor(ordinary, 'ordinary')
    const incident = await api(gw, '/incidents', { method: 'POST', body: JSON.stringify({ title: { en: 'Battery fire risk' }, message: { en: 'Install the update.' }, severity: 'critical', requiredAction: 'install_update', campaignId: criticalCampaign, affected: { vinRanges: [{ from: critical, to: critical }] } }) })
    expect(incident.status).toBe(201)
    for (const c of [criticalCampaign, ordinaryCampaign]) expect((await control(gw, c, 'start')).status).toBe(200)
    await gw.app.ota.tick()
    await waitFor(() => fleet.vehicles.every((v) => v.agent.phase === 'postponed') || undefined, 10_000, 'both drivers postponed')
    await gw.app.ota.tick() // the postponements schedule reminder 1 an hour on

    now = T0 + HOUR + 60_000 // 00:01, still quiet
    await gw.app.ota.tick()
    await waitFor(() => fleet.byId.get(critical)?.reminders.length === 1 || undefined, 10_000, 'the critical recall\'s reminder on the head unit')
    expect(fleet.byId.get(critical)?.reminders[0]).toMatchObject({ number: 1, urgent: true })
    // The ordinary recall's reminder waits for the end of the quiet hours (07:00 the next morning).
    const { rows } = await db.query<{ status: string, due_at: Date }>('SELECT status, due_at FROM ota_reminders WHERE campaign_id = $1', [ordinaryCampaign])
    expect(rows.map((r) => [r.status, r.due_at.toISOString()])).toEqual([['pending', new Date(T0 + 8 * HOUR).toISOString()]])
    expect(fleet.byId.get(ordinary)?.reminders).toEqual([])
  })
})
