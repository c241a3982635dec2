import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import type { Log } from '../common/log.js'

/**
 * Database roles (docs/ARCHITECTURE.md, "Database roles"). Migration 0023
 * creates the group roles; this file gives the gateway's run-time login its
 * membership. The owner connection runs migrations, the run-time one the pool.
 */
export const RUNTIME_ROLE = 'fleetwire_runtime'
export const READONLY_ROLE = 'fleetwire_readonly'
/** Login role of the embedded server's gateway pool. */
export const EMBEDDED_RUNTIME_LOGIN = 'fleetwire_gateway'

/**
 * The embedded server: a login role in fleetwire_runtime, with a random
 * password kept beside the superuser's (0600). Returns the pool's URL.
 */
export async function ensureEmbeddedRuntimeLogin (owner: pg.ClientBase, ownerUrl: string, dataDir: string): Promise<string> {
  const password = await readOrCreateSecret(path.join(path.resolve(dataDir), 'pg-gateway-password'))
  const literal = owner.escapeLiteral(password)
  const { rowCount } = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_RUNTIME_LOGIN])
  if (rowCount === 0) {
    await owner.query(`CREATE ROLE ${EMBEDDED_RUNTIME_LOGIN} LOGIN PASSWORD ${literal}`).catch((err: { code?: string }) => {
      if (err.code !== '42710' && err.code !== '23505') throw err // created by a concurrent start
    })
  }
  // Set on every start: the file is the truth, also after it was replaced.
  await owner.query(`ALTER ROLE ${EMBEDDED_RUNTIME_LOGIN} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal}`)
  await owner.query(`GRANT ${RUNTIME_ROLE} TO ${EMBEDDED_RUNTIME_LOGIN}`)
  const url = new URL(ownerUrl)
  url.username = EMBEDDED_RUNTIME_LOGIN
  url.password = encodeURIComponent(password)
  return url.toString()
}

/**
 * DATABASE_URL with MIGRATION_DATABASE_URL: makes DATABASE_URL's user a
 * member of fleetwire_runtime when the owner may grant it (otherwise the
 * operator does, README "Database roles"); a failure is logged, not fatal.
 */
export async function grantRuntimeRole (owner: pg.ClientBase, runtimeUrl: string, log: Log): Promise<void> {
  const user = decodeURIComponent(new URL(runtimeUrl).username)
  if (user === '') return
  try {
    await owner.query(`GRANT ${RUNTIME_ROLE} TO ${owner.escapeIdentifier(user)}`)
  } catch (err) {
    log.warn({ role: user, code: (err as { code?: string }).code }, `could not grant ${RUNTIME_ROLE} to the DATABASE_URL role: grant it yourself (GRANT ${RUNTIME_ROLE} TO <role>)`)
  }
}

/**
 * Whether the pool's role is really limited: not a superuser, not the owner
 * (or a member of the owner) of the tables, no UPDATE on the audit trail.
 */
export async function runtimeIsLeastPrivileged (pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ limited: boolean }>(
    `SELECT NOT r.rolsuper AND NOT pg_has_role(current_user, c.relowner, 'USAGE')
            AND NOT has_table_privilege('audit_log', 'UPDATE') AS limited
     FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_log'::regclass`)
  return rows[0]?.limited === true
}

async function readOrCreateSecret (file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const secret = randomBytes(24).toString('hex')
  await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err
  })
  return (await readFile(file, 'utf8')).trim()
}
