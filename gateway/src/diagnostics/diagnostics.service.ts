import type { Log } from '../shared/log.js'
import { type Result, fail, ok } from '../shared/result.js'
import type { DiagnosticCommandsRepository } from '../storage/diagnostic-commands.repository.js'
import { type TokenBucket, createBucket } from '../ingest/token-bucket.core.js'
import { type GuardFailure, type VehicleCommandState, checkCommand } from './guard.core.js'
import { createSessionTable } from './session.core.js'
import { type CommandParams, type CommandResult, decodeResponse, encodeRequest } from './uds.js'

export type CommandFailure = GuardFailure | 'GW_DIAG_TIMEOUT' | 'GW_DIAG_NEGATIVE_RESPONSE'

export interface CommandOutcome {
  readonly commandId: string
  readonly result: CommandResult
}

export interface DiagnosticsServiceDeps {
  repo: DiagnosticCommandsRepository
  /** Publishes a request on the vehicle's command topic (QoS 1). */
  publish: (vehicleId: string, payload: Buffer) => Promise<void>
  stateOf: (vehicleKey: number) => VehicleCommandState
  log: Log
  now: () => number
  newId: () => string
  timeoutMs: number
  perMinute: number
}

interface Waiter {
  commandId: string
  resolve: (r: Result<CommandOutcome, CommandFailure>) => void
}

const EXPIRE_EVERY_MS = 200

/**
 * Typed, correlated UDS-style commands over MQTT with timeouts, guards and
 * an audit record for every command (including the refused ones).
 */
export function createDiagnosticsService (d: DiagnosticsServiceDeps) {
  const sessions = createSessionTable<Waiter>()
  const buckets = new Map<number, TokenBucket>()

  async function finish (w: Waiter, status: 'succeeded' | 'negative' | 'timed_out', result: unknown, outcome: Result<CommandOutcome, CommandFailure>): Promise<void> {
    try {
      await d.repo.complete(w.commandId, status, result, d.now())
    } catch (err) {
      d.log.error({ err, commandId: w.commandId }, 'diagnostic command audit update failed')
    }
    w.resolve(outcome)
  }

  const timer = setInterval(() => {
    for (const p of sessions.expire(d.now())) {
      void finish(p.waiter, 'timed_out', null, fail('GW_DIAG_TIMEOUT', `no answer from the vehicle within ${d.timeoutMs} ms`))
    }
  }, EXPIRE_EVERY_MS)
  timer.unref()

  return {
    async send (vehicle: { id: string, key: number }, params: CommandParams, by: string): Promise<Result<CommandOutcome, CommandFailure>> {
      const t = d.now()
      const commandId = d.newId()
      let bucket = buckets.get(vehicle.key)
      if (bucket === undefined) buckets.set(vehicle.key, bucket = createBucket(d.perMinute, t))
      const guard = checkCommand(params.kind, d.stateOf(vehicle.key), bucket, { perMinute: d.perMinute }, t)
      const audit = { commandId, vehicleKey: vehicle.key, requestedBy: by, requestedAtMs: t, kind: params.kind, request: params }
      if (!guard.ok) {
        await d.repo.insert({ ...audit, status: 'refused', result: guard.error, respondedAtMs: t })
        d.log.info({ vehicleId: vehicle.id, kind: params.kind, reason: guard.error.code }, 'diagnostic command refused')
        return guard
      }
      await d.repo.insert({ ...audit, status: 'sent', result: undefined, respondedAtMs: null })
      const done = new Promise<Result<CommandOutcome, CommandFailure>>((resolve) => {
        sessions.open({ correlationId: commandId, vehicleKey: vehicle.key, deadlineMs: t + d.timeoutMs, waiter: { commandId, resolve } })
      })
      await d.publish(vehicle.id, encodeRequest(commandId, t + d.timeoutMs, params))
      d.log.info({ vehicleId: vehicle.id, commandId, kind: params.kind, by }, 'diagnostic command sent')
      return done
    },

    /** A `cmd/res` message from a vehicle (ingest handler). */
    async onResponse (vehicle: { id: string, key: number }, payload: Uint8Array): Promise<Result<true, 'GW_DIAG_BAD_RESPONSE'>> {
      const r = decodeResponse(payload)
      if (!r.ok) return fail('GW_DIAG_BAD_RESPONSE', r.detail)
      const settled = sessions.settle(r.correlationId, vehicle.key)
      if (!settled.ok) {
        d.log.warn({ vehicleId: vehicle.id, correlationId: r.correlationId, reason: settled.error.code }, 'unmatched diagnostic response dropped')
        return ok(true)
      }
      const w = settled.value.waiter
      if ('negative' in r) {
        const n = r.negative
        await finish(w, 'negative', n, fail('GW_DIAG_NEGATIVE_RESPONSE', `the vehicle refused service 0x${n.serviceId.toString(16)}: ${n.name} (NRC 0x${n.code.toString(16).padStart(2, '0')})`))
      } else {
        await finish(w, 'succeeded', r.result, ok({ commandId: w.commandId, result: r.result }))
      }
      return ok(true)
    },

    pending: (): number => sessions.size(),
    close: (): void => clearInterval(timer),
  }
}

export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>
