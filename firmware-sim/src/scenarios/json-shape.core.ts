/** Shape checks shared by the scenario file's validators. */

export const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** A finite number within [min, max]. */
export const isNumberIn = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max

/** A number, or [min, max] to draw one uniformly from. */
export type Range = number | readonly [number, number]

/** A Range within [min, max] (a pair must be ordered). */
export function isRange (x: unknown, min: number, max: number): x is Range {
  return isNumberIn(x, min, max) || (Array.isArray(x) && x.length === 2 && isNumberIn(x[0], min, max) && isNumberIn(x[1], min, max) && x[0] <= x[1])
}
