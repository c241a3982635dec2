import type { AuthenticatedVehicle } from '../../vehicles/index.js'
import type { GatewayMetrics } from '../../observability/metrics.plugin.js'
import type { TelemetryBatcher } from '../telemetry-batcher.js'
import { decodeTelemetry } from '../decode.js'
import { validateSamples } from '../validate.core.js'
import { observe } from '../sequence-tracker.core.js'
import { bump } from '../vehicle-intake-state.js'
import { HANDLED, type ChannelHandler, type HandlerOutcome } from '../dispatch.js'

const SPOOLED: HandlerOutcome = { ok: true, spooled: true }

export interface TelemetryHandlerDeps {
  batcher: TelemetryBatcher
  metrics: GatewayMetrics
  limits: { maxFutureMs: number, maxAgeMs: number }
  now: () => number
  touch: (vehicleKey: number, atMs: number) => void
  /**
   * New samples, validated and on their way to the commit (rules): evaluated
   * while the batch is written, so an alert does not wait for the telemetry
   * commit. Acknowledged data is never lost (committed or spooled), and a
   * batch the vehicle must resend is a replay, which rules skip.
   */
  onAccepted: (vehicle: AuthenticatedVehicle, signalIds: number[], tsMs: number[], values: number[]) => void
  /** Called once the samples are committed (live fan-out). */
  onStored: (vehicle: AuthenticatedVehicle, signalIds: number[], tsMs: number[], values: number[]) => void
}

/** Decode, validate against the catalog, track sequence numbers, then wait for the batched commit. */
export function createTelemetryHandler ({ batcher, metrics, limits, now, touch, onAccepted, onStored }: TelemetryHandlerDeps): ChannelHandler {
  return async (vehicle, payload, state) => {
    const decoded = decodeTelemetry(payload)
    if (!decoded.ok) return { ok: false, reason: decoded.error.code, detail: decoded.error.detail }
    const batch = decoded.value
    const t = now()
    const v = validateSamples(batch.baseTimeMs, batch.samples, { nowMs: t, ...limits })
    const { stats } = state
    if (v.rejectedCount > 0) {
      for (const [reason, n] of Object.entries(v.rejected)) {
        bump(stats.samplesRejected, reason, n)
        metrics.samplesRejected.inc({ reason }, n)
      }
    }
    const verdict = observe(state.seq, batch.seq)
    if (verdict.kind === 'gap') {
      stats.sequenceGaps += verdict.missing
      metrics.sequenceGaps.inc(verdict.missing)
    } else if (verdict.kind === 'late_fill') {
      stats.lateBatches++
    } else if (verdict.kind === 'replay') {
      stats.replayedBatches++
    }
    touch(vehicle.key, t)
    // A replayed batch holds nothing new; feeding it to the rules again would double-count it in window means.
    const fresh = v.signalIds.length > 0 && verdict.kind !== 'replay'
    const durability = batcher.add(vehicle.key, v.signalIds, v.tsMs, v.values)
    if (fresh) onAccepted(vehicle, v.signalIds, v.tsMs, v.values)
    const stored = await durability
    stats.samplesAccepted += v.signalIds.length
    if (fresh) onStored(vehicle, v.signalIds, v.tsMs, v.values)
    return stored === 'spooled' ? SPOOLED : HANDLED
  }
}
