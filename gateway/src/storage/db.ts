import type pg from 'pg'

/**
 * The smallest database surface the repositories need. `pg.Pool`,
 * `pg.PoolClient` and the PGlite test adapter all satisfy it, so the same
 * migrations and queries run on PostgreSQL, TimescaleDB and PGlite.
 */
export interface QueryResultLike<R> {
  rows: R[]
  rowCount?: number | null
}

export interface Queryable {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResultLike<R>>
}

/** The one transaction helper: BEGIN, run `fn` on one client, COMMIT, or ROLLBACK and rethrow. */
export async function withTransaction<T> (pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const out = await fn(client)
    await client.query('COMMIT')
    return out
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}
