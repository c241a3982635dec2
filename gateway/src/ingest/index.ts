import fp from 'fastify-plugin'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createDiagnosticsRepository } from '../storage/diagnostics.repository.js'
import { retryUntilDone } from '../common/retry.js'
import { sendFailure } from '../api/failure-status.js'
import { VehicleIdParam, ErrorBody } from '../vehicles/schemas.js'
import { TelemetryBatcher } from './telemetry-batcher.js'
import { createIngestService, type IngestService } from './ingest.service.js'
import { createTelemetryHandler } from './handlers/telemetry.js'
import { createDeathHandler, createStatusHandler } from './handlers/presence.js'
import { createDtcHandler } from './handlers/dtc.js'
import { createCommandResponseHandler } from './handlers/command-response.js'
import { createOtaStatusHandler } from './handlers/ota-status.js'
import { createNoticeAckHandler } from './handlers/notice-ack.js'
import type { AuthenticatedVehicle } from '../vehicles/index.js'
import { WriteAheadSpool } from '../spool/write-ahead-spool.js'
import { SpoolReplayer } from '../spool/replayer.js'

export type { IngestService, InboundMessage, IntakeOutcome } from './ingest.service.js'

declare module 'fastify' {
  interface FastifyInstance {
    ingest: IngestService & {
      /** Writes every accepted sample to the database or the spool, and waits for it. */
      drain(): Promise<void>
      /** Bytes of telemetry in the local spool, waiting for the database. */
      spoolBytes(): number
    }
  }
}

const Counts = Type.Record(Type.String(), Type.Integer())
const StatsBody = Type.Object({
  messages: Type.Integer(),
  samplesAccepted: Type.Integer(),
  samplesRejected: Counts,
  malformed: Counts,
  shed: Counts,
  sequenceGaps: Type.Integer(),
  lateBatches: Type.Integer(),
  replayedBatches: Type.Integer(),
})

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/:id/ingest', { schema: { tags: ['vehicles'], summary: 'What the gateway counted for this vehicle since it started: accepted, rejected by reason, gaps, shed', params: VehicleIdParam, response: { 200: StatsBody, 404: ErrorBody } } }, async (req, reply) => {
    const v = await app.vehicles.get(req.params.id)
    if (v === undefined) return sendFailure(reply, { code: 'GW_VEHICLE_NOT_FOUND', detail: `vehicle ${req.params.id} not found` })
    return app.ingest.stats(v.key) ?? { messages: 0, samplesAccepted: 0, samplesRejected: {}, malformed: {}, shed: {}, sequenceGaps: 0, lateBatches: 0, replayedBatches: 0 }
  })
}

/** Decode → validate → batched, idempotent write; flow control for the broker. */
export default fp(async (app) => {
  const { config, metrics, vehicles, storage, live, rules } = app
  const contextOf = (v: AuthenticatedVehicle) => ({ key: v.key, model: v.model, ...vehicles.presenceOf(v.key) })
  const log = app.log.child({ module: 'ingest' })
  const now = Date.now
  let closing = false
  const durably = <T>(what: string, fn: () => Promise<T>) => retryUntilDone(what, fn, log, () => closing)

  // Acknowledged telemetry the database cannot take now is fsync'd here
  // first and replayed later (also after a crash: segments survive it).
  const spool = await WriteAheadSpool.open({ dir: config.spool.dir, maxBytes: config.spool.maxBytes })
  let replayer: SpoolReplayer | undefined
  const batcher = new TelemetryBatcher(storage.telemetry, {
    ...config.ingest,
    log,
    spool: { spool, afterMs: config.spool.afterMs, onSpooling: () => replayer?.kick() },
    onSpooled: (samples) => metrics.spoolSamples.inc(samples),
    onSpoolFull: () => metrics.spoolFull.inc(),
    onWritten: ({ samples, inserted, seconds }) => {
      metrics.samplesStored.inc(inserted)
      if (inserted < samples) metrics.samplesDuplicate.inc(samples - inserted)
      metrics.batchWriteSeconds.observe(seconds)
    },
    onWriteFailed: () => metrics.batchWriteFailures.inc(),
  })
  metrics.probes.ingestQueueSamples = () => batcher.queued
  metrics.probes.spoolBytes = () => spool.bytes
  replayer = new SpoolReplayer({
    spool,
    insert: (batch) => storage.telemetry.insertColumns(batch),
    batchMaxSamples: config.ingest.batchMaxSamples,
    deadlineMs: Math.max(config.spool.afterMs, 10_000),
    retryMs: 1000,
    log,
    onReplayed: ({ samples, inserted }) => {
      metrics.spoolReplayedSamples.inc(samples)
      metrics.samplesStored.inc(inserted)
      if (inserted < samples) metrics.samplesDuplicate.inc(samples - inserted)
    },
    onHealthy: () => batcher.resumeDatabase(),
  })
  if (!spool.isEmpty) log.warn({ spoolBytes: spool.bytes }, 'telemetry left in the spool by an earlier run: replaying it')
  replayer.start()

  const presenceDeps = { vehicles, log, now, durably }
  const service = createIngestService({
    config,
    batcher,
    metrics,
    log,
    now,
    handlers: {
      telemetry: createTelemetryHandler({
        batcher,
        metrics,
        limits: config.ingest,
        now,
        touch: vehicles.touch,
        onAccepted: (vehicle, signalIds, tsMs, values) => {
          if (config.rulesEnabled) rules.service.onSamples({ id: vehicle.id, ctx: contextOf(vehicle) }, signalIds, tsMs, values)
        },
        onStored: (vehicle, signalIds, tsMs, values) => live.publishSignals(vehicle.id, signalIds, tsMs, values),
      }),
      status: createStatusHandler(presenceDeps),
      death: createDeathHandler(presenceDeps),
      dtc: createDtcHandler({
        diagnostics: createDiagnosticsRepository(storage.pool),
        log,
        now,
        durably,
        onStored: (vehicle, event) => { if (config.rulesEnabled) rules.service.onDtc({ id: vehicle.id, ctx: contextOf(vehicle) }, event) },
      }),
      'cmd/res': createCommandResponseHandler(app.diagnostics.service),
      'ota/status': createOtaStatusHandler(app.ota),
      'notice/ack': createNoticeAckHandler(app.incidents.service),
    },
  })
  app.decorate('ingest', Object.assign(service, { drain: () => batcher.drain(), spoolBytes: () => spool.bytes }))
  await app.register(routes, { prefix: '/vehicles' })
  // onClose, not preClose: the broker's preClose (stop accepting, finish the
  // publishes in flight) runs first; onClose hooks run before storage's.
  app.addHook('onClose', async () => {
    await batcher.drain()
    closing = true
    batcher.close()
    await replayer?.stop()
    await spool.close()
  })
}, { name: 'ingest', dependencies: ['config', 'metrics', 'storage', 'vehicles', 'live', 'rules', 'diagnostics', 'ota', 'incidents'] })
