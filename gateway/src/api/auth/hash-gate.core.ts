/**
 * A global cap on concurrent password hashing. scrypt at N = 2^17 costs
 * 128 MiB and a few hundred milliseconds of a core; without a cap a burst of
 * log-ins (or an attacker's) takes every core and the memory with it. Up to
 * `concurrency` hashes run, up to `queue` more wait their turn, anything
 * beyond is refused at once (the caller answers 503 with Retry-After).
 * Pure: no timers, no I/O.
 */
export interface HashGate {
  /** Runs `fn` under the cap; undefined (fn not called) when the gate is full. */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>
  readonly running: number
  readonly waiting: number
}

export function createHashGate (opts: { concurrency: number, queue: number }): HashGate {
  let running = 0
  const waiters: Array<() => void> = []
  const release = () => {
    const next = waiters.shift()
    if (next === undefined) running--
    else next() // the slot passes straight to the next waiter
  }
  return {
    async run (fn) {
      if (running >= opts.concurrency) {
        if (waiters.length >= opts.queue) return undefined
        await new Promise<void>((resolve) => waiters.push(resolve))
      } else {
        running++
      }
      try {
        return await fn()
      } finally {
        release()
      }
    },
    get running () { return running },
    get waiting () { return waiters.length },
  }
}
