import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * People's passwords: scrypt (RFC 7914), a memory-hard salted hash, with its
 * parameters stored beside the hash so they can be raised later. N = 2^17,
 * r = 8, p = 1 is OWASP's Password Storage Cheat Sheet minimum: 128 MiB and
 * a few hundred milliseconds per check, so the auth plugin caps how many run
 * at once (hash-gate.core.ts). A hash stored with weaker parameters is
 * replaced at the next successful log-in (needsRehash). (Vehicle and
 * API-token secrets are random 256-bit values and use SHA-256:
 * docs/ARCHITECTURE.md.)
 */
const LOG_N = 17
const R = 8
const P = 1
const KEY_BYTES = 32
// 128 * N * r bytes, plus headroom (node refuses above maxmem).
const MAX_MEM = 256 * 1024 * 1024

function derive (password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { N: 2 ** logN, r, p, maxmem: MAX_MEM }, (err, key) => (err === null ? resolve(key) : reject(err)))
  })
}

export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, LOG_N, R, P)
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Whether `stored` was made with weaker parameters than today's (or another scheme). */
export function needsRehash (stored: string): boolean {
  const [scheme, logN, r, p] = stored.split('$')
  return scheme !== 'scrypt' || Number(logN) < LOG_N || Number(r) < R || Number(p) < P
}

/** Checked against when the username is unknown, so a miss costs as long as a wrong password. */
export const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'))
