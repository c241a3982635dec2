/** Expected outcomes are values, not exceptions (docs/ARCHITECTURE.md, "Errors"). */
export interface Failure<C extends string = string> {
  readonly code: C
  readonly detail: string
}

export type Result<T, C extends string = string> =
  | { readonly ok: true, readonly value: T }
  | { readonly ok: false, readonly error: Failure<C> }

export function ok<T> (value: T): Result<T, never> {
  return { ok: true, value }
}

export function fail<C extends string> (code: C, detail: string): Result<never, C> {
  return { ok: false, error: { code, detail } }
}
