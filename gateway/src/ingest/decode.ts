import { fleetwire } from '@fleetwire/proto'
import { type Result, fail, ok } from '../common/result.js'

type Pb = typeof fleetwire.v1
export type MalformedReason = 'GW_INGEST_MALFORMED_PAYLOAD' | 'GW_INGEST_EMPTY_BATCH' | 'GW_INGEST_BAD_FIELD'

export interface TelemetryBatch {
  seq: number
  baseTimeMs: number
  session: number
  samples: ReadonlyArray<{ readonly signalId: number, readonly value: number, readonly offsetMs: number }>
}

/**
 * protobufjs throws on truncated or invalid wire data; this turns that into
 * a Result so one vehicle's garbage never unwinds the broker.
 */
function decodeWith<T> (decode: (b: Uint8Array) => T, payload: Uint8Array): Result<T, MalformedReason> {
  try {
    return ok(decode(payload))
  } catch (err) {
    return fail('GW_INGEST_MALFORMED_PAYLOAD', (err as Error).message)
  }
}

export function decodeTelemetry (payload: Uint8Array): Result<TelemetryBatch, MalformedReason> {
  const r = decodeWith((b) => fleetwire.v1.TelemetryBatch.decode(b), payload)
  if (!r.ok) return r
  const m = r.value
  if (m.samples.length === 0) return fail('GW_INGEST_EMPTY_BATCH', 'telemetry batch has no samples')
  if (!Number.isSafeInteger(m.seq) || !Number.isSafeInteger(m.baseTimeMs)) return fail('GW_INGEST_BAD_FIELD', 'seq or base_time_ms out of range')
  // Decoded messages carry proto3 defaults on their prototype, so every field
  // is a number: the samples are used as they are (no copy on the hot path).
  return ok({ seq: m.seq, baseTimeMs: m.baseTimeMs, session: m.session, samples: m.samples as TelemetryBatch['samples'] })
}

export function decodeStatus (payload: Uint8Array): Result<ReturnType<Pb['VehicleStatus']['decode']>, MalformedReason> {
  return decodeWith((b) => fleetwire.v1.VehicleStatus.decode(b), payload)
}

export function decodeDeath (payload: Uint8Array): Result<ReturnType<Pb['DeathCertificate']['decode']>, MalformedReason> {
  return decodeWith((b) => fleetwire.v1.DeathCertificate.decode(b), payload)
}

export function decodeDiagnostic (payload: Uint8Array): Result<ReturnType<Pb['DiagnosticEvent']['decode']>, MalformedReason> {
  const r = decodeWith((b) => fleetwire.v1.DiagnosticEvent.decode(b), payload)
  if (!r.ok) return r
  if (!/^[PCBU][0-9A-F]{4}$/.test(r.value.code)) return fail('GW_INGEST_BAD_FIELD', `DTC code ${JSON.stringify(r.value.code.slice(0, 16))} is not P/C/B/U + 4 hex digits`)
  return r
}

export function decodeOtaStatus (payload: Uint8Array): Result<ReturnType<Pb['OtaStatus']['decode']>, MalformedReason> {
  return decodeWith((b) => fleetwire.v1.OtaStatus.decode(b), payload)
}

const NOTICE_STATE = { 1: 'delivered', 2: 'displayed', 3: 'acknowledged', 4: 'rejected' } as const
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A safety notice's receipt: which notice (the incident id) and how far it got on the vehicle. */
export function decodeNoticeAck (payload: Uint8Array): Result<{ incidentId: string, state: typeof NOTICE_STATE[keyof typeof NOTICE_STATE], timeMs: number, reason: string }, MalformedReason> {
  const r = decodeWith((b) => fleetwire.v1.NoticeAck.decode(b), payload)
  if (!r.ok) return r
  const state = NOTICE_STATE[r.value.state as keyof typeof NOTICE_STATE]
  if (state === undefined) return fail('GW_INGEST_BAD_FIELD', `notice ack state ${r.value.state} is not delivered, displayed, acknowledged or rejected`)
  if (!UUID.test(r.value.noticeId)) return fail('GW_INGEST_BAD_FIELD', 'notice_id is not a notice this gateway sent (a UUID)')
  return ok({ incidentId: r.value.noticeId, state, timeMs: Number(r.value.timeMs), reason: r.value.reason.slice(0, 100) })
}
