import type { Queryable } from './db.js'

import type { Role } from '../api/auth/principal.js'

export type { Role }

export interface TokenRecord {
  readonly tokenId: string
  readonly role: Role
  readonly label: string
}

export interface TokensRepository {
  findActiveByHash(hash: Buffer): Promise<TokenRecord | undefined>
  /** Idempotent on the hash. */
  insert(tokenId: string, hash: Buffer, role: Role, label: string): Promise<void>
  countActive(role: Role): Promise<number>
}

export function createTokensRepository (db: Queryable): TokensRepository {
  return {
    async findActiveByHash (hash) {
      const { rows } = await db.query<{ token_id: string, role: Role, label: string }>(
        'SELECT token_id, role, label FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [hash])
      const r = rows[0]
      return r === undefined ? undefined : { tokenId: r.token_id, role: r.role, label: r.label }
    },
    async insert (tokenId, hash, role, label) {
      await db.query('INSERT INTO api_tokens (token_id, token_hash, role, label) VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO NOTHING',
        [tokenId, hash, role, label])
    },
    async countActive (role) {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM api_tokens WHERE role = $1 AND revoked_at IS NULL', [role])
      return Number(rows[0]?.n ?? 0)
    },
  }
}
