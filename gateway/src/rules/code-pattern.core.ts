/** Longer "codes" never match: bounds the cost of a user-written RegExp on vehicle input. */
const MAX_CODE_LENGTH = 16
const GLOB = /^[A-Za-z0-9?*]+$/
const SLASHED = /^\/(.+)\/(i?)$/

export type CodeMatcher = (code: string) => boolean

/**
 * Compiles a DTC code pattern. A glob matches the whole code, case-insensitively
 * (`P0A8?`: `?` is one character, `*` any run); a RegExp is written between
 * slashes (`/^P0A[78]/`), so 'P0A8?' can never be mistaken for a RegExp.
 * Returns the reason when the pattern is neither.
 */
export function compileCodePattern (pattern: string): CodeMatcher | string {
  if (GLOB.test(pattern)) {
    const re = new RegExp(`^${pattern.replaceAll('?', '.').replaceAll('*', '.*')}$`, 'i')
    return (code) => code.length <= MAX_CODE_LENGTH && re.test(code)
  }
  const m = SLASHED.exec(pattern)
  if (m === null) return 'expected a glob of letters, digits, ? and * (e.g. P0A8?) or a RegExp between slashes (e.g. /^P0A[78]/)'
  try {
    const re = new RegExp(m[1] as string, m[2])
    return (code) => code.length <= MAX_CODE_LENGTH && re.test(code)
  } catch (err) {
    return `invalid RegExp: ${(err as Error).message}`
  }
}
