import type { ModelSpec } from '../models/model.schema.js'
import type { Queryable } from './db.js'

export interface StoredModel {
  readonly id: string
  readonly spec: ModelSpec
  readonly updatedAt: Date
}

export interface ModelsRepository {
  list(): Promise<StoredModel[]>
  /** Inserts or replaces a model's spec. */
  put(id: string, spec: ModelSpec): Promise<StoredModel>
}

interface Row { model_id: string, spec: ModelSpec, updated_at: Date }
const toStored = (r: Row): StoredModel => ({ id: r.model_id, spec: r.spec, updatedAt: r.updated_at })

export function createModelsRepository (db: Queryable): ModelsRepository {
  return {
    async list () {
      const { rows } = await db.query<Row>('SELECT model_id, spec, updated_at FROM vehicle_models ORDER BY model_id')
      return rows.map(toStored)
    },
    async put (id, spec) {
      const { rows } = await db.query<Row>(
        `INSERT INTO vehicle_models (model_id, spec) VALUES ($1, $2)
         ON CONFLICT (model_id) DO UPDATE SET spec = EXCLUDED.spec, updated_at = now()
         RETURNING model_id, spec, updated_at`, [id, JSON.stringify(spec)])
      return toStored(rows[0] as Row)
    },
  }
}
