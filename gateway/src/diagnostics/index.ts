import fp from 'fastify-plugin'
import { randomUUID } from 'node:crypto'
import { createDiagnosticCommandsRepository, type DiagnosticCommandsRepository } from '../storage/diagnostic-commands.repository.js'
import { createDiagnosticsRepository } from '../storage/diagnostics.repository.js'
import { createDiagnosticsService, type DiagnosticsService } from './diagnostics.service.js'
import { type DtcLifecycle, type DtcObservation, foldDtcLifecycle } from './dtc-lifecycle.core.js'
import { diagnosticsRoutes } from './routes.js'

export interface Diagnostics {
  readonly service: DiagnosticsService
  readonly commands: DiagnosticCommandsRepository
  dtcs(vehicleKey: number, sinceMs: number): Promise<DtcLifecycle[]>
}

declare module 'fastify' {
  interface FastifyInstance {
    diagnostics: Diagnostics
  }
}

const QUEUE_SWEEP_MS = 5000

/** Remote diagnostics over MQTT (UDS-style commands), their audit trail and the DTC lifecycle. */
export default fp(async (app) => {
  const log = app.log.child({ module: 'diagnostics' })
  const commands = createDiagnosticCommandsRepository(app.storage.pool)
  const events = createDiagnosticsRepository(app.storage.pool)
  const service = createDiagnosticsService({
    repo: commands,
    // The broker is registered after ingest (which routes responses here), so it is looked up at send time.
    publish: (vehicleId, payload) => app.broker.publishToVehicle(vehicleId, 'cmd/req', payload),
    stateOf: (key) => app.cluster.enabled
      ? app.vehicles.clusterPresenceOf(key)
      : ({ connected: app.vehicles.isConnected(key), ...app.vehicles.presenceOf(key) }),
    ...(app.cluster.enabled
      ? {
          forwardUnmatched: (vehicle: { id: string, key: number }, payload: Uint8Array) => { void app.cluster.bus.publish('diag.response', { vehicleId: vehicle.id, vehicleKey: vehicle.key, payload: Buffer.from(payload).toString('base64') }) },
          announceQueued: (vehicleKey: number) => { void app.cluster.bus.publish('diag.queued', { vehicleKey }) },
        }
      : {}),
    log,
    now: Date.now,
    newId: randomUUID,
    ...app.config.diagnostics,
  })

  async function dtcs (vehicleKey: number, sinceMs: number): Promise<DtcLifecycle[]> {
    const observations: DtcObservation[] = (await events.events(vehicleKey, sinceMs, 5000)).map((e) => e.action === 'set'
      ? { type: 'set', tsMs: e.tsMs, code: e.code, ecuId: e.ecuId, status: e.status, freezeFrame: e.freezeFrame }
      : { type: 'cleared', tsMs: e.tsMs, code: e.code })
    for (const c of await commands.list(vehicleKey, 500)) {
      if (c.status !== 'succeeded' || c.respondedAtMs === null || c.requestedAtMs < sinceMs) continue
      if (c.kind === 'clear_dtc') observations.push({ type: 'cleared', tsMs: c.respondedAtMs, code: 'all' })
      const result = c.result as { kind?: string, dtcs?: Array<{ code: string, status: number }> }
      if (c.kind === 'read_dtc' && result.dtcs !== undefined) observations.push({ type: 'read', tsMs: c.respondedAtMs, codes: new Map(result.dtcs.map((d) => [d.code, d.status])) })
    }
    return foldDtcLifecycle(observations)
  }

  app.decorate('diagnostics', { service, commands, dtcs })
  await app.register(diagnosticsRoutes)

  // Queued commands go out when their vehicle wakes up (a birth), or on the sweep after another gateway queued them.
  const dispatch = (key: number): void => {
    service.dispatchQueued(key).catch((err: unknown) => log.error({ err, vehicleKey: key }, 'queued diagnostic commands not dispatched'))
  }
  await service.sweepQueue()
  app.vehicles.events.on('presenceChanged', (key) => dispatch(key))
  const sweep = setInterval(() => {
    service.sweepQueue()
      .then(() => { for (const key of service.waitingVehicles()) if (app.vehicles.isConnected(key)) dispatch(key) })
      .catch((err: unknown) => log.error({ err }, 'diagnostic command queue sweep failed'))
  }, QUEUE_SWEEP_MS)
  sweep.unref()
  app.addHook('onClose', async () => {
    clearInterval(sweep)
    service.close()
  })
}, { name: 'diagnostics', dependencies: ['config', 'storage', 'cluster', 'vehicles'] })
