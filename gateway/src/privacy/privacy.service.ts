import { signalById } from '@fleetwire/proto'
import type { Log } from '../common/log.js'
import type { ErasedCounts, PrivacyRepository } from '../storage/privacy.repository.js'
import type { VehicleRecord } from '../storage/vehicles.repository.js'
import { type DataPolicy, type RegionPolicy, POSITION_SIGNAL_IDS, cutoffMs, policyFor, reducePosition, retentionGroups } from './policy.core.js'

export interface RetentionReport {
  readonly telemetry: number
  readonly positions: number
  readonly presenceEvents: number
  readonly auditRedacted: number
}

export interface PrivacyServiceDeps {
  repo: PrivacyRepository
  policy: DataPolicy
  /** Audit rows: erase personal fields of rows older than each region's cut-off. */
  redactAudit: (cutoffs: ReadonlyArray<{ region: string | null, otherThan?: readonly string[], beforeMs: number }>) => Promise<number>
  log: Log
}

const EXPORT_PAGE = 10_000

/**
 * Data protection: retention per region, a vehicle's data export and its
 * erasure. What erasure keeps is what the law asks a maker to keep: alerts
 * (safety findings), diagnostic records and commands, update records and the
 * audit trail.
 */
export function createPrivacyService ({ repo, policy, redactAudit, log }: PrivacyServiceDeps) {
  return {
    /** Applies every region's retention periods as of `nowMs` (the clock is a parameter so tests can move it). */
    async applyRetention (nowMs: number): Promise<RetentionReport> {
      let telemetry = 0
      let positions = 0
      let presenceEvents = 0
      // Whole days older than every region's cut-offs go at once (partitions / chunks).
      const all: Array<Partial<RegionPolicy>> = [policy.fallback, ...Object.values(policy.byRegion), ...Object.values(policy.byCountry)]
      const wholeCutoff = Math.min(...all.flatMap((p) => [p.positionDays, p.telemetryDays]).filter((d): d is number => d !== undefined).map((d) => cutoffMs(nowMs, d)))
      const dropped = await repo.dropTelemetryBefore(wholeCutoff, POSITION_SIGNAL_IDS)
      positions += dropped.positions
      telemetry += dropped.samples - dropped.positions
      // The rest set by set: vehicles with the same periods share statements.
      for (const { p, keys } of retentionGroups(policy, await repo.vehicles())) {
        const positionCut = cutoffMs(nowMs, p.positionDays)
        const telemetryCut = cutoffMs(nowMs, p.telemetryDays)
        positions += await repo.deleteTelemetry(keys, positionCut, true, POSITION_SIGNAL_IDS)
        telemetry += await repo.deleteTelemetry(keys, telemetryCut, false, POSITION_SIGNAL_IDS)
        presenceEvents += await repo.deletePresenceEvents(keys, telemetryCut)
      }
      const regions = Object.keys(policy.byRegion)
      const auditRedacted = await redactAudit([
        ...regions.map((region) => ({ region, beforeMs: cutoffMs(nowMs, policyFor(policy, region).auditDays) })),
        { region: null, otherThan: regions, beforeMs: cutoffMs(nowMs, policy.fallback.auditDays) },
      ])
      const report = { telemetry, positions, presenceEvents, auditRedacted }
      if (telemetry + positions + presenceEvents + auditRedacted > 0) log.info(report, 'retention applied')
      return report
    },

    async erase (vehicle: VehicleRecord): Promise<ErasedCounts> {
      const { fromMs: _from, toMs: _to, ...erased } = await repo.erase(vehicle.key, POSITION_SIGNAL_IDS)
      log.info({ vehicleId: vehicle.id, ...erased }, 'vehicle data erased on request')
      return erased
    },

    /**
     * The vehicle's data as one JSON document, produced a page at a time so
     * a year of telemetry never sits in memory. Positions at the region's precision.
     */
    async * exportJson (vehicle: VehicleRecord, vehicleDto: unknown, nowMs: number): AsyncGenerator<string> {
      const decimals = policyFor(policy, vehicle.region, vehicle.country).positionDecimals
      yield `{"format":"fleetwire.vehicle-export.v1","exportedAt":${JSON.stringify(new Date(nowMs).toISOString())},"vehicle":${JSON.stringify(vehicleDto)}`
      yield `,"positionDecimals":${JSON.stringify(decimals)}`
      yield `,"alerts":${JSON.stringify(await repo.alerts(vehicle.key))}`
      yield `,"dtcEvents":${JSON.stringify(await repo.dtcEvents(vehicle.key))}`
      yield `,"diagnosticCommands":${JSON.stringify(await repo.diagnosticCommands(vehicle.key))}`
      yield `,"presenceEvents":${JSON.stringify(await repo.presenceEvents(vehicle.key))}`
      yield ',"telemetry":['
      let after: { signalId: number, tsMs: number } | undefined
      let first = true
      for (;;) {
        const page = await repo.telemetryPage(vehicle.key, after, EXPORT_PAGE)
        if (page.length === 0) break
        const parts = page.map((r) => {
          const def = signalById(r.signalId)
          return JSON.stringify({ signal: def?.name ?? String(r.signalId), unit: def?.unit ?? null, ts: new Date(r.tsMs).toISOString(), value: reducePosition(r.signalId, r.value, decimals) })
        })
        yield (first ? '' : ',') + parts.join(',')
        first = false
        const last = page.at(-1) as { signalId: number, tsMs: number }
        after = { signalId: last.signalId, tsMs: last.tsMs }
      }
      yield ']}'
    },
  }
}

export type PrivacyService = ReturnType<typeof createPrivacyService>
