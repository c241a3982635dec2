import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { SIGNALS, signalById, signalByName } from '@fleetwire/proto'
import type { VehicleRecord } from '../storage/vehicles.repository.js'
import { sendFailure } from '../api/failure-status.js'
import { ROLES } from '../api/auth/principal.js'
import { scopeOfRequest } from '../api/auth/index.js'
import { effectivePolicy, policyFor, reducePosition, residencyProblem } from '../privacy/policy.core.js'
import { isCountryCode } from '../common/country.js'
import { CountryBody, Credentials, EffectivePolicy, ErrorBody, HistoryParams, HistoryPoint, HistoryQuery, NewVehicleBody, SignalValue, Vehicle, type VehicleDto, VehicleIdParam, VehicleListQuery } from './schemas.js'

function toDto (v: VehicleRecord): VehicleDto {
  return {
    id: v.id,
    model: v.model,
    region: v.region,
    fleet: v.fleet,
    timeZone: v.timeZone,
    country: v.country,
    createdAt: v.createdAt.toISOString(),
    credentialsRotatedAt: v.credentialsRotatedAt.toISOString(),
    revoked: v.revokedAt !== null,
    online: v.connected,
    powerState: v.powerState,
    ignitionOn: v.ignitionOn,
    session: v.session,
    lastSeenAt: v.lastSeenAt?.toISOString() ?? null,
    ecus: [...v.ecus],
  }
}

const notFound = (id: string) => ({ code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${id} not found` })
/** Bucketed history aims at about this many points, a good fit for a chart. */
const TARGET_POINTS = 500

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { vehicles } = app
  const tags = ['vehicles']
  /** Every role reads vehicles; fleet owners and scoped tokens only their own (404 for the rest). */
  const readers = { access: ROLES }
  const by = (p: { actor: string } | null) => p?.actor ?? 'unknown'
  const policyView = (v: VehicleRecord) => {
    const { policy, source } = effectivePolicy(app.config.dataPolicy, v.region, v.country)
    return {
      telemetryDays: { value: policy.telemetryDays, from: source.telemetryDays }, positionDays: { value: policy.positionDays, from: source.positionDays },
      auditDays: { value: policy.auditDays, from: source.auditDays }, positionDecimals: { value: policy.positionDecimals, from: source.positionDecimals }, export: { value: policy.export, from: source.export },
      residency: { value: policy.residency, from: source.residency },
    }
  }
  /** Whether this cell may hold the vehicle's data (a malformed country is the service's to refuse). */
  const cellProblem = (region: string, country: string | null) =>
    country !== null && !isCountryCode(country) ? undefined : residencyProblem(app.config.dataPolicy, app.config.cellCountries, region, country)
  const decimalsOf = (v: VehicleRecord) => policyFor(app.config.dataPolicy, v.region, v.country).positionDecimals

  app.post('/', { schema: { tags, summary: 'Register a vehicle and issue its MQTT credentials', body: NewVehicleBody, response: { 201: Type.Object({ vehicle: Vehicle, credentials: Credentials }), 400: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const cell = cellProblem(req.body.region, req.body.country ?? null)
    if (cell !== undefined) return sendFailure(reply, { code: 'GW_VEHICLE_WRONG_CELL', detail: cell })
    const r = await vehicles.register({ ...req.body, timeZone: req.body.timeZone ?? 'UTC' })
    if (!r.ok) return sendFailure(reply, r.error)
    await app.audit.record({ actor: by(req.principal), action: 'vehicle.register', target: `vehicle:${r.value.vehicle.id}`, detail: { fleet: r.value.vehicle.fleet, region: r.value.vehicle.region } })
    return reply.code(201).send({ vehicle: toDto(r.value.vehicle), credentials: r.value.credentials })
  })

  app.get('/', { config: readers, schema: { tags, summary: 'List vehicles', querystring: VehicleListQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Vehicle) }) } } }, async (req) => {
    const { online, ...rest } = req.query
    const scope = scopeOfRequest(req.principal)
    const page = await vehicles.list({ ...rest, connected: online, scopeFleets: scope.fleets, scopeRegions: scope.regions })
    return { total: page.total, items: page.items.map(toDto) }
  })

  app.get('/:id', { config: readers, schema: { tags, summary: 'Get a vehicle, with the data policy in effect for it', params: VehicleIdParam, response: { 200: Type.Intersect([Vehicle, Type.Object({ dataPolicy: EffectivePolicy })]), 404: ErrorBody } } }, async (req, reply) => {
    const v = await vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    return v === undefined ? sendFailure(reply, notFound(req.params.id)) : { ...toDto(v), dataPolicy: policyView(v) }
  })

  app.put('/:id/country', { schema: { tags, summary: 'Record the country the vehicle is sold into (ISO 3166-1 alpha-2): its data policy follows it', params: VehicleIdParam, body: CountryBody, response: { 200: Vehicle, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const current = await vehicles.get(req.params.id)
    if (current === undefined) return sendFailure(reply, notFound(req.params.id))
    const cell = cellProblem(current.region, req.body.country)
    if (cell !== undefined) return sendFailure(reply, { code: 'GW_VEHICLE_WRONG_CELL', detail: cell })
    const r = await vehicles.setCountry(req.params.id, req.body.country)
    if (!r.ok) return sendFailure(reply, r.error)
    await app.audit.record({ actor: by(req.principal), action: 'vehicle.country', target: `vehicle:${r.value.id}`, detail: { country: r.value.country } })
    return toDto(r.value)
  })

  app.post('/:id/credentials/rotate', { schema: { tags, summary: 'Issue a new secret; the old one stops working and open sessions are closed', params: VehicleIdParam, response: { 200: Credentials, 404: ErrorBody } } }, async (req, reply) => {
    const c = await vehicles.rotateCredentials(req.params.id)
    if (c === undefined) return sendFailure(reply, notFound(req.params.id))
    await app.audit.record({ actor: by(req.principal), action: 'vehicle.credentials_rotate', target: `vehicle:${req.params.id}` })
    return c
  })

  app.post('/:id/credentials/revoke', { schema: { tags, summary: 'Revoke the vehicle\'s credentials and disconnect it', params: VehicleIdParam, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    if (!await vehicles.revoke(req.params.id)) return sendFailure(reply, notFound(req.params.id))
    await app.audit.record({ actor: by(req.principal), action: 'vehicle.credentials_revoke', target: `vehicle:${req.params.id}` })
    return reply.code(204).send(null)
  })

  app.get('/:id/signals/latest', { config: readers, schema: { tags, summary: 'Latest value of every signal of a vehicle (positions at the region\'s precision)', params: VehicleIdParam, response: { 200: Type.Array(SignalValue), 404: ErrorBody } } }, async (req, reply) => {
    const v = await vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    if (v === undefined) return sendFailure(reply, notFound(req.params.id))
    const latest = await app.storage.telemetry.latest(v.key)
    const decimals = decimalsOf(v)
    return latest.flatMap((s) => {
      const def = signalById(s.signalId)
      return def === undefined ? [] : [{ signalId: s.signalId, name: def.name, unit: def.unit, value: reducePosition(s.signalId, s.value, decimals), ts: new Date(s.tsMs).toISOString() }]
    })
  })

  app.get('/:id/signals/:signal/history', {
    config: readers,
    schema: {
      tags,
      summary: 'History of one signal: raw for short ranges, downsampled buckets (min/max/avg/last) for long ones',
      params: HistoryParams,
      querystring: HistoryQuery,
      response: { 200: Type.Object({ signal: Type.String(), unit: Type.String(), resolution: Type.Union([Type.Literal('raw'), Type.Literal('bucket')]), bucketSeconds: Type.Optional(Type.Integer()), points: Type.Array(HistoryPoint) }), 400: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const def = /^\d+$/.test(req.params.signal) ? signalById(Number(req.params.signal)) : signalByName(req.params.signal)
    if (def === undefined) return sendFailure(reply, { code: 'GW_SIGNAL_UNKNOWN', detail: `signal ${req.params.signal} is not in the catalog (${SIGNALS.length} signals; see GET /catalog)` })
    const fromMs = Date.parse(req.query.from)
    const toMs = Date.parse(req.query.to)
    if (!(toMs > fromMs)) return sendFailure(reply, { code: 'GW_HISTORY_BAD_RANGE', detail: '`to` must be later than `from`' })
    const v = await vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    if (v === undefined) return sendFailure(reply, notFound(req.params.id))
    const decimals = decimalsOf(v)
    const round = (x: number | undefined) => (x === undefined ? undefined : reducePosition(def.id, x, decimals))
    const spanS = (toMs - fromMs) / 1000
    const bucketS = req.query.bucket ?? (spanS <= app.config.telemetry.historyRawMaxS ? undefined : niceBucket(spanS / TARGET_POINTS))
    // One answer holds at most HISTORY_MAX_POINTS points: a small bucket over a long range is refused up front,
    // and a raw read stops one row past the limit instead of reading the whole range.
    const maxPoints = app.config.telemetry.historyMaxPoints
    if (bucketS !== undefined && Math.ceil(spanS / bucketS) > maxPoints) {
      return sendFailure(reply, { code: 'GW_HISTORY_TOO_MANY_POINTS', detail: `${Math.ceil(spanS / bucketS)} buckets requested; at most ${maxPoints} points per answer (HISTORY_MAX_POINTS): use bucket >= ${Math.ceil(spanS / maxPoints)} or a shorter range` })
    }
    const h = await app.storage.telemetry.history({ vehicleKey: v.key, signalId: def.id, fromMs, toMs, bucketS, maxRawPoints: maxPoints })
    if (h.tooMany === true) {
      return sendFailure(reply, { code: 'GW_HISTORY_TOO_MANY_POINTS', detail: `more than ${maxPoints} raw points in this range; at most ${maxPoints} points per answer (HISTORY_MAX_POINTS): pass bucket=seconds or a shorter range` })
    }
    return {
      signal: def.name,
      unit: def.unit,
      resolution: h.resolution,
      ...(h.bucketS === undefined ? {} : { bucketSeconds: h.bucketS }),
      points: h.points.map(({ tsMs, ...rest }) => ({
        ts: new Date(tsMs).toISOString(),
        ...rest,
        ...(decimals === null ? {} : { value: round(rest.value), min: round(rest.min), max: round(rest.max), avg: round(rest.avg), last: round(rest.last) }),
      })),
    }
  })
}

/** Rounds a bucket width up to one a person reads easily (and that the 1-minute rollup can serve). */
function niceBucket (seconds: number): number {
  const steps = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400]
  return steps.find((s) => s >= seconds) ?? Math.ceil(seconds / 86_400) * 86_400
}

export default routes
