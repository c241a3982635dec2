/**
 * The lifecycle of each DTC of a vehicle, folded from what the vehicle
 * reported and what remote commands observed:
 *   pending → confirmed (UDS status bit 3) → cleared (cleared event or a
 *   successful clear command) → verified_cleared (a later DTC read no longer
 *   returns it). A code that comes back after a clear starts over.
 */
export type DtcPhase = 'pending' | 'confirmed' | 'cleared' | 'verified_cleared'

export type DtcObservation =
  | { readonly type: 'set', readonly tsMs: number, readonly code: string, readonly ecuId: string, readonly status: number, readonly freezeFrame: unknown }
  | { readonly type: 'cleared', readonly tsMs: number, readonly code: string | 'all' }
  | { readonly type: 'read', readonly tsMs: number, readonly codes: ReadonlyMap<string, number> }

export interface DtcLifecycle {
  readonly code: string
  readonly ecuId: string
  readonly phase: DtcPhase
  readonly status: number
  readonly firstSeenMs: number
  readonly lastChangeMs: number
  readonly freezeFrame: unknown
}

const CONFIRMED = 0x08

export function foldDtcLifecycle (observations: readonly DtcObservation[]): DtcLifecycle[] {
  const byCode = new Map<string, DtcLifecycle>()
  const sorted = [...observations].sort((a, b) => a.tsMs - b.tsMs)
  for (const o of sorted) {
    if (o.type === 'set') {
      const prev = byCode.get(o.code)
      const restart = prev === undefined || prev.phase === 'cleared' || prev.phase === 'verified_cleared'
      byCode.set(o.code, {
        code: o.code,
        ecuId: o.ecuId,
        phase: (o.status & CONFIRMED) !== 0 ? 'confirmed' : 'pending',
        status: o.status,
        firstSeenMs: restart ? o.tsMs : prev.firstSeenMs,
        lastChangeMs: o.tsMs,
        freezeFrame: o.freezeFrame ?? prev?.freezeFrame,
      })
    } else if (o.type === 'cleared') {
      for (const d of byCode.values()) {
        if ((o.code === 'all' || o.code === d.code) && d.phase !== 'cleared' && d.phase !== 'verified_cleared') {
          byCode.set(d.code, { ...d, phase: 'cleared', lastChangeMs: o.tsMs })
        }
      }
    } else {
      for (const d of byCode.values()) {
        const status = o.codes.get(d.code)
        if (d.phase === 'cleared' && status === undefined) byCode.set(d.code, { ...d, phase: 'verified_cleared', lastChangeMs: o.tsMs })
      }
    }
  }
  return [...byCode.values()].sort((a, b) => b.lastChangeMs - a.lastChangeMs)
}
