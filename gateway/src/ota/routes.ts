import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Readable } from 'node:stream'
import { sendFailure } from '../api/failure-status.js'
import { ErrorBody } from '../vehicles/schemas.js'
import { inScope, isUnrestricted, scopeOfRequest, type Principal, type Role } from '../api/auth/index.js'
import { createOtaCampaignsRepository } from '../storage/ota-campaigns.repository.js'
import { createOtaUpdatesRepository } from '../storage/ota-updates.repository.js'
import { createOtaNotificationsRepository } from '../storage/ota-notifications.repository.js'
import { parseArtifactMeta } from './artifacts.service.js'
import { narrowTarget, type CampaignControl } from './campaign.core.js'
import { Artifact, ArtifactUploadQuery, CampaignDetail, CampaignIdParam, CampaignSummary, Control, NewCampaign, NotificationView, Preview } from './schemas.js'
import { artifactDto, progressOf, summaryDto } from './views.js'

const MANAGE: readonly Role[] = ['admin', 'support']
const tags = ['ota']
const actorOf = (p: { actor: string } | null) => p?.actor ?? 'unknown'
const campaignNotFound = (id: string) => ({ code: 'GW_OTA_CAMPAIGN_NOT_FOUND', detail: `campaign ${id} not found` })
const beyondScope = (id: string) => ({ code: 'GW_OTA_CAMPAIGN_OUT_OF_SCOPE', detail: `campaign ${id} also targets vehicles outside your regions or fleets: only an engineer responsible for all of them may control it` })
/** Event detail a scoped caller may read: states and waves, not counts or fleets of other regions. */
const SCOPED_EVENT_KEYS = new Set(['from', 'to', 'wave', 'reason', 'startsAt', 'endsAt'])
const scopedDetail = (detail: unknown) => detail !== null && typeof detail === 'object'
  ? Object.fromEntries(Object.entries(detail).filter(([k]) => SCOPED_EVENT_KEYS.has(k)))
  : {}

/** Artifacts, campaigns and their controls (admin and support). */
export const otaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ota } = app
  const campaigns = createOtaCampaignsRepository(app.storage.pool)
  const updates = createOtaUpdatesRepository(app.storage.pool)
  /**
   * A campaign the caller may see (repository SCOPED: a target vehicle in its
   * scope, or a target naming its region); others answer like missing ones.
   */
  const visible = (id: string, p: Principal | null) => campaigns.get(id, scopeOfRequest(p))
  /** The request's campaign spec with the target narrowed to the caller's regions/fleets. */
  const scoped = <B extends { target: Parameters<typeof narrowTarget>[0] }>(body: B, p: Principal | null) => {
    const t = narrowTarget(body.target, scopeOfRequest(p))
    return t.ok ? { ok: true as const, value: { ...body, target: t.value } } : t
  }

  /** The target selection with the VINs it names narrowed to the caller's vehicles. */
  async function targetInScope (target: Record<string, unknown>, scope: ReturnType<typeof scopeOfRequest>): Promise<Record<string, unknown>> {
    if (!Array.isArray(target.vins)) return target
    const vins = []
    for (const vin of target.vins as unknown[]) {
      const v = typeof vin === 'string' ? await app.vehicles.get(vin) : undefined
      if (v !== undefined && inScope(scope, v)) vins.push(vin)
    }
    return { ...target, vins }
  }

  // Artifacts are streamed to disk: the body reaches the handler as the raw request stream.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload))

  app.get('/ota/keys', {
    config: { public: true },
    schema: { tags, summary: 'The Ed25519 public key vehicles pin to verify offers', security: [], response: { 200: Type.Object({ keys: Type.Array(Type.Object({ keyId: Type.String(), algorithm: Type.Literal('ed25519'), publicKeyPem: Type.String(), publicKeyRaw: Type.String({ description: 'base64, 32 bytes' }) })) }) } },
  }, async () => ({ keys: [{ keyId: ota.signer.keyId, algorithm: 'ed25519' as const, publicKeyPem: ota.signer.publicKeyPem, publicKeyRaw: ota.signer.publicKeyRaw.toString('base64') }] }))

  app.get('/ota/artifacts', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Uploaded software packages', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }) }), response: { 200: Type.Object({ items: Type.Array(Artifact) }) } },
  }, async (req) => ({ items: (await ota.artifacts.list(req.query.limit)).map(artifactDto) }))

  app.get('/ota/artifacts/:id', {
    config: { access: MANAGE },
    schema: { tags, summary: 'One artifact', params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) }), response: { 200: Artifact, 404: ErrorBody } },
  }, async (req, reply) => {
    const a = await ota.artifacts.get(req.params.id)
    return a === undefined ? sendFailure(reply, { code: 'GW_OTA_ARTIFACT_NOT_FOUND', detail: `artifact ${req.params.id} not found` }) : artifactDto(a)
  })

  app.post('/ota/artifacts', {
    config: { access: MANAGE },
    bodyLimit: Number.MAX_SAFE_INTEGER, // the store enforces OTA_ARTIFACT_MAX_BYTES while streaming
    // That bodyLimit would also let the JSON and text parsers buffer gigabytes before the handler's 415:
    // any other content type is refused before a byte of the body is read.
    onRequest: async (req, reply) => {
      if (req.headers['content-type']?.startsWith('application/octet-stream') !== true) {
        reply.header('connection', 'close')
        return reply.code(415).send({ code: 'GW_OTA_BAD_METADATA', message: 'send the package as application/octet-stream' })
      }
    },
    schema: {
      tags,
      summary: 'Upload a software package: raw body (Content-Type application/octet-stream), metadata in the query. Content-addressed: the same bytes again answer 200 with the existing artifact.',
      querystring: ArtifactUploadQuery,
      response: { 200: Artifact, 201: Artifact, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const meta = parseArtifactMeta(req.query)
    if (!meta.ok) {
      (req.body as Readable | undefined)?.resume()
      return sendFailure(reply, meta.error)
    }
    if (req.headers['content-type']?.startsWith('application/octet-stream') !== true) return reply.code(415).send({ code: 'GW_OTA_BAD_METADATA', message: 'send the package as application/octet-stream' })
    const r = await ota.artifacts.upload(req.body as Readable, meta.value, actorOf(req.principal))
    if (!r.ok) return sendFailure(reply, r.error)
    await app.audit.record({ actor: actorOf(req.principal), action: 'ota.artifact.upload', target: `artifact:${r.value.artifact.id}`, detail: { created: r.value.created, ecu: meta.value.ecu, version: meta.value.version } })
    return reply.code(r.value.created ? 201 : 200).send(artifactDto(r.value.artifact))
  })

  app.get('/ota/campaigns', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Campaigns with their counts by vehicle state', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }), response: { 200: Type.Object({ items: Type.Array(CampaignSummary) }) } },
  }, async (req) => {
    const scope = scopeOfRequest(req.principal)
    const list = await campaigns.list(req.query.limit, scope)
    return { items: await Promise.all(list.map(async (c) => summaryDto(c, await progressOf(updates, c, scope)))) }
  })

  app.post('/ota/campaigns/preview', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Which vehicles a campaign would reach, in which wave (nothing is stored)', body: NewCampaign, response: { 200: Preview, 400: ErrorBody, 404: ErrorBody } },
  }, async (req, reply) => {
    const spec = scoped(req.body, req.principal)
    if (!spec.ok) return sendFailure(reply, spec.error)
    const p = await ota.campaigns.plan(spec.value, req.body.name)
    if (!p.ok) return sendFailure(reply, p.error)
    return { vehicles: p.value.waves.reduce((n, w) => n + w.length, 0), waves: p.value.waves.map((w, i) => ({ wave: i + 1, vehicleIds: w.map((v) => v.id) })), excluded: p.value.excluded }
  })

  app.post('/ota/campaigns', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Create a campaign (draft): target selection, compatibility check, waves', body: NewCampaign, response: { 201: CampaignSummary, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody } },
  }, async (req, reply) => {
    const spec = scoped(req.body, req.principal)
    if (!spec.ok) return sendFailure(reply, spec.error)
    const r = await ota.campaigns.create(spec.value, actorOf(req.principal))
    if (!r.ok) return sendFailure(reply, r.error)
    await app.audit.record({ actor: actorOf(req.principal), action: 'ota.campaign.create', target: `campaign:${r.value.id}`, detail: { name: req.body.name, artifactIds: req.body.artifactIds } })
    return reply.code(201).send(summaryDto(r.value, await progressOf(updates, r.value)))
  })

  app.get('/ota/campaigns/:id', {
    config: { access: MANAGE },
    schema: { tags, summary: 'A campaign: plan, artifacts, progress by state and wave, failure reasons, control history', params: CampaignIdParam, response: { 200: CampaignDetail, 404: ErrorBody } },
  }, async (req, reply) => {
    const c = await visible(req.params.id, req.principal)
    if (c === undefined) return sendFailure(reply, campaignNotFound(req.params.id))
    // A scoped caller sees the campaign through its own vehicles only: counts, reasons, named VINs, event detail.
    const scope = scopeOfRequest(req.principal)
    const whole = isUnrestricted(scope)
    const p = await progressOf(updates, c, scope)
    const { excluded, ...plan } = c.plan as { excluded?: Record<string, number> }
    const target = whole ? c.target : await targetInScope(c.target, scope)
    return {
      ...summaryDto(c, p),
      artifacts: (await Promise.all(c.artifactIds.map((id) => ota.artifacts.get(id)))).flatMap((a) => a === undefined ? [] : [artifactDto(a)]),
      target,
      plan,
      excluded: whole ? excluded ?? {} : {},
      progress: { byState: p.byState, byWave: p.byWave },
      failureReasons: await updates.failureReasons(c.id, scope),
      events: (await campaigns.events(c.id, 500)).map((e) => ({ ts: e.ts.toISOString(), kind: e.kind, actor: e.actor, detail: whole ? e.detail : scopedDetail(e.detail) })),
    }
  })

  app.post('/ota/campaigns/:id/:control', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Campaign controls: start, pause, resume, cancel, approve-next-wave, retry-failed (409 when illegal in the current state; 403 for a caller whose regions or fleets do not cover every vehicle of the campaign)', params: Type.Object({ id: CampaignIdParam.properties.id, control: Control }), response: { 200: CampaignSummary, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, campaignNotFound(req.params.id))
    // Visible through one in-scope vehicle is not enough: a control acts on every vehicle of the campaign.
    if (await campaigns.reachesBeyond(req.params.id, scopeOfRequest(req.principal))) {
      await app.audit.record({ actor: actorOf(req.principal), action: `ota.campaign.${req.params.control}`, target: `campaign:${req.params.id}`, detail: { outcome: 'GW_OTA_CAMPAIGN_OUT_OF_SCOPE' } })
      return sendFailure(reply, beyondScope(req.params.id))
    }
    const r = await ota.campaigns.control(req.params.id, req.params.control as CampaignControl, actorOf(req.principal))
    await app.audit.record({ actor: actorOf(req.principal), action: `ota.campaign.${req.params.control}`, target: `campaign:${req.params.id}`, detail: { outcome: r.ok ? 'applied' : r.error.code } })
    if (!r.ok) return sendFailure(reply, r.error)
    void ota.tick().catch((err: unknown) => req.log.error({ err }, 'OTA tick after control failed'))
    return summaryDto(r.value, await progressOf(updates, r.value, scopeOfRequest(req.principal)))
  })

  app.get('/ota/campaigns/:id/notifications', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Fleet-owner notification outbox of a campaign (reminders by e-mail and webhook): status (pending, sent, dead), attempts, last error; webhook rows with their deliveries', params: CampaignIdParam, response: { 200: Type.Object({ items: Type.Array(NotificationView) }), 404: ErrorBody } },
  }, async (req, reply) => {
    if (await visible(req.params.id, req.principal) === undefined) return sendFailure(reply, campaignNotFound(req.params.id))
    const rows = await createOtaNotificationsRepository(app.storage.pool).list(req.params.id, scopeOfRequest(req.principal))
    const deliveries = await app.notify.webhooks.deliveriesOf(rows.filter((n) => n.channel === 'webhook').map((n) => n.key))
    return {
      items: rows.map((n) => ({
        key: n.key, channel: n.channel, fleet: n.fleet, payload: n.payload, at: n.createdAt.toISOString(),
        status: n.status, attempts: n.attempts, lastError: n.lastError, sentAt: n.sentAt?.toISOString() ?? null, recipients: n.recipients,
        deliveries: deliveries.filter((x) => x.eventKey === n.key).map((x) => ({ webhookId: x.webhookId, status: x.status, attempts: x.attempts, lastError: x.lastError })),
      })),
    }
  })
}
