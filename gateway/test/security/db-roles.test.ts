import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import configPlugin from '../../src/config/plugin.js'
import storage from '../../src/storage/index.js'
import { type TestGateway, provision, startEmbedded, startGateway } from '../helper.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { freePort } from '../support/free-port.js'
import { PASSWORD, call, createUser, login } from './support.js'

/**
 * Least privilege in the database (docs/ARCHITECTURE.md, "Database roles"):
 * the gateway's run-time role reads and writes rows and appends to the audit
 * trail, nothing else; migrations run as the owner; Grafana reads.
 */
const PERMISSION_DENIED = '42501'

async function client (url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  return c
}

async function errorCode (c: pg.Client, sql: string): Promise<string | undefined> {
  return c.query(sql).then(() => undefined, (err: { code?: string }) => err.code ?? 'no code')
}

/** A login role of the test server, member of `group`; its URL on `db`. */
async function loginRole (owner: pg.Client, db: TestDatabase, group: string): Promise<string> {
  const name = `fw_test_${group.replace('fleetwire_', '')}_${randomBytes(4).toString('hex')}`
  const password = randomBytes(12).toString('hex')
  await owner.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`)
  await owner.query(`GRANT ${group} TO ${name}`)
  const url = new URL(db.url)
  url.username = name
  url.password = password
  return url.toString()
}

describe('external PostgreSQL: DATABASE_URL (runtime) + MIGRATION_DATABASE_URL (owner)', () => {
  let db: TestDatabase
  let owner: pg.Client
  let runtime: pg.Client
  let gw: TestGateway
  let runtimeUrl: string

  beforeAll(async () => {
    db = await createTestDatabase()
    owner = await client(db.url)
    // The runtime login exists before the group role does: the gateway's migration creates the group and grants it.
    const name = `fw_test_runtime_${randomBytes(4).toString('hex')}`
    await owner.query(`CREATE ROLE ${name} LOGIN PASSWORD 'runtime-pass'`)
    const url = new URL(db.url)
    url.username = name
    url.password = 'runtime-pass'
    runtimeUrl = url.toString()
    gw = await startGateway({ MIGRATION_DATABASE_URL: db.url }, runtimeUrl)
    runtime = await client(runtimeUrl)
  })
  afterAll(async () => {
    await runtime.end()
    await gw.close()
    await owner.end()
    await db.drop()
  })

  it('runs the gateway as the runtime role: rows are written, the audit chain grows and verifies', async () => {
    expect((await gw.app.storage.pool.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u).toBe(new URL(runtimeUrl).username)
    await provision(gw, { region: 'EU', fleet: 'roles' })
    await createUser(gw, { username: 'roles-support', password: PASSWORD, role: 'support' })
    await login(gw, 'roles-support', PASSWORD)
    const verify = (await call(gw, 'GET', '/audit/verify')).body
    expect(verify).toMatchObject({ valid: true, rows: 3, lastSeq: 3 })
  })

  it('the runtime role cannot alter or drop tables, switch triggers off or rewrite the audit trail', async () => {
    expect(await errorCode(runtime, 'ALTER TABLE vehicles ADD COLUMN x integer')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'DROP TABLE vehicles')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, "UPDATE audit_log SET actor = 'someone' WHERE seq = 1")).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'DELETE FROM audit_log')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'TRUNCATE audit_log')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, "UPDATE audit_head SET seq = 1, hash = '\\x00'")).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'CREATE TABLE sneaky (x integer)')).toBe(PERMISSION_DENIED)
    expect(await errorCode(runtime, 'DELETE FROM schema_migrations')).toBe(PERMISSION_DENIED)
    // An appended row that does not extend the chain is refused (it can only insert).
    expect(await errorCode(runtime, `INSERT INTO audit_log (seq, at, actor, action, content_hash, prev_hash, hash)
      VALUES (1000, now(), 'forger', 'forged', '\\x00', '\\x00', '\\x00')`)).toBe('23000')
    expect((await call(gw, 'GET', '/audit/verify')).body.valid).toBe(true)
  })

  it('tables of later migrations (created by the owner) are usable by the runtime role', async () => {
    await owner.query('CREATE TABLE later_feature (id integer PRIMARY KEY)')
    await runtime.query('INSERT INTO later_feature VALUES (1)')
    expect((await runtime.query('SELECT count(*)::int AS n FROM later_feature')).rows[0]).toEqual({ n: 1 })
    expect(await errorCode(runtime, 'DROP TABLE later_feature')).toBe(PERMISSION_DENIED)
  })

  it('retention still redacts old audit rows through audit_redact()', async () => {
    const redacted = await gw.app.audit.repo.redact([{ region: null, otherThan: [], beforeMs: Date.now() + 60_000 }])
    expect(redacted).toBeGreaterThan(0)
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM audit_log WHERE redacted_at IS NULL')
    expect(rows[0]).toEqual({ n: 0 })
  })

  it('the read-only role (Grafana) reads and writes nothing', async () => {
    const reader = await client(await loginRole(owner, db, 'fleetwire_readonly'))
    try {
      expect((await reader.query('SELECT count(*)::int AS n FROM vehicles')).rows[0]).toEqual({ n: 1 })
      expect(await errorCode(reader, "INSERT INTO tenants (tenant_id, name) VALUES ('x', 'x')")).toBe(PERMISSION_DENIED)
      expect(await errorCode(reader, 'DELETE FROM vehicles')).toBe(PERMISSION_DENIED)
    } finally {
      await reader.end()
    }
  })
})

describe('one DATABASE_URL only', () => {
  it('says in a log line that least privilege is not in effect', async () => {
    const db = await createTestDatabase()
    const lines: string[] = []
    const sink = new Writable({ write (chunk, _enc, done) { lines.push(String(chunk)); done() } })
    const loaded = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'info' })
    if (!loaded.ok) throw new Error(loaded.error.detail)
    const app = Fastify({ loggerInstance: pino({ level: 'info' }, sink) })
    await app.register(configPlugin, { config: loaded.value })
    await app.register(storage)
    await app.ready()
    await app.close()
    await db.drop()
    expect(lines.some((l) => l.includes('least privilege not in effect'))).toBe(true)
  })
})

describe('embedded PostgreSQL (the default)', () => {
  let gw: TestGateway
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fw-roles-embedded-'))
    gw = await startEmbedded({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) })
  })
  afterAll(async () => {
    await gw.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('creates its runtime login itself and runs the pool as it', async () => {
    const pool = gw.app.storage.pool
    expect((await pool.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u).toBe('fleetwire_gateway')
    await expect(pool.query('ALTER TABLE vehicles ADD COLUMN x integer')).rejects.toMatchObject({ code: PERMISSION_DENIED })
    await expect(pool.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toMatchObject({ code: PERMISSION_DENIED })
    await expect(pool.query("UPDATE audit_log SET actor = 'x'")).rejects.toMatchObject({ code: PERMISSION_DENIED })
    expect((await stat(path.join(dataDir, 'pg-gateway-password'))).mode & 0o077).toBe(0)
    await provision(gw, { region: 'EU' })
    expect((await call(gw, 'GET', '/audit/verify')).body).toMatchObject({ valid: true, rows: 1 })
  })
})
