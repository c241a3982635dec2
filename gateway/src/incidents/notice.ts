import { fleetwire, noticeSigningInput } from '@fleetwire/proto'
import type { OtaSigner } from '../ota/signer.js'
import type { RequiredAction, Severity } from './incident.core.js'

const SEVERITY = { info: 1, warning: 2, critical: 3 } as const
const ACTION = { stop_driving: 1, visit_centre: 2, install_update: 3, none: 4 } as const

export interface NoticeInput {
  readonly incidentId: string
  readonly vehicleId: string
  readonly severity: Severity
  readonly requiredAction: RequiredAction
  readonly language: string
  readonly title: string
  readonly message: string
  readonly campaignId: string | null
}

/**
 * One vehicle's SafetyNotice, signed with the OTA key the vehicle already
 * pins (over the notice signing context, so it cannot be confused with an
 * offer or a revocation).
 */
export function buildNotice (n: NoticeInput, signer: OtaSigner, nowMs: number): Buffer {
  const document = fleetwire.v1.NoticeDocument.encode({
    noticeId: n.incidentId,
    vehicleId: n.vehicleId,
    issuedAtMs: nowMs,
    severity: SEVERITY[n.severity],
    requiredAction: ACTION[n.requiredAction],
    language: n.language,
    title: n.title,
    message: n.message,
    campaignId: n.campaignId ?? '',
  }).finish()
  return Buffer.from(fleetwire.v1.SafetyNotice.encode({ document, signature: signer.sign(noticeSigningInput(document)), keyId: signer.keyId }).finish())
}
