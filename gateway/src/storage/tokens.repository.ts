import type { Queryable } from './db.js'

import type { Role } from '../api/auth/principal.js'

export type { Role }

/** An active token with what its principal needs: the user's current role and scope for log-in tokens. */
export interface TokenRecord {
  readonly tokenId: string
  readonly role: Role
  readonly label: string
  readonly userId: string | null
  readonly username: string | null
  readonly tenantId: string | null
  /** The tenant's fleets; null without a tenant. */
  readonly fleets: string[] | null
  readonly regions: string[] | null
}

export interface TokenInfo {
  readonly id: string
  readonly role: Role
  readonly label: string
  readonly userId: string | null
  readonly tenantId: string | null
  readonly regions: string[] | null
  readonly createdAt: Date
  readonly expiresAt: Date | null
  readonly revokedAt: Date | null
}

export interface NewToken {
  readonly userId?: string | undefined
  readonly tenantId?: string | null | undefined
  readonly regions?: readonly string[] | null | undefined
  readonly expiresAt?: Date | undefined
}

export interface TokensRepository {
  findActiveByHash(hash: Buffer): Promise<TokenRecord | undefined>
  /** Idempotent on the hash. */
  insert(tokenId: string, hash: Buffer, role: Role, label: string, extra?: NewToken): Promise<void>
  countActive(role: Role): Promise<number>
  /** false when the token is unknown or already revoked. */
  revoke(tokenId: string): Promise<boolean>
  revokeForUser(userId: string): Promise<number>
  list(filter: { userId?: string | undefined, active?: boolean | undefined }, limit: number): Promise<TokenInfo[]>
}

export function createTokensRepository (db: Queryable): TokensRepository {
  return {
    async findActiveByHash (hash) {
      const { rows } = await db.query<{ token_id: string, role: Role, label: string, user_id: string | null, username: string | null, tenant_id: string | null, regions: string[] | null, fleets: string[] }>(
        `SELECT t.token_id, coalesce(u.role, t.role) AS role, t.label, t.user_id, u.username,
           coalesce(u.tenant_id, t.tenant_id) AS tenant_id, coalesce(u.regions, t.regions) AS regions,
           ARRAY(SELECT f.fleet FROM tenant_fleets f WHERE f.tenant_id = coalesce(u.tenant_id, t.tenant_id) ORDER BY f.fleet) AS fleets
         FROM api_tokens t LEFT JOIN users u ON u.user_id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`, [hash])
      const r = rows[0]
      return r === undefined
        ? undefined
        : { tokenId: r.token_id, role: r.role, label: r.label, userId: r.user_id, username: r.username, tenantId: r.tenant_id, fleets: r.tenant_id === null ? null : r.fleets, regions: r.regions }
    },
    async insert (tokenId, hash, role, label, extra = {}) {
      await db.query(
        `INSERT INTO api_tokens (token_id, token_hash, role, label, user_id, tenant_id, regions, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (token_hash) DO NOTHING`,
        [tokenId, hash, role, label, extra.userId ?? null, extra.tenantId ?? null, extra.regions ?? null, extra.expiresAt ?? null])
    },
    async countActive (role) {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM api_tokens WHERE role = $1 AND revoked_at IS NULL AND user_id IS NULL', [role])
      return Number(rows[0]?.n ?? 0)
    },
    async revoke (tokenId) {
      const r = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE token_id = $1 AND revoked_at IS NULL', [tokenId])
      return (r.rowCount ?? 0) > 0
    },
    async revokeForUser (userId) {
      const r = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId])
      return r.rowCount ?? 0
    },
    async list (f, limit) {
      const { rows } = await db.query<{ token_id: string, role: Role, label: string, user_id: string | null, tenant_id: string | null, regions: string[] | null, created_at: Date, expires_at: Date | null, revoked_at: Date | null }>(
        `SELECT token_id, role, label, user_id, tenant_id, regions, created_at, expires_at, revoked_at FROM api_tokens
         WHERE ($1::text IS NULL OR user_id = $1)
           AND ($2::boolean IS NULL OR $2 = (revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())))
         ORDER BY created_at DESC LIMIT $3`, [f.userId ?? null, f.active ?? null, limit])
      return rows.map((r) => ({ id: r.token_id, role: r.role, label: r.label, userId: r.user_id, tenantId: r.tenant_id, regions: r.regions, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at }))
    },
  }
}
