import { createHmac } from 'node:crypto'
import { type Dispatcher, fetch } from 'undici'
import type { Log } from '../../common/log.js'
import { createOutboxRelay, type OutboxRelay } from '../../common/outbox-relay.js'
import type { Delivery, WebhooksRepository } from '../../storage/webhooks.repository.js'
import { LookupFailedError, RefusedAddressError } from './guarded-agent.js'

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
  /** Opens every connection (createGuardedAgent: refuses private, loopback, metadata, … addresses). */
  dispatcher: Dispatcher
  /** Plain http:// for fleet owners' webhooks (WEBHOOK_ALLOW_HTTP); admins' need allowInsecure when registered. */
  allowHttpForTenants: boolean
}

/**
 * What a failed delivery stores (and a fleet owner can read back in
 * /webhooks/:id/deliveries): a class, never the network detail, which
 * would tell a caller which internal hosts and ports answer.
 */
export type DeliveryFailure = 'refused_scheme' | 'refused_address' | 'dns_failed' | 'connect_failed' | 'timeout' | 'redirect_refused' | 'http_4xx' | 'http_5xx' | 'http_other'

class DeliveryFailed extends Error {
  constructor (readonly failure: DeliveryFailure, cause?: unknown) {
    super(failure, { cause })
  }
}

export function failureOf (err: unknown): DeliveryFailure {
  if (err instanceof DeliveryFailed) return err.failure
  // fetch wraps connection errors in TypeError('fetch failed', { cause }).
  const cause = err instanceof Error && err.cause !== undefined ? err.cause : err
  if (cause instanceof RefusedAddressError) return 'refused_address'
  if (cause instanceof LookupFailedError) return 'dns_failed'
  const name = (err as { name?: string }).name
  const code = (cause as { code?: string }).code
  if (name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout'
  return 'connect_failed'
}

const statusFailure = (status: number): DeliveryFailure =>
  status >= 300 && status < 400 ? 'redirect_refused' : status >= 400 && status < 500 ? 'http_4xx' : status >= 500 ? 'http_5xx' : 'http_other'

/** One signed POST; rejects with a DeliveryFailure class on a network error, a redirect or a non-2xx answer. */
async function post (d: Delivery, o: WebhookDispatcherOptions): Promise<undefined> {
  // Registration checks the scheme too; this covers rows written before that check existed.
  if (d.tenantId !== null && !o.allowHttpForTenants && !d.url.startsWith('https:')) throw new DeliveryFailed('refused_scheme')
  const body = JSON.stringify(d.payload)
  const timestamp = String(Math.floor(o.now() / 1000))
  const res = await fetch(d.url, {
    method: 'POST',
    dispatcher: o.dispatcher,
    // A redirect could point anywhere (another host, another scheme): a receiver must answer itself.
    redirect: 'manual',
    headers: {
      'content-type': 'application/json',
      'x-fleetwire-event-id': d.eventKey,
      'x-fleetwire-timestamp': timestamp,
      'x-fleetwire-signature': signWebhookBody(d.secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(o.timeoutMs),
  }).catch((err: unknown) => {
    o.log.debug({ webhookId: d.webhookId, err }, 'webhook connection failed')
    throw new DeliveryFailed(failureOf(err), err)
  })
  await res.body?.cancel()
  if (res.status < 200 || res.status > 299) throw new DeliveryFailed(statusFailure(res.status))
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
