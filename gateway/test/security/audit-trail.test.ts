import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, provision, startGateway } from '../helper.js'
import { PASSWORD, call, createUser, login } from './support.js'
import { chainHash, contentHash } from '../../src/audit/chain.core.js'

let gw: TestGateway
let db: pg.Client
let vin: string

beforeAll(async () => {
  gw = await startGateway()
  db = new pg.Client({ connectionString: gw.databaseUrl })
  await db.connect()
  // Security-relevant actions through the real API: log-ins, people, credentials, diagnostics.
  vin = (await provision(gw, { fleet: 'audit-fleet', region: 'EU' })).id
  const u = await createUser(gw, { username: 'auditor', password: PASSWORD, role: 'support' })
  await call(gw, 'POST', '/auth/login', { token: null, body: { username: 'auditor', password: 'wrong password!' } })
  const token = await login(gw, 'auditor', PASSWORD)
  await call(gw, 'POST', `/vehicles/${vin}/diagnostics/clear-dtcs`, { token, body: {} })
  await call(gw, 'POST', `/vehicles/${vin}/credentials/rotate`)
  await call(gw, 'POST', `/vehicles/${vin}/credentials/revoke`)
  await call(gw, 'POST', '/auth/logout', { token })
  await call(gw, 'PATCH', `/users/${u.id}`, { body: { regions: ['EU'] } })
})
afterAll(async () => {
  await db.end()
  await gw.close()
  await gw.dropDatabase()
})

const verify = async () => (await call(gw, 'GET', '/audit/verify')).body

/** The attacker owns the table: it turns the append-only trigger off to tamper. */
async function tamper (sql: string, values: unknown[] = []): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change')
  try {
    await db.query(sql, values)
  } finally {
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change')
  }
}

describe('audit trail', () => {
  it('records who did what to which target, newest first', async () => {
    const items = (await call(gw, 'GET', '/audit?limit=50')).body.items as Array<{ seq: number, actor: string, action: string, target: string, detail: Record<string, unknown> }>
    const actions = items.map((i) => `${i.actor} ${i.action} ${i.target}`).reverse()
    expect(actions).toEqual([
      expect.stringMatching(/^token:\S+ vehicle\.register vehicle:/),
      expect.stringMatching(/^token:\S+ user\.create user:auditor$/),
      'anonymous auth.login_failed user:auditor',
      'user:auditor auth.login user:auditor',
      `user:auditor diagnostics.clear_dtc vehicle:${vin}`,
      expect.stringMatching(/^token:\S+ vehicle\.credentials_rotate vehicle:/),
      expect.stringMatching(/^token:\S+ vehicle\.credentials_revoke vehicle:/),
      expect.stringMatching(/^user:auditor auth\.logout token:/),
      expect.stringMatching(/^token:\S+ user\.update user:auditor$/),
    ])
    expect(items.map((i) => i.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1])
    const clear = items.find((i) => i.action === 'diagnostics.clear_dtc')
    expect(clear?.detail).toMatchObject({ outcome: 'GW_DIAG_VEHICLE_OFFLINE', request: { kind: 'clear_dtc', group: 0xffffff } })
    expect(JSON.stringify(items)).not.toContain(PASSWORD)
    expect((await call(gw, 'GET', '/audit?action=auth')).body.items).toHaveLength(3)
    expect(await verify()).toMatchObject({ valid: true, rows: 9, lastSeq: 9, problems: [] })
  })

  it('the database refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    await expect(db.query("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")).rejects.toThrow(/append-only: UPDATE refused/)
    await expect(db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only: DELETE refused/)
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/)
    // a redaction outside retention's setting is refused too
    await expect(db.query('UPDATE audit_log SET actor = NULL, target = NULL, detail = NULL, redacted_at = now() WHERE seq = 2')).rejects.toThrow(/refused/)
  })

  it('detects an edited middle row, then its repair', async () => {
    const { rows } = await db.query<{ actor: string }>('SELECT actor FROM audit_log WHERE seq = 4')
    await tamper("UPDATE audit_log SET actor = 'user:someone-else' WHERE seq = 4")
    expect(await verify()).toMatchObject({ valid: false, problems: [{ seq: 4, problem: 'content_edited' }] })
    await tamper('UPDATE audit_log SET actor = $1 WHERE seq = 4', [rows[0]?.actor])
    expect((await verify()).valid).toBe(true)
  })

  it('detects an edited last row, even with its content hash recomputed', async () => {
    const { rows } = await db.query<{ detail: unknown, content_hash: Buffer, at: Date, actor: string, action: string, target: string }>('SELECT * FROM audit_log WHERE seq = 9')
    const original = rows[0] as { detail: unknown, content_hash: Buffer, at: Date, actor: string, action: string, target: string }
    await tamper(`UPDATE audit_log SET detail = '{"forged":true}' WHERE seq = 9`)
    expect(await verify()).toMatchObject({ valid: false, problems: [{ seq: 9, problem: 'content_edited' }] })
    // A smarter forger also recomputes the row's content hash: the link to it breaks instead.
    const forged = contentHash({ seq: 9, atMs: original.at.getTime(), actor: original.actor, action: original.action, target: original.target, detail: { forged: true } })
    await tamper('UPDATE audit_log SET content_hash = $1 WHERE seq = 9', [forged])
    expect((await verify()).problems).toEqual([{ seq: 9, problem: 'chain_broken' }])
    await tamper('UPDATE audit_log SET detail = $1::jsonb, content_hash = $2 WHERE seq = 9', [JSON.stringify(original.detail), original.content_hash])
    expect((await verify()).valid).toBe(true)
  })

  it('detects a deleted middle row and deleted newest rows', async () => {
    const { rows } = await db.query('SELECT * FROM audit_log WHERE seq IN (5, 9) ORDER BY seq')
    await tamper('DELETE FROM audit_log WHERE seq = 5')
    expect(await verify()).toMatchObject({ valid: false, rows: 8, problems: [{ seq: 6, problem: 'rows_missing', missing: 1 }, { seq: 6, problem: 'chain_broken' }] })
    await tamper('DELETE FROM audit_log WHERE seq = 9')
    expect((await verify()).problems).toContainEqual({ seq: 9, problem: 'head_mismatch' })
    for (const r of rows) {
      await db.query(`INSERT INTO audit_log (seq, at, actor, action, target, detail, region, content_hash, prev_hash, hash, redacted_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [r.seq, r.at, r.actor, r.action, r.target, r.detail, r.region, r.content_hash, r.prev_hash, r.hash, r.redacted_at])
    }
    expect(await verify()).toMatchObject({ valid: true, rows: 9 })
  })

  it('an exported head catches a rewrite of the whole chain after it, which the stored head cannot', async () => {
    const head = (await call(gw, 'GET', '/audit/head')).body as { seq: number, hash: string }
    expect(head.seq).toBe(9)
    expect((await call(gw, 'GET', `/audit/verify?seq=${head.seq}&hash=${head.hash}`)).body).toMatchObject({ valid: true, problems: [] })
    const { rows } = await db.query('SELECT * FROM audit_log WHERE seq >= 3 ORDER BY seq')
    // The owner edits row 3, recomputes every later hash and audit_head: the chain is consistent again.
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER')
    try {
      let prev = rows[0].prev_hash as Buffer
      for (const r of rows) {
        const actor = Number(r.seq) === 3 ? 'anonymous-forged' : r.actor
        const ch = contentHash({ seq: Number(r.seq), atMs: r.at.getTime(), actor, action: r.action, target: r.target, detail: r.detail })
        const hash = chainHash(prev, ch)
        await db.query('UPDATE audit_log SET actor = $2, content_hash = $3, prev_hash = $4, hash = $5 WHERE seq = $1', [r.seq, actor, ch, prev, hash])
        prev = hash
      }
      await db.query('UPDATE audit_head SET hash = $1', [prev])
    } finally {
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER')
    }
    expect((await verify()).valid).toBe(true)
    expect((await call(gw, 'GET', `/audit/verify?seq=${head.seq}&hash=${head.hash}`)).body).toMatchObject({ valid: false, problems: [{ seq: 9, problem: 'anchor_mismatch' }] })
  })

  it('is admin-only', async () => {
    const support = await login(gw, 'auditor', PASSWORD)
    expect((await call(gw, 'GET', '/audit', { token: support })).status).toBe(403)
    expect((await call(gw, 'GET', '/audit/verify', { token: support })).status).toBe(403)
    expect((await call(gw, 'GET', '/audit/head', { token: support })).status).toBe(403)
  })
})
