import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../api/failure-status.js'
import { ErrorBody, VehicleIdParam } from '../vehicles/schemas.js'
import type { CommandParams } from './uds.js'
import { type Principal, scopeOfRequest } from '../api/auth/index.js'

const Outcome = Type.Object({ commandId: Type.String(), result: Type.Unknown({ description: 'typed by command: dtcs | cleared | did/hex/text' }) })
const Queued = Type.Object({
  commandId: Type.String(),
  status: Type.Literal('queued'),
  expiresAt: Type.String({ format: 'date-time' }),
  poll: Type.String({ description: 'GET this for the outcome' }),
})
const responses = { 200: Outcome, 202: Queued, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody, 502: ErrorBody, 504: ErrorBody }
const MAX_QUEUE_S = 7 * 86_400
/** Part of every command body: wait for an offline or asleep vehicle instead of answering 409. */
const queueOption = {
  queue: Type.Optional(Type.Object({
    expiresInS: Type.Integer({ minimum: 1, maximum: MAX_QUEUE_S, default: 3600, description: 'give up if the vehicle has not woken up by then' }),
  }, { additionalProperties: false, description: 'if the vehicle is offline or asleep, answer 202 and send the command when it wakes up' })),
}
const CommandIdParams = Type.Object({ id: Type.String(), commandId: Type.String({ format: 'uuid' }) })
const DTC_HISTORY_MS = 90 * 86_400_000

export const diagnosticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['diagnostics']

  /** Commands: support engineers (in their regions) and admins. Reading DTCs and the command trail: also the vehicle's owner and integrations. */
  const operators = { access: ['admin', 'support'] as const }
  const readers = { access: ['admin', 'support', 'fleet_owner', 'service'] as const }

  async function run (id: string, params: CommandParams, p: Principal | null, queue: { expiresInS: number } | undefined, reply: Parameters<typeof sendFailure>[0]) {
    const v = await app.vehicles.getVisible(id, scopeOfRequest(p))
    if (v === undefined) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${id} not found` })
    const r = await app.diagnostics.service.send({ id: v.id, key: v.key }, params, by(p), queue === undefined ? undefined : { expiresInMs: queue.expiresInS * 1000 })
    const outcome = !r.ok ? r.error.code : 'queued' in r.value ? 'queued' : 'succeeded'
    await app.audit.record({ actor: by(p), action: `diagnostics.${params.kind}`, target: `vehicle:${v.id}`, detail: { request: params, outcome, commandId: r.ok ? r.value.commandId : null } })
    if (!r.ok) return sendFailure(reply, r.error)
    if ('queued' in r.value) {
      const { commandId, expiresAtMs } = r.value
      return reply.code(202).send({ commandId, status: 'queued' as const, expiresAt: new Date(expiresAtMs).toISOString(), poll: `/vehicles/${v.id}/diagnostics/commands/${commandId}` })
    }
    return r.value
  }
  const by = (p: Principal | null) => p?.actor ?? 'unknown'

  app.post('/vehicles/:id/diagnostics/read-dtcs', {
    config: operators,
    schema: {
      tags,
      summary: 'UDS 0x19 02: read DTCs by status mask (with 0x04 freeze frames)',
      params: VehicleIdParam,
      body: Type.Object({ statusMask: Type.Integer({ minimum: 0, maximum: 255, default: 0xff }), includeFreezeFrames: Type.Boolean({ default: true }), ...queueOption }, { additionalProperties: false }),
      response: responses,
    },
  }, async (req, reply) => {
    const { queue, ...mask } = req.body
    return run(req.params.id, { kind: 'read_dtc', ...mask }, req.principal, queue, reply)
  })

  app.post('/vehicles/:id/diagnostics/clear-dtcs', {
    config: operators,
    schema: {
      tags,
      summary: 'UDS 0x14: clear DTCs (the vehicle must be parked, ignition off)',
      params: VehicleIdParam,
      body: Type.Object({ group: Type.Integer({ minimum: 0, maximum: 0xffffff, default: 0xffffff, description: '0xFFFFFF = all' }), ...queueOption }, { additionalProperties: false }),
      response: responses,
    },
  }, async (req, reply) => run(req.params.id, { kind: 'clear_dtc', group: req.body.group }, req.principal, req.body.queue, reply))

  app.post('/vehicles/:id/diagnostics/read-data', {
    config: operators,
    schema: {
      tags,
      summary: 'UDS 0x22: read a data identifier (e.g. 0xF190 = VIN)',
      params: VehicleIdParam,
      body: Type.Object({ did: Type.Integer({ minimum: 0, maximum: 0xffff }), ...queueOption }, { additionalProperties: false }),
      response: responses,
    },
  }, async (req, reply) => run(req.params.id, { kind: 'read_data', did: req.body.did }, req.principal, req.body.queue, reply))

  app.get('/vehicles/:id/diagnostics/commands', {
    config: readers,
    schema: { tags, summary: 'Audit trail of the remote commands sent to a vehicle', params: VehicleIdParam, querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }), response: { 200: Type.Array(Type.Unknown()), 404: ErrorBody } },
  }, async (req, reply) => {
    const v = await app.vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    if (v === undefined) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${req.params.id} not found` })
    return app.diagnostics.commands.list(v.key, req.query.limit)
  })

  app.get('/vehicles/:id/diagnostics/commands/:commandId', {
    config: readers,
    schema: { tags, summary: 'One command: queued, sent, succeeded (with its result), negative, timed_out, refused or expired', params: CommandIdParams, response: { 200: Type.Unknown(), 404: ErrorBody } },
  }, async (req, reply) => {
    const v = await app.vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    if (v === undefined) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${req.params.id} not found` })
    const c = await app.diagnostics.commands.get(v.key, req.params.commandId)
    if (c === undefined) return sendFailure(reply, { code: 'GW_DIAG_COMMAND_NOT_FOUND', detail: `no command ${req.params.commandId} for vehicle ${req.params.id}` })
    return c
  })

  app.get('/vehicles/:id/dtcs', {
    config: readers,
    schema: { tags, summary: 'The vehicle\'s DTCs with their lifecycle: pending, confirmed, cleared, verified_cleared', params: VehicleIdParam, response: { 200: Type.Array(Type.Unknown()), 404: ErrorBody } },
  }, async (req, reply) => {
    const v = await app.vehicles.getVisible(req.params.id, scopeOfRequest(req.principal))
    if (v === undefined) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${req.params.id} not found` })
    return (await app.diagnostics.dtcs(v.key, Date.now() - DTC_HISTORY_MS)).map((d) => ({ ...d, firstSeen: new Date(d.firstSeenMs).toISOString(), lastChange: new Date(d.lastChangeMs).toISOString() }))
  })
}
