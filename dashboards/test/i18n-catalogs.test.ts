import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { en } from '@fleetwire/i18n/catalogs/en'
import { SIGNAL_KEYS } from '@fleetwire/i18n/signals'

/**
 * The dashboards' side of the catalogue check (the catalogues themselves are
 * checked in i18n/src/catalogues.test.ts): every key the components use
 * (t('…') or k('…'), the only ways the app names a message) exists, and every
 * UI key is used. Keys under server.* are the gateway's.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const reference = Object.keys(en).filter((k) => !k.startsWith('server.')).sort()

function sourceFiles (dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === 'catalogs' ? [] : sourceFiles(p)
    return /\.tsx?$/.test(n) && !n.endsWith('.test.ts') ? [p] : []
  })
}

describe('message catalogs', () => {
  it('every key a component uses is in the catalog, and every catalog key is used', () => {
    const used = new Set<string>(['language.name', ...SIGNAL_KEYS])
    const files = sourceFiles(SRC)
    expect(files.length).toBeGreaterThan(10)
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\b[tk]\(\s*'([^']+)'/g)) used.add(m[1] as string)
    }
    expect([...used].filter((k) => !reference.includes(k)), 'keys used but missing from the catalog').toEqual([])
    expect(reference.filter((k) => !used.has(k)), 'catalog keys no component uses').toEqual([])
  })

  it('views contain no hard-coded prose between tags', () => {
    const offenders: string[] = []
    for (const f of sourceFiles(join(SRC, 'views')).filter((p) => p.endsWith('.tsx'))) {
      const text = readFileSync(f, 'utf8')
      // JSX text (after a tag's ">", not an arrow's "=>", up to a closing tag) with a run of letters is literal UI text.
      for (const m of text.matchAll(/(?<![=-])>([^<>{}\n]*[A-Za-z\u4e00-\u9fff]{3,}[^<>{}\n]*)<\//g)) offenders.push(`${f.slice(SRC.length)}: ${(m[1] as string).trim()}`)
    }
    expect(offenders).toEqual([])
  })
})
