import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Vehicle secrets are 256 random bits, so a salted SHA-256 is enough to
 * keep them safe at rest: there is nothing to brute-force, unlike a human
 * password (those get scrypt, see api/auth). A slow hash here would make a
 * fleet of thousands reconnecting after an outage cost minutes of CPU.
 */
export interface StoredSecret {
  readonly salt: Buffer
  readonly hash: Buffer
}

export function hashSecret (secret: string, salt: Buffer): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest()
}

export function storeSecret (secret: string, salt: Buffer): StoredSecret {
  return { salt, hash: hashSecret(secret, salt) }
}

export function secretMatches (secret: string, stored: StoredSecret): boolean {
  const candidate = hashSecret(secret, stored.salt)
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash)
}

/** Formats random bytes as the secret string handed to the vehicle once. */
export function formatSecret (random: Buffer): string {
  return random.toString('base64url')
}
