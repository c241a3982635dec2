import { createHash } from 'node:crypto'

/**
 * The audit hash chain. Pure: each row's content is hashed in a canonical
 * form (keys sorted, so PostgreSQL's jsonb key order does not matter), and
 * the row's hash covers the previous row's hash and its own content hash.
 */
export interface AuditContent {
  readonly seq: number
  readonly atMs: number
  readonly actor: string
  readonly action: string
  readonly target: string
  readonly detail: unknown
}

export interface StoredAuditRow {
  readonly seq: number
  readonly atMs: number
  readonly actor: string | null
  readonly action: string
  readonly target: string | null
  readonly detail: unknown
  readonly contentHash: Buffer
  readonly prevHash: Buffer
  readonly hash: Buffer
  readonly redactedAtMs: number | null
}

export const GENESIS_HASH: Buffer = Buffer.alloc(32)

/** JSON with object keys sorted at every level; undefined members dropped as JSON.stringify does. */
export function canonicalJson (value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export const contentHash = (c: AuditContent): Buffer =>
  createHash('sha256').update(canonicalJson({ seq: c.seq, at: new Date(c.atMs).toISOString(), actor: c.actor, action: c.action, target: c.target, detail: c.detail ?? {} })).digest()

export const chainHash = (prev: Buffer, content: Buffer): Buffer =>
  createHash('sha256').update(prev).update(content).digest()

export type ChainProblem =
  | { readonly seq: number, readonly problem: 'content_edited' }
  | { readonly seq: number, readonly problem: 'chain_broken' }
  | { readonly seq: number, readonly problem: 'rows_missing', readonly missing: number }
  | { readonly seq: number, readonly problem: 'redacted_early' }
  | { readonly seq: number, readonly problem: 'head_mismatch' }
  | { readonly seq: number, readonly problem: 'anchor_mismatch' }

/** A head exported earlier (GET /audit/head) and kept outside the database. */
export interface ChainAnchor { readonly seq: number, readonly hash: Buffer }

/**
 * Checks rows fed in seq order. A row may be redacted (personal fields
 * erased by retention) only when older than `redactableBeforeMs`; then its
 * stored content hash is trusted, since the chain still covers it.
 */
export function createChainVerifier (redactableBeforeMs: number, anchor?: ChainAnchor) {
  let expectedSeq = 1
  let prev: Buffer = GENESIS_HASH
  let rows = 0
  let redacted = 0
  const problems: ChainProblem[] = []
  let anchorSeen = false
  return {
    push (r: StoredAuditRow): void {
      rows++
      if (r.seq !== expectedSeq) problems.push({ seq: r.seq, problem: 'rows_missing', missing: r.seq - expectedSeq })
      if (r.redactedAtMs !== null) {
        redacted++
        if (r.atMs >= redactableBeforeMs || r.actor !== null || r.target !== null) problems.push({ seq: r.seq, problem: 'redacted_early' })
      } else {
        const content = contentHash({ seq: r.seq, atMs: r.atMs, actor: r.actor ?? '', action: r.action, target: r.target ?? '', detail: r.detail })
        if (!content.equals(r.contentHash)) problems.push({ seq: r.seq, problem: 'content_edited' })
      }
      // A gap is already reported; the links on both sides are still checked.
      if (!r.prevHash.equals(prev) || !chainHash(r.prevHash, r.contentHash).equals(r.hash)) problems.push({ seq: r.seq, problem: 'chain_broken' })
      // The row an external copy names must still carry the hash copied then: rewriting the
      // whole chain (and audit_head) after that point cannot reproduce it.
      if (anchor !== undefined && r.seq === anchor.seq) {
        anchorSeen = true
        if (!r.hash.equals(anchor.hash)) problems.push({ seq: r.seq, problem: 'anchor_mismatch' })
      }
      prev = r.hash
      expectedSeq = r.seq + 1
    },
    /** `head` is the (seq, hash) recorded with the newest append; rows deleted from the end show here. */
    finish (head: { seq: number, hash: Buffer } | undefined) {
      const lastSeq = expectedSeq - 1
      if (head !== undefined && (head.seq !== lastSeq || !head.hash.equals(prev))) problems.push({ seq: head.seq, problem: 'head_mismatch' })
      if (head === undefined && rows > 0) problems.push({ seq: lastSeq, problem: 'head_mismatch' })
      if (anchor !== undefined && !anchorSeen) problems.push({ seq: anchor.seq, problem: 'anchor_mismatch' })
      return { valid: problems.length === 0, rows, redacted, lastSeq, lastHash: prev.toString('hex'), problems }
    },
  }
}
