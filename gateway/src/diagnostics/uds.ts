import { fleetwire, signalById } from '@fleetwire/proto'

type Pb = typeof fleetwire.v1

/** Negative response codes (ISO 14229-1 A.1) a vehicle may answer with. */
const NRC_NAMES: Readonly<Record<number, string>> = {
  0x10: 'generalReject',
  0x11: 'serviceNotSupported',
  0x12: 'subFunctionNotSupported',
  0x13: 'incorrectMessageLengthOrInvalidFormat',
  0x14: 'responseTooLong',
  0x21: 'busyRepeatRequest',
  0x22: 'conditionsNotCorrect',
  0x24: 'requestSequenceError',
  0x31: 'requestOutOfRange',
  0x33: 'securityAccessDenied',
  0x72: 'generalProgrammingFailure',
  0x78: 'requestCorrectlyReceivedResponsePending',
  0x7f: 'serviceNotSupportedInActiveSession',
}

export const nrcName = (code: number): string => NRC_NAMES[code] ?? `0x${code.toString(16).padStart(2, '0')}`

export type CommandParams =
  | { kind: 'read_dtc', statusMask: number, includeFreezeFrames: boolean }
  | { kind: 'clear_dtc', group: number }
  | { kind: 'read_data', did: number }

export function encodeRequest (correlationId: string, expiresAtMs: number, p: CommandParams): Buffer {
  const body = p.kind === 'read_dtc'
    ? { readDtc: { statusMask: p.statusMask, includeFreezeFrames: p.includeFreezeFrames } }
    : p.kind === 'clear_dtc' ? { clearDtc: { group: p.group } } : { readData: { did: p.did } }
  return Buffer.from(fleetwire.v1.CommandRequest.encode({ correlationId, expiresAtMs, ...body }).finish())
}

/** UDS DTC status bits (ISO 14229-1 D.2) by name. */
export function statusBits (status: number) {
  return {
    testFailed: (status & 0x01) !== 0,
    pending: (status & 0x04) !== 0,
    confirmed: (status & 0x08) !== 0,
    warningIndicatorRequested: (status & 0x80) !== 0,
  }
}

export type CommandResult =
  | { kind: 'read_dtc', dtcs: Array<{ code: string, ecuId: string, status: number, statusBits: ReturnType<typeof statusBits>, freezeFrame: Array<{ signal: string, value: number }> }> }
  | { kind: 'clear_dtc', cleared: number }
  | { kind: 'read_data', did: number, hex: string, text: string }

export type DecodedResponse =
  | { ok: true, correlationId: string, result: CommandResult }
  | { ok: true, correlationId: string, negative: { serviceId: number, code: number, name: string } }
  | { ok: false, detail: string }

export function decodeResponse (payload: Uint8Array): DecodedResponse {
  let m: ReturnType<Pb['CommandResponse']['decode']>
  try {
    m = fleetwire.v1.CommandResponse.decode(payload)
  } catch (err) {
    return { ok: false, detail: (err as Error).message }
  }
  const correlationId = m.correlationId
  if (correlationId === '') return { ok: false, detail: 'response without correlation_id' }
  if (m.negative != null) {
    const code = m.negative.code ?? 0
    return { ok: true, correlationId, negative: { serviceId: m.negative.serviceId ?? 0, code, name: nrcName(code) } }
  }
  if (m.readDtc != null) {
    return {
      ok: true,
      correlationId,
      result: {
        kind: 'read_dtc',
        dtcs: (m.readDtc.dtcs ?? []).map((d) => ({
          code: d.code ?? '',
          ecuId: d.ecuId ?? '',
          status: d.status ?? 0,
          statusBits: statusBits(d.status ?? 0),
          freezeFrame: (d.freezeFrame ?? []).map((s) => ({ signal: signalById(s.signalId ?? 0)?.name ?? `#${s.signalId ?? 0}`, value: s.value ?? 0 })),
        })),
      },
    }
  }
  if (m.clearDtc != null) return { ok: true, correlationId, result: { kind: 'clear_dtc', cleared: m.clearDtc.cleared ?? 0 } }
  if (m.readData != null) {
    const value = Buffer.from(m.readData.value ?? new Uint8Array())
    return { ok: true, correlationId, result: { kind: 'read_data', did: m.readData.did ?? 0, hex: value.toString('hex'), text: m.readData.text ?? '' } }
  }
  return { ok: false, detail: 'response carries no result' }
}
