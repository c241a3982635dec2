import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type pg from 'pg'
import type { ArtifactStore } from './artifact-store.js'
import { withTransaction } from '../../storage/db.js'

/** Bytes per lo_put / lo_get call: large enough to be few round trips, small enough for one protocol message. */
const CHUNK = 1 << 20

/**
 * OTA artifacts shared by every instance of a cluster: PostgreSQL large
 * objects (`ota_artifact_blobs`: sha256 → oid) are the copy every instance
 * reads; each instance's local content-addressed store is a read-through
 * cache that serves Range requests from disk as before. An upload lands in
 * the local store first (hashed, size-checked), then is copied into a large
 * object in one transaction before the upload is answered; an instance that
 * lacks a file fetches it once, into a temporary file renamed into place.
 *
 * Why large objects rather than an S3-compatible store: no new engine to run,
 * back up and secure; the artifact is in the same backup and the same
 * transaction boundary as its metadata (`ota_artifacts`), and lo_get reads a
 * range without loading the whole object. Artifacts are written once and read
 * by few instances (then cached), so PostgreSQL carries little of the
 * download traffic.
 */
export function createSharedArtifactStore (local: ArtifactStore, dir: string, pool: pg.Pool): ArtifactStore {
  const fetching = new Map<string, Promise<boolean>>()

  async function exportToPostgres (sha256: string): Promise<void> {
    await withTransaction(pool, async (c) => {
      const { rows } = await c.query<{ oid: number }>('SELECT oid FROM ota_artifact_blobs WHERE sha256 = $1', [sha256])
      if (rows.length > 0) return
      const { rows: [created] } = await c.query<{ oid: number }>('SELECT lo_create(0) AS oid')
      const file = createReadStream(local.path(sha256), { highWaterMark: CHUNK })
      let offset = 0
      for await (const chunk of file) {
        await c.query('SELECT lo_put($1, $2, $3)', [created!.oid, offset, chunk])
        offset += (chunk as Buffer).length
      }
      await c.query('INSERT INTO ota_artifact_blobs (sha256, oid, size) VALUES ($1, $2, $3)', [sha256, created!.oid, offset])
    })
  }

  /** Copies the artifact from PostgreSQL into the local store; false when no instance ever stored it. */
  async function importFromPostgres (sha256: string): Promise<boolean> {
    const { rows } = await pool.query<{ oid: number, size: string }>('SELECT oid, size FROM ota_artifact_blobs WHERE sha256 = $1', [sha256])
    const row = rows[0]
    if (row === undefined) return false
    await mkdir(join(dir, 'tmp'), { recursive: true })
    const tmp = join(dir, 'tmp', `fetch-${Date.now()}-${randomBytes(6).toString('hex')}`)
    const out = createWriteStream(tmp, { flags: 'wx' })
    try {
      const size = Number(row.size)
      for (let offset = 0; offset < size; offset += CHUNK) {
        const { rows: [part] } = await pool.query<{ data: Buffer }>('SELECT lo_get($1, $2, $3) AS data', [row.oid, offset, Math.min(CHUNK, size - offset)])
        if (!out.write(part!.data)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => err ? reject(err) : resolve()))
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true })
      await rename(tmp, local.path(sha256))
      return true
    } catch (err) {
      out.destroy()
      await rm(tmp, { force: true })
      throw err
    }
  }

  return {
    async put (body, maxBytes) {
      const r = await local.put(body, maxBytes)
      if (r.ok) await exportToPostgres(r.value.sha256)
      return r
    },
    async size (sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined
      const here = await local.size(sha256)
      if (here !== undefined) return here
      if (await stat(local.path(sha256)).then(() => true, () => false)) return local.size(sha256)
      let f = fetching.get(sha256)
      if (f === undefined) {
        f = importFromPostgres(sha256).finally(() => fetching.delete(sha256))
        fetching.set(sha256, f)
      }
      return await f ? local.size(sha256) : undefined
    },
    read: (sha256, start, end) => local.read(sha256, start, end),
    readRange: (sha256, start, end) => local.readRange(sha256, start, end),
    path: (sha256) => local.path(sha256),
  }
}
