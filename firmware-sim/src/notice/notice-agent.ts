import { fleetwire } from '@fleetwire/proto'
import type { KeyObject } from 'node:crypto'
import { verifyNotice, type SafetyNoticeDocument } from './verify-notice.core.js'

const S = fleetwire.v1.NoticeState

export interface NoticeAgentOptions {
  readonly vehicleId: string
  readonly pinned: { readonly keyId: string, readonly key: KeyObject }
  /** Real ms until the driver confirms a shown notice (drawn per notice). */
  readonly driverAckMs: () => number
  /** Publishes a NoticeAck reliably (kept until the gateway acknowledged it). */
  readonly send: (ack: Uint8Array) => Promise<void>
  /** A verified notice went on screen (the first copy of it). */
  readonly onShown?: (notice: SafetyNoticeDocument) => void
}

/**
 * The head unit's side of a safety notice: verify, report it delivered,
 * show it (reported displayed), and report the driver's confirmation after
 * the driver's reading time. A notice seen again (a resend whose receipt
 * was lost) is confirmed again without being shown twice.
 */
export class NoticeAgent {
  /** Notices on screen, in the order shown (tests and the bench read them). */
  readonly shown: Array<SafetyNoticeDocument & { shownAtMs: number }> = []
  readonly acknowledged = new Set<string>()
  rejected = 0

  constructor (private readonly o: NoticeAgentOptions) {}

  private ack (noticeId: string, state: number, reason = ''): Promise<void> {
    return this.o.send(fleetwire.v1.NoticeAck.encode({ noticeId, state, timeMs: Date.now(), reason }).finish())
  }

  /** v/{vin}/notice */
  async onNotice (payload: Uint8Array): Promise<void> {
    const v = verifyNotice(payload, this.o.pinned, this.o.vehicleId)
    if (!v.ok) {
      this.rejected++
      if (v.noticeId !== '') await this.ack(v.noticeId, S.NOTICE_STATE_REJECTED, v.reason)
      return
    }
    const n = v.notice
    const seen = this.shown.some((s) => s.noticeId === n.noticeId)
    await this.ack(n.noticeId, S.NOTICE_STATE_DELIVERED)
    if (!seen) {
      this.shown.push({ ...n, shownAtMs: Date.now() })
      this.o.onShown?.(n)
    }
    await this.ack(n.noticeId, S.NOTICE_STATE_DISPLAYED)
    if (this.acknowledged.has(n.noticeId)) {
      await this.ack(n.noticeId, S.NOTICE_STATE_ACKNOWLEDGED)
      return
    }
    if (seen) return // the first copy's confirmation is still pending
    await new Promise((resolve) => setTimeout(resolve, this.o.driverAckMs()))
    this.acknowledged.add(n.noticeId)
    await this.ack(n.noticeId, S.NOTICE_STATE_ACKNOWLEDGED)
  }
}
