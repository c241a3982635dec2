import { DeadlineExceededError } from '../common/errors.js'

/**
 * Races `work` against a timer. The work is not cancelled: a database
 * write that finishes late still commits, which is harmless because
 * telemetry writes are idempotent (primary key + ON CONFLICT DO NOTHING).
 */
export function withDeadline<T> (work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(what, ms)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
