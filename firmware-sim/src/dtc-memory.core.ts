/**
 * The DTC memory of one vehicle (all its ECUs), with UDS status bytes
 * (ISO 14229-1 D.2) and freeze frames. The fault monitor writes it; the
 * diagnostic handlers (0x19 read, 0x14 clear) answer from it.
 */
export const DTC_STATUS = {
  testFailed: 0x01,
  testFailedThisOperationCycle: 0x02,
  pendingDTC: 0x04,
  confirmedDTC: 0x08,
  testNotCompletedSinceLastClear: 0x10,
  testFailedSinceLastClear: 0x20,
  testNotCompletedThisOperationCycle: 0x40,
  warningIndicatorRequested: 0x80,
} as const

/** Status the vehicle reports for every DTC it supports (availability mask). */
export const DTC_AVAILABILITY_MASK = 0xff

/** Status after a clear: nothing tested yet (ISO 14229-1 0x14 resets to 0x50). */
export const STATUS_AFTER_CLEAR = DTC_STATUS.testNotCompletedSinceLastClear | DTC_STATUS.testNotCompletedThisOperationCycle

export interface FrozenSample {
  readonly signalId: number
  readonly value: number
}

export interface DtcRecord {
  readonly code: string
  readonly ecuId: string
  status: number
  firstSetMs: number
  lastSetMs: number
  occurrences: number
  freezeFrame: readonly FrozenSample[]
}

export interface DtcEvent {
  readonly code: string
  readonly ecuId: string
  readonly status: number
  readonly action: 'set' | 'cleared'
  readonly timeMs: number
  readonly freezeFrame: readonly FrozenSample[]
}

export interface DtcMemory {
  /** Records a confirmed failure; returns the event to report. */
  set(code: string, ecuId: string, timeMs: number, freezeFrame: readonly FrozenSample[], warningLamp: boolean): DtcEvent
  /** True when the code is currently failed and confirmed (not cleared since). */
  isActive(code: string): boolean
  /** Clears one code, or every code when `code` is undefined (UDS group FFFFFF); returns the events. */
  clear(code: string | undefined, timeMs: number): DtcEvent[]
  /** Records whose status has any bit of `mask` set (UDS 0x19 0x02). */
  byStatusMask(mask: number): DtcRecord[]
  get(code: string): DtcRecord | undefined
  all(): DtcRecord[]
}

export function createDtcMemory (): DtcMemory {
  const records = new Map<string, DtcRecord>()
  return {
    set (code, ecuId, timeMs, freezeFrame, warningLamp) {
      const status = DTC_STATUS.testFailed | DTC_STATUS.testFailedThisOperationCycle | DTC_STATUS.pendingDTC |
        DTC_STATUS.confirmedDTC | DTC_STATUS.testFailedSinceLastClear | (warningLamp ? DTC_STATUS.warningIndicatorRequested : 0)
      const prev = records.get(code)
      if (prev === undefined) {
        records.set(code, { code, ecuId, status, firstSetMs: timeMs, lastSetMs: timeMs, occurrences: 1, freezeFrame })
      } else {
        prev.status = status
        prev.lastSetMs = timeMs
        prev.occurrences++
        prev.freezeFrame = freezeFrame
      }
      return { code, ecuId, status, action: 'set', timeMs, freezeFrame }
    },
    isActive (code) {
      const r = records.get(code)
      return r !== undefined && (r.status & DTC_STATUS.confirmedDTC) !== 0
    },
    clear (code, timeMs) {
      const events: DtcEvent[] = []
      for (const r of records.values()) {
        if (code !== undefined && r.code !== code) continue
        records.delete(r.code)
        events.push({ code: r.code, ecuId: r.ecuId, status: STATUS_AFTER_CLEAR, action: 'cleared', timeMs, freezeFrame: [] })
      }
      return events
    },
    byStatusMask: (mask) => [...records.values()].filter((r) => (r.status & mask) !== 0),
    get: (code) => records.get(code),
    all: () => [...records.values()],
  }
}

/** "P0A80" → 0x0A80 in the two-byte SAE J2012 form (letter in the top two bits), plus failure-type byte 0. */
export function dtcToBytes (code: string): [number, number, number] {
  const m = /^([PCBU])([0-3])([0-9A-F])([0-9A-F])([0-9A-F])$/.exec(code)
  if (m === null) throw new Error(`not a DTC: ${code}`)
  const letter = 'PCBU'.indexOf(m[1] as string)
  const hi = (letter << 6) | (Number(m[2]) << 4) | parseInt(m[3] as string, 16)
  const lo = (parseInt(m[4] as string, 16) << 4) | parseInt(m[5] as string, 16)
  return [hi, lo, 0x00]
}

export function bytesToDtc (hi: number, lo: number): string {
  const letter = 'PCBU'[(hi >> 6) & 0x3] as string
  return `${letter}${(hi >> 4) & 0x3}${(hi & 0xf).toString(16)}${(lo >> 4).toString(16)}${(lo & 0xf).toString(16)}`.toUpperCase()
}
