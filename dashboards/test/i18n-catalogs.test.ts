import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { en } from '../src/i18n/catalogs/en.js'
import { zhCN } from '../src/i18n/catalogs/zh-CN.js'
import { es } from '../src/i18n/catalogs/es.js'
import { de } from '../src/i18n/catalogs/de.js'

/**
 * The build's catalog check: every catalog has exactly the reference keys
 * with the same placeholders, and every key the components use (t('…') or
 * k('…'), the only ways the app names a message) exists.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const catalogs: Record<string, Readonly<Record<string, string>>> = { 'zh-CN': zhCN, es, de }
const reference = Object.keys(en).sort()
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

function sourceFiles (dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return n === 'catalogs' ? [] : sourceFiles(p)
    return /\.tsx?$/.test(n) && !n.endsWith('.test.ts') ? [p] : []
  })
}

describe('message catalogs', () => {
  it('ships English, Simplified Chinese and at least two more languages', () => {
    expect(Object.keys(catalogs)).toContain('zh-CN')
    expect(Object.keys(catalogs).length).toBeGreaterThanOrEqual(3)
  })

  for (const [lang, cat] of Object.entries(catalogs)) {
    it(`${lang} has every key of the reference catalog, no extra ones, and the same placeholders`, () => {
      const keys = Object.keys(cat).sort()
      expect(reference.filter((k) => !keys.includes(k)), `${lang} misses`).toEqual([])
      expect(keys.filter((k) => !reference.includes(k)), `${lang} has unknown`).toEqual([])
      const wrong = reference.filter((k) => placeholders(cat[k] ?? '').join() !== placeholders(en[k as keyof typeof en]).join())
      expect(wrong, `${lang} placeholders differ`).toEqual([])
      expect(reference.filter((k) => (cat[k] ?? '').trim() === ''), `${lang} empty`).toEqual([])
    })
  }

  it('every key a component uses is in the catalog, and every catalog key is used', () => {
    const used = new Set<string>(['language.name'])
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
