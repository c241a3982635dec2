import type { Log } from './log.js'

/**
 * Runs `fn` until it succeeds, backing off from 100 ms to 5 s. For writes
 * of data a vehicle already sent: giving up would lose it, and the caller
 * holds back the acknowledgement meanwhile. `isClosed` ends the loop on
 * shutdown (the data then stays unacknowledged and the vehicle resends it).
 */
export async function retryUntilDone<T> (what: string, fn: () => Promise<T>, log: Log, isClosed: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if (isClosed()) throw err
      const delay = Math.min(5000, 100 * 2 ** attempt)
      log.error({ err, attempt, retryInMs: delay }, `${what} failed; retrying`)
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}
