import type { DtcEvent } from './dtc-memory.core.js'
import { StoreAndForward } from './store-and-forward.js'
import { encodeBatch, encodeDtc } from './wire-codec.js'

/** One spooled uplink message. */
export interface UplinkMessage {
  readonly channel: 'telemetry' | 'dtc'
  readonly payload: Buffer
}

/** A batch never carries more samples than this (keeps packets well under the gateway's 64 KB limit). */
export const MAX_SAMPLES_PER_BATCH = 1500

/**
 * Collects the samples the physics reports and cuts them into telemetry
 * batches: one per batch interval, seq +1 each (kept across reconnects and
 * restarts of the link), stamped with the session they were recorded under.
 */
export class TelemetryRecorder {
  readonly spool: StoreAndForward<UplinkMessage>
  // Reused across batches (cleared, not replaced): fresh arrays every second per vehicle would be promoted garbage.
  private readonly ids: number[] = []
  private readonly values: number[] = []
  private readonly ts: number[] = []
  /** seq of the last batch produced (0 = none yet). */
  lastSeq = 0
  samples = 0
  batches = 0

  constructor (spoolLimit: number) {
    this.spool = new StoreAndForward(spoolLimit)
  }

  get pendingSamples (): number { return this.ids.length }

  add (signalId: number, value: number, tMs: number): void {
    this.ids.push(signalId)
    this.values.push(value)
    this.ts.push(tMs)
  }

  /** Cuts what was recorded since the last call into batches and spools them; returns how many. */
  flush (session: number): number {
    const n = this.ids.length
    if (n === 0) return 0
    let made = 0
    for (let from = 0; from < n; from += MAX_SAMPLES_PER_BATCH) {
      const to = Math.min(n, from + MAX_SAMPLES_PER_BATCH)
      this.lastSeq++
      this.spool.push({ channel: 'telemetry', payload: encodeBatch(this.lastSeq, session, this.ids, this.values, this.ts, from, to) })
      made++
    }
    this.samples += n
    this.batches += made
    this.ids.length = 0
    this.values.length = 0
    this.ts.length = 0
    return made
  }

  dtc (e: DtcEvent): void {
    this.spool.push({ channel: 'dtc', payload: encodeDtc(e) })
  }
}
