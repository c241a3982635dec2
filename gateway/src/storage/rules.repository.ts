import type { Rule } from '../rules/rule.schema.js'
import type { Queryable } from './db.js'

export interface StoredRule {
  readonly rule: Rule
  readonly builtin: boolean
  readonly version: number
  readonly updatedAt: Date
}

export interface RulesRepository {
  list(): Promise<StoredRule[]>
  get(id: string): Promise<StoredRule | undefined>
  /** Inserts the built-in rules that are missing; never overwrites an edited one. */
  seed(rules: readonly Rule[]): Promise<number>
  /** undefined when the id exists (create) or does not (update). */
  create(rule: Rule): Promise<StoredRule | undefined>
  update(rule: Rule): Promise<StoredRule | undefined>
  /** Rule state snapshots, all at once: rebuilt into memory at start-up. */
  loadStates(): Promise<Map<number, unknown>>
  saveStates(states: ReadonlyMap<number, unknown>): Promise<void>
  /** (vehicle, rule) pairs with an open or acknowledged alert. */
  activeAlertPairs(): Promise<Array<{ vehicleKey: number, ruleId: string }>>
}

interface Row { doc: Rule, builtin: boolean, version: number, updated_at: Date }
const toStored = (r: Row): StoredRule => ({ rule: r.doc, builtin: r.builtin, version: r.version, updatedAt: r.updated_at })

export function createRulesRepository (db: Queryable): RulesRepository {
  return {
    async list () {
      const { rows } = await db.query<Row>('SELECT doc, builtin, version, updated_at FROM rules ORDER BY rule_id')
      return rows.map(toStored)
    },
    async get (id) {
      const { rows } = await db.query<Row>('SELECT doc, builtin, version, updated_at FROM rules WHERE rule_id = $1', [id])
      return rows[0] === undefined ? undefined : toStored(rows[0])
    },
    async seed (rules) {
      const r = await db.query(
        `INSERT INTO rules (rule_id, doc, enabled, builtin) SELECT d->>'id', d, (d->>'enabled')::boolean, true
         FROM jsonb_array_elements($1::jsonb) AS d ON CONFLICT (rule_id) DO NOTHING`, [JSON.stringify(rules)])
      return r.rowCount ?? 0
    },
    async create (rule) {
      const { rows } = await db.query<Row>(
        `INSERT INTO rules (rule_id, doc, enabled) VALUES ($1, $2::jsonb, $3) ON CONFLICT (rule_id) DO NOTHING
         RETURNING doc, builtin, version, updated_at`, [rule.id, JSON.stringify(rule), rule.enabled])
      return rows[0] === undefined ? undefined : toStored(rows[0])
    },
    async update (rule) {
      const { rows } = await db.query<Row>(
        `UPDATE rules SET doc = $2::jsonb, enabled = $3, version = version + 1, updated_at = now() WHERE rule_id = $1
         RETURNING doc, builtin, version, updated_at`, [rule.id, JSON.stringify(rule), rule.enabled])
      return rows[0] === undefined ? undefined : toStored(rows[0])
    },
    async loadStates () {
      const { rows } = await db.query<{ vehicle_key: number, state: unknown }>('SELECT vehicle_key, state FROM rule_state')
      return new Map(rows.map((r) => [r.vehicle_key, r.state]))
    },
    async saveStates (states) {
      if (states.size === 0) return
      await db.query(
        `INSERT INTO rule_state (vehicle_key, state) SELECT k, s FROM unnest($1::int[], $2::jsonb[]) AS x(k, s)
         ON CONFLICT (vehicle_key) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [[...states.keys()], [...states.values()].map((s) => JSON.stringify(s))])
    },
    async activeAlertPairs () {
      const { rows } = await db.query<{ vehicle_key: number, rule_id: string }>("SELECT vehicle_key, rule_id FROM alerts WHERE state <> 'resolved'")
      return rows.map((r) => ({ vehicleKey: r.vehicle_key, ruleId: r.rule_id }))
    },
  }
}
