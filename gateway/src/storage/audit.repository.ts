import type pg from 'pg'
import { type AuditContent, type StoredAuditRow, GENESIS_HASH, chainHash, contentHash } from '../audit/chain.core.js'

export interface AuditEntry {
  readonly actor: string
  readonly action: string
  readonly target: string
  readonly detail?: Record<string, unknown> | undefined
}

export interface AuditListFilter {
  readonly actor?: string | undefined
  readonly action?: string | undefined
  readonly target?: string | undefined
  readonly fromMs?: number | undefined
  readonly toMs?: number | undefined
  readonly limit: number
  readonly beforeSeq?: number | undefined
}

export interface AuditRepository {
  /** Appends one row to the chain: serialised across processes by an advisory lock. */
  append(e: AuditEntry, atMs: number): Promise<StoredAuditRow>
  list(f: AuditListFilter): Promise<StoredAuditRow[]>
  /** Every row in seq order, a page at a time (for verification). */
  scan(afterSeq: number, limit: number): Promise<StoredAuditRow[]>
  head(): Promise<{ seq: number, hash: Buffer } | undefined>
  /** Erases actor/target/detail of rows older than the cut-off of their region; returns rows redacted. */
  redact(cutoffs: ReadonlyArray<{ region: string | null, otherThan?: readonly string[], beforeMs: number }>): Promise<number>
}

/** Arbitrary fixed key of the audit append lock (pg_advisory_xact_lock). */
const LOCK_KEY = 0x0a0d17
const COLUMNS = `seq::float8 AS seq, (extract(epoch FROM at) * 1000)::float8 AS at_ms, actor, action, target, detail,
  content_hash, prev_hash, hash, (extract(epoch FROM redacted_at) * 1000)::float8 AS redacted_ms`

interface Row {
  seq: number
  at_ms: number
  actor: string | null
  action: string
  target: string | null
  detail: unknown
  content_hash: Buffer
  prev_hash: Buffer
  hash: Buffer
  redacted_ms: number | null
}

const toRow = (r: Row): StoredAuditRow => ({
  seq: r.seq,
  atMs: Math.round(r.at_ms),
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: r.detail,
  contentHash: r.content_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
  redactedAtMs: r.redacted_ms,
})

export function createAuditRepository (pool: pg.Pool): AuditRepository {
  return {
    async append (e, atMs) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
        const { rows } = await client.query<{ seq: string, hash: Buffer }>('SELECT seq, hash FROM audit_head')
        const prev = rows[0] === undefined ? GENESIS_HASH : rows[0].hash
        const seq = rows[0] === undefined ? 1 : Number(rows[0].seq) + 1
        const content: AuditContent = { seq, atMs, actor: e.actor, action: e.action, target: e.target, detail: e.detail ?? {} }
        const ch = contentHash(content)
        const hash = chainHash(prev, ch)
        await client.query(
          `INSERT INTO audit_log (seq, at, actor, action, target, detail, region, content_hash, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb,
             (SELECT region FROM vehicles WHERE $5 LIKE 'vehicle:%' AND vehicle_id = substr($5, 9)), $7, $8, $9)`,
          [seq, new Date(atMs), e.actor, e.action, e.target, JSON.stringify(content.detail), ch, prev, hash])
        // audit_head follows in the same transaction (trigger audit_log_head, which also checks the link).
        await client.query('COMMIT')
        return { seq, atMs, actor: e.actor, action: e.action, target: e.target, detail: content.detail, contentHash: ch, prevHash: prev, hash, redactedAtMs: null }
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },

    async list (f) {
      const { rows } = await pool.query<Row>(
        `SELECT ${COLUMNS} FROM audit_log
         WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action = $2 OR action LIKE $2 || '.%')
           AND ($3::text IS NULL OR target = $3)
           AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at < $5)
           AND ($6::bigint IS NULL OR seq < $6)
         ORDER BY seq DESC LIMIT $7`,
        [f.actor ?? null, f.action ?? null, f.target ?? null, f.fromMs === undefined ? null : new Date(f.fromMs),
          f.toMs === undefined ? null : new Date(f.toMs), f.beforeSeq ?? null, f.limit])
      return rows.map(toRow)
    },

    async scan (afterSeq, limit) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit])
      return rows.map(toRow)
    },

    async head () {
      const { rows } = await pool.query<{ seq: string, hash: Buffer }>('SELECT seq, hash FROM audit_head')
      return rows[0] === undefined ? undefined : { seq: Number(rows[0].seq), hash: rows[0].hash }
    },

    async redact (cutoffs) {
      const client = await pool.connect()
      let redacted = 0
      try {
        await client.query('BEGIN')
        for (const c of cutoffs) {
          // audit_redact() runs as the table's owner: the gateway's role has no UPDATE on audit_log.
          const r = await client.query<{ n: string }>('SELECT audit_redact($1, $2, $3::text[]) AS n', [new Date(c.beforeMs), c.region, c.otherThan ?? []])
          redacted += Number(r.rows[0]?.n ?? 0)
        }
        await client.query('COMMIT')
        return redacted
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
  }
}
