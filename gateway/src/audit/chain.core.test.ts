import { describe, expect, it } from 'vitest'
import { type StoredAuditRow, GENESIS_HASH, canonicalJson, chainHash, contentHash, createChainVerifier } from './chain.core.js'

function chain (n: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = []
  let prev: Buffer = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const c = { seq, atMs: 1_700_000_000_000 + seq, actor: `user:u${seq}`, action: 'auth.login', target: `user:${seq}`, detail: { ip: '10.0.0.1', n: seq } }
    const ch = contentHash(c)
    const hash = chainHash(prev, ch)
    rows.push({ ...c, contentHash: ch, prevHash: prev, hash, redactedAtMs: null })
    prev = hash
  }
  return rows
}

function verify (rows: StoredAuditRow[], head = rows.at(-1), redactableBeforeMs = 0) {
  const v = createChainVerifier(redactableBeforeMs)
  for (const r of rows) v.push(r)
  return v.finish(head === undefined ? undefined : { seq: head.seq, hash: head.hash })
}

describe('audit chain', () => {
  it('canonical JSON ignores key order at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }))
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}')
  })

  it('accepts an untouched chain', () => {
    expect(verify(chain(5))).toMatchObject({ valid: true, rows: 5, lastSeq: 5, problems: [] })
    expect(verify([], undefined)).toMatchObject({ valid: true, rows: 0 })
  })

  it('finds an edited row', () => {
    const rows = chain(5)
    rows[2] = { ...rows[2] as StoredAuditRow, actor: 'user:someone-else' }
    expect(verify(rows).problems).toEqual([{ seq: 3, problem: 'content_edited' }])
  })

  it('finds an edited row whose content hash was recomputed (the link breaks)', () => {
    const rows = chain(5)
    const r = rows[2] as StoredAuditRow
    const edited = { ...r, detail: { ip: '1.2.3.4' } }
    rows[2] = { ...edited, contentHash: contentHash({ ...edited, actor: edited.actor ?? '', target: edited.target ?? '' }) }
    expect(verify(rows).problems).toEqual([{ seq: 3, problem: 'chain_broken' }])
  })

  it('finds a deleted middle row and deleted newest rows', () => {
    const rows = chain(5)
    expect(verify([...rows.slice(0, 2), ...rows.slice(3)]).problems).toEqual([{ seq: 4, problem: 'rows_missing', missing: 1 }, { seq: 4, problem: 'chain_broken' }])
    expect(verify(rows.slice(0, 4), rows[4]).problems).toEqual([{ seq: 5, problem: 'head_mismatch' }])
  })

  it('accepts rows redacted after their retention period, not before', () => {
    const rows = chain(3)
    const redact = (r: StoredAuditRow): StoredAuditRow => ({ ...r, actor: null, target: null, detail: null, redactedAtMs: 1 })
    rows[0] = redact(rows[0] as StoredAuditRow)
    expect(verify(rows, rows[2], 1_700_000_000_002)).toMatchObject({ valid: true, redacted: 1 })
    rows[2] = redact(rows[2] as StoredAuditRow)
    expect(verify(rows, rows[2], 1_700_000_000_002).problems).toEqual([{ seq: 3, problem: 'redacted_early' }])
  })

  it('checks the chain against an exported head: a forged rewrite of everything after it shows', () => {
    const rows = chain(6)
    const exported = { seq: 4, hash: (rows[3] as StoredAuditRow).hash }
    const anchored = (rs: StoredAuditRow[]) => {
      const v = createChainVerifier(0, exported)
      for (const r of rs) v.push(r)
      return v.finish({ seq: rs.at(-1)?.seq ?? 0, hash: rs.at(-1)?.hash ?? GENESIS_HASH })
    }
    expect(anchored(rows)).toMatchObject({ valid: true })
    // The owner rewrites row 3 and recomputes every later hash and the head: only the anchor notices.
    const forged = chain(6).map((r) => r.seq === 3 ? { ...r, detail: { forged: true } } : r)
    let prev = GENESIS_HASH
    const rewritten = forged.map((r) => {
      const contentHashOf = contentHash({ seq: r.seq, atMs: r.atMs, actor: r.actor ?? '', action: r.action, target: r.target ?? '', detail: r.detail })
      const hash = chainHash(prev, contentHashOf)
      const out = { ...r, contentHash: contentHashOf, prevHash: prev, hash }
      prev = hash
      return out
    })
    expect(verify(rewritten).valid).toBe(true)
    expect(anchored(rewritten).problems).toEqual([{ seq: 4, problem: 'anchor_mismatch' }])
    // Rows deleted down to below the anchor: the anchor's row is gone.
    expect(anchored(rows.slice(0, 3)).problems).toEqual([{ seq: 4, problem: 'anchor_mismatch' }])
  })
})
