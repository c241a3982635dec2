import { verify, type KeyObject } from 'node:crypto'
import { fleetwire, noticeSigningInput } from '@fleetwire/proto'

export interface SafetyNoticeDocument {
  readonly noticeId: string
  readonly vehicleId: string
  readonly issuedAtMs: number
  readonly severity: 'info' | 'warning' | 'critical'
  readonly requiredAction: 'stop_driving' | 'visit_centre' | 'install_update' | 'none'
  readonly language: string
  readonly title: string
  readonly message: string
  readonly campaignId: string
}

export type NoticeRejectReason = 'malformed' | 'unknown_key' | 'signature_invalid' | 'wrong_vehicle'

const SEVERITY = { 1: 'info', 2: 'warning', 3: 'critical' } as const
const ACTION = { 1: 'stop_driving', 2: 'visit_centre', 3: 'install_update', 4: 'none' } as const

/**
 * The vehicle's check of a safety notice before it shows it: signed by the
 * pinned key over the notice context (an offer's or revocation's signature
 * cannot pass) and addressed to this vehicle. A notice has no expiry: a
 * safety message is worth showing late.
 */
export function verifyNotice (payload: Uint8Array, pinned: { keyId: string, key: KeyObject }, vehicleId: string): { ok: true, notice: SafetyNoticeDocument } | { ok: false, reason: NoticeRejectReason, noticeId: string } {
  let envelope: ReturnType<typeof fleetwire.v1.SafetyNotice.decode>
  let doc: ReturnType<typeof fleetwire.v1.NoticeDocument.decode>
  try {
    envelope = fleetwire.v1.SafetyNotice.decode(payload)
    doc = fleetwire.v1.NoticeDocument.decode(envelope.document)
  } catch {
    return { ok: false, reason: 'malformed', noticeId: '' }
  }
  if (envelope.keyId !== pinned.keyId) return { ok: false, reason: 'unknown_key', noticeId: doc.noticeId }
  if (!verify(null, noticeSigningInput(envelope.document), pinned.key, envelope.signature)) return { ok: false, reason: 'signature_invalid', noticeId: doc.noticeId }
  if (doc.vehicleId !== vehicleId) return { ok: false, reason: 'wrong_vehicle', noticeId: doc.noticeId }
  return {
    ok: true,
    notice: {
      noticeId: doc.noticeId, vehicleId: doc.vehicleId, issuedAtMs: Number(doc.issuedAtMs),
      severity: SEVERITY[doc.severity as keyof typeof SEVERITY] ?? 'info', requiredAction: ACTION[doc.requiredAction as keyof typeof ACTION] ?? 'none',
      language: doc.language, title: doc.title, message: doc.message, campaignId: doc.campaignId,
    },
  }
}
