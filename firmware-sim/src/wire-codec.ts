import { CATALOG_VERSION, fleetwire } from '@fleetwire/proto'
import type { DtcEvent } from './dtc-memory.core.js'
import type { EcuInfo } from './fleet-plan.core.js'
import type { Phase } from './physics/vehicle-state.core.js'
import { encodeTelemetryBatch } from './batch-encoder.js'

/** Protobuf payloads of the uplink channels (proto/fleetwire/v1). */
const V1 = fleetwire.v1

/**
 * An exact-size copy outside Node's shared 8 KB buffer pool. Payloads that
 * live for seconds (spooled batches, wills) would otherwise each pin a whole
 * pool slab: with thousands of vehicles that is most of the process's memory.
 */
export function ownBuffer (bytes: Uint8Array): Buffer {
  const b = Buffer.allocUnsafeSlow(bytes.byteLength)
  b.set(bytes)
  return b
}

const POWER: Record<Phase, number> = {
  asleep: V1.PowerState.POWER_STATE_ASLEEP,
  parked: V1.PowerState.POWER_STATE_AWAKE,
  charging: V1.PowerState.POWER_STATE_AWAKE,
  driving: V1.PowerState.POWER_STATE_DRIVING,
}

export type DeathReason = 'link-lost' | 'going-to-sleep' | 'shutdown'
const REASON: Record<DeathReason, number> = {
  'link-lost': V1.DeathCertificate.Reason.REASON_LINK_LOST,
  'going-to-sleep': V1.DeathCertificate.Reason.REASON_GOING_TO_SLEEP,
  shutdown: V1.DeathCertificate.Reason.REASON_SHUTDOWN,
}

/** A telemetry batch of samples [from, to) of the column arrays (see batch-encoder.ts). */
export const encodeBatch = encodeTelemetryBatch

export function encodeStatus (s: { session: number, timeMs: number, phase: Phase, ignitionOn: boolean, ecus: readonly EcuInfo[], lastSeq: number }): Uint8Array {
  return V1.VehicleStatus.encode({
    session: s.session,
    timeMs: s.timeMs,
    powerState: POWER[s.phase],
    ignitionOn: s.ignitionOn,
    ecus: s.ecus.map((e) => ({ ecuId: e.ecuId, hardwareId: e.hardwareId, softwareVersion: e.softwareVersion })),
    catalogVersion: CATALOG_VERSION,
    lastSeq: s.lastSeq,
  }).finish()
}

export function encodeDeath (session: number, reason: DeathReason): Uint8Array {
  return V1.DeathCertificate.encode({ session, reason: REASON[reason] }).finish()
}

export function encodeDtc (e: DtcEvent): Buffer {
  return ownBuffer(V1.DiagnosticEvent.encode({
    code: e.code,
    ecuId: e.ecuId,
    status: e.status,
    action: e.action === 'set' ? V1.DiagnosticEvent.Action.ACTION_SET : V1.DiagnosticEvent.Action.ACTION_CLEARED,
    timeMs: e.timeMs,
    freezeFrame: e.freezeFrame.map((s) => ({ signalId: s.signalId, value: s.value, offsetMs: 0 })),
  }).finish())
}
