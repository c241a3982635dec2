import type pg from 'pg'
import type { Queryable } from '../storage/db.js'
import { withTransaction } from '../storage/db.js'
import type { CatalogueEntry, FaultFamily, ServiceSchedule } from './catalogue.core.js'

export interface CatalogueRepository {
  entries(modelId: string): Promise<CatalogueEntry[]>
  /** Every model's entries (the forecast needs them all). */
  all(): Promise<Map<string, CatalogueEntry[]>>
  replace(modelId: string, entries: readonly CatalogueEntry[]): Promise<void>
  /** Inserts the seed for models that have no entries yet; never overwrites edits. */
  seed(catalogue: Readonly<Record<string, readonly CatalogueEntry[]>>, schedules: Readonly<Record<string, ServiceSchedule>>): Promise<void>
  schedule(modelId: string): Promise<ServiceSchedule | undefined>
  schedules(): Promise<Map<string, ServiceSchedule>>
  putSchedule(modelId: string, s: ServiceSchedule): Promise<void>
}

interface EntryRow { model_id: string, fault_family: FaultFamily, option_id: string, dtc: string | null, parts: CatalogueEntry['parts'], share: number, labour_minutes: number, capability: CatalogueEntry['capability'], description: string }
const toEntry = (r: EntryRow): CatalogueEntry => ({
  faultFamily: r.fault_family, optionId: r.option_id, dtc: r.dtc, parts: r.parts, share: r.share, labourMinutes: r.labour_minutes, capability: r.capability, description: r.description,
})
interface ScheduleRow { model_id: string, every_km: number, every_months: number, parts: ServiceSchedule['parts'], labour_minutes: number, capability: ServiceSchedule['capability'] }
const toSchedule = (r: ScheduleRow): ServiceSchedule => ({ everyKm: r.every_km, everyMonths: r.every_months, parts: r.parts, labourMinutes: r.labour_minutes, capability: r.capability })

async function insertEntries (db: Queryable, modelId: string, entries: readonly CatalogueEntry[], onlyIfEmpty: boolean): Promise<void> {
  if (entries.length === 0) return
  await db.query(
    `INSERT INTO model_parts (model_id, fault_family, option_id, dtc, parts, share, labour_minutes, capability, description)
     SELECT $1, f, o, d, p::jsonb, s, l, c, x FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::int[], $8::text[], $9::text[]) AS u(f, o, d, p, s, l, c, x)
     WHERE NOT $10 OR NOT EXISTS (SELECT 1 FROM model_parts WHERE model_id = $1)
     ON CONFLICT DO NOTHING`,
    [modelId, entries.map((e) => e.faultFamily), entries.map((e) => e.optionId), entries.map((e) => e.dtc), entries.map((e) => JSON.stringify(e.parts)),
      entries.map((e) => e.share), entries.map((e) => e.labourMinutes), entries.map((e) => e.capability), entries.map((e) => e.description), onlyIfEmpty])
}

export function createCatalogueRepository (db: pg.Pool): CatalogueRepository {
  return {
    async entries (modelId) {
      const { rows } = await db.query<EntryRow>('SELECT * FROM model_parts WHERE model_id = $1 ORDER BY fault_family, share DESC, option_id', [modelId])
      return rows.map(toEntry)
    },
    async all () {
      const { rows } = await db.query<EntryRow>('SELECT * FROM model_parts ORDER BY model_id, fault_family, share DESC, option_id')
      const out = new Map<string, CatalogueEntry[]>()
      for (const r of rows) {
        let list = out.get(r.model_id)
        if (list === undefined) out.set(r.model_id, list = [])
        list.push(toEntry(r))
      }
      return out
    },
    async replace (modelId, entries) {
      await withTransaction(db, async (q) => {
        await q.query('DELETE FROM model_parts WHERE model_id = $1', [modelId])
        await insertEntries(q, modelId, entries, false)
      })
    },
    async seed (catalogue, schedules) {
      for (const [modelId, entries] of Object.entries(catalogue)) await insertEntries(db, modelId, entries, true)
      for (const [modelId, s] of Object.entries(schedules)) {
        await db.query(
          `INSERT INTO service_schedules (model_id, every_km, every_months, parts, labour_minutes, capability) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (model_id) DO NOTHING`, [modelId, s.everyKm, s.everyMonths, JSON.stringify(s.parts), s.labourMinutes, s.capability])
      }
    },
    async schedule (modelId) {
      const { rows } = await db.query<ScheduleRow>('SELECT * FROM service_schedules WHERE model_id = $1', [modelId])
      return rows[0] === undefined ? undefined : toSchedule(rows[0])
    },
    async schedules () {
      const { rows } = await db.query<ScheduleRow>('SELECT * FROM service_schedules')
      return new Map(rows.map((r) => [r.model_id, toSchedule(r)]))
    },
    async putSchedule (modelId, s) {
      await db.query(
        `INSERT INTO service_schedules (model_id, every_km, every_months, parts, labour_minutes, capability) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (model_id) DO UPDATE SET every_km = $2, every_months = $3, parts = $4, labour_minutes = $5, capability = $6`,
        [modelId, s.everyKm, s.everyMonths, JSON.stringify(s.parts), s.labourMinutes, s.capability])
    },
  }
}
