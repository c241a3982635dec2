import { k, t, type MessageKey } from '../i18n/i18n.js'

/** Shapes of the OTA API as gateway/src/ota/schemas.ts serves them. */
export type CampaignState = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled'
export interface Artifact { id: string, ecu: string, hardwareIds: string[], version: string, size: number, releaseNotes: Record<string, string>, createdAt: string }
export interface CampaignSummary {
  id: string, name: string, state: CampaignState, requiresOptIn: boolean, recall: boolean
  vehicles: number, currentWave: number, waves: number, counts: Record<string, number>, createdAt: string
}
export interface CampaignDetail extends CampaignSummary {
  artifacts: Artifact[]
  progress: { byState: Record<string, number>, byWave: Array<{ wave: number, size: number, byState: Record<string, number> }> }
  failureReasons: Record<string, number>
}
/** Live `campaign/{id}` message payload. */
export interface CampaignProgress { type: 'campaign', id: string, counts: Record<string, number>, byWave: CampaignDetail['progress']['byWave'], state: CampaignState }

export type Control = 'start' | 'pause' | 'resume' | 'cancel' | 'approve-next-wave' | 'retry-failed'

/** Controls offered per state (the gateway answers 409 to an illegal one anyway). */
export const CONTROLS: Readonly<Record<CampaignState, readonly Control[]>> = {
  draft: ['start', 'cancel'],
  scheduled: ['start', 'cancel'],
  running: ['pause', 'approve-next-wave', 'retry-failed', 'cancel'],
  paused: ['resume', 'retry-failed', 'cancel'],
  completed: ['retry-failed'],
  cancelled: [],
}

export const CONTROL_LABEL: Readonly<Record<Control, MessageKey>> = {
  start: k('campaign.control.start'), pause: k('campaign.control.pause'), resume: k('campaign.control.resume'),
  cancel: k('campaign.control.cancel'), 'approve-next-wave': k('campaign.control.approveNextWave'), 'retry-failed': k('campaign.control.retryFailed'),
}

/** Vehicle update states in display order (the OTA state machine's; states the gateway adds later still show, after these). */
export const UPDATE_STATES = [
  'pending_opt_in', 'queued', 'offered', 'awaiting_consent', 'postponed', 'downloading', 'downloaded', 'installing', 'verifying', 'succeeded', 'failed', 'rolled_back', 'declined', 'cancelled', 'timed_out',
] as const
const UPDATE_LABEL: Readonly<Record<string, MessageKey>> = {
  pending_opt_in: k('update.pendingOptIn'),
  queued: k('update.queued'),
  offered: k('update.offered'),
  awaiting_consent: k('update.awaitingConsent'),
  postponed: k('update.postponed'),
  downloading: k('update.downloading'),
  downloaded: k('update.downloaded'),
  installing: k('update.installing'),
  verifying: k('update.verifying'),
  succeeded: k('update.succeeded'),
  failed: k('update.failed'),
  rolled_back: k('update.rolledBack'),
  declined: k('update.declined'),
  cancelled: k('update.cancelled'),
  timed_out: k('update.timedOut'),
}
export const updateStateLabel = (s: string): string => (UPDATE_LABEL[s] === undefined ? s : t(UPDATE_LABEL[s]))

export function orderedParts (byState: Readonly<Record<string, number>>): Array<{ key: string, value: number }> {
  const known: readonly string[] = UPDATE_STATES
  const extra = Object.keys(byState).filter((s) => !known.includes(s)).sort()
  return [...known, ...extra].map((key) => ({ key, value: byState[key] ?? 0 }))
}
