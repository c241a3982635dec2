import { DTC_AVAILABILITY_MASK, bytesToDtc, dtcToBytes, type DtcEvent, type DtcMemory } from './dtc-memory.core.js'
import type { EcuInfo } from './fleet-plan.core.js'

/**
 * Remote diagnostics, answered from the vehicle's own state: a table of UDS
 * services (ISO 14229-1) keyed by service id, each taking the request PDU
 * and returning the response PDU. The gateway's command messages
 * (proto/fleetwire/v1/command.proto) go through a CommandCodec that maps them to
 * and from these PDUs; new services are new table entries.
 */
export interface UdsContext {
  readonly vin: string
  readonly ecus: readonly EcuInfo[]
  readonly dtc: DtcMemory
  /** Current value of a catalog signal (for DIDs 0xFD00 + signal id). */
  readSignal(signalId: number): number | undefined
  nowMs(): number
  /** DTCs were cleared: the unit reports them on its dtc channel. */
  report(events: readonly DtcEvent[]): void
}

export type UdsHandler = (req: Uint8Array, ctx: UdsContext) => Uint8Array

export const NRC = {
  serviceNotSupported: 0x11,
  subFunctionNotSupported: 0x12,
  incorrectMessageLengthOrInvalidFormat: 0x13,
  requestOutOfRange: 0x31,
} as const

export const DID = { vin: 0xf190, softwareVersion: 0xf189, hardwareNumber: 0xf191, serialNumber: 0xf18c, signalBase: 0xfd00 } as const

const negative = (sid: number, nrc: number): Uint8Array => Uint8Array.of(0x7f, sid, nrc)
const ascii = (s: string): number[] => [...Buffer.from(s, 'ascii')]
const float32 = (x: number): number[] => {
  const b = Buffer.alloc(4)
  b.writeFloatBE(x)
  return [...b]
}

/** 0x19 ReadDTCInformation: 0x01 count by mask, 0x02 list by mask, 0x04 snapshot (freeze frame), 0x0A supported. */
const readDtcInformation: UdsHandler = (req, ctx) => {
  const sub = req[1]
  if (sub === undefined) return negative(0x19, NRC.incorrectMessageLengthOrInvalidFormat)
  if (sub === 0x01 || sub === 0x02) {
    if (req.length !== 3) return negative(0x19, NRC.incorrectMessageLengthOrInvalidFormat)
    const records = ctx.dtc.byStatusMask(req[2] as number)
    if (sub === 0x01) return Uint8Array.of(0x59, 0x01, DTC_AVAILABILITY_MASK, 0x01, records.length >> 8, records.length & 0xff)
    return Uint8Array.from([0x59, 0x02, DTC_AVAILABILITY_MASK, ...records.flatMap((r) => [...dtcToBytes(r.code), r.status & 0xff])])
  }
  if (sub === 0x0a) {
    if (req.length !== 2) return negative(0x19, NRC.incorrectMessageLengthOrInvalidFormat)
    return Uint8Array.from([0x59, 0x0a, DTC_AVAILABILITY_MASK, ...ctx.dtc.all().flatMap((r) => [...dtcToBytes(r.code), r.status & 0xff])])
  }
  if (sub === 0x04) {
    if (req.length !== 6) return negative(0x19, NRC.incorrectMessageLengthOrInvalidFormat)
    const code = bytesToDtc(req[2] as number, req[3] as number)
    const record = ctx.dtc.get(code)
    const recordNumber = req[5] as number
    if (record === undefined || (recordNumber !== 0x01 && recordNumber !== 0xff)) return negative(0x19, NRC.requestOutOfRange)
    const ids = record.freezeFrame.flatMap((s) => [(DID.signalBase | s.signalId) >> 8, (DID.signalBase | s.signalId) & 0xff, ...float32(s.value)])
    return Uint8Array.from([0x59, 0x04, req[2] as number, req[3] as number, req[4] as number, record.status & 0xff, 0x01, record.freezeFrame.length, ...ids])
  }
  return negative(0x19, NRC.subFunctionNotSupported)
}

/** 0x14 ClearDiagnosticInformation: group FFFFFF clears all, otherwise the one DTC named. */
const clearDiagnosticInformation: UdsHandler = (req, ctx) => {
  if (req.length !== 4) return negative(0x14, NRC.incorrectMessageLengthOrInvalidFormat)
  const all = req[1] === 0xff && req[2] === 0xff && req[3] === 0xff
  const code = all ? undefined : bytesToDtc(req[1] as number, req[2] as number)
  if (code !== undefined && ctx.dtc.get(code) === undefined) return negative(0x14, NRC.requestOutOfRange)
  const events = ctx.dtc.clear(code, ctx.nowMs())
  if (events.length > 0) ctx.report(events)
  return Uint8Array.of(0x54)
}

/** 0x22 ReadDataByIdentifier: one or more DIDs (VIN, software/hardware ids, live signals at 0xFD00 + id). */
const readDataByIdentifier: UdsHandler = (req, ctx) => {
  if (req.length < 3 || (req.length - 1) % 2 !== 0) return negative(0x22, NRC.incorrectMessageLengthOrInvalidFormat)
  const out: number[] = [0x62]
  const tcu = ctx.ecus.find((e) => e.ecuId === 'TCU') ?? ctx.ecus[0]
  for (let i = 1; i < req.length; i += 2) {
    const did = ((req[i] as number) << 8) | (req[i + 1] as number)
    let data: number[] | undefined
    if (did === DID.vin) data = ascii(ctx.vin)
    else if (did === DID.softwareVersion) data = tcu === undefined ? undefined : ascii(tcu.softwareVersion)
    else if (did === DID.hardwareNumber) data = tcu === undefined ? undefined : ascii(tcu.hardwareId)
    else if (did === DID.serialNumber) data = ascii(ctx.vin.slice(-6))
    else if ((did & 0xff00) === DID.signalBase) {
      const v = ctx.readSignal(did & 0xff)
      data = v === undefined ? undefined : float32(v)
    }
    if (data === undefined) return negative(0x22, NRC.requestOutOfRange)
    out.push(did >> 8, did & 0xff, ...data)
  }
  return Uint8Array.from(out)
}

/** The services the unit answers. Adding a service = adding an entry. */
export const UDS_HANDLERS: Readonly<Record<number, UdsHandler>> = Object.freeze({
  0x19: readDtcInformation,
  0x14: clearDiagnosticInformation,
  0x22: readDataByIdentifier,
})

export function handleUdsRequest (req: Uint8Array, ctx: UdsContext, handlers: Readonly<Record<number, UdsHandler>> = UDS_HANDLERS): Uint8Array {
  const sid = req[0]
  if (sid === undefined) return negative(0x00, NRC.incorrectMessageLengthOrInvalidFormat)
  const handler = handlers[sid]
  return handler === undefined ? negative(sid, NRC.serviceNotSupported) : handler(req, ctx)
}

/**
 * Maps the gateway's command messages (proto/fleetwire/v1/command.proto)
 * to and from the UDS PDUs of the handler table. `encode` also gets
 * the vehicle's diagnostic context and the codes a clear removed, so a
 * structured response can carry what a bare PDU does not (ECU, first seen,
 * freeze frames, cleared count).
 */
export interface CommandCodec {
  decode(payload: Uint8Array): { correlationId: string, request: Uint8Array, expiresAtMs?: number } | undefined
  encode(correlationId: string, response: Uint8Array, ctx: UdsContext, effects: { cleared: readonly DtcEvent[] }): Uint8Array
}
