import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { ErrorBody, VehicleIdParam } from '../vehicles/schemas.js'
import { inScope, scopeOf, type Role } from '../api/auth/index.js'
import type { VehicleRecord } from '../storage/vehicles.repository.js'
import { createOtaCampaignsRepository, type ConsentRecord } from '../storage/ota-campaigns.repository.js'
import { createOtaUpdatesRepository } from '../storage/ota-updates.repository.js'
import { createOtaRemindersRepository } from '../storage/ota-reminders.repository.js'
import { parseRange } from './download.core.js'
import { SMALL_RANGE_BYTES } from './adapters/artifact-store.js'
import { CampaignIdParam, ConsentBody, OwnerCampaign, VehicleUpdate } from './schemas.js'
import { progressOf, summaryDto, updateRecordDto } from './views.js'

const READ: readonly Role[] = ['admin', 'support', 'fleet_owner']
const OWNER: readonly Role[] = ['fleet_owner']
const tags = ['ota']

function decisionFor (consents: readonly ConsentRecord[], vehicleId: string, fleet: string): ConsentRecord | undefined {
  return consents.find((c) => c.scopeKind === 'vehicle' && c.scopeId === vehicleId) ?? consents.find((c) => c.scopeKind === 'fleet' && c.scopeId === fleet)
}

/** Fleet-owner consent, per-vehicle update records (R156, read-only) and the vehicles' download route. */
export const ownerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ota } = app
  const campaigns = createOtaCampaignsRepository(app.storage.pool)
  const updates = createOtaUpdatesRepository(app.storage.pool)
  const prefs = createOtaRemindersRepository(app.storage.pool)

  /** The vehicle if the caller may see it; a vehicle outside the caller's scope is "not found" (OWASP API1). */
  async function visibleVehicle (req: FastifyRequest, reply: FastifyReply, id: string): Promise<VehicleRecord | undefined> {
    const v = await app.vehicles.get(id)
    if (v === undefined || req.principal === null || !inScope(scopeOf(req.principal), v)) {
      await sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${id} not found` })
      return undefined
    }
    return v
  }

  app.get('/owner/campaigns', {
    config: { access: OWNER },
    schema: { tags, summary: 'Campaigns that affect the caller\'s vehicles, with the consent decision per vehicle', response: { 200: Type.Object({ items: Type.Array(OwnerCampaign) }) } },
  }, async (req) => {
    const fleets = req.principal?.fleets ?? null
    const items = []
    for (const { campaignId } of await updates.campaignsForFleets(fleets)) {
      const c = await campaigns.get(campaignId)
      if (c === undefined) continue
      const rows = (await updates.forCampaign(c.id, fleets)).filter((r) => req.principal === null || inScope(scopeOf(req.principal), r))
      if (rows.length === 0) continue
      const consents = await campaigns.consents(c.id)
      items.push({
        // Counts over the owner's own vehicles only: other tenants' progress is not theirs to see.
        ...summaryDto(c, await progressOf(updates, c, scopeOf(req.principal as NonNullable<typeof req.principal>))),
        myVehicles: rows.length,
        consent: rows.map((r) => {
          const d = decisionFor(consents, r.vehicleId, r.fleet)
          return { vehicleId: r.vehicleId, fleet: r.fleet, decision: d?.decision ?? 'pending' as const, decidedBy: d?.decidedBy ?? null, decidedAt: d?.decidedAt.toISOString() ?? null }
        }),
      })
    }
    return { items }
  })

  app.put('/owner/campaigns/:id/consent', {
    config: { access: OWNER },
    schema: { tags, summary: 'Opt a fleet or some vehicles in or out of a campaign (recorded with who and when)', params: CampaignIdParam, body: ConsentBody, response: { 200: Type.Object({ changed: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    const fleets = req.principal?.fleets ?? null
    if (req.body.fleet !== undefined && fleets !== null && !fleets.includes(req.body.fleet)) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `fleet ${req.body.fleet} not found` })
    const r = await ota.campaigns.consent(req.params.id, req.body, req.principal?.actor ?? 'unknown', fleets)
    if (r.ok) {
      await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: `ota.consent.${req.body.decision}`, target: `campaign:${req.params.id}`, detail: { fleet: req.body.fleet ?? null, vehicleIds: req.body.vehicleIds ?? null, changed: r.value.changed } })
    }
    return r.ok ? r.value : sendFailure(reply, r.error)
  })

  app.get('/vehicles/:id/updates', {
    config: { access: READ },
    schema: { tags, summary: 'The vehicle\'s updates with their R156 record and full transition history (read-only)', params: VehicleIdParam, response: { 200: Type.Object({ items: Type.Array(VehicleUpdate) }), 404: ErrorBody } },
  }, async (req, reply) => {
    const v = await visibleVehicle(req, reply, req.params.id)
    if (v === undefined) return reply
    const items = []
    for (const row of await updates.forVehicle(v.key)) {
      const c = await campaigns.get(row.campaignId)
      const d = decisionFor(await campaigns.consents(row.campaignId), v.id, v.fleet)
      items.push(updateRecordDto(row, c?.name ?? '', await updates.events(row.campaignId, v.key), d === undefined ? null : { decision: d.decision, by: d.decidedBy, at: d.decidedAt.toISOString() }))
    }
    return { items }
  })

  app.get('/vehicles/:id/software', {
    config: { access: READ },
    schema: { tags, summary: 'Current software inventory per ECU (as the vehicle last reported it)', params: VehicleIdParam, response: { 200: Type.Object({ ecus: Type.Array(Type.Object({ ecu: Type.String(), hardwareId: Type.String(), version: Type.String() })), reportedAt: Type.Union([Type.String(), Type.Null()]) }), 404: ErrorBody } },
  }, async (req, reply) => {
    const v = await visibleVehicle(req, reply, req.params.id)
    if (v === undefined) return reply
    return { ecus: v.ecus.map((e) => ({ ecu: e.ecuId, hardwareId: e.hardwareId, version: e.softwareVersion })), reportedAt: v.lastSeenAt?.toISOString() ?? null }
  })

  app.put('/vehicles/:id/ota-preferences', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Head-unit language and reminder quiet hours (vehicle local time)',
      params: VehicleIdParam,
      body: Type.Object({ language: Type.String({ pattern: '^[a-z]{2,3}$' }), quietHours: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$' }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), 404: ErrorBody },
    },
  }, async (req, reply) => {
    const v = await visibleVehicle(req, reply, req.params.id)
    if (v === undefined) return reply
    const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))
    await prefs.setPrefs(v.key, { language: req.body.language, quietStartMinute: m(req.body.quietHours.slice(0, 5)), quietEndMinute: m(req.body.quietHours.slice(6)) })
    await app.audit.record({ actor: req.principal?.actor ?? 'unknown', action: 'ota.vehicle.preferences', target: `vehicle:${v.id}`, detail: req.body })
    return reply.code(204).send(null)
  })

  /** The Basic-auth vehicle of a download request (VIN:secret). */
  async function vehicleOf (req: FastifyRequest) {
    const auth = req.headers.authorization
    const basic = auth?.startsWith('Basic ') === true ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : undefined
    const colon = basic?.indexOf(':') ?? -1
    return basic === undefined || colon < 0 ? undefined : await app.vehicles.authenticate(basic.slice(0, colon), basic.slice(0, colon), Buffer.from(basic.slice(colon + 1)))
  }
  const downloaders = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof vehicleOf>>>()

  app.get('/ota/download/:artifactId', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Artifact download for vehicles: the signed URL from the offer plus the vehicle\'s own credentials (HTTP Basic, VIN:secret); Range supported',
      security: [],
      params: Type.Object({ artifactId: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
      querystring: Type.Object({ vehicle: Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' }), expires: Type.Integer({ minimum: 0 }), sig: Type.String({ maxLength: 128 }) }),
    },
    // Runs before the rate limit (which it precedes in the route's preHandler list): the limit is per vehicle
    // only once the URL signature and the vehicle's credentials have passed; anything else counts per address.
    preHandler: async (req) => {
      const q = req.query as { vehicle: string, expires: number, sig: string }
      const params = req.params as { artifactId: string }
      // The signature first (an HMAC): a forged URL costs no password hash.
      if (!ota.artifacts.checkDownload(params.artifactId, q.vehicle, q.expires, q.sig, q.vehicle).ok) return
      const who = await vehicleOf(req)
      downloaders.set(req, who)
      if (who?.ok === true && who.value.id === q.vehicle) req.rateLimitKey = `vehicle:${who.value.id}`
    },
  }, async (req, reply) => {
    const who = downloaders.has(req) ? downloaders.get(req) : await vehicleOf(req)
    if (who === undefined || !who.ok) {
      reply.header('www-authenticate', 'Basic realm="fleetwire-ota"')
      return sendFailure(reply, { code: 'GW_OTA_VEHICLE_AUTH', detail: 'vehicle credentials required' })
    }
    const q = req.query
    const check = ota.artifacts.checkDownload(req.params.artifactId, q.vehicle, q.expires, q.sig, who.value.id)
    if (!check.ok) {
      req.log.warn({ vehicleId: who.value.id, code: check.error.code }, 'artifact download refused')
      return sendFailure(reply, check.error)
    }
    // A valid URL is not enough: the update it came with must still be on (a cancelled campaign's is withdrawn).
    if (!await updates.offersArtifact(who.value.key, req.params.artifactId)) {
      req.log.warn({ vehicleId: who.value.id, artifactId: req.params.artifactId }, 'artifact download refused: no update offers it')
      return sendFailure(reply, { code: 'GW_OTA_UPDATE_WITHDRAWN', detail: 'no update of this vehicle offers this artifact (its campaign was cancelled or the update ended)' })
    }
    const size = await ota.artifacts.store.size(req.params.artifactId)
    if (size === undefined) return sendFailure(reply, { code: 'GW_OTA_ARTIFACT_NOT_FOUND', detail: 'artifact not found' })
    const range = parseRange(req.headers.range, size)
    reply.header('accept-ranges', 'bytes').header('etag', `"${req.params.artifactId}"`)
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${size}`)
      return sendFailure(reply, { code: 'GW_OTA_RANGE_NOT_SATISFIABLE', detail: `range outside 0-${size - 1}` })
    }
    reply.header('content-type', 'application/octet-stream')
    const start = range.kind === 'partial' ? range.start : 0
    const end = range.kind === 'partial' ? range.end : size - 1
    if (range.kind === 'partial') reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`)
    reply.header('content-length', end - start + 1)
    if (end - start + 1 <= SMALL_RANGE_BYTES) return reply.send(await ota.artifacts.store.readRange(req.params.artifactId, start, end))
    return reply.send(ota.artifacts.store.read(req.params.artifactId, start, end))
  })
}
