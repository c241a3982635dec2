import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { Log } from '../common/log.js'
import { type Result, fail, ok } from '../common/result.js'
import { createMicroBatcher } from '../common/micro-batcher.js'
import { withTransaction } from '../storage/db.js'
import type { AuditEntry } from '../storage/audit.repository.js'
import { createIncidentsRepository, type DueNotice, type IncidentRecord, type NoticeAckRow, type RowScope } from '../storage/incidents.repository.js'
import { nextOutsideQuiet } from '../ota/local-time.core.js'
import type { OtaSigner } from '../ota/signer.js'
import { advance, bypassesQuietHours, checkIncident, completionByCountry, noticeText, type NewIncident, type NoticeState } from './incident.core.js'
import { buildNotice } from './notice.js'

export interface IncidentsDeps {
  readonly pool: pg.Pool
  readonly log: Log
  readonly signer: OtaSigner
  /** Notices go to the vehicles connected to this instance; each instance serves its own. */
  readonly instanceId: string
  /** Publishes a SafetyNotice to v/{vin}/notice (QoS 1). */
  publish(vehicleId: string, payload: Buffer): Promise<void>
  audit(e: AuditEntry): Promise<void>
  /** Default quiet hours (vehicle local time) where the driver set none. */
  readonly quiet: { readonly startMinute: number, readonly endMinute: number }
  readonly defaultLanguage: string
  /** A notice sent without a receipt for this long is sent again (its link may have dropped it). */
  readonly resendAfterMs: number
  readonly ownerChannels: readonly string[]
  /** Owner-outbox rows were written: send them now rather than at the next poll. */
  onOwnerNoticesQueued(): void
  readonly now: () => number
}

const PASS_LIMIT = 2000
/**
 * Resends to a vehicle that stays connected but never answers (e.g. a unit
 * whose software predates notices) stop after this many; it gets the notice
 * again when it next comes back.
 */
const MAX_UNANSWERED_SENDS = 5
const NOTHING_MATCHED = new Error('no vehicle matches the affected set')

/**
 * Safety incidents: creation (the affected vehicles fixed in the same
 * transaction as the incident, with the owners' outbox rows), delivery of
 * signed notices to connected vehicles (again on their return), the
 * vehicles' receipts, resolution by the linked update or recall work order,
 * and the completion report.
 */
export function createIncidentsService (d: IncidentsDeps) {
  const repo = createIncidentsRepository(d.pool)
  const log = d.log
  let passing: Promise<number> | undefined
  let again = false

  async function create (n: NewIncident, actor: string): Promise<Result<{ incident: IncidentRecord, vehicles: number }, string>> {
    const checked = checkIncident(n)
    if (!checked.ok) return checked
    const id = randomUUID()
    const createdAt = new Date(d.now())
    const outcome = await withTransaction(d.pool, async (tx) => {
      const r = createIncidentsRepository(tx)
      if (n.campaignId !== undefined) {
        const { rowCount } = await tx.query('SELECT 1 FROM ota_campaigns WHERE campaign_id = $1', [n.campaignId])
        if (rowCount === 0) return fail('GW_INCIDENT_INVALID', `campaignId: no OTA campaign ${n.campaignId}`)
      }
      await r.insert({ id, title: n.title, message: n.message, severity: n.severity, requiredAction: n.requiredAction, affected: n.affected, campaignId: n.campaignId ?? null, createdBy: actor, createdAt })
      const vehicles = await r.selectAffected(id, n.affected, d.defaultLanguage)
      if (vehicles === 0) throw NOTHING_MATCHED // rolls the incident back
      const ownerNotices = await r.enqueueOwnerNotices(id, d.ownerChannels)
      await r.appendEvent(id, createdAt, actor, 'created', { vehicles, severity: n.severity, requiredAction: n.requiredAction, ownerNotices })
      return ok(vehicles)
    }).catch((err: { code?: string }) => {
      if (err === NOTHING_MATCHED) return fail('GW_INCIDENT_NO_VEHICLES', 'no vehicle matches the affected set: nothing was created')
      if (err.code === '22P02') return fail('GW_INCIDENT_INVALID', 'campaignId: not a campaign id (a UUID)')
      throw err
    })
    if (!outcome.ok) return outcome
    await d.audit({ actor, action: 'incident.create', target: `incident:${id}`, detail: { vehicles: outcome.value, severity: n.severity, affected: n.affected } })
    d.onOwnerNoticesQueued()
    kick()
    return ok({ incident: await repo.get(id) as IncidentRecord, vehicles: outcome.value })
  }

  /** Sends what is due to this instance's connected vehicles (all, or only `vehicleKeys`); returns notices sent. */
  async function deliverDue (vehicleKeys: readonly number[] | null = null): Promise<number> {
    const incidents = new Map<string, IncidentRecord | undefined>()
    let sent = 0
    for (;;) {
      const due = await repo.dueForConnected(d.instanceId, d.resendAfterMs, MAX_UNANSWERED_SENDS, PASS_LIMIT, vehicleKeys)
      if (due.length === 0) break
      const nowMs = d.now()
      const out: DueNotice[] = []
      const held: Array<{ incidentId: string, vehicleKey: number, untilMs: number }> = []
      const publishing: Array<Promise<void>> = []
      for (const row of due) {
        if (!incidents.has(row.incidentId)) incidents.set(row.incidentId, await repo.get(row.incidentId))
        const incident = incidents.get(row.incidentId)
        if (incident === undefined) continue
        if (!bypassesQuietHours(incident.severity)) {
          const untilMs = nextOutsideQuiet(nowMs, row.timeZone, row.quietStartMinute ?? d.quiet.startMinute, row.quietEndMinute ?? d.quiet.endMinute)
          if (untilMs > nowMs) {
            held.push({ incidentId: row.incidentId, vehicleKey: row.vehicleKey, untilMs })
            continue
          }
        }
        const text = noticeText(row.language, incident)
        const payload = buildNotice({ incidentId: incident.id, vehicleId: row.vehicleId, severity: incident.severity, requiredAction: incident.requiredAction, language: row.language, title: text.title, message: text.message, campaignId: incident.campaignId }, d.signer, nowMs)
        // A page's notices are handed to the broker together; a vehicle's link is not waited for one by one.
        publishing.push(d.publish(row.vehicleId, payload).then(
          () => { out.push(row) },
          (err: unknown) => log.warn({ err, vehicleId: row.vehicleId, incidentId: row.incidentId }, 'safety notice not published: sent again on the next pass')))
      }
      await Promise.all(publishing)
      await repo.markSent(out, new Date(nowMs))
      await repo.hold(held)
      sent += out.length
      for (const [id, n] of countBy(out)) await repo.appendEvent(id, new Date(nowMs), 'gateway', 'notices_sent', { vehicles: n, instance: d.instanceId })
      for (const [id, n] of countBy(held)) await repo.appendEvent(id, new Date(nowMs), 'gateway', 'held_for_quiet_hours', { vehicles: n })
      // A full page that moved nothing (the broker refused every publish) is tried again on the next pass, not now.
      if (due.length < PASS_LIMIT || out.length + held.length === 0) break
    }
    return sent
  }

  /** Runs a delivery pass now, or once more after the one running. */
  function kick (): void {
    if (passing !== undefined) {
      again = true
      return
    }
    passing = deliverDue().catch((err: unknown) => {
      log.error({ err }, 'safety notice delivery failed')
      return 0
    }).finally(() => {
      passing = undefined
      if (again) {
        again = false
        kick()
      }
    })
  }

  // Receipts are written in batches: 10,000 vehicles answering at once are a few statements, not 30,000.
  const receipts = createMicroBatcher<NoticeAckRow>(async (acks) => {
    await withTransaction(d.pool, async (tx) => {
      const r = createIncidentsRepository(tx)
      const current = await r.lockStates(acks)
      const next = new Map<string, NoticeState>()
      const rows: Array<NoticeAckRow & { next: NoticeState }> = []
      for (const a of acks) {
        const key = `${a.incidentId}/${a.vehicleKey}`
        const from = next.get(key) ?? current.get(key)
        if (from === undefined) continue // not a notice this vehicle was sent: nothing to record
        const to = advance(from, a.state)
        next.set(key, to)
        rows.push({ ...a, next: to })
      }
      await r.writeStates(rows)
    })
  }, 20)

  async function tick (): Promise<void> {
    await (passing ?? Promise.resolve(0))
    await deliverDue()
    for (const r of await repo.resolveFixed()) await repo.appendEvent(r.incidentId, new Date(d.now()), 'gateway', 'resolved', { by: r.by, vehicles: r.vehicles })
  }

  async function summary (id: string, scope: RowScope) {
    const byCountry = completionByCountry(await repo.counts(id, scope))
    const affected = byCountry.reduce((n, c) => n + c.affected, 0)
    const total = (s: keyof (typeof byCountry)[number]['byState']) => byCountry.reduce((n, c) => n + c.byState[s], 0)
    return { affected, resolved: total('resolved'), acknowledged: total('acknowledged'), byCountry }
  }

  return {
    repo,
    create,
    deliverDue,
    /** A vehicle is back (or woke): what it missed goes out now. */
    onVehicleReturned: (vehicleKey: number) => deliverDue([vehicleKey]).catch((err: unknown) => { log.error({ err, vehicleKey }, 'safety notice delivery failed'); return 0 }),
    /** A vehicle's NoticeAck; resolves once recorded (the PUBACK waits for it). */
    receipt: (ack: NoticeAckRow) => receipts.add(ack),
    tick,
    summary,
    /** Waits for the delivery pass under way (tests, shutdown). */
    settled: () => passing ?? Promise.resolve(0),
  }
}

function countBy (rows: ReadonlyArray<{ incidentId: string }>): Map<string, number> {
  const m = new Map<string, number>()
  for (const r of rows) m.set(r.incidentId, (m.get(r.incidentId) ?? 0) + 1)
  return m
}

export type IncidentsService = ReturnType<typeof createIncidentsService>
