import { createHash } from 'node:crypto'
import { fleetwire, inWindow, localMinute } from '@fleetwire/proto'
import type { KeyObject } from 'node:crypto'
import type { Rng } from '../prng.core.js'
import { askDriver, preconditionsMet, type DriverProfile, type PreconditionState } from './driver.core.js'
import { verifyOffer, verifyRevocation, type InventoryEcu, type OfferDocument } from './verify-offer.core.js'

const S = fleetwire.v1.OtaState
export type OtaStatusInit = Parameters<typeof fleetwire.v1.OtaStatus.create>[0] & { state: number }

export interface OtaAgentOptions {
  readonly vehicleId: string
  /** The vehicle's own MQTT secret: downloads authenticate with it (HTTP Basic). */
  readonly password: string
  readonly pinned: { readonly keyId: string, readonly key: KeyObject }
  /** The ECUs and versions the vehicle runs; updated in place after a successful update. */
  readonly inventory: InventoryEcu[]
  readonly rng: Rng
  driver: DriverProfile
  installFailureRate: number
  /** Chance that the updated ECU sets a DTC during the post-install soak (→ rollback). */
  soakDtcRate: number
  /** Chance that a download connection drops part-way (the agent resumes with Range). */
  downloadDropRate: number
  /** Simulated time each step takes, real ms. */
  readonly stepMs: number
  /** Real ms the vehicle soaks for an offer's soak_s (accelerated). */
  readonly soakMs: (soakS: number) => number
  /** Vehicle clock minus real clock (a vehicle whose clock is ahead sees offers expire early); tests move it. */
  clockOffsetMs?: number
  readonly preconditions: () => PreconditionState
  /** Publishes an OtaStatus (QoS 1); resolves when the gateway acknowledged it. */
  readonly send: (status: Uint8Array) => Promise<void>
  /** The updated ECU set a fault during the soak: the vehicle reports it on its dtc channel. */
  readonly onDtc?: (ecuId: string) => Promise<void>
  /** The inventory changed (success or rollback): the vehicle sends a new birth certificate. */
  readonly onInventory?: () => Promise<void>
  readonly fetch?: typeof fetch
}

type Phase = 'idle' | 'verifying' | 'asking' | 'postponed' | 'working' | 'done'

/**
 * The vehicle side of an update: verify the offer, ask the driver, download
 * with resume, check hash and length, wait for preconditions, install
 * (A/B: a failed install leaves the old bank running, reported as a
 * rollback), soak, and report every step as an OtaStatus.
 */
export class OtaAgent {
  phase: Phase = 'idle'
  offer: OfferDocument | undefined
  readonly reports: Array<{ state: number, reason: string }> = []
  rejected = 0
  downloadResumes = 0
  bytesDownloaded = 0
  /** Install-window checks that found the window closed (tests wait for them instead of sleeping). */
  windowWaits = 0
  /** The offer withdrawn by a revocation while its update was under way (stops before installing). */
  private revokedOfferId: string | undefined

  constructor (readonly o: OtaAgentOptions) {}

  private now (): number { return Date.now() + (this.o.clockOffsetMs ?? 0) }

  private async report (state: number, reason = '', extra: Partial<OtaStatusInit> = {}): Promise<void> {
    const doc = this.offer
    this.reports.push({ state, reason })
    await this.o.send(fleetwire.v1.OtaStatus.encode({ offerId: extra.offerId ?? doc?.offerId ?? '', campaignId: extra.campaignId ?? doc?.campaignId ?? '', state, reason, timeMs: this.now(), ...extra }).finish())
  }

  private sleep (ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms))
  }

  /** v/{vin}/ota/offer */
  async onOffer (payload: Uint8Array): Promise<void> {
    if (this.phase === 'working' || this.phase === 'verifying') return // one update at a time
    const v = verifyOffer(payload, this.o.pinned, this.o.vehicleId, this.o.inventory, this.now())
    if (v.ok && this.offer?.offerId === v.offer.offerId && (this.phase === 'postponed' || this.phase === 'asking')) {
      // The same offer re-issued (with a reminder): fresh expiry and download URLs, the driver is asked by the reminder.
      this.offer = v.offer
      return
    }
    this.phase = 'verifying'
    if (!v.ok) {
      this.rejected++
      this.phase = 'idle'
      if (v.offerId !== '') await this.report(S.OTA_STATE_REJECTED, v.reason, { offerId: v.offerId, campaignId: v.campaignId })
      return
    }
    this.offer = v.offer
    this.phase = 'asking'
    await this.report(S.OTA_STATE_AWAITING_CONSENT)
    await this.ask()
  }

  /** v/{vin}/ota/reminder: the head unit asks the driver again. */
  async onReminder (payload: Uint8Array): Promise<void> {
    const r = fleetwire.v1.OtaReminder.decode(payload)
    if (this.phase !== 'postponed' || this.offer === undefined || r.offerId !== this.offer.offerId) return
    this.phase = 'asking'
    await this.report(S.OTA_STATE_AWAITING_CONSENT, 'reminder')
    await this.ask()
  }

  /**
   * v/{vin}/ota/revoke: the campaign was cancelled. An offer waiting for the
   * driver is withdrawn at once; a download in progress stops before
   * installing; once installing has begun the update runs to its end (an
   * ECU is never left half-flashed). Revocations for another offer, or not
   * signed by the pinned key, are ignored.
   */
  async onRevocation (payload: Uint8Array): Promise<void> {
    const v = verifyRevocation(payload, this.o.pinned, this.o.vehicleId)
    if (!v.ok || this.offer === undefined || v.revocation.offerId !== this.offer.offerId) return
    if (this.phase === 'asking' || this.phase === 'postponed') {
      this.phase = 'done'
      return this.report(S.OTA_STATE_REVOKED, v.revocation.reason)
    }
    if (this.phase === 'working') this.revokedOfferId = v.revocation.offerId
  }

  /** A revocation arrived during the download: the update ends here, reported. */
  private async revokedBeforeInstall (doc: OfferDocument): Promise<boolean> {
    if (this.revokedOfferId !== doc.offerId) return false
    await this.report(S.OTA_STATE_REVOKED, 'campaign_cancelled')
    return true
  }

  private async ask (): Promise<void> {
    const doc = this.offer as OfferDocument
    const postponeAllowed = doc.postponeAllowed && !(doc.recall && doc.recallDeadlineMs > 0 && this.now() >= doc.recallDeadlineMs)
    const answer = askDriver(this.o.rng, this.o.driver, postponeAllowed)
    if (answer === 'postpone') {
      this.phase = 'postponed'
      return this.report(S.OTA_STATE_POSTPONED)
    }
    if (answer === 'decline') {
      this.phase = 'done'
      return this.report(S.OTA_STATE_DECLINED)
    }
    this.phase = 'working'
    await this.update(doc).finally(() => { this.phase = 'done' })
  }

  private async update (doc: OfferDocument): Promise<void> {
    await this.report(S.OTA_STATE_DOWNLOADING)
    for (const t of doc.targets) {
      if (await this.revokedBeforeInstall(doc)) return
      const got = await this.download(t.url, t.length)
      if (got === undefined) return this.report(S.OTA_STATE_FAILED, 'download_failed')
      if (got.length !== t.length) return this.report(S.OTA_STATE_FAILED, 'length_mismatch')
      if (!createHash('sha256').update(got).digest().equals(Buffer.from(t.sha256))) return this.report(S.OTA_STATE_FAILED, 'hash_mismatch')
    }
    await this.report(S.OTA_STATE_DOWNLOADED, '', { progressPct: 100 })
    // Install only inside the campaign's window, in the vehicle's local time.
    const w = doc.installWindow
    while (!inWindow(localMinute(this.now(), w.timeZone), w.startMinute, w.endMinute)) {
      this.windowWaits++
      await this.sleep(Math.max(1000, this.o.stepMs * 50))
    }
    const rule = doc.preconditions
    let state = this.o.preconditions()
    for (let i = 0; !preconditionsMet(rule, state); i++) {
      if (i === 0) await this.report(S.OTA_STATE_DOWNLOADED, 'preconditions_not_met', { preconditions: { ...state, met: false } })
      if (i >= 20) return this.report(S.OTA_STATE_FAILED, 'preconditions_not_met', { preconditions: { ...state, met: false } })
      await this.sleep(this.o.stepMs * 5)
      state = this.o.preconditions()
    }
    if (await this.revokedBeforeInstall(doc)) return
    await this.report(S.OTA_STATE_INSTALLING, '', { preconditions: { ...state, met: true } })
    await this.sleep(this.o.stepMs)
    if (this.o.rng.chance(this.o.installFailureRate)) {
      // A/B install: the new bank failed its boot check, the ECU stays on the old one.
      return this.report(S.OTA_STATE_ROLLED_BACK, 'install_failed')
    }
    const before = new Map(this.o.inventory.map((e) => [e.ecuId, e.softwareVersion]))
    for (const t of doc.targets) {
      const e = this.o.inventory.find((x) => x.ecuId === t.ecuId)
      if (e !== undefined) e.softwareVersion = t.version
    }
    await this.report(S.OTA_STATE_VERIFYING)
    await this.sleep(this.o.soakMs(doc.soakS))
    if (this.o.rng.chance(this.o.soakDtcRate)) {
      const ecu = doc.targets[0]?.ecuId ?? ''
      await this.o.onDtc?.(ecu)
      for (const e of this.o.inventory) e.softwareVersion = before.get(e.ecuId) ?? e.softwareVersion
      await this.o.onInventory?.()
      return this.report(S.OTA_STATE_ROLLED_BACK, 'soak_dtc')
    }
    await this.o.onInventory?.()
    await this.report(S.OTA_STATE_SUCCEEDED)
  }

  /** GET with Range resume: a dropped connection continues from the bytes already received. */
  private async download (url: string, length: number): Promise<Buffer | undefined> {
    const parts: Buffer[] = []
    let have = 0
    const auth = `Basic ${Buffer.from(`${this.o.vehicleId}:${this.o.password}`).toString('base64')}`
    const f = this.o.fetch ?? fetch
    for (let attempt = 0; attempt < 8 && have < length; attempt++) {
      const ac = new AbortController()
      const dropAt = this.o.rng.chance(this.o.downloadDropRate) ? have + Math.floor((length - have) / 2) : Infinity
      try {
        const res = await f(url, { headers: have > 0 ? { authorization: auth, range: `bytes=${have}-` } : { authorization: auth }, signal: ac.signal })
        if (res.status !== 200 && res.status !== 206) {
          await res.body?.cancel()
          return undefined
        }
        if (have > 0 && res.status !== 206) {
          parts.length = 0
          have = 0
        }
        const reader = (res.body as ReadableStream<Uint8Array>).getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          parts.push(Buffer.from(value))
          have += value.length
          this.bytesDownloaded += value.length
          if (have >= dropAt) {
            ac.abort() // the link drops mid-transfer
            throw new Error('link dropped')
          }
        }
      } catch {
        // Back off (up to 2 s) and resume from the bytes already received.
        this.downloadResumes++
        await this.sleep(Math.min(2000, this.o.stepMs * 2 ** attempt))
      }
    }
    return have > 0 ? Buffer.concat(parts) : undefined
  }
}
