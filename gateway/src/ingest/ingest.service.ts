import type { Log } from '../common/log.js'
import type { GatewayMetrics } from '../observability/metrics.plugin.js'
import type { Config } from '../config/load.js'
import type { AuthenticatedVehicle } from '../vehicles/index.js'
import { take, tryTake } from './token-bucket.core.js'
import { bump, createIntakeState, type VehicleIngestStats, type VehicleIntakeState } from './vehicle-intake-state.js'
import type { TelemetryBatcher } from './telemetry-batcher.js'
import type { ChannelHandlers, HandlerOutcome } from './dispatch.js'

export interface InboundMessage {
  readonly vehicle: AuthenticatedVehicle
  readonly channel: string
  readonly payload: Buffer
  readonly qos: 0 | 1 | 2
}

export type IntakeOutcome =
  | { kind: 'processed' }
  | { kind: 'shed', reason: 'rate_limited' | 'overload' }
  | { kind: 'malformed', reason: string }
  /** The vehicle keeps sending garbage: the broker disconnects it for a while. */
  | { kind: 'quarantined', untilMs: number }

export interface IngestServiceDeps {
  config: Config
  batcher: TelemetryBatcher
  handlers: ChannelHandlers
  metrics: GatewayMetrics
  log: Log
  now: () => number
}

const MALFORMED_WINDOW_MS = 60_000
const WARN_INTERVAL_MS = 10_000
/** Rate limits allow this many seconds of burst. */
const BURST_S = 2

/**
 * The gateway's intake: per-vehicle rate limits, back-pressure against the
 * database, malformed-input accounting, then dispatch to the channel
 * handlers. `accept()` resolves only when the message is processed (for
 * telemetry: committed), so the broker can hold the PUBACK until then.
 */
export function createIngestService ({ config, batcher, handlers, metrics, log, now }: IngestServiceDeps) {
  const states = new Map<number, VehicleIntakeState>()
  // Bound once per channel: a label lookup per message is measurable at thousands of messages a second.
  const messagesIn = new Map<string, ReturnType<GatewayMetrics['messagesIn']['labels']>>()
  const messagesInFor = (channel: string) => {
    let c = messagesIn.get(channel)
    if (c === undefined) messagesIn.set(channel, c = metrics.messagesIn.labels(channel))
    return c
  }
  const { vehicleMaxMsgsPerS: msgRate, vehicleMaxBytesPerS: byteRate } = config.intake
  const storedMsgs = metrics.messagesOutcome.labels('stored')
  const spooledMsgs = metrics.messagesOutcome.labels('spooled')

  function stateOf (v: AuthenticatedVehicle, t: number): VehicleIntakeState {
    let s = states.get(v.key)
    if (s === undefined) {
      s = createIntakeState(t, msgRate * BURST_S, byteRate * BURST_S)
      states.set(v.key, s)
    }
    return s
  }

  function shed (s: VehicleIntakeState, reason: 'rate_limited' | 'overload'): IntakeOutcome {
    bump(s.stats.shed, reason)
    metrics.messagesShed.inc({ reason })
    return { kind: 'shed', reason }
  }

  function malformed (s: VehicleIntakeState, v: AuthenticatedVehicle, reason: string, detail: string, t: number): IntakeOutcome {
    bump(s.stats.malformed, reason)
    metrics.messagesRejected.inc({ reason })
    if (t - s.malformedWindowStartMs > MALFORMED_WINDOW_MS) {
      s.malformedWindowStartMs = t
      s.malformedInWindow = 0
    }
    s.malformedInWindow++
    if (t - s.lastWarnMs >= WARN_INTERVAL_MS) {
      log.warn({ vehicleId: v.id, reason, detail, suppressed: s.suppressedWarnings }, 'malformed vehicle message dropped')
      s.lastWarnMs = t
      s.suppressedWarnings = 0
    } else {
      s.suppressedWarnings++
    }
    if (s.malformedInWindow > config.intake.malformedLimitPerMinute) {
      s.quarantinedUntilMs = t + config.intake.malformedBanMs
      s.malformedInWindow = 0
      log.warn({ vehicleId: v.id, untilMs: s.quarantinedUntilMs }, 'vehicle quarantined for sending malformed messages')
      return { kind: 'quarantined', untilMs: s.quarantinedUntilMs }
    }
    return { kind: 'malformed', reason }
  }

  return {
    async accept (msg: InboundMessage): Promise<IntakeOutcome> {
      const t = now()
      const s = stateOf(msg.vehicle, t)
      s.stats.messages++
      messagesInFor(msg.channel).inc()
      const bytes = msg.payload.length
      if (msg.qos === 0) {
        // At-most-once traffic may be dropped: shed it rather than queue it.
        if (!tryTake(s.msgBucket, 1, msgRate, msgRate * BURST_S, t) || !tryTake(s.byteBucket, bytes, byteRate, byteRate * BURST_S, t)) return shed(s, 'rate_limited')
        if (!batcher.hasRoom()) return shed(s, 'overload')
      } else {
        // QoS 1 must not be dropped after its PUBACK, so it is slowed instead:
        // holding the callback stops aedes reading this vehicle's socket.
        const waitMs = Math.max(take(s.msgBucket, 1, msgRate, msgRate * BURST_S, t), take(s.byteBucket, bytes, byteRate, byteRate * BURST_S, t))
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
        await batcher.waitForRoom()
      }
      const handler = handlers[msg.channel]
      let outcome: HandlerOutcome
      try {
        outcome = handler === undefined
          ? { ok: false, reason: 'GW_INGEST_UNKNOWN_CHANNEL', detail: `no handler for channel ${msg.channel}` }
          : await handler(msg.vehicle, msg.payload, s)
      } catch (err) {
        // Every message received ends in exactly one outcome counter, failures included.
        metrics.messagesRejected.inc({ reason: 'GW_INGEST_HANDLER_FAILED' })
        throw err
      }
      if (!outcome.ok) return malformed(s, msg.vehicle, outcome.reason, outcome.detail, now())
      if (outcome.spooled === true) spooledMsgs.inc()
      else storedMsgs.inc()
      return { kind: 'processed' }
    },

    isQuarantined (vehicleKey: number): boolean {
      const s = states.get(vehicleKey)
      return s !== undefined && s.quarantinedUntilMs > now()
    },

    stats (vehicleKey: number): VehicleIngestStats | undefined {
      return states.get(vehicleKey)?.stats
    },
  }
}

export type IngestService = ReturnType<typeof createIngestService>
