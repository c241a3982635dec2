import type { Queryable } from './db.js'
import type { Role } from '../api/auth/principal.js'

export type UserRole = Exclude<Role, 'service'>

export interface UserRecord {
  readonly id: string
  readonly username: string
  readonly passwordHash: string
  readonly role: UserRole
  readonly tenantId: string | null
  /** The tenant's fleets (what a fleet owner sees); null without a tenant. */
  readonly fleets: string[] | null
  readonly regions: string[] | null
  /** Where notifications reach the person (OTA reminders to fleet owners); optional. */
  readonly email: string | null
  readonly createdAt: Date
}

export interface NewUser {
  readonly id: string
  readonly username: string
  readonly passwordHash: string
  readonly role: UserRole
  readonly tenantId: string | null
  readonly regions: readonly string[] | null
  readonly email: string | null
}

export interface UserChange {
  readonly passwordHash?: string | undefined
  readonly role?: UserRole | undefined
  readonly tenantId?: string | null | undefined
  readonly regions?: readonly string[] | null | undefined
  readonly email?: string | null | undefined
}

export interface Tenant {
  readonly id: string
  readonly name: string
  readonly fleets: string[]
}

export interface UsersRepository {
  /** undefined when the username is taken. */
  insert(u: NewUser): Promise<UserRecord | undefined>
  get(id: string): Promise<UserRecord | undefined>
  findByUsername(username: string): Promise<UserRecord | undefined>
  list(): Promise<UserRecord[]>
  update(id: string, c: UserChange): Promise<UserRecord | undefined>
  remove(id: string): Promise<boolean>
  /** Creates the tenant when missing. */
  ensureTenant(id: string, name: string): Promise<void>
  getTenant(id: string): Promise<Tenant | undefined>
  listTenants(): Promise<Tenant[]>
  renameTenant(id: string, name: string): Promise<void>
  /** Fleets among `fleets` that another tenant owns. */
  fleetsOwnedElsewhere(tenantId: string, fleets: readonly string[]): Promise<string[]>
  addFleets(tenantId: string, fleets: readonly string[]): Promise<void>
  setFleets(tenantId: string, fleets: readonly string[]): Promise<void>
  /** E-mail addresses of the fleet owners of the tenant that owns `fleet`. */
  ownerEmails(fleet: string): Promise<string[]>
}

const COLUMNS = `u.user_id, u.username, u.password_hash, u.role, u.tenant_id, u.regions, u.email, u.created_at,
  ARRAY(SELECT f.fleet FROM tenant_fleets f WHERE f.tenant_id = u.tenant_id ORDER BY f.fleet) AS fleets`

interface Row {
  user_id: string
  username: string
  password_hash: string
  role: UserRole
  tenant_id: string | null
  regions: string[] | null
  email: string | null
  created_at: Date
  fleets: string[]
}

const toRecord = (r: Row): UserRecord => ({
  id: r.user_id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  tenantId: r.tenant_id,
  fleets: r.tenant_id === null ? null : r.fleets,
  regions: r.regions,
  email: r.email,
  createdAt: r.created_at,
})

export function createUsersRepository (db: Queryable): UsersRepository {
  const one = async (where: string, value: string) => {
    const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM users u WHERE ${where} = $1`, [value])
    return rows[0] === undefined ? undefined : toRecord(rows[0])
  }
  return {
    async insert (u) {
      const { rows } = await db.query<{ user_id: string }>(
        `INSERT INTO users (user_id, username, password_hash, role, tenant_id, regions, email) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (username) DO NOTHING RETURNING user_id`,
        [u.id, u.username, u.passwordHash, u.role, u.tenantId, u.regions, u.email])
      return rows[0] === undefined ? undefined : one('u.user_id', u.id)
    },
    get: (id) => one('u.user_id', id),
    findByUsername: (username) => one('lower(u.username)', username.toLowerCase()),
    async list () {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM users u ORDER BY u.username`)
      return rows.map(toRecord)
    },
    async update (id, c) {
      const { rows } = await db.query<{ user_id: string }>(
        `UPDATE users SET
           password_hash = coalesce($2, password_hash),
           role = coalesce($3, role),
           tenant_id = CASE WHEN $4 THEN $5 ELSE tenant_id END,
           regions = CASE WHEN $6 THEN $7::text[] ELSE regions END,
           email = CASE WHEN $8 THEN $9 ELSE email END,
           updated_at = now()
         WHERE user_id = $1 RETURNING user_id`,
        [id, c.passwordHash ?? null, c.role ?? null, c.tenantId !== undefined, c.tenantId ?? null, c.regions !== undefined, c.regions ?? null, c.email !== undefined, c.email ?? null])
      return rows[0] === undefined ? undefined : one('u.user_id', id)
    },
    async remove (id) {
      const r = await db.query('DELETE FROM users WHERE user_id = $1', [id])
      return (r.rowCount ?? 0) > 0
    },
    async ensureTenant (id, name) {
      await db.query('INSERT INTO tenants (tenant_id, name) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING', [id, name])
    },
    async getTenant (id) {
      const { rows } = await db.query<{ tenant_id: string, name: string, fleets: string[] }>(
        'SELECT tenant_id, name, ARRAY(SELECT fleet FROM tenant_fleets f WHERE f.tenant_id = t.tenant_id ORDER BY fleet) AS fleets FROM tenants t WHERE tenant_id = $1', [id])
      const r = rows[0]
      return r === undefined ? undefined : { id: r.tenant_id, name: r.name, fleets: r.fleets }
    },
    async listTenants () {
      const { rows } = await db.query<{ tenant_id: string, name: string, fleets: string[] }>(
        'SELECT tenant_id, name, ARRAY(SELECT fleet FROM tenant_fleets f WHERE f.tenant_id = t.tenant_id ORDER BY fleet) AS fleets FROM tenants t ORDER BY tenant_id')
      return rows.map((r) => ({ id: r.tenant_id, name: r.name, fleets: r.fleets }))
    },
    async renameTenant (id, name) {
      await db.query('UPDATE tenants SET name = $2 WHERE tenant_id = $1', [id, name])
    },
    async fleetsOwnedElsewhere (tenantId, fleets) {
      const { rows } = await db.query<{ fleet: string }>('SELECT fleet FROM tenant_fleets WHERE fleet = ANY($2::text[]) AND tenant_id <> $1 ORDER BY fleet', [tenantId, fleets])
      return rows.map((r) => r.fleet)
    },
    async addFleets (tenantId, fleets) {
      await db.query('INSERT INTO tenant_fleets (fleet, tenant_id) SELECT unnest($2::text[]), $1 ON CONFLICT (fleet) DO NOTHING', [tenantId, fleets])
    },
    async setFleets (tenantId, fleets) {
      await db.query(
        `WITH gone AS (DELETE FROM tenant_fleets WHERE tenant_id = $1 AND fleet <> ALL($2::text[]))
         INSERT INTO tenant_fleets (fleet, tenant_id) SELECT unnest($2::text[]), $1 ON CONFLICT (fleet) DO NOTHING`, [tenantId, fleets])
    },
    async ownerEmails (fleet) {
      const { rows } = await db.query<{ email: string }>(
        `SELECT DISTINCT u.email FROM users u JOIN tenant_fleets f ON f.tenant_id = u.tenant_id
         WHERE f.fleet = $1 AND u.role = 'fleet_owner' AND u.email IS NOT NULL ORDER BY u.email`, [fleet])
      return rows.map((r) => r.email)
    },
  }
}
