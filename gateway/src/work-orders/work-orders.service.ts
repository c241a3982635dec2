import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { Principal } from '../api/auth/index.js'
import { inScope, scopeOfRequest } from '../api/auth/index.js'
import type { Log } from '../common/log.js'
import { fail, ok, type Result } from '../common/result.js'
import { withTransaction } from '../storage/db.js'
import type { CentersRepository } from '../service-network/index.js'
import { familyOfRule, primaryOption, type CatalogueEntry, type FaultFamily, type PartQty } from '../parts/catalogue.core.js'
import type { CatalogueRepository } from '../parts/catalogue.repository.js'
import { dayOf, firstFreeSlot, propose, type Proposal } from './proposals.core.js'
import { mayTransition, repairVerdict, transition, type WorkOrderState } from './state.core.js'
import type { Verdict } from '../alerts/verdicts.core.js'
import { ownerMessage, type MessageKind, type OwnerMessage } from './messages.core.js'
import type { BookedPart, VehicleInfo, WorkOrder, WorkOrderKind, WorkOrdersRepository } from './work-orders.repository.js'

const DAY_MS = 86_400_000
const SLOT_HORIZON_DAYS = 60

export type WorkOrderFailure =
  | 'GW_WORK_ORDER_NOT_FOUND' | 'GW_WORK_ORDER_INVALID_TRANSITION' | 'GW_WORK_ORDER_COMPLETION_INCOMPLETE' | 'GW_WORK_ORDER_FORBIDDEN'
  | 'GW_WORK_ORDER_BAD_TARGET' | 'GW_WORK_ORDER_EXISTS' | 'GW_WORK_ORDER_NO_POSITION' | 'GW_PART_NOT_CARRIED' | 'GW_PART_NOT_IN_STOCK'
  | 'GW_SERVICE_CENTER_NOT_FOUND' | 'GW_SERVICE_CENTER_INCAPABLE' | 'GW_SERVICE_CENTER_FULL' | 'GW_VEHICLE_NOT_FOUND' | 'GW_ALERT_NOT_FOUND' | 'GW_CATALOGUE_NO_ENTRY'

/** What a work order is for: an alert, or a vehicle with a fault family (recall campaign, maintenance). */
export interface Target {
  readonly alertId?: string | undefined
  readonly vehicleId?: string | undefined
  readonly faultFamily?: FaultFamily | undefined
  readonly campaignId?: string | undefined
  readonly optionId?: string | undefined
}

interface Resolved { vehicle: VehicleInfo, family: FaultFamily, kind: WorkOrderKind, alertId: string | null, campaignId: string | null, option: CatalogueEntry | undefined, parts: readonly PartQty[], capability: string }

export interface WorkOrdersDeps {
  readonly pool: pg.Pool
  readonly repo: WorkOrdersRepository
  readonly centers: CentersRepository
  readonly catalogue: CatalogueRepository
  readonly alerts: { get(id: string): Promise<{ vehicleId: string, ruleId: string, state: string, fleet: string, region: string } | undefined> }
  /** Resolves the alert a completed repair answered, with the repair's verdict on it. */
  readonly closeAlert: (alertId: string, by: string, note: string, verdict: Verdict) => Promise<void>
  readonly notifyOwner: (wo: WorkOrder, kind: MessageKind, message: OwnerMessage) => Promise<void>
  readonly audit: (actor: string, action: string, wo: WorkOrder, detail: unknown) => Promise<void>
  readonly log: Log
  readonly now: () => number
}

/** Thrown inside a transaction to roll it back with an expected failure (reservations made so far are undone). */
class Abort extends Error {
  constructor (readonly failure: Result<never, WorkOrderFailure>) { super('aborted') }
}

async function inTransaction<T> (pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<Result<T, WorkOrderFailure>>): Promise<Result<T, WorkOrderFailure>> {
  try {
    return await withTransaction(pool, async (tx) => {
      const r = await fn(tx)
      if (!r.ok) throw new Abort(r)
      return r
    })
  } catch (err) {
    if (err instanceof Abort) return err.failure
    throw err
  }
}

export function createWorkOrdersService (d: WorkOrdersDeps) {
  async function resolveTarget (t: Target, p: Principal | null): Promise<Result<Resolved, WorkOrderFailure>> {
    let vehicleId = t.vehicleId
    let family = t.faultFamily
    let alertId: string | null = null
    if (t.alertId !== undefined) {
      const a = await d.alerts.get(t.alertId)
      if (a === undefined || !inScope(scopeOfRequest(p), a)) return fail('GW_ALERT_NOT_FOUND', `alert ${t.alertId} not found`)
      vehicleId = a.vehicleId
      family = familyOfRule(a.ruleId)
      alertId = t.alertId
      if (family === undefined) return fail('GW_CATALOGUE_NO_ENTRY', `rule ${a.ruleId} has no fault family with parts`)
    }
    if (vehicleId === undefined || family === undefined) return fail('GW_WORK_ORDER_BAD_TARGET', 'give an alertId, or a vehicleId with a faultFamily')
    const vehicle = await d.repo.vehicle(vehicleId)
    if (vehicle === undefined || !inScope(scopeOfRequest(p), vehicle)) return fail('GW_VEHICLE_NOT_FOUND', `vehicle ${vehicleId} not found`)
    const kind: WorkOrderKind = family === 'maintenance' ? 'maintenance' : t.campaignId !== undefined ? 'recall' : 'repair'
    if (family === 'maintenance') {
      const s = await d.catalogue.schedule(vehicle.model)
      if (s === undefined) return fail('GW_CATALOGUE_NO_ENTRY', `model ${vehicle.model} has no service schedule`)
      return ok({ vehicle, family, kind, alertId, campaignId: t.campaignId ?? null, option: undefined, parts: s.parts, capability: s.capability })
    }
    const entries = await d.catalogue.entries(vehicle.model)
    const option = t.optionId === undefined ? primaryOption(entries, family) : entries.find((e) => e.faultFamily === family && e.optionId === t.optionId)
    if (option === undefined) return fail('GW_CATALOGUE_NO_ENTRY', `model ${vehicle.model} has no ${t.optionId ?? 'catalogue'} entry for ${family}`)
    return ok({ vehicle, family, kind, alertId, campaignId: t.campaignId ?? null, option, parts: option.parts, capability: option.capability })
  }

  async function proposals (t: Target, p: Principal | null, limit = 5): Promise<Result<{ target: Resolved, proposals: Proposal[] }, WorkOrderFailure>> {
    const r = await resolveTarget(t, p)
    if (!r.ok) return r
    const v = r.value.vehicle
    if (v.lat === null || v.lon === null) return fail('GW_WORK_ORDER_NO_POSITION', `vehicle ${v.id} has not reported a position`)
    const nowMs = d.now()
    const all = await d.centers.list({})
    const capable = all.filter((c) => c.capabilities.includes(r.value.capability))
    const ids = capable.map((c) => c.id)
    const [stock, booked] = await Promise.all([
      d.centers.stockFor(ids, r.value.parts.map((x) => x.partNumber)),
      d.centers.bookedBays(ids, dayOf(nowMs)),
    ])
    // A repair without parts (an inspection) can be done at any capable centre.
    const stockFor = r.value.parts.length === 0 ? new Map(ids.map((id) => [id, new Map()])) : stock
    const list = propose({ from: { lat: v.lat, lon: v.lon }, capability: r.value.capability, parts: r.value.parts, centers: capable, stock: stockFor, bookedBays: booked, nowMs, limit, horizonDays: SLOT_HORIZON_DAYS })
    return ok({ target: r.value, proposals: list })
  }

  /** Reserves what is on the shelf and picks the first free bay once the rest can arrive. Runs inside the caller's transaction. */
  async function reserveAndSlot (tx: pg.PoolClient, centerId: string, parts: readonly PartQty[], nowMs: number): Promise<Result<{ parts: BookedPart[], readyAtMs: number, slot: string }, WorkOrderFailure>> {
    const day = await d.repo.lockCenterDay(tx, centerId, dayOf(nowMs))
    if (day === undefined) return fail('GW_SERVICE_CENTER_NOT_FOUND', `service centre ${centerId} not found`)
    const booked: BookedPart[] = []
    let readyAtMs = nowMs
    for (const part of parts) {
      if (await d.repo.reserve(tx, centerId, part.partNumber, part.quantity)) {
        booked.push({ ...part, reserved: part.quantity, readyAt: new Date(nowMs).toISOString() })
        continue
      }
      const lead = await d.repo.leadTime(tx, centerId, part.partNumber)
      if (lead === undefined) return fail('GW_PART_NOT_CARRIED', `centre ${centerId} does not carry ${part.partNumber}`)
      const at = nowMs + lead * DAY_MS
      readyAtMs = Math.max(readyAtMs, at)
      booked.push({ ...part, reserved: 0, readyAt: new Date(at).toISOString() })
    }
    const slot = firstFreeSlot(readyAtMs, day.baysPerDay, day.booked, SLOT_HORIZON_DAYS)
    if (slot === undefined) return fail('GW_SERVICE_CENTER_FULL', `centre ${centerId} has no free bay in the next ${SLOT_HORIZON_DAYS} days`)
    return ok({ parts: booked, readyAtMs, slot })
  }

  async function create (t: Target & { centerId: string, book: boolean }, p: Principal | null): Promise<Result<WorkOrder, WorkOrderFailure>> {
    const r = await resolveTarget(t, p)
    if (!r.ok) return r
    const center = await d.centers.get(t.centerId)
    if (center === undefined) return fail('GW_SERVICE_CENTER_NOT_FOUND', `service centre ${t.centerId} not found`)
    if (!center.capabilities.includes(r.value.capability)) return fail('GW_SERVICE_CENTER_INCAPABLE', `centre ${t.centerId} lacks the ${r.value.capability} capability`)
    const nowMs = d.now()
    const at = new Date(nowMs).toISOString()
    const by = p?.actor ?? 'system'
    const v = r.value.vehicle
    const base: WorkOrder = {
      id: randomUUID(), vehicleKey: v.key, vehicleId: v.id, fleet: v.fleet, region: v.region, model: v.model, centerId: center.id, country: center.country,
      kind: r.value.kind, alertId: r.value.alertId, campaignId: r.value.campaignId, faultFamily: r.value.family, optionId: r.value.option?.optionId ?? null,
      state: 'proposed', slotDate: null, parts: r.value.parts.map((x) => ({ ...x, reserved: 0, readyAt: at })), partsReadyAt: null, partsUsed: null, cause: null,
      odometerKm: v.odometerKm, createdBy: by, createdAt: at, updatedAt: at, completedAt: null, seq: 1,
    }
    const out = await inTransaction(d.pool, async (tx): Promise<Result<WorkOrder, WorkOrderFailure>> => {
      if (!t.book) {
        await d.repo.insert(tx, base, [{ seq: 1, from: null, to: 'proposed', by, at, note: null }])
        return ok(base)
      }
      const res = await reserveAndSlot(tx, center.id, r.value.parts, nowMs)
      if (!res.ok) return res
      const wo: WorkOrder = { ...base, state: 'booked', seq: 2, parts: res.value.parts, partsReadyAt: new Date(res.value.readyAtMs).toISOString(), slotDate: res.value.slot }
      await d.repo.insert(tx, wo, [{ seq: 1, from: null, to: 'proposed', by, at, note: null }, { seq: 2, from: 'proposed', to: 'booked', by, at, note: null }])
      return ok(wo)
    }).catch((err: { code?: string, constraint?: string }) => {
      if (err.code === '23505' && err.constraint === 'work_orders_one_per_alert_idx') return fail('GW_WORK_ORDER_EXISTS', `alert ${t.alertId ?? ''} already has an open work order`)
      throw err
    })
    if (!out.ok) return out
    const message: MessageKind = out.value.state === 'booked' ? 'booked' : out.value.kind === 'maintenance' ? 'maintenance_due' : 'proposed'
    await after(out.value, by, message, center.name, v.language, { target: t })
    return out
  }

  async function after (wo: WorkOrder, by: string, kind: MessageKind, centerName: string, language: string | null, detail: unknown): Promise<void> {
    await d.audit(by, `work_order.${kind}`, wo, detail)
    d.log.info({ workOrderId: wo.id, vehicleId: wo.vehicleId, centerId: wo.centerId, state: wo.state, by }, 'work order changed')
    await d.notifyOwner(wo, kind, ownerMessage(kind, language, { vehicleId: wo.vehicleId, center: centerName, slotDate: wo.slotDate, cause: wo.cause }))
  }

  /** A work order the caller may see: technicians their centre's, others their vehicle scope's. Anything else is "not found". */
  async function visible (id: string, p: Principal | null, technicianCenter: string | undefined): Promise<WorkOrder | undefined> {
    const wo = await d.repo.get(id)
    if (wo === undefined || p === null) return undefined
    if (p.role === 'technician') return technicianCenter !== undefined && wo.centerId === technicianCenter ? wo : undefined
    return inScope(scopeOfRequest(p), wo) ? wo : undefined
  }

  interface Step { to: WorkOrderState, note?: string | undefined, cause?: string | undefined, partsUsed?: readonly PartQty[] | undefined }

  async function move (id: string, step: Step, p: Principal | null, technicianCenter: string | undefined): Promise<Result<WorkOrder, WorkOrderFailure>> {
    const seen = await visible(id, p, technicianCenter)
    if (seen === undefined) return fail('GW_WORK_ORDER_NOT_FOUND', `work order ${id} not found`)
    if (!mayTransition(p?.role ?? '', step.to)) return fail('GW_WORK_ORDER_FORBIDDEN', `the ${p?.role ?? 'anonymous'} role may not move a work order to ${step.to}`)
    const by = p?.actor ?? 'system'
    const nowMs = d.now()
    const at = new Date(nowMs).toISOString()
    const out = await inTransaction(d.pool, async (tx): Promise<Result<WorkOrder, WorkOrderFailure>> => {
      const wo = await d.repo.get(id, tx, true)
      if (wo === undefined) return fail('GW_WORK_ORDER_NOT_FOUND', `work order ${id} not found`)
      const t = transition(wo.state, step.to, { cause: step.cause, partsUsed: step.partsUsed })
      if (!t.ok) return t
      let next: WorkOrder = { ...wo, state: step.to, updatedAt: at, seq: wo.seq + 1 }
      if (step.to === 'booked') {
        const res = await reserveAndSlot(tx, wo.centerId, wo.parts, nowMs)
        if (!res.ok) return res
        next = { ...next, parts: res.value.parts, slotDate: res.value.slot, partsReadyAt: new Date(res.value.readyAtMs).toISOString() }
      } else if (step.to === 'cancelled') {
        for (const part of wo.parts) if (part.reserved > 0) await d.repo.release(tx, wo.centerId, part.partNumber, part.reserved)
      } else if (step.to === 'completed') {
        const used = new Map<string, number>()
        for (const u of step.partsUsed ?? []) used.set(u.partNumber, (used.get(u.partNumber) ?? 0) + u.quantity)
        for (const part of wo.parts) {
          const u = used.get(part.partNumber) ?? 0
          // Reserved but not needed goes back on the shelf.
          if (part.reserved > u) await d.repo.release(tx, wo.centerId, part.partNumber, part.reserved - u)
        }
        for (const [partNumber, quantity] of used) {
          const fromReserved = Math.min(quantity, wo.parts.find((x) => x.partNumber === partNumber)?.reserved ?? 0)
          if (!await d.repo.consume(tx, wo.centerId, partNumber, quantity, fromReserved)) {
            return fail('GW_PART_NOT_IN_STOCK', `centre ${wo.centerId} has fewer than ${quantity} × ${partNumber} on the shelf`)
          }
        }
        next = { ...next, partsUsed: [...used].map(([partNumber, quantity]) => ({ partNumber, quantity })), cause: step.cause ?? null, completedAt: at }
      }
      await d.repo.update(tx, next, { seq: next.seq, from: wo.state, to: next.state, by, at, note: step.note ?? null })
      return ok(next)
    })
    if (!out.ok) return out
    const wo = out.value
    if (wo.state === 'completed' && wo.alertId !== null) {
      await d.closeAlert(wo.alertId, by, `work order ${wo.id} completed at ${wo.centerId}: ${wo.cause ?? ''}`, repairVerdict(wo.partsUsed))
    }
    const center = await d.centers.get(wo.centerId)
    const vehicle = await d.repo.vehicle(wo.vehicleId)
    const kind: MessageKind | undefined = wo.state === 'completed' ? 'completed' : wo.state === 'cancelled' ? 'cancelled' : wo.state === 'booked' ? 'booked' : undefined
    if (kind !== undefined) await after(wo, by, kind, center?.name ?? wo.centerId, vehicle?.language ?? null, { step })
    else await d.audit(by, `work_order.${wo.state}`, wo, { note: step.note ?? null })
    return out
  }

  return { resolveTarget, proposals, create, visible, move, repo: d.repo }
}

export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>
