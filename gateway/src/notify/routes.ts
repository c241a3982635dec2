import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { randomBytes, randomUUID } from 'node:crypto'
import { sendFailure } from '../api/failure-status.js'
import type { Principal } from '../api/auth/index.js'
import type { Webhook } from '../storage/webhooks.repository.js'
import { checkWebhookUrl } from './webhook-url.core.js'
import { LookupFailedError, RefusedAddressError, resolveChecked } from './adapters/guarded-agent.js'

const WebhookBody = Type.Object({
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'https:// (plain http only for an admin with allowInsecure, or when WEBHOOK_ALLOW_HTTP is set); must resolve to public addresses unless the network is in WEBHOOK_ALLOW_PRIVATE_NETWORKS' }),
  allowInsecure: Type.Optional(Type.Boolean({ description: 'admin only: allow a plain-http URL for this webhook' })),
  events: Type.Array(Type.String({ pattern: '^(alert\\.[a-z-]+|ota\\.reminder|service\\.[a-z-]+)$' }), { minItems: 1, description: 'alert.opened, alert.acknowledged, alert.resolved, alert.auto-resolved, alert.reopened; ota.reminder (a fleet owner reminded that a driver has not answered an update); service.booked, service.proposed, service.maintenance-due, service.completed, service.cancelled (work orders)' }),
}, { additionalProperties: false })
const WebhookView = Type.Object({ id: Type.String(), url: Type.String(), events: Type.Array(Type.String()), enabled: Type.Boolean(), tenantId: Type.Union([Type.String(), Type.Null()]) })
const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
const IdParam = Type.Object({ id: Type.String() })

/**
 * Webhook subscriptions. Admins subscribe for every fleet; a fleet owner's
 * webhook belongs to its tenant, receives only events of the tenant's
 * fleets, and is invisible to other tenants (404, as for a missing one).
 */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['webhooks']
  const config = { access: ['admin', 'fleet_owner'] as const }
  /** The tenant a caller's webhooks belong to: null = all fleets (admin), undefined = none (fail closed). */
  const tenantOf = (p: Principal | null): string | null | undefined => p?.role === 'admin' ? null : p?.tenantId ?? undefined
  const notFound = (id: string) => ({ code: 'GW_WEBHOOK_NOT_FOUND', detail: `webhook ${id} not found` })
  async function visible (id: string, p: Principal | null): Promise<Webhook | undefined> {
    const tenant = tenantOf(p)
    const w = await app.notify.webhooks.get(id)
    return w === undefined || tenant === undefined || (tenant !== null && w.tenantId !== tenant) ? undefined : w
  }

  app.post('/webhooks', { config, schema: { tags, summary: 'Subscribe a URL to alert transitions or OTA reminders (a fleet owner: of its own fleets only); the signing secret is shown once', body: WebhookBody, response: { 201: Type.Object({ id: Type.String(), secret: Type.String() }), 400: ErrorBody, 403: ErrorBody } } }, async (req, reply) => {
    const tenantId = tenantOf(req.principal)
    if (tenantId === undefined) return sendFailure(reply, { code: 'GW_WEBHOOK_NO_TENANT', detail: 'a fleet owner without a tenant has no fleets to subscribe to' })
    const url = checkWebhookUrl(req.body.url, { admin: tenantId === null, allowInsecure: req.body.allowInsecure === true, allowHttp: app.config.notify.webhookAllowHttp })
    if (!url.ok) return sendFailure(reply, url.error)
    // Refused early for a clear answer; the dispatcher checks again at every connection (names can change what they resolve to).
    const where = await resolveChecked(url.value.hostname, app.config.notify.webhookAllowedNetworks).catch((err: unknown) => err)
    if (where instanceof RefusedAddressError || where instanceof LookupFailedError) {
      req.log.warn({ host: url.value.hostname, reason: where.name }, 'webhook refused: destination not allowed')
      return sendFailure(reply, {
        code: 'GW_WEBHOOK_ADDRESS_REFUSED',
        detail: where instanceof LookupFailedError
          ? 'the URL\'s host name does not resolve'
          : 'the URL\'s host must resolve to public addresses only (loopback, private, link-local, CGNAT, metadata and other reserved networks are refused)',
      })
    }
    if (where instanceof Error) throw where
    const id = randomUUID()
    const secret = randomBytes(32).toString('base64url')
    await app.notify.webhooks.insert({ id, url: req.body.url, secret, events: req.body.events, enabled: true, tenantId })
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'webhook.create', target: `webhook:${id}`, detail: { url: req.body.url, events: req.body.events, tenantId, allowInsecure: req.body.allowInsecure === true } })
    return reply.code(201).send({ id, secret })
  })

  app.get('/webhooks', { config, schema: { tags, summary: 'List webhooks (a fleet owner: its tenant\'s)', response: { 200: Type.Array(WebhookView) } } }, async (req) => {
    const tenant = tenantOf(req.principal)
    if (tenant === undefined) return []
    return (await app.notify.webhooks.list(tenant ?? undefined)).map(({ secret: _secret, ...w }) => ({ ...w, events: [...w.events] }))
  })

  app.delete('/webhooks/:id', { config, schema: { tags, summary: 'Remove a webhook', params: IdParam, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined || !await app.notify.webhooks.remove(req.params.id)) return sendFailure(reply, notFound(req.params.id))
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'webhook.delete', target: `webhook:${req.params.id}` })
    return reply.code(204).send(null)
  })

  app.get('/webhooks/:id/deliveries', {
    config,
    schema: {
      tags,
      summary: 'Deliveries of a webhook; status=dead lists the dead letters',
      params: IdParam,
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')])), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
      response: { 200: Type.Array(Type.Unknown()), 404: ErrorBody },
    },
  }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, notFound(req.params.id))
    return app.notify.webhooks.deliveries(req.params.id, req.query.status, req.query.limit)
  })
}
