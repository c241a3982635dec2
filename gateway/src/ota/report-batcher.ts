/**
 * Collects vehicle reports and writes them in batches with up to `writers`
 * transactions in flight. Reports of one offer never sit in two batches at
 * once (they stay queued until the earlier batch committed), so a vehicle's
 * reports are applied in the order they arrived and two transactions never
 * wait for each other's row locks.
 */
export function createReportBatcher<T> (opts: { keyOf: (item: T) => string, write: (items: T[]) => Promise<void>, flushMs: number, writers: number, maxBatch: number }) {
  const queue: Array<{ item: T, resolve: () => void, reject: (err: unknown) => void }> = []
  const busyKeys = new Set<string>()
  let inFlight = 0
  let timer: NodeJS.Timeout | undefined

  function pump (): void {
    timer = undefined
    while (inFlight < opts.writers && queue.length > 0) {
      const batch: typeof queue = []
      const keys = new Set<string>()
      for (let i = 0; i < queue.length && batch.length < opts.maxBatch;) {
        const e = queue[i] as (typeof queue)[number]
        const k = opts.keyOf(e.item)
        if (busyKeys.has(k) || keys.has(k)) {
          i++
          continue
        }
        keys.add(k)
        batch.push(e)
        queue.splice(i, 1)
      }
      if (batch.length === 0) return
      for (const k of keys) busyKeys.add(k)
      inFlight++
      opts.write(batch.map((b) => b.item)).then(
        () => { for (const b of batch) b.resolve() },
        (err: unknown) => { for (const b of batch) b.reject(err) },
      ).finally(() => {
        inFlight--
        for (const k of keys) busyKeys.delete(k)
        if (queue.length > 0 && timer === undefined) timer = setTimeout(pump, 0)
      })
    }
  }

  return {
    add (item: T): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject })
        if (timer === undefined) timer = setTimeout(pump, opts.flushMs)
      })
    },
    get queued (): number { return queue.length },
  }
}
