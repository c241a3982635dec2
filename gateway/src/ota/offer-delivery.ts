import type { ArtifactRecord } from '../storage/ota-artifacts.repository.js'
import { createOtaArtifactsRepository } from '../storage/ota-artifacts.repository.js'
import { createOtaCampaignsRepository, type CampaignRecord } from '../storage/ota-campaigns.repository.js'
import { createOtaUpdatesRepository, type UpdateRow } from '../storage/ota-updates.repository.js'
import { buildOffer, buildRevocation } from './offers.js'
import type { OtaContext } from './context.js'
import type { PlanSpec } from './schemas.js'

/** Building, signing and (re-)sending a vehicle's offer. */
export function createOfferDelivery (ctx: OtaContext) {
  const { log } = ctx
  const artifactCache = new Map<string, ArtifactRecord[]>()

  async function artifactsOf (c: CampaignRecord): Promise<ArtifactRecord[]> {
    let a = artifactCache.get(c.id)
    if (a === undefined) {
      const found = await createOtaArtifactsRepository(ctx.pool).getMany(c.artifactIds)
      a = c.artifactIds.map((id) => found.find((x) => x.id === id) as ArtifactRecord)
      artifactCache.set(c.id, a)
    }
    return a
  }

  function offerFor (c: CampaignRecord, artifacts: ArtifactRecord[], r: UpdateRow, offerId: string, language: string, baseUrl: string, now: number) {
    const plan = c.plan as unknown as PlanSpec
    return buildOffer({
      offerId, campaignId: c.id, vehicleId: r.vehicleId, timeZone: r.timeZone, language,
      fromVersions: r.fromVersions, hardwareIds: (r.compatibility as unknown as { hardware?: Record<string, string> }).hardware ?? {},
    }, { artifacts, plan, recallDeadlineMs: c.recallDeadline?.getTime() ?? null, baseUrl, nowMs: now, offerTtlMs: ctx.config.offerTtlMs, urlTtlMs: ctx.config.urlTtlMs, soakS: plan.soakS ?? ctx.config.soakS, signer: ctx.signer })
  }

  /**
   * A vehicle announced itself (birth): an offer it never answered (sent
   * while it was reconnecting, or lost with a clean session) is sent again
   * under the same offer id, freshly signed with new URLs.
   */
  async function redeliverOffers (vehicleKey: number): Promise<void> {
    const now = ctx.clock.now()
    const rows = (await createOtaUpdatesRepository(ctx.pool).forVehicle(vehicleKey)).filter((r) => r.state === 'offered' && r.lastReportAtMs === null && r.offerId !== null)
    for (const r of rows) {
      const c = await createOtaCampaignsRepository(ctx.pool).get(r.campaignId)
      if (c === undefined || c.state !== 'running') continue
      const language = (r.offer as { language?: string } | null)?.language ?? ctx.config.defaultLanguage
      const { payload } = offerFor(c, await artifactsOf(c), r, r.offerId as string, language, ctx.baseUrl(), now)
      await ctx.publish(r.vehicleId, 'ota/offer', payload).catch(() => undefined)
      log.debug({ vehicleId: r.vehicleId, offerId: r.offerId }, 'unanswered offer sent again')
    }
  }

  async function refreshOffer (campaignId: string, vehicleKey: number): Promise<void> {
    const r = (await createOtaUpdatesRepository(ctx.pool).forVehicle(vehicleKey)).find((x) => x.campaignId === campaignId)
    const c = await createOtaCampaignsRepository(ctx.pool).get(campaignId)
    if (r === undefined || c === undefined || r.offerId === null) return
    const language = (r.offer as { language?: string } | null)?.language ?? ctx.config.defaultLanguage
    const { payload } = offerFor(c, await artifactsOf(c), r, r.offerId, language, ctx.baseUrl(), ctx.clock.now())
    await ctx.publish(r.vehicleId, 'ota/offer', payload)
  }

  /**
   * Whether the vehicle may still hold this cancelled update's offer: one was sent, the vehicle has
   * not reported since the cancellation, and an offer issued before it (offers are re-issued with
   * fresh expiries) could still be valid.
   */
  const mayHoldOffer = (r: UpdateRow, now: number) => r.offerId !== null && (r.lastReportAtMs === null || r.lastReportAtMs < r.stateSinceMs)
    && now < r.stateSinceMs + ctx.config.offerTtlMs

  /**
   * The campaign was cancelled: each vehicle that may hold its offer gets a
   * signed revocation (QoS 1). One that is offline now gets it when it comes
   * back (redeliverRevocations), as long as the offer would still be valid.
   */
  async function revoke (rows: readonly UpdateRow[]): Promise<number> {
    const now = ctx.clock.now()
    let sent = 0
    for (const r of rows) {
      if (!mayHoldOffer(r, now)) continue
      const payload = buildRevocation({ offerId: r.offerId as string, campaignId: r.campaignId, vehicleId: r.vehicleId, reason: r.reason ?? 'campaign_cancelled' }, ctx.signer, now)
      await ctx.publish(r.vehicleId, 'ota/revoke', payload).then(() => { sent++ }, (err: unknown) => log.warn({ err, vehicleId: r.vehicleId }, 'revocation not published: sent when the vehicle reconnects'))
    }
    return sent
  }

  async function redeliverRevocations (vehicleKey: number): Promise<void> {
    const rows = (await createOtaUpdatesRepository(ctx.pool).forVehicle(vehicleKey)).filter((r) => r.state === 'cancelled')
    if (await revoke(rows) > 0) log.debug({ vehicleKey }, 'unanswered revocation sent again')
  }

  return { artifactsOf, offerFor, redeliverOffers, refreshOffer, revoke, redeliverRevocations, releaseNotesOf: (campaignId: string) => artifactCache.get(campaignId)?.[0]?.releaseNotes ?? {} }
}

export type OfferDelivery = ReturnType<typeof createOfferDelivery>
