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
