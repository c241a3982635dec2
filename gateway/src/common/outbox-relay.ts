import type { Log } from './log.js'

/**
 * What a durable outbox table must offer so that a relay can empty it: a
 * claim that leases due rows (SKIP LOCKED, so two gateways never send the
 * same row; a row whose sender died is claimed again when its lease runs
 * out), and the bookkeeping after an attempt.
 */
export interface OutboxStore<T> {
  claimDue(limit: number, leaseMs: number): Promise<T[]>
  markSent(item: T, outcome: SendOutcome): Promise<void>
  /** Schedules the next attempt, or dead-letters the row when `retryInMs` is undefined. */
  markFailed(item: T, error: string, retryInMs: number | undefined): Promise<void>
}

/** What a successful send reports back for the row (e.g. how many recipients got it). */
export interface SendOutcome { readonly recipients?: number }

export interface OutboxRelayOptions<T> {
  readonly store: OutboxStore<T>
  /** Sends one row; throws (or rejects) when the attempt failed. */
  readonly send: (item: T) => Promise<SendOutcome | undefined>
  /** Attempts made before this one (from the row). */
  readonly attemptsOf: (item: T) => number
  /** Log fields naming a row. */
  readonly describe: (item: T) => Record<string, unknown>
  readonly what: string
  readonly log: Log
  /** Attempts before a row is dead-lettered. */
  readonly maxAttempts: number
  /** Backoff before attempt n+1 (n = attempts so far). */
  readonly backoffMs: (attempts: number) => number
  readonly pollMs: number
  readonly leaseMs?: number
  readonly batch?: number
}

export interface OutboxRelay {
  start(): void
  /** Runs a round now (after enqueueing, so rows don't wait for the poll). */
  kick(): void
  /** One round, awaited (tests, shutdown). */
  drain(): Promise<void>
  stop(): Promise<void>
}

/** Exponential backoff from `baseMs`, capped at `maxMs`. */
export const exponentialBackoff = (baseMs: number, maxMs: number) => (attempts: number): number => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))

/**
 * Empties a durable outbox with retries and a dead letter: the one loop
 * behind alert webhooks and OTA fleet-owner notifications. Rows are sent at
 * least once; each store's unique keys (and the event id a receiver sees)
 * make a repeat after a crash between the send and its bookkeeping harmless.
 */
export function createOutboxRelay<T> (o: OutboxRelayOptions<T>): OutboxRelay {
  const leaseMs = o.leaseMs ?? 30_000
  const batch = o.batch ?? 50
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  async function attempt (item: T): Promise<void> {
    let error: string
    try {
      const outcome = await o.send(item)
      await o.store.markSent(item, outcome ?? {})
      return
    } catch (err) {
      error = (err as Error).message
    }
    const attempts = o.attemptsOf(item) + 1
    const retryInMs = attempts >= o.maxAttempts ? undefined : o.backoffMs(attempts)
    await o.store.markFailed(item, error, retryInMs)
    if (retryInMs === undefined) o.log.warn({ ...o.describe(item), attempts, error }, `${o.what} dead-lettered`)
    else o.log.info({ ...o.describe(item), attempts, error, retryInMs }, `${o.what} failed; will retry`)
  }

  async function round (): Promise<void> {
    try {
      const due = await o.store.claimDue(batch, leaseMs)
      await Promise.all(due.map((item) => attempt(item).catch((err: unknown) => o.log.error({ err, ...o.describe(item) }, `${o.what} bookkeeping failed`))))
    } catch (err) {
      o.log.error({ err }, `${o.what} relay failed`)
    }
  }

  function schedule (): void {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(runNow, o.pollMs)
    timer.unref()
  }

  function runNow (): void {
    running = round().finally(() => {
      running = undefined
      schedule()
    })
  }

  return {
    start: schedule,
    kick (): void {
      if (running === undefined && !stopped) {
        clearTimeout(timer)
        runNow()
      }
    },
    async drain (): Promise<void> {
      while (running !== undefined) await running
      await round()
    },
    async stop (): Promise<void> {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
