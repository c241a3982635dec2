import type { Queryable } from './db.js'
import { createOutboxTable } from './outbox-table.js'

export interface Webhook {
  readonly id: string
  readonly url: string
  readonly secret: string
  readonly events: readonly string[]
  readonly enabled: boolean
  /** Set for a fleet owner's webhook: it receives only events of its tenant's fleets. null = every fleet (admin). */
  readonly tenantId: string | null
}

export interface Delivery {
  readonly webhookId: string
  readonly eventKey: string
  readonly url: string
  readonly secret: string
  readonly payload: unknown
  readonly attempts: number
  /** The webhook's tenant (null: an admin's), for the delivery-time scheme check. */
  readonly tenantId: string | null
}

export interface DeliveryRecord {
  readonly eventKey: string
  readonly status: 'pending' | 'delivered' | 'dead'
  readonly attempts: number
  readonly lastError: string | null
  readonly createdAt: Date
  readonly deliveredAt: Date | null
}

export interface WebhooksRepository {
  insert(w: Webhook): Promise<void>
  /** Every webhook (tenantId undefined), or only those of one tenant. */
  list(tenantId?: string): Promise<Webhook[]>
  get(id: string): Promise<Webhook | undefined>
  remove(id: string): Promise<boolean>
  /**
   * One delivery per subscribed webhook that may see `fleet` (admin webhooks
   * see every fleet, a tenant's only its own fleets); a second enqueue of the
   * same event key adds nothing.
   */
  enqueue(eventType: string, eventKey: string, payload: unknown, fleet: string | null): Promise<number>
  /**
   * Takes up to `limit` due deliveries and leases them for `leaseMs` (SKIP
   * LOCKED: two gateways never take the same one).
   */
  claimDue(limit: number, leaseMs: number): Promise<Delivery[]>
  markDelivered(webhookId: string, eventKey: string): Promise<void>
  /** Schedules the next attempt, or marks the delivery dead (the dead-letter record) when `retryInMs` is undefined. */
  markFailed(webhookId: string, eventKey: string, error: string, retryInMs: number | undefined): Promise<void>
  deliveries(webhookId: string, status: DeliveryRecord['status'] | undefined, limit: number): Promise<DeliveryRecord[]>
  /** The deliveries of these events, to every webhook. */
  deliveriesOf(eventKeys: readonly string[]): Promise<Array<DeliveryRecord & { webhookId: string }>>
}

interface WebhookRow { webhook_id: string, url: string, secret: string, events: string[], enabled: boolean, tenant_id: string | null }
const WEBHOOK_COLUMNS = 'webhook_id, url, secret, events, enabled, tenant_id'
const toWebhook = (r: WebhookRow): Webhook => ({ id: r.webhook_id, url: r.url, secret: r.secret, events: r.events, enabled: r.enabled, tenantId: r.tenant_id })

export function createWebhooksRepository (db: Queryable): WebhooksRepository {
  const deliveries = createOutboxTable(db, { table: 'webhook_deliveries', key: ['webhook_id', 'event_key'], done: { status: 'delivered', atColumn: 'delivered_at' } })
  return {
    async insert (w) {
      await db.query('INSERT INTO webhooks (webhook_id, url, secret, events, enabled, tenant_id) VALUES ($1, $2, $3, $4, $5, $6)', [w.id, w.url, w.secret, w.events, w.enabled, w.tenantId])
    },
    async list (tenantId) {
      const { rows } = await db.query<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE $1::text IS NULL OR tenant_id = $1 ORDER BY created_at`, [tenantId ?? null])
      return rows.map(toWebhook)
    },
    async get (id) {
      const { rows } = await db.query<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE webhook_id = $1`, [id])
      return rows[0] === undefined ? undefined : toWebhook(rows[0])
    },
    async remove (id) {
      const r = await db.query('DELETE FROM webhooks WHERE webhook_id = $1', [id])
      return (r.rowCount ?? 0) > 0
    },
    async enqueue (eventType, eventKey, payload, fleet) {
      const r = await db.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_key, payload, status)
         SELECT w.webhook_id, $2, $3::jsonb, 'pending' FROM webhooks w WHERE w.enabled AND $1 = ANY(w.events)
           AND (w.tenant_id IS NULL OR EXISTS (SELECT 1 FROM tenant_fleets f WHERE f.tenant_id = w.tenant_id AND f.fleet = $4))
         ON CONFLICT DO NOTHING`,
        [eventType, eventKey, JSON.stringify(payload), fleet])
      return r.rowCount ?? 0
    },
    async claimDue (limit, leaseMs) {
      const { rows } = await db.query<{ webhook_id: string, event_key: string, url: string, secret: string, payload: unknown, attempts: number, tenant_id: string | null }>(
        `WITH due AS (
           SELECT webhook_id, event_key FROM webhook_deliveries
           WHERE status = 'pending' AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
         FROM due, webhooks w
         WHERE d.webhook_id = due.webhook_id AND d.event_key = due.event_key AND w.webhook_id = d.webhook_id
         RETURNING d.webhook_id, d.event_key, w.url, w.secret, d.payload, d.attempts, w.tenant_id`,
        [limit, leaseMs])
      return rows.map((r) => ({ webhookId: r.webhook_id, eventKey: r.event_key, url: r.url, secret: r.secret, payload: r.payload, attempts: r.attempts, tenantId: r.tenant_id }))
    },
    markDelivered: (webhookId, eventKey) => deliveries.markSent([webhookId, eventKey]),
    markFailed: (webhookId, eventKey, error, retryInMs) => deliveries.markFailed([webhookId, eventKey], error, retryInMs),
    async deliveries (webhookId, status, limit) {
      const { rows } = await db.query<{ event_key: string, status: DeliveryRecord['status'], attempts: number, last_error: string | null, created_at: Date, delivered_at: Date | null }>(
        `SELECT event_key, status, attempts, last_error, created_at, delivered_at FROM webhook_deliveries
         WHERE webhook_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC LIMIT $3`,
        [webhookId, status ?? null, limit])
      return rows.map((r) => ({ eventKey: r.event_key, status: r.status, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, deliveredAt: r.delivered_at }))
    },
    async deliveriesOf (eventKeys) {
      if (eventKeys.length === 0) return []
      const { rows } = await db.query<{ webhook_id: string, event_key: string, status: DeliveryRecord['status'], attempts: number, last_error: string | null, created_at: Date, delivered_at: Date | null }>(
        `SELECT webhook_id, event_key, status, attempts, last_error, created_at, delivered_at FROM webhook_deliveries
         WHERE event_key = ANY($1::text[]) ORDER BY created_at, webhook_id`, [eventKeys])
      return rows.map((r) => ({ webhookId: r.webhook_id, eventKey: r.event_key, status: r.status, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, deliveredAt: r.delivered_at }))
    },
  }
}
