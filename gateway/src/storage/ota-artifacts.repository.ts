import type { Queryable } from './db.js'

export interface ArtifactRecord {
  readonly id: string
  readonly ecu: string
  readonly hardwareIds: readonly string[]
  readonly version: string
  readonly installsOver: readonly string[]
  readonly size: number
  readonly releaseNotes: Readonly<Record<string, string>>
  readonly installDurationS: number
  readonly createdBy: string
  readonly createdAt: Date
}

export type NewArtifact = Omit<ArtifactRecord, 'createdAt'>

export interface OtaArtifactsRepository {
  /** Inserts the metadata; an artifact with the same hash keeps its first metadata (returned). */
  insert(a: NewArtifact): Promise<{ artifact: ArtifactRecord, created: boolean }>
  get(id: string): Promise<ArtifactRecord | undefined>
  getMany(ids: readonly string[]): Promise<ArtifactRecord[]>
  list(limit: number): Promise<ArtifactRecord[]>
}

interface Row {
  artifact_id: string
  ecu: string
  hardware_ids: string[]
  version: string
  installs_over: string[]
  size: string
  release_notes: Record<string, string>
  install_duration_s: number
  created_by: string
  created_at: Date
}

const COLUMNS = 'artifact_id, ecu, hardware_ids, version, installs_over, size, release_notes, install_duration_s, created_by, created_at'
const toRecord = (r: Row): ArtifactRecord => ({
  id: r.artifact_id,
  ecu: r.ecu,
  hardwareIds: r.hardware_ids,
  version: r.version,
  installsOver: r.installs_over,
  size: Number(r.size),
  releaseNotes: r.release_notes,
  installDurationS: r.install_duration_s,
  createdBy: r.created_by,
  createdAt: r.created_at,
})

export function createOtaArtifactsRepository (db: Queryable): OtaArtifactsRepository {
  return {
    async insert (a) {
      const { rows } = await db.query<Row>(
        `INSERT INTO ota_artifacts (artifact_id, ecu, hardware_ids, version, installs_over, size, release_notes, install_duration_s, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) ON CONFLICT (artifact_id) DO NOTHING RETURNING ${COLUMNS}`,
        [a.id, a.ecu, a.hardwareIds, a.version, a.installsOver, a.size, JSON.stringify(a.releaseNotes), a.installDurationS, a.createdBy])
      if (rows[0] !== undefined) return { artifact: toRecord(rows[0]), created: true }
      const existing = await this.get(a.id)
      if (existing === undefined) throw new Error(`artifact ${a.id} vanished during insert`)
      return { artifact: existing, created: false }
    },
    async get (id) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_artifacts WHERE artifact_id = $1`, [id])
      return rows[0] === undefined ? undefined : toRecord(rows[0])
    },
    async getMany (ids) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_artifacts WHERE artifact_id = ANY($1::text[])`, [ids])
      return rows.map(toRecord)
    },
    async list (limit) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ota_artifacts ORDER BY created_at DESC LIMIT $1`, [limit])
      return rows.map(toRecord)
    },
  }
}
