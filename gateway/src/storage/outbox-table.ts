import type { Queryable } from './db.js'

/**
 * The SQL every durable outbox table shares (OTA owner notifications,
 * incident owner notices, owner e-mails, webhook deliveries): rows `pending` until sent,
 * leased by pushing `next_attempt_at` forward, retried with backoff, and
 * dead-lettered (`dead`) when the relay gives up. Webhook deliveries claim
 * with a join to their webhook of their own, and share the rest. Table and
 * column names come from code, never from input.
 */
export interface OutboxTableSpec {
  readonly table: string
  /** The columns that identify a row, in the order the key values are passed. */
  readonly key: readonly string[]
  /** Status and timestamp column a successful send sets. */
  readonly done: { readonly status: string, readonly atColumn: string }
  /** The table counts recipients per row (`recipients` column). */
  readonly recipients?: boolean
}

export type OutboxKey = readonly unknown[]

export function createOutboxTable (db: Queryable, spec: OutboxTableSpec) {
  const { table, key } = spec
  const keyMatch = key.map((c, i) => `${c} = $${i + 1}`).join(' AND ')
  const n = key.length
  return {
    /**
     * Leases up to `limit` due pending rows (of these channels, when the
     * table has a channel column) for `leaseMs`: SKIP LOCKED, so two
     * gateways never take the same row, and a row whose sender died is due
     * again when its lease ends. Returns the `returning` columns of each row.
     */
    async claimDue<Row extends object> (returning: readonly string[], limit: number, leaseMs: number, channels?: readonly string[]): Promise<Row[]> {
      const { rows } = await db.query<Row>(
        `WITH due AS (
           SELECT ${key.join(', ')} FROM ${table}
           WHERE status = 'pending' AND next_attempt_at <= now() ${channels === undefined ? '' : 'AND channel = ANY($3::text[])'}
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE ${table} o SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
         FROM due WHERE (${key.map((c) => `o.${c}`).join(', ')}) = (${key.map((c) => `due.${c}`).join(', ')})
         RETURNING ${returning.map((c) => `o.${c}`).join(', ')}`,
        channels === undefined ? [limit, leaseMs] : [limit, leaseMs, channels])
      return rows
    },
    async markSent (keyValues: OutboxKey, recipients?: number): Promise<void> {
      await db.query(
        `UPDATE ${table} SET status = '${spec.done.status}', attempts = attempts + 1, ${spec.done.atColumn} = now(), last_error = NULL
           ${spec.recipients === true ? `, recipients = $${n + 1}` : ''}
         WHERE ${keyMatch}`,
        spec.recipients === true ? [...keyValues, recipients ?? null] : [...keyValues])
    },
    /** Schedules the next attempt, or dead-letters the row when `retryInMs` is undefined. */
    async markFailed (keyValues: OutboxKey, error: string, retryInMs: number | undefined): Promise<void> {
      await db.query(
        `UPDATE ${table} SET attempts = attempts + 1, last_error = $${n + 1},
           status = CASE WHEN $${n + 2}::float8 IS NULL THEN 'dead' ELSE 'pending' END,
           next_attempt_at = CASE WHEN $${n + 2}::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $${n + 2} / 1000.0) END
         WHERE ${keyMatch}`,
        [...keyValues, error.slice(0, 500), retryInMs ?? null])
    },
  }
}
