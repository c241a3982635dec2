import type { UpdateEvent, UpdateRow } from '../storage/ota-updates.repository.js'
import { transition, type TransitionResult, type UpdateInput, type UpdateState, WAITING_FOR_DRIVER } from './rollout.core.js'
import type { PlanSpec } from './schemas.js'

/**
 * Applies one input to a loaded update row (in place) and returns the
 * event to append when something changed. Rows and events are then written
 * in batches by the caller's transaction.
 */
export function step (row: UpdateRow, input: UpdateInput, source: string, atMs: number, detail: Record<string, unknown> = {}): { result: TransitionResult, event?: UpdateEvent } {
  const result = transition({ state: row.state as UpdateState, reason: row.reason }, input)
  if (result.kind !== 'applied') return { result }
  const from = row.state
  row.state = result.to
  row.reason = result.reason
  row.seq += 1
  row.stateSinceMs = atMs
  return {
    result,
    event: { campaignId: row.campaignId, vehicleKey: row.vehicleKey, seq: row.seq, tsMs: atMs, from, to: result.to, reason: result.reason, source, detail },
  }
}

/** The event of a row's creation (from "none"). */
export function created (row: { campaignId: string, vehicleKey: number, state: string, reason: string | null }, atMs: number, source: string, detail: Record<string, unknown>): UpdateEvent {
  return { campaignId: row.campaignId, vehicleKey: row.vehicleKey, seq: 1, tsMs: atMs, from: 'none', to: row.state, reason: row.reason ?? 'planned', source, detail }
}

/** Retry with backoff keyed on the failure reason (overridable per campaign). */
export const DEFAULT_RETRY: Readonly<Record<string, { maxAttempts: number, backoffS: number }>> = {
  download_failed: { maxAttempts: 3, backoffS: 60 },
  in_progress_timeout: { maxAttempts: 2, backoffS: 300 },
  preconditions_not_met: { maxAttempts: 3, backoffS: 3600 },
}

/** When a failed row may be retried (exponential: backoff × 2^attempts), or null for no retry. */
export function retryAt (plan: PlanSpec, reason: string, attempts: number, nowMs: number): number | null {
  const policy = plan.retry?.[reason] ?? DEFAULT_RETRY[reason]
  if (policy === undefined || attempts >= policy.maxAttempts) return null
  return nowMs + policy.backoffS * 1000 * 2 ** attempts
}

export const isWaiting = (s: string) => WAITING_FOR_DRIVER.has(s as UpdateState)
