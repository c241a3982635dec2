import { signalById } from '@fleetwire/proto'

export type SampleRejectReason = 'unknown_signal' | 'out_of_range' | 'future_timestamp' | 'too_old'

export interface SampleLimits {
  readonly nowMs: number
  readonly maxFutureMs: number
  readonly maxAgeMs: number
}

export interface DecodedSample {
  readonly signalId: number
  readonly value: number
  readonly offsetMs: number
}

/** Accepted samples, column-wise (what the batched writer wants), plus rejects by reason. */
export interface ValidatedSamples {
  signalIds: number[]
  tsMs: number[]
  values: number[]
  rejected: Partial<Record<SampleRejectReason, number>>
  rejectedCount: number
}

/**
 * Checks every sample of a batch against the signal catalog. A bad sample
 * is rejected on its own: the good samples of the same batch are kept.
 */
export function validateSamples (baseTimeMs: number, samples: readonly DecodedSample[], limits: SampleLimits): ValidatedSamples {
  const out: ValidatedSamples = { signalIds: [], tsMs: [], values: [], rejected: {}, rejectedCount: 0 }
  const latest = limits.nowMs + limits.maxFutureMs
  const earliest = limits.nowMs - limits.maxAgeMs
  for (const s of samples) {
    const ts = baseTimeMs + s.offsetMs
    const reason = rejectReason(s, ts, latest, earliest)
    if (reason === undefined) {
      out.signalIds.push(s.signalId)
      out.tsMs.push(ts)
      out.values.push(s.value)
    } else {
      out.rejected[reason] = (out.rejected[reason] ?? 0) + 1
      out.rejectedCount++
    }
  }
  return out
}

function rejectReason (s: DecodedSample, ts: number, latest: number, earliest: number): SampleRejectReason | undefined {
  const def = signalById(s.signalId)
  if (def === undefined) return 'unknown_signal'
  if (!Number.isFinite(s.value) || s.value < def.min || s.value > def.max) return 'out_of_range'
  if (ts > latest) return 'future_timestamp'
  if (ts < earliest) return 'too_old'
  return undefined
}
