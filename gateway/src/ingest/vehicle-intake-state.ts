import { createBucket, type TokenBucket } from './token-bucket.core.js'
import { createSequenceState, type SequenceState } from './sequence-tracker.core.js'

/** What the gateway counted for one vehicle since it started (GET /vehicles/:id/ingest). */
export interface VehicleIngestStats {
  messages: number
  samplesAccepted: number
  samplesRejected: Record<string, number>
  malformed: Record<string, number>
  shed: Record<string, number>
  sequenceGaps: number
  lateBatches: number
  replayedBatches: number
}

/** Per-vehicle intake state; a few hundred bytes plus at most MAX_TRACKED_MISSING seqs. */
export interface VehicleIntakeState {
  readonly msgBucket: TokenBucket
  readonly byteBucket: TokenBucket
  readonly seq: SequenceState
  readonly stats: VehicleIngestStats
  malformedWindowStartMs: number
  malformedInWindow: number
  lastWarnMs: number
  suppressedWarnings: number
  quarantinedUntilMs: number
}

export function createIntakeState (nowMs: number, msgCapacity: number, byteCapacity: number): VehicleIntakeState {
  return {
    msgBucket: createBucket(msgCapacity, nowMs),
    byteBucket: createBucket(byteCapacity, nowMs),
    seq: createSequenceState(),
    stats: { messages: 0, samplesAccepted: 0, samplesRejected: {}, malformed: {}, shed: {}, sequenceGaps: 0, lateBatches: 0, replayedBatches: 0 },
    malformedWindowStartMs: nowMs,
    malformedInWindow: 0,
    lastWarnMs: 0,
    suppressedWarnings: 0,
    quarantinedUntilMs: 0,
  }
}

export function bump (counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by
}
