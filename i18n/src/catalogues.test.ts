import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { CATALOGS, type Catalog } from './index.js'
import { en } from './catalogs/en.js'

/**
 * The catalogue check: every language has exactly the reference keys, every
 * message parses as ICU MessageFormat, keeps the reference's placeholders, and
 * where English chooses a plural the translation has a plural on the same
 * value with every form its language's plural rules need (Arabic: six).
 */
interface Shape { args: Set<string>, plurals: Map<string, Set<string>> }

// Element types of the ICU AST (@formatjs/icu-messageformat-parser TYPE): 5 select, 6 plural.
type Node = { type: number, value?: unknown, options?: Record<string, { value: Node[] }> }
function shape (nodes: Node[], into: Shape = { args: new Set(), plurals: new Map() }): Shape {
  for (const n of nodes) {
    if (n.type >= 1 && n.type <= 6 && typeof n.value === 'string') into.args.add(n.value)
    if (n.type === 6 && typeof n.value === 'string') into.plurals.set(n.value, new Set(Object.keys(n.options ?? {})))
    for (const o of Object.values(n.options ?? {})) shape(o.value, into)
  }
  return into
}
const parse = (message: string, lang: string): Shape => shape(new IntlMessageFormat(message, lang).getAst() as unknown as Node[])

const reference = Object.keys(en).sort()

describe('message catalogues', () => {
  it('ships English, Simplified Chinese, the European, South-East Asian and Arabic markets', () => {
    expect(Object.keys(CATALOGS)).toEqual(expect.arrayContaining(['en', 'zh-CN', 'de', 'es', 'pt-BR', 'fr', 'th', 'id', 'ms', 'ar']))
  })

  for (const [lang, cat] of Object.entries(CATALOGS) as Array<[string, Catalog]>) {
    it(`${lang}: every reference key, no extra ones, every message parses with the same placeholders and plural forms`, () => {
      const keys = Object.keys(cat).sort()
      expect(reference.filter((k) => !keys.includes(k)), `${lang} misses`).toEqual([])
      expect(keys.filter((k) => !reference.includes(k)), `${lang} has unknown`).toEqual([])
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[]
      const problems: string[] = []
      for (const key of reference as Array<keyof typeof en>) {
        const text = cat[key]
        if (text.trim() === '') { problems.push(`${key}: empty`); continue }
        let mine: Shape
        try { mine = parse(text, lang) } catch (e) { problems.push(`${key}: does not parse (${(e as Error).message})`); continue }
        const ref = parse(en[key], 'en')
        if ([...mine.args].sort().join() !== [...ref.args].sort().join()) problems.push(`${key}: placeholders ${[...mine.args]} ≠ ${[...ref.args]}`)
        for (const value of ref.plurals.keys()) {
          const forms = mine.plurals.get(value)
          if (forms === undefined) { problems.push(`${key}: no plural on {${value}}`); continue }
          const missing = categories.filter((c) => !forms.has(c))
          if (missing.length > 0) problems.push(`${key}: plural {${value}} lacks ${missing.join(', ')}`)
        }
      }
      expect(problems).toEqual([])
    })
  }
})
