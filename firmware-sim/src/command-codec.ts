import { fleetwire } from '@fleetwire/proto'
import { bytesToDtc } from './dtc-memory.core.js'
import { DID, type CommandCodec } from './diagnostics-handlers.js'

type Pb = typeof fleetwire.v1
type Response = Parameters<Pb['CommandResponse']['encode']>[0]

const TEXT_DIDS = new Set<number>([DID.vin, DID.softwareVersion, DID.hardwareNumber, DID.serialNumber])

/**
 * The gateway's command messages (proto/fleetwire/v1/command.proto) mapped
 * to and from the UDS PDUs the handler table speaks. Malformed requests
 * decode to undefined and are ignored, like a real unit ignores garbage.
 */
export const protobufCommandCodec: CommandCodec = {
  decode (payload) {
    let m: ReturnType<Pb['CommandRequest']['decode']>
    try {
      m = fleetwire.v1.CommandRequest.decode(payload)
    } catch {
      return undefined
    }
    const base = { correlationId: m.correlationId, expiresAtMs: m.expiresAtMs }
    if (m.readDtc != null) return { ...base, request: Uint8Array.of(0x19, 0x02, (m.readDtc.statusMask ?? 0xff) & 0xff) }
    if (m.clearDtc != null) {
      const g = m.clearDtc.group ?? 0xffffff
      return { ...base, request: Uint8Array.of(0x14, (g >> 16) & 0xff, (g >> 8) & 0xff, g & 0xff) }
    }
    if (m.readData != null) {
      const did = m.readData.did ?? 0
      return { ...base, request: Uint8Array.of(0x22, (did >> 8) & 0xff, did & 0xff) }
    }
    return undefined
  },

  encode (correlationId, pdu, ctx, effects) {
    const res: Response = { correlationId, timeMs: ctx.nowMs() }
    const sid = pdu[0]
    if (sid === 0x7f) {
      res.negative = { serviceId: pdu[1] ?? 0, code: pdu[2] ?? 0 }
    } else if (sid === 0x59) {
      // 59 02 availabilityMask then 4 bytes per DTC: two code bytes, failure type, status
      const dtcs: NonNullable<Response['readDtc']>['dtcs'] = []
      for (let i = 3; i + 3 < pdu.length; i += 4) {
        const code = bytesToDtc(pdu[i] as number, pdu[i + 1] as number)
        const rec = ctx.dtc.get(code)
        dtcs.push({ code, ecuId: rec?.ecuId ?? '', status: pdu[i + 3] as number, freezeFrame: rec?.freezeFrame.map((s) => ({ signalId: s.signalId, value: s.value })) ?? [], firstSeenMs: rec?.firstSetMs ?? 0 })
      }
      res.readDtc = { dtcs }
    } else if (sid === 0x54) {
      res.clearDtc = { cleared: effects.cleared.length }
    } else if (sid === 0x62) {
      const did = ((pdu[1] ?? 0) << 8) | (pdu[2] ?? 0)
      const value = pdu.subarray(3)
      res.readData = { did, value, text: TEXT_DIDS.has(did) ? Buffer.from(value).toString('ascii') : '' }
    }
    return fleetwire.v1.CommandResponse.encode(res).finish()
  },
}
