import { textIn } from '@fleetwire/i18n'
import { fleetwire, revocationSigningInput } from '@fleetwire/proto'
import type { ArtifactRecord } from '../storage/ota-artifacts.repository.js'
import type { OtaSigner } from './signer.js'
import { downloadPath, urlMacInput } from './download.core.js'
import type { PlanSpec } from './schemas.js'

export interface OfferInput {
  readonly offerId: string
  readonly campaignId: string
  readonly vehicleId: string
  readonly timeZone: string
  readonly language: string
  readonly fromVersions: Readonly<Record<string, string>>
  readonly hardwareIds: Readonly<Record<string, string>>
}

export interface OfferContext {
  readonly artifacts: readonly ArtifactRecord[]
  readonly plan: PlanSpec
  readonly recallDeadlineMs: number | null
  readonly baseUrl: string
  readonly nowMs: number
  readonly offerTtlMs: number
  readonly urlTtlMs: number
  readonly soakS: number
  readonly signer: OtaSigner
}

/** What is stored with the update (R156: what was offered, signed by which key, what the driver was told). */
export interface OfferRecord {
  readonly keyId: string
  readonly issuedAtMs: number
  readonly expiresAtMs: number
  readonly artifacts: Array<{ ecu: string, sha256: string, length: number, version: string, hardwareId: string }>
  readonly language: string
  readonly releaseNotes: string
  readonly recall: boolean
  readonly postponeAllowed: boolean
  readonly preconditions: Record<string, unknown>
}

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))

/** Builds, encodes and signs one vehicle's offer (OtaOffer envelope around an OfferDocument). */
export function buildOffer (o: OfferInput, ctx: OfferContext): { payload: Buffer, record: OfferRecord } {
  const expiresAtMs = ctx.nowMs + ctx.offerTtlMs
  const urlExpires = ctx.nowMs + ctx.urlTtlMs
  const releaseNotes = ctx.artifacts.map((a) => textIn(o.language, a.releaseNotes)).filter((n) => n !== '').join('\n')
  const pre = { parked: true, minSocPct: 30, chargingOk: true, minAuxBatteryV: 11.8, ...ctx.plan.preconditions }
  const recall = ctx.recallDeadlineMs !== null
  const postponeAllowed = !recall || ctx.nowMs < (ctx.recallDeadlineMs as number)
  const targets = ctx.artifacts.map((a) => {
    const claims = { artifactId: a.id, vehicleId: o.vehicleId, expiresAtMs: urlExpires }
    return {
      ecuId: a.ecu,
      hardwareId: o.hardwareIds[a.ecu] ?? '',
      version: a.version,
      fromVersion: o.fromVersions[a.ecu] ?? '',
      sha256: Buffer.from(a.id, 'hex'),
      length: a.size,
      url: ctx.baseUrl + downloadPath(claims, ctx.signer.mac(urlMacInput(claims))),
      installDurationS: a.installDurationS,
    }
  })
  const document = fleetwire.v1.OfferDocument.encode({
    offerId: o.offerId,
    campaignId: o.campaignId,
    vehicleId: o.vehicleId,
    issuedAtMs: ctx.nowMs,
    expiresAtMs,
    targets,
    preconditions: { parked: pre.parked, minSocPct: pre.minSocPct, chargingOk: pre.chargingOk, minAuxBatteryV: pre.minAuxBatteryV },
    recall,
    recallDeadlineMs: ctx.recallDeadlineMs ?? 0,
    postponeAllowed,
    installWindow: ctx.plan.installWindow === undefined
      ? { startMinute: 0, endMinute: 0, timeZone: o.timeZone }
      : { startMinute: hhmm(ctx.plan.installWindow.start), endMinute: hhmm(ctx.plan.installWindow.end), timeZone: o.timeZone },
    soakS: ctx.soakS,
    language: o.language,
    releaseNotes,
  }).finish()
  const payload = Buffer.from(fleetwire.v1.OtaOffer.encode({ document, signature: ctx.signer.sign(document), keyId: ctx.signer.keyId }).finish())
  return {
    payload,
    record: {
      keyId: ctx.signer.keyId,
      issuedAtMs: ctx.nowMs,
      expiresAtMs,
      artifacts: targets.map((t) => ({ ecu: t.ecuId, sha256: t.sha256.toString('hex'), length: t.length, version: t.version, hardwareId: t.hardwareId })),
      language: o.language,
      releaseNotes,
      recall,
      postponeAllowed,
      preconditions: pre,
    },
  }
}

/** A signed withdrawal of one vehicle's offer (its campaign was cancelled). */
export function buildRevocation (o: { offerId: string, campaignId: string, vehicleId: string, reason: string }, signer: OtaSigner, nowMs: number): Buffer {
  const document = fleetwire.v1.RevocationDocument.encode({ offerId: o.offerId, campaignId: o.campaignId, vehicleId: o.vehicleId, issuedAtMs: nowMs, reason: o.reason }).finish()
  return Buffer.from(fleetwire.v1.OtaRevocation.encode({ document, signature: signer.sign(revocationSigningInput(document)), keyId: signer.keyId }).finish())
}
