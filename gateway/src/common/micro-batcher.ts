/**
 * Collects items for `flushMs` and writes them with one call; each `add()`
 * resolves (or rejects) with the write that carried its item. One write at a
 * time, so rows are never locked by two of our own statements at once.
 */
export function createMicroBatcher<T> (write: (items: T[]) => Promise<void>, flushMs: number) {
  let pending: Array<{ item: T, resolve: () => void, reject: (err: unknown) => void }> = []
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()

  function flush (): void {
    timer = undefined
    const batch = pending
    pending = []
    writing = writing.then(() => write(batch.map((p) => p.item)).then(
      () => { for (const p of batch) p.resolve() },
      (err: unknown) => { for (const p of batch) p.reject(err) }))
  }

  return {
    add (item: T): Promise<void> {
      return new Promise((resolve, reject) => {
        pending.push({ item, resolve, reject })
        if (timer === undefined) timer = setTimeout(flush, flushMs)
      })
    },
  }
}
