/**
 * The per-vehicle update state machine. Pure: the service loads the current
 * state, applies one input here and stores what comes back. Every edge is
 * listed once in TRANSITIONS; an input that has no edge from the current
 * state is rejected (and logged by the caller), never applied. A repeat of
 * the input that produced the current state is `unchanged`: idempotent.
 */
export const UPDATE_STATES = [
  'pending_opt_in', 'queued', 'offered', 'awaiting_consent', 'postponed', 'downloading', 'downloaded',
  'installing', 'verifying', 'succeeded', 'failed', 'rolled_back', 'declined', 'cancelled', 'timed_out',
] as const
export type UpdateState = typeof UPDATE_STATES[number]

export const TERMINAL_STATES: ReadonlySet<UpdateState> = new Set(['succeeded', 'failed', 'rolled_back', 'declined', 'cancelled', 'timed_out'])
/** States in which the vehicle is working and must keep reporting (in-progress timeout applies). */
export const IN_PROGRESS_STATES: ReadonlySet<UpdateState> = new Set(['offered', 'downloading', 'downloaded', 'installing', 'verifying'])
/** States in which a person (driver) has to answer: reminders, not timeouts. */
export const WAITING_FOR_DRIVER: ReadonlySet<UpdateState> = new Set(['awaiting_consent', 'postponed'])
/** Outcomes that count against a wave's error threshold. */
export const FAILURE_STATES: ReadonlySet<UpdateState> = new Set(['failed', 'rolled_back', 'timed_out'])

/** What moves a vehicle: reports from the vehicle and decisions of the gateway. */
export type UpdateInput =
  // from the gateway
  | { kind: 'owner_opted_in' }
  | { kind: 'owner_opted_out' }
  | { kind: 'offer_sent' }
  | { kind: 'timeout' }
  | { kind: 'cancel', reason: string }
  | { kind: 'retry', reason: 'auto_retry' | 'manual_retry' }
  // from the vehicle (OtaStatus)
  | { kind: 'report', state: ReportedState, reason: string }

export type ReportedState = 'rejected' | 'awaiting_consent' | 'postponed' | 'declined' | 'downloading' | 'downloaded'
  | 'installing' | 'verifying' | 'succeeded' | 'failed' | 'rolled_back' | 'revoked'

export interface UpdateSnapshot {
  readonly state: UpdateState
  readonly reason: string | null
}

export type TransitionResult =
  | { kind: 'applied', to: UpdateState, reason: string }
  | { kind: 'unchanged' }
  | { kind: 'rejected', detail: string }

/** Where each vehicle report leads. */
const REPORT_TARGET: Readonly<Record<ReportedState, UpdateState>> = {
  rejected: 'failed',
  awaiting_consent: 'awaiting_consent',
  postponed: 'postponed',
  declined: 'declined',
  downloading: 'downloading',
  downloaded: 'downloaded',
  installing: 'installing',
  verifying: 'verifying',
  succeeded: 'succeeded',
  failed: 'failed',
  rolled_back: 'rolled_back',
  revoked: 'cancelled',
}

/** Allowed edges: from → the states it may move to. */
const TRANSITIONS: Readonly<Record<UpdateState, readonly UpdateState[]>> = {
  pending_opt_in: ['queued', 'declined', 'cancelled'],
  queued: ['offered', 'declined', 'cancelled'],
  offered: ['awaiting_consent', 'postponed', 'declined', 'downloading', 'failed', 'timed_out', 'cancelled'],
  awaiting_consent: ['postponed', 'declined', 'downloading', 'failed', 'cancelled'],
  postponed: ['awaiting_consent', 'declined', 'downloading', 'failed', 'cancelled'],
  downloading: ['downloaded', 'failed', 'timed_out', 'cancelled'],
  downloaded: ['installing', 'failed', 'timed_out', 'cancelled'],
  installing: ['verifying', 'failed', 'rolled_back', 'timed_out'],
  verifying: ['succeeded', 'rolled_back', 'failed', 'timed_out'],
  succeeded: [],
  failed: ['queued'],
  rolled_back: ['queued'],
  declined: ['queued'],
  cancelled: [],
  timed_out: ['queued', 'downloading', 'downloaded', 'installing', 'verifying', 'succeeded', 'rolled_back', 'failed'],
}

export function canTransition (from: UpdateState, to: UpdateState): boolean {
  return TRANSITIONS[from].includes(to)
}

export function isTerminal (s: UpdateState): boolean {
  return TERMINAL_STATES.has(s)
}

const reject = (detail: string): TransitionResult => ({ kind: 'rejected', detail })

/** Applies one input to one vehicle's update. */
export function transition (current: UpdateSnapshot, input: UpdateInput): TransitionResult {
  const from = current.state
  let to: UpdateState
  let reason: string
  switch (input.kind) {
    case 'owner_opted_in':
      // Only an owner's own opt-out can be undone by the owner; the driver's decline stands.
      if (from === 'declined' && current.reason !== 'owner_opted_out') return reject('declined by the driver, not the owner')
      if (from !== 'pending_opt_in' && from !== 'declined') return { kind: 'unchanged' }
      to = 'queued'
      reason = 'owner_opted_in'
      break
    case 'owner_opted_out':
      if (from === 'declined' && current.reason === 'owner_opted_out') return { kind: 'unchanged' }
      if (from !== 'pending_opt_in' && from !== 'queued') return reject(`cannot opt out in state ${from}: the offer is already with the vehicle`)
      to = 'declined'
      reason = 'owner_opted_out'
      break
    case 'offer_sent':
      to = 'offered'
      reason = 'offer_sent'
      break
    case 'timeout':
      to = 'timed_out'
      reason = 'in_progress_timeout'
      break
    case 'cancel':
      if (isTerminal(from)) return { kind: 'unchanged' }
      to = 'cancelled'
      reason = input.reason
      break
    case 'retry':
      if (from !== 'failed' && from !== 'rolled_back' && from !== 'timed_out') return reject(`nothing to retry in state ${from}`)
      to = 'queued'
      reason = input.reason
      break
    case 'report': {
      // The vehicle confirms a revocation; it cannot cancel an update the campaign still runs.
      if (input.state === 'revoked' && from !== 'cancelled') return reject(`report revoked does not fit state ${from}: nothing was revoked`)
      to = REPORT_TARGET[input.state]
      reason = input.reason !== '' ? input.reason : `vehicle_${input.state}`
      // A repeated report (or a progress report in the same state) changes nothing.
      if (to === from && (input.state !== 'rejected' || current.reason === reason)) return { kind: 'unchanged' }
      // A vehicle that was timed out but comes back: its report is accepted if it continues the update.
      break
    }
  }
  if (to === from) return { kind: 'unchanged' }
  if (!canTransition(from, to)) return reject(`${input.kind === 'report' ? `report ${input.state}` : input.kind} does not fit state ${from}`)
  if (from === 'timed_out' && to === 'queued' && input.kind !== 'retry') return reject('timed out: only a retry re-queues')
  return { kind: 'applied', to, reason }
}
