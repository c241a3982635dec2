import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { en } from './catalogs/en.js'

/**
 * The gateway's side of the catalogue check: every server.* key exists and
 * is used by the gateway. Default rules' names (server.ruleName.<rule id>)
 * are looked up by rule id; gateway/src/rules/reason.core.test.ts checks them
 * against the default rules.
 */
const GATEWAY = fileURLToPath(new URL('../../gateway/src/', import.meta.url))
function sourceFiles (dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : []
  })
}

describe('server messages', () => {
  it('every server.* key the gateway names exists, and every one is used', () => {
    const used = new Set<string>()
    for (const f of sourceFiles(GATEWAY)) for (const m of readFileSync(f, 'utf8').matchAll(/'(server\.[\w.]+)'/g)) used.add(m[1] as string)
    const keys = Object.keys(en).filter((k) => k.startsWith('server.') && !k.startsWith('server.ruleName.'))
    expect([...used].filter((k) => !keys.includes(k))).toEqual([])
    expect(keys.filter((k) => !used.has(k))).toEqual([])
    expect(keys.length).toBeGreaterThan(10)
  })
})
