import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto'
import { compareVersions, fleetwire, revocationSigningInput } from '@fleetwire/proto'

/**
 * The vehicle's check of an update offer (Uptane's "full verification",
 * reduced to one director key): signature by the pinned key, addressed to
 * this vehicle, not expired (freeze attack), every target for hardware this
 * vehicle has, and no target older than or equal to what the ECU runs
 * (rollback attack). Pure apart from the signature arithmetic.
 */
type DecodedDocument = ReturnType<typeof fleetwire.v1.OfferDocument.decode>

export interface OfferTarget {
  readonly ecuId: string
  readonly hardwareId: string
  readonly version: string
  readonly sha256: Uint8Array
  readonly length: number
  readonly url: string
}

/** A verified offer, with proto3 defaults filled in. */
export interface OfferDocument {
  readonly offerId: string
  readonly campaignId: string
  readonly vehicleId: string
  readonly expiresAtMs: number
  readonly targets: readonly OfferTarget[]
  readonly preconditions: { readonly parked: boolean, readonly minSocPct: number, readonly chargingOk: boolean, readonly minAuxBatteryV: number }
  readonly recall: boolean
  readonly recallDeadlineMs: number
  readonly postponeAllowed: boolean
  readonly soakS: number
  readonly language: string
  readonly releaseNotes: string
  readonly installWindow: { readonly startMinute: number, readonly endMinute: number, readonly timeZone: string }
}

function normalise (d: DecodedDocument): OfferDocument {
  const p = d.preconditions
  const w = d.installWindow
  return {
    offerId: d.offerId,
    campaignId: d.campaignId,
    vehicleId: d.vehicleId,
    expiresAtMs: d.expiresAtMs,
    targets: d.targets.map((t) => ({ ecuId: t.ecuId ?? '', hardwareId: t.hardwareId ?? '', version: t.version ?? '', sha256: t.sha256 ?? new Uint8Array(), length: Number(t.length ?? 0), url: t.url ?? '' })),
    preconditions: { parked: p?.parked ?? false, minSocPct: p?.minSocPct ?? 0, chargingOk: p?.chargingOk ?? false, minAuxBatteryV: p?.minAuxBatteryV ?? 0 },
    recall: d.recall,
    recallDeadlineMs: d.recallDeadlineMs,
    postponeAllowed: d.postponeAllowed,
    soakS: d.soakS,
    language: d.language,
    releaseNotes: d.releaseNotes,
    installWindow: { startMinute: w?.startMinute ?? 0, endMinute: w?.endMinute ?? 0, timeZone: w?.timeZone ?? 'UTC' },
  }
}

export type RejectReason = 'malformed' | 'unknown_key' | 'signature_invalid' | 'wrong_vehicle' | 'offer_expired' | 'hardware_mismatch' | 'ecu_missing' | 'downgrade'

export interface InventoryEcu { readonly ecuId: string, readonly hardwareId: string, softwareVersion: string }

export type VerifyResult = { ok: true, offer: OfferDocument } | { ok: false, reason: RejectReason, offerId: string, campaignId: string }

/** Pins a raw 32-byte Ed25519 public key (as GET /ota/keys gives it). */
export function pinKey (raw: Uint8Array): { keyId: string, key: KeyObject } {
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex')
  const key = createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' })
  return { keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16), key }
}

export function verifyOffer (payload: Uint8Array, pinned: { keyId: string, key: KeyObject }, vehicleId: string, inventory: readonly InventoryEcu[], nowMs: number): VerifyResult {
  let envelope: ReturnType<typeof fleetwire.v1.OtaOffer.decode>
  let doc: OfferDocument
  try {
    envelope = fleetwire.v1.OtaOffer.decode(payload)
    doc = normalise(fleetwire.v1.OfferDocument.decode(envelope.document))
  } catch {
    return { ok: false, reason: 'malformed', offerId: '', campaignId: '' }
  }
  const no = (reason: RejectReason): VerifyResult => ({ ok: false, reason, offerId: doc.offerId, campaignId: doc.campaignId })
  if (envelope.keyId !== pinned.keyId) return no('unknown_key')
  if (!verify(null, envelope.document, pinned.key, envelope.signature)) return no('signature_invalid')
  if (doc.vehicleId !== vehicleId) return no('wrong_vehicle')
  if (doc.expiresAtMs <= nowMs) return no('offer_expired')
  for (const t of doc.targets) {
    const ecu = inventory.find((e) => e.ecuId === t.ecuId)
    if (ecu === undefined) return no('ecu_missing')
    if (ecu.hardwareId !== t.hardwareId) return no('hardware_mismatch')
    if (compareVersions(t.version, ecu.softwareVersion) <= 0) return no('downgrade')
  }
  return { ok: true, offer: doc }
}

export interface Revocation { readonly offerId: string, readonly campaignId: string, readonly reason: string }

/**
 * The vehicle's check of a revocation: the pinned key signed it (over the
 * revocation context, so an offer's signature cannot pass) and it names this
 * vehicle. It needs no expiry: withdrawing an offer is always safe.
 */
export function verifyRevocation (payload: Uint8Array, pinned: { keyId: string, key: KeyObject }, vehicleId: string): { ok: true, revocation: Revocation } | { ok: false, reason: 'malformed' | 'unknown_key' | 'signature_invalid' | 'wrong_vehicle' } {
  let envelope: ReturnType<typeof fleetwire.v1.OtaRevocation.decode>
  let doc: ReturnType<typeof fleetwire.v1.RevocationDocument.decode>
  try {
    envelope = fleetwire.v1.OtaRevocation.decode(payload)
    doc = fleetwire.v1.RevocationDocument.decode(envelope.document)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (envelope.keyId !== pinned.keyId) return { ok: false, reason: 'unknown_key' }
  if (!verify(null, revocationSigningInput(envelope.document), pinned.key, envelope.signature)) return { ok: false, reason: 'signature_invalid' }
  if (doc.vehicleId !== vehicleId) return { ok: false, reason: 'wrong_vehicle' }
  return { ok: true, revocation: { offerId: doc.offerId, campaignId: doc.campaignId, reason: doc.reason } }
}
