import { createHmac } from 'node:crypto'
import type { Log } from '../../shared/log.js'
import type { Delivery, WebhooksRepository } from '../../storage/webhooks.repository.js'

/**
 * Signature header value: HMAC-SHA256 over `{timestamp}.{body}` with the
 * webhook's secret, so a receiver can check origin and freshness
 * (`X-Fleetwire-Timestamp`) and reject replays.
 */
export function signWebhookBody (secret: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export interface WebhookDispatcherOptions {
  repo: WebhooksRepository
  log: Log
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number
  /** Backoff before attempt n+1 (n = attempts so far). */
  backoffMs: (attempts: number) => number
  pollMs: number
  timeoutMs: number
  now: () => number
}

const LEASE_MS = 30_000
const BATCH = 50

/**
 * Delivers the durable outbox (webhook_deliveries) with retries. Every
 * transition is enqueued once per webhook (primary key), so each receiver
 * gets one delivery per transition; `X-Fleetwire-Event-Id` lets it drop the
 * rare repeat after a crash between the POST and its bookkeeping.
 */
export function createWebhookDispatcher (o: WebhookDispatcherOptions) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  async function deliver (d: Delivery): Promise<void> {
    const body = JSON.stringify(d.payload)
    const timestamp = String(Math.floor(o.now() / 1000))
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-fleetwire-event-id': d.eventKey,
          'x-fleetwire-timestamp': timestamp,
          'x-fleetwire-signature': signWebhookBody(d.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(o.timeoutMs),
      })
      if (res.ok) {
        await o.repo.markDelivered(d.webhookId, d.eventKey)
        return
      }
      await fail(d, `HTTP ${res.status}`)
    } catch (err) {
      await fail(d, (err as Error).message)
    }
  }

  async function fail (d: Delivery, error: string): Promise<void> {
    const attempts = d.attempts + 1
    const retryInMs = attempts >= o.maxAttempts ? undefined : o.backoffMs(attempts)
    await o.repo.markFailed(d.webhookId, d.eventKey, error, retryInMs)
    if (retryInMs === undefined) o.log.warn({ webhookId: d.webhookId, eventKey: d.eventKey, attempts, error }, 'webhook delivery dead-lettered')
    else o.log.info({ webhookId: d.webhookId, eventKey: d.eventKey, attempts, error, retryInMs }, 'webhook delivery failed; will retry')
  }

  async function tick (): Promise<void> {
    try {
      const due = await o.repo.claimDue(BATCH, LEASE_MS)
      await Promise.all(due.map(deliver))
    } catch (err) {
      o.log.error({ err }, 'webhook dispatch failed')
    }
  }

  function schedule (): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined
        schedule()
      })
    }, o.pollMs)
  }

  return {
    start: schedule,
    /** Runs a dispatch round now (used after enqueueing, so deliveries don't wait for the poll). */
    kick (): void {
      if (running === undefined && !stopped) {
        clearTimeout(timer)
        running = tick().finally(() => {
          running = undefined
          schedule()
        })
      }
    },
    async stop (): Promise<void> {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>
