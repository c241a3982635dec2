import { createHash } from 'node:crypto'
import { compareVersions } from '@fleetwire/proto'
import { FAILURE_STATES, type UpdateState } from './rollout.core.js'
import { type Result, fail, ok } from '../common/result.js'

/**
 * Campaign-level logic, pure: wave planning, the campaign state machine and
 * the decision taken after each tick from a wave's counts (advance, wait for
 * approval, pause on errors, complete).
 */
export type CampaignState = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled'
export const CAMPAIGN_STATES: readonly CampaignState[] = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled']
export type CampaignControl = 'start' | 'pause' | 'resume' | 'cancel' | 'approve-next-wave' | 'retry-failed'

export interface WaveSpec { readonly percent?: number, readonly count?: number }

/**
 * Splits vehicles into waves. The order is a stable pseudo-random shuffle
 * (SHA-256 of seed + id), so the first wave is not "the lowest VINs" and a
 * preview shows exactly what start will do. Counts are taken as given,
 * percentages of the whole rounded (at least 1 when there are vehicles
 * left); the last wave takes every vehicle still unassigned.
 */
export function planWaves (vehicleIds: readonly string[], waves: readonly WaveSpec[], seed: string): string[][] {
  const order = [...vehicleIds]
    .map((id) => ({ id, k: createHash('sha256').update(seed).update(id).digest('hex') }))
    .sort((a, b) => a.k < b.k ? -1 : a.k > b.k ? 1 : 0)
    .map((x) => x.id)
  const n = order.length
  const out: string[][] = []
  let next = 0
  waves.forEach((w, i) => {
    const last = i === waves.length - 1
    const want = last ? n - next : w.count ?? Math.max(n > next ? 1 : 0, Math.round(((w.percent ?? 0) / 100) * n))
    const size = Math.max(0, Math.min(want, n - next))
    out.push(order.slice(next, next + size))
    next += size
  })
  return out
}

export interface WaveCounts {
  readonly size: number
  readonly byState: Readonly<Partial<Record<UpdateState, number>>>
  /** Failed vehicles whose automatic retry (retry policy) is still due: they count as failed, but are not finished. */
  readonly retryPending?: number
}

export interface PlanThresholds {
  /** Share of a wave's eligible vehicles that must have succeeded before the next wave (0..1). */
  readonly successThreshold: number
  /** Share of a wave failed, rolled back or timed out that pauses the campaign (0..1). */
  readonly errorThreshold: number
  readonly autoAdvance: boolean
}

export type WaveDecision =
  | { kind: 'none' }
  | { kind: 'pause', reason: string }
  | { kind: 'advance' }
  | { kind: 'await_approval' }
  | { kind: 'complete' }

const n = (c: WaveCounts, s: UpdateState) => c.byState[s] ?? 0

/**
 * Vehicles that have left the wave without an outcome (declined, cancelled)
 * do not count either way. A failure with a retry still due is open: a
 * campaign must not complete (and stop retrying) while its retries wait.
 */
export function waveRatios (c: WaveCounts): { success: number, failure: number, open: number } {
  const eligible = c.size - n(c, 'declined') - n(c, 'cancelled')
  let failed = 0
  for (const s of FAILURE_STATES) failed += n(c, s)
  const done = n(c, 'succeeded') + failed
  return {
    success: eligible <= 0 ? 1 : n(c, 'succeeded') / eligible,
    failure: eligible <= 0 ? 0 : failed / eligible,
    open: Math.max(0, eligible - done) + (c.retryPending ?? 0),
  }
}

/**
 * What a running campaign does next, from the counts of its current wave
 * (0-based) and whether every wave up to it is finished.
 */
export function decide (current: number, waves: readonly WaveCounts[], t: PlanThresholds, awaitingApproval: boolean): WaveDecision {
  const c = waves[current]
  if (c === undefined) return { kind: 'complete' }
  // Every started wave is watched: failures that arrive after a wave was left still pause.
  for (let i = 0; i <= current; i++) {
    const f = waveRatios(waves[i] as WaveCounts).failure
    if (f > 0 && f >= t.errorThreshold) return { kind: 'pause', reason: `error_threshold: ${(f * 100).toFixed(1)} % of wave ${i + 1} failed (limit ${(t.errorThreshold * 100).toFixed(1)} %)` }
  }
  const r = waveRatios(c)
  const last = current === waves.length - 1
  if (last) {
    const openAnywhere = waves.some((w) => waveRatios(w).open > 0)
    return openAnywhere ? { kind: 'none' } : { kind: 'complete' }
  }
  if (r.success + 1e-9 < t.successThreshold) return { kind: 'none' }
  if (t.autoAdvance) return { kind: 'advance' }
  return awaitingApproval ? { kind: 'none' } : { kind: 'await_approval' }
}

const CONTROL_FROM: Readonly<Record<CampaignControl, readonly CampaignState[]>> = {
  start: ['draft'],
  pause: ['running', 'scheduled'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'running', 'paused'],
  'approve-next-wave': ['running', 'paused'],
  'retry-failed': ['running', 'paused', 'completed'],
}

/** The campaign state a control leads to, or why it is illegal now. */
export function applyControl (state: CampaignState, control: CampaignControl, opts: { nowMs: number, startsAtMs: number | null, awaitingApproval: boolean, hasNextWave: boolean }): Result<CampaignState, 'GW_OTA_ILLEGAL_CONTROL'> {
  if (!CONTROL_FROM[control].includes(state)) return fail('GW_OTA_ILLEGAL_CONTROL', `cannot ${control} a ${state} campaign`)
  switch (control) {
    case 'start': return ok(opts.startsAtMs !== null && opts.startsAtMs > opts.nowMs ? 'scheduled' : 'running')
    case 'pause': return ok('paused')
    case 'resume': return ok('running')
    case 'cancel': return ok('cancelled')
    case 'approve-next-wave':
      if (!opts.hasNextWave) return fail('GW_OTA_ILLEGAL_CONTROL', 'the campaign is on its last wave')
      return ok('running')
    case 'retry-failed': return ok('running')
  }
}

export interface ArtifactFit { readonly ecu: string, readonly hardwareIds: readonly string[], readonly version: string, readonly installsOver: readonly string[] }
export interface EcuNow { readonly ecuId: string, readonly hardwareId: string, readonly softwareVersion: string }

/** Compatibility check against the vehicle's last known configuration (R156). */
export function checkCompatibility (ecus: readonly EcuNow[], artifacts: readonly ArtifactFit[]): { ok: boolean, detail: string } {
  for (const a of artifacts) {
    const e = ecus.find((x) => x.ecuId === a.ecu)
    if (e === undefined) return { ok: false, detail: `no ${a.ecu} ECU reported` }
    if (!a.hardwareIds.includes(e.hardwareId)) return { ok: false, detail: `${a.ecu} hardware ${e.hardwareId} not in ${a.hardwareIds.join(',')}` }
    if (compareVersions(a.version, e.softwareVersion) <= 0) return { ok: false, detail: `${a.ecu} runs ${e.softwareVersion}, not older than ${a.version}` }
    if (a.installsOver.length > 0 && !a.installsOver.includes(e.softwareVersion)) return { ok: false, detail: `${a.ecu} ${e.softwareVersion} not in installs-over ${a.installsOver.join(',')}` }
  }
  return { ok: true, detail: 'compatible' }
}

/**
 * A target selection limited to what a scoped caller may reach: a support
 * engineer limited to regions (or a caller limited to fleets) can only
 * select vehicles inside them, so every campaign it creates stays visible
 * to it. Unnamed dimensions become the caller's scope; named ones are
 * intersected with it, and an empty intersection selects nothing.
 */
export function narrowTarget<T extends { readonly regions?: string[] | undefined, readonly fleets?: string[] | undefined }> (target: T, scope: { readonly fleets: readonly string[] | null, readonly regions: readonly string[] | null }): Result<T, 'GW_OTA_NO_VEHICLES'> {
  const narrow = (asked: string[] | undefined, allowed: readonly string[] | null): string[] | undefined => {
    if (allowed === null) return asked
    return asked === undefined || asked.length === 0 ? [...allowed] : asked.filter((x) => allowed.includes(x))
  }
  const regions = narrow(target.regions, scope.regions)
  const fleets = narrow(target.fleets, scope.fleets)
  if (regions?.length === 0 || fleets?.length === 0) return fail('GW_OTA_NO_VEHICLES', 'the target lies outside the regions or fleets you may reach')
  return ok({ ...target, ...(regions === undefined ? {} : { regions }), ...(fleets === undefined ? {} : { fleets }) })
}
