import type { ArtifactRecord } from '../storage/ota-artifacts.repository.js'
import type { CampaignRecord, CampaignScope } from '../storage/ota-campaigns.repository.js'
import type { OtaUpdatesRepository, UpdateEvent, UpdateRow } from '../storage/ota-updates.repository.js'
import { FAILURE_STATES, UPDATE_STATES, type UpdateState } from './rollout.core.js'
import type { CampaignSummaryDto } from './schemas.js'

/** DTOs of the OTA API (their schemas in schemas.ts). */
export const artifactDto = (a: ArtifactRecord) => ({
  id: a.id, ecu: a.ecu, hardwareIds: [...a.hardwareIds], version: a.version, installsOver: [...a.installsOver], size: a.size,
  releaseNotes: { ...a.releaseNotes }, installDurationS: a.installDurationS, createdAt: a.createdAt.toISOString(),
})

const zeroCounts = (): Record<string, number> => Object.fromEntries(UPDATE_STATES.map((s) => [s, 0]))

export interface Progress {
  byState: Record<string, number>
  /** retryPending: failed vehicles with an automatic retry still due (campaign.core WaveCounts). */
  byWave: Array<{ wave: number, size: number, byState: Record<string, number>, retryPending: number }>
  vehicles: number
}

/** Progress over the campaign's vehicles inside `scope` (default: all of them). */
export async function progressOf (repo: Pick<OtaUpdatesRepository, 'countsByWave'>, c: Pick<CampaignRecord, 'id' | 'waves'>, scope?: CampaignScope): Promise<Progress> {
  const byState = zeroCounts()
  const byWave = Array.from({ length: c.waves }, (_, i) => ({ wave: i + 1, size: 0, byState: zeroCounts(), retryPending: 0 }))
  let vehicles = 0
  for (const r of await repo.countsByWave(c.id, scope)) {
    byState[r.state] = (byState[r.state] ?? 0) + r.n
    const w = byWave[r.wave]
    if (w !== undefined) {
      w.size += r.n
      w.byState[r.state] = (w.byState[r.state] ?? 0) + r.n
      if (FAILURE_STATES.has(r.state as UpdateState)) w.retryPending += r.retry
    }
    vehicles += r.n
  }
  return { byState, byWave, vehicles }
}

export function summaryDto (c: CampaignRecord, p: Progress): CampaignSummaryDto {
  return {
    id: c.id,
    name: c.name,
    state: c.state,
    requiresOptIn: c.requiresOptIn,
    recall: c.recallDeadline !== null,
    recallDeadline: c.recallDeadline?.toISOString() ?? null,
    vehicles: p.vehicles,
    currentWave: c.currentWave + 1,
    waves: c.waves,
    awaitingApproval: c.awaitingApproval,
    pauseReason: c.pauseReason,
    counts: p.byState,
    createdAt: c.createdAt.toISOString(),
  }
}

const iso = (ms: unknown) => typeof ms === 'number' ? new Date(ms).toISOString() : ''

/** One update as the R156 record: versions, integrity data, signer, compatibility, what the user was told and agreed, preconditions, outcome. */
export function updateRecordDto (row: UpdateRow, campaignName: string, events: readonly UpdateEvent[], owner: { decision: string, by: string, at: string } | null) {
  const offer = row.offer as null | { keyId?: string, issuedAtMs?: number, language?: string, releaseNotes?: string, recall?: boolean, artifacts?: Array<{ ecu: string, sha256: string, length: number, version: string }> }
  const consent = row.consent as null | { decision?: string, atMs?: number }
  const ecus = Object.keys(row.toVersions)
  const terminal = ['succeeded', 'failed', 'rolled_back', 'declined', 'cancelled', 'timed_out'].includes(row.state)
  const updatedAt = Math.max(row.stateSinceMs, row.lastReportAtMs ?? 0)
  return {
    campaignId: row.campaignId,
    campaignName,
    ecu: ecus.join(','),
    fromVersion: ecus.map((e) => row.fromVersions[e] ?? '').join(','),
    toVersion: ecus.map((e) => row.toVersions[e] ?? '').join(','),
    fromVersions: { ...row.fromVersions },
    toVersions: { ...row.toVersions },
    state: row.state as typeof UPDATE_STATES[number],
    reason: row.reason,
    wave: row.wave + 1,
    attempts: row.attempts,
    updatedAt: new Date(updatedAt).toISOString(),
    record: {
      artifacts: offer?.artifacts?.map((a) => ({ ecu: a.ecu, sha256: a.sha256, length: a.length, version: a.version })) ?? [],
      signerKeyId: offer?.keyId ?? null,
      compatibility: { ok: row.compatibility.ok, detail: row.compatibility.detail },
      told: offer === null ? null : { at: iso(offer.issuedAtMs), language: offer.language ?? '', releaseNotes: offer.releaseNotes ?? '', recall: offer.recall === true },
      ownerConsent: owner,
      driverConsent: consent === null ? null : { decision: consent.decision ?? '', at: iso(consent.atMs) },
      preconditions: row.preconditions,
      outcome: terminal ? row.state : null,
      rolledBack: row.state === 'rolled_back' || events.some((e) => e.to === 'rolled_back'),
    },
    history: events.map((e) => ({ seq: e.seq, at: new Date(e.tsMs).toISOString(), from: e.from, to: e.to, reason: e.reason, source: e.source, detail: e.detail })),
  }
}
