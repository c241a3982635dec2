import { createHmac } from 'node:crypto'
import type { Log } from '../../shared/log.js'
import { createOutboxRelay, type OutboxRelay } from '../../shared/outbox-relay.js'
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

/** One signed POST; rejects on a network error or a non-2xx answer. */
async function post (d: Delivery, o: WebhookDispatcherOptions): Promise<undefined> {
  const body = JSON.stringify(d.payload)
  const timestamp = String(Math.floor(o.now() / 1000))
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
  await res.body?.cancel()
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return undefined
}

/**
 * Delivers the durable webhook outbox (webhook_deliveries) through the
 * shared outbox relay. Every event is enqueued once per webhook (primary
 * key), so each receiver gets one delivery per event;
 * `X-Fleetwire-Event-Id` lets it drop the rare repeat after a crash between
 * the POST and its bookkeeping.
 */
export function createWebhookDispatcher (o: WebhookDispatcherOptions): OutboxRelay {
  return createOutboxRelay<Delivery>({
    what: 'webhook delivery',
    log: o.log,
    store: {
      claimDue: (limit, leaseMs) => o.repo.claimDue(limit, leaseMs),
      markSent: (d) => o.repo.markDelivered(d.webhookId, d.eventKey),
      markFailed: (d, error, retryInMs) => o.repo.markFailed(d.webhookId, d.eventKey, error, retryInMs),
    },
    send: (d) => post(d, o),
    attemptsOf: (d) => d.attempts,
    describe: (d) => ({ webhookId: d.webhookId, eventKey: d.eventKey }),
    maxAttempts: o.maxAttempts,
    backoffMs: o.backoffMs,
    pollMs: o.pollMs,
  })
}

export type WebhookDispatcher = OutboxRelay
