import { useEffect, useState } from 'preact/hooks'

/** A value with subscribers: the app's few pieces of global state (session, locale, units, live state). */
export interface Store<T> {
  get(): T
  set(v: T): void
  subscribe(fn: (v: T) => void): () => void
}

export function createStore<T> (initial: T): Store<T> {
  let value = initial
  const subs = new Set<(v: T) => void>()
  return {
    get: () => value,
    set (v) {
      value = v
      for (const fn of [...subs]) fn(v)
    },
    subscribe (fn) {
      subs.add(fn)
      return () => { subs.delete(fn) }
    },
  }
}

export function useStore<T> (s: Store<T>): T {
  const [v, setV] = useState(s.get())
  useEffect(() => {
    setV(s.get())
    return s.subscribe(setV)
  }, [s])
  return v
}
