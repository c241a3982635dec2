import { describe, expect, it } from 'vitest'
import { formatSecret, secretMatches, storeSecret } from './credentials.core.js'

describe('vehicle credentials', () => {
  const salt = Buffer.alloc(16, 1)
  it('matches only the issued secret', () => {
    const secret = formatSecret(Buffer.alloc(32, 9))
    const stored = storeSecret(secret, salt)
    expect(secretMatches(secret, stored)).toBe(true)
    expect(secretMatches(secret + 'x', stored)).toBe(false)
    expect(secretMatches('', stored)).toBe(false)
  })
  it('stores a salted hash, never the secret', () => {
    const secret = formatSecret(Buffer.alloc(32, 3))
    const a = storeSecret(secret, salt)
    const b = storeSecret(secret, Buffer.alloc(16, 2))
    expect(a.hash.equals(b.hash)).toBe(false)
    expect(a.hash.toString('utf8')).not.toContain(secret)
  })
})
