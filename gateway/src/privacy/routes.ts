import { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { scopeOfRequest } from '../api/auth/index.js'
import { ErrorBody, VehicleIdParam } from '../vehicles/schemas.js'
import type { VehicleRecord } from '../storage/vehicles.repository.js'
import { policyFor } from './policy.core.js'

const policyFields = { telemetryDays: Type.Integer(), positionDays: Type.Integer(), auditDays: Type.Integer(), positionDecimals: Type.Union([Type.Integer(), Type.Null()]), export: Type.Boolean(), residency: Type.String() }
const RegionPolicy = Type.Object(policyFields)
const CountryPolicy = Type.Partial(Type.Object(policyFields))
const Retention = Type.Object({ telemetry: Type.Integer(), positions: Type.Integer(), presenceEvents: Type.Integer(), auditRedacted: Type.Integer() })

const vehicleView = (v: VehicleRecord) => ({
  id: v.id, model: v.model, region: v.region, country: v.country, fleet: v.fleet, timeZone: v.timeZone, createdAt: v.createdAt.toISOString(),
  credentialsRotatedAt: v.credentialsRotatedAt.toISOString(), revokedAt: v.revokedAt?.toISOString() ?? null,
  lastSeenAt: v.lastSeenAt?.toISOString() ?? null, ecus: v.ecus,
})

export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['privacy']
  const by = (p: { actor: string } | null) => p?.actor ?? 'unknown'
  const notFound = (id: string) => ({ code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${id} not found` })

  app.get('/vehicles/:id/export', {
    // The owner of the vehicle (data subject's request through its fleet) and admins.
    config: { access: ['admin', 'fleet_owner'] },
    schema: {
      tags,
      summary: 'Everything stored about a vehicle as one JSON document (vehicle, alerts with history, DTC events, diagnostic commands, presence, telemetry); streamed',
      params: VehicleIdParam,
      response: { 200: Type.Unknown({ description: 'application/json: fleetwire.vehicle-export.v1' }), 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const v = await app.vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    if (v === undefined) return sendFailure(reply, notFound(req.params.id))
    if (!policyFor(app.config.dataPolicy, v.region, v.country).export) {
      await app.audit.record({ actor: by(req.principal), action: 'privacy.export_refused', target: `vehicle:${v.id}`, detail: { country: v.country, region: v.region } })
      return sendFailure(reply, { code: 'GW_PRIVACY_EXPORT_REFUSED', detail: `the data policy of ${v.country ?? v.region} does not allow exporting this vehicle's data (DATA_POLICY export: false)` })
    }
    await app.audit.record({ actor: by(req.principal), action: 'privacy.export', target: `vehicle:${v.id}` })
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${v.id}-export.json"`)
      .send(Readable.from(app.privacy.exportJson(v, vehicleView(v), Date.now())))
  })

  app.delete('/vehicles/:id/data', {
    schema: {
      tags,
      summary: 'Erase a vehicle\'s telemetry, positions and presence history on request; alerts, diagnostic and update records and the audit trail are kept as the law requires',
      params: VehicleIdParam,
      response: { 200: Type.Object({ vehicleId: Type.String(), erased: Type.Object({ telemetry: Type.Integer(), positions: Type.Integer(), presenceEvents: Type.Integer() }), kept: Type.Array(Type.String()) }), 404: ErrorBody },
    },
  }, async (req, reply) => {
    const v = await app.vehicles.get(req.params.id)
    if (v === undefined) return sendFailure(reply, notFound(req.params.id))
    const erased = await app.privacy.erase(v)
    await app.audit.record({ actor: by(req.principal), action: 'privacy.erase', target: `vehicle:${v.id}`, detail: { ...erased } })
    return { vehicleId: v.id, erased, kept: ['vehicle registration', 'alerts', 'dtc events', 'diagnostic commands', 'update records', 'audit trail'] }
  })

  app.get('/privacy/policy', {
    config: { access: ['admin', 'support'] },
    schema: { tags, summary: 'Retention periods, position precision and export per region and country (DATA_POLICY)', response: { 200: Type.Object({ fallback: RegionPolicy, byRegion: Type.Record(Type.String(), RegionPolicy), byCountry: Type.Record(Type.String(), CountryPolicy) }) } },
  }, async () => app.config.dataPolicy)

  app.post('/privacy/retention/run', {
    schema: { tags, summary: 'Apply the retention periods now (also runs hourly)', response: { 200: Retention } },
  }, async (req) => {
    const r = await app.privacy.applyRetention(Date.now())
    await app.audit.record({ actor: by(req.principal), action: 'privacy.retention', target: 'all', detail: { ...r } })
    return r
  })
}
