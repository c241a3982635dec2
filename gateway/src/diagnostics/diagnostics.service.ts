import type { Log } from '../common/log.js'
import { type Result, fail, ok } from '../common/result.js'
import type { DiagnosticCommandsRepository } from '../storage/diagnostic-commands.repository.js'
import { type TokenBucket, createBucket } from '../ingest/token-bucket.core.js'
import { type GuardFailure, type VehicleCommandState, checkCommand, checkQueueRate, waitsForWakeUp } from './guard.core.js'
import { createSessionTable } from './session.core.js'
import { type CommandParams, type CommandResult, decodeResponse, encodeRequest } from './uds.js'

export type CommandFailure = GuardFailure | 'GW_DIAG_TIMEOUT' | 'GW_DIAG_NEGATIVE_RESPONSE'

export interface CommandOutcome {
  readonly commandId: string
  readonly result: CommandResult
}

/** The vehicle was offline or asleep and the caller asked to wait: sent when it wakes up, unless it expires first. */
export interface QueuedCommand {
  readonly commandId: string
  readonly queued: true
  readonly expiresAtMs: number
}

export interface DiagnosticsServiceDeps {
  repo: DiagnosticCommandsRepository
  /** Publishes a request on the vehicle's command topic (QoS 1). */
  publish: (vehicleId: string, payload: Buffer) => Promise<void>
  /** Cluster-wide: the vehicle may be connected to another gateway instance. */
  stateOf: (vehicleKey: number) => VehicleCommandState | Promise<VehicleCommandState>
  /**
   * A response for a command this instance is not waiting for: in a cluster
   * the command may wait on the instance it was sent from (undefined = single node).
   */
  forwardUnmatched?: (vehicle: { id: string, key: number }, payload: Uint8Array) => void
  /** A command was queued: the instance the vehicle wakes up on should know at once, not at its next sweep. */
  announceQueued?: (vehicleKey: number) => void
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
  /** Vehicles with queued commands, so that a wake-up costs a query only when something waits. */
  const waiting = new Set<number>()

  function bucketOf (key: number, t: number): TokenBucket {
    let bucket = buckets.get(key)
    if (bucket === undefined) buckets.set(key, bucket = createBucket(d.perMinute, t))
    return bucket
  }

  /** Publishes a request already recorded as `sent`; resolves with the vehicle's answer or the timeout. */
  async function transmit (vehicle: { id: string, key: number }, commandId: string, params: CommandParams, by: string, t: number): Promise<Result<CommandOutcome, CommandFailure>> {
    const done = new Promise<Result<CommandOutcome, CommandFailure>>((resolve) => {
      sessions.open({ correlationId: commandId, vehicleKey: vehicle.key, deadlineMs: t + d.timeoutMs, waiter: { commandId, resolve } })
    })
    await d.publish(vehicle.id, encodeRequest(commandId, t + d.timeoutMs, params))
    d.log.info({ vehicleId: vehicle.id, commandId, kind: params.kind, by }, 'diagnostic command sent')
    return done
  }

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
    /**
     * Sends a command and waits for the answer. With `queue`, a vehicle that
     * is offline or asleep does not refuse it: it waits (durably, in the
     * audit table) until the vehicle wakes up or the queue time runs out.
     */
    async send (vehicle: { id: string, key: number }, params: CommandParams, by: string, queue?: { expiresInMs: number }): Promise<Result<CommandOutcome | QueuedCommand, CommandFailure>> {
      const t = d.now()
      const commandId = d.newId()
      let guard: Result<true, GuardFailure> = checkCommand(params.kind, await d.stateOf(vehicle.key), bucketOf(vehicle.key, t), { perMinute: d.perMinute }, t)
      if (!guard.ok && queue !== undefined && waitsForWakeUp(guard.error.code)) {
        const rate = checkQueueRate(bucketOf(vehicle.key, t), { perMinute: d.perMinute }, t)
        if (!rate.ok) guard = rate
      }
      const audit = { commandId, vehicleKey: vehicle.key, requestedBy: by, requestedAtMs: t, kind: params.kind, request: params }
      if (!guard.ok && queue !== undefined && waitsForWakeUp(guard.error.code)) {
        const expiresAtMs = t + queue.expiresInMs
        await d.repo.insert({ ...audit, status: 'queued', result: undefined, respondedAtMs: null, expiresAtMs })
        waiting.add(vehicle.key)
        d.announceQueued?.(vehicle.key)
        d.log.info({ vehicleId: vehicle.id, commandId, kind: params.kind, reason: guard.error.code, expiresAt: new Date(expiresAtMs) }, 'diagnostic command queued until wake-up')
        return ok({ commandId, queued: true, expiresAtMs })
      }
      if (!guard.ok) {
        await d.repo.insert({ ...audit, status: 'refused', result: guard.error, respondedAtMs: t })
        d.log.info({ vehicleId: vehicle.id, kind: params.kind, reason: guard.error.code }, 'diagnostic command refused')
        return guard
      }
      await d.repo.insert({ ...audit, status: 'sent', result: undefined, respondedAtMs: null })
      return transmit(vehicle, commandId, params, by, t)
    },

    /**
     * Sends what waits for this vehicle, oldest first, as far as the guard
     * allows now (a clear waits on for the vehicle to be parked). Called when
     * its presence changes and periodically; `claim` makes sure two callers
     * (or two gateways) never send one command twice.
     */
    async dispatchQueued (vehicleKey: number): Promise<number> {
      if (!waiting.has(vehicleKey)) return 0
      const t = d.now()
      const queued = await d.repo.queued(vehicleKey, t)
      if (queued.length === 0) waiting.delete(vehicleKey)
      let sent = 0
      for (const c of queued) {
        const params = c.request as CommandParams
        const guard = checkCommand(params.kind, await d.stateOf(vehicleKey), bucketOf(vehicleKey, t), { perMinute: d.perMinute }, t)
        if (!guard.ok && guard.error.code === 'GW_DIAG_NOT_PARKED') continue
        if (!guard.ok) break
        if (!await d.repo.claim(c.commandId, t)) continue
        sent++
        void transmit({ id: c.vehicleId, key: vehicleKey }, c.commandId, params, c.requestedBy, t)
          .then((r) => d.log.info({ vehicleId: c.vehicleId, commandId: c.commandId, ok: r.ok }, 'queued diagnostic command answered'))
          .catch((err: unknown) => d.log.error({ err, commandId: c.commandId }, 'queued diagnostic command failed to send'))
      }
      return sent
    },

    /** Expires what waited too long and picks up commands queued by another gateway. */
    async sweepQueue (): Promise<void> {
      const t = d.now()
      const expired = await d.repo.expireQueued(t)
      if (expired > 0) d.log.info({ expired }, 'queued diagnostic commands expired')
      waiting.clear()
      for (const key of await d.repo.vehiclesWithQueued(t)) waiting.add(key)
    },

    /** Another instance queued a command for this vehicle: look for it when the vehicle is (or comes) online here. */
    noteQueued (vehicleKey: number): void {
      waiting.add(vehicleKey)
    },

    /** A `cmd/res` message from a vehicle (ingest handler), or `forwarded` by the instance the vehicle is connected to. */
    async onResponse (vehicle: { id: string, key: number }, payload: Uint8Array, forwarded = false): Promise<Result<true, 'GW_DIAG_BAD_RESPONSE'>> {
      const r = decodeResponse(payload)
      if (!r.ok) return fail('GW_DIAG_BAD_RESPONSE', r.detail)
      const settled = sessions.settle(r.correlationId, vehicle.key)
      if (!settled.ok && settled.error.code === 'GW_DIAG_UNKNOWN_CORRELATION' && d.forwardUnmatched !== undefined) {
        if (!forwarded) d.forwardUnmatched(vehicle, payload)
        return ok(true)
      }
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

    waitingVehicles: (): number[] => [...waiting],
    pending: (): number => sessions.size(),
    close: (): void => clearInterval(timer),
  }
}

export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>
