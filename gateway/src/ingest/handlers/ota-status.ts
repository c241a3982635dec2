import type { Ota } from '../../ota/index.js'
import { decodeOtaStatus } from '../decode.js'
import { HANDLED, type ChannelHandler } from '../dispatch.js'

/**
 * A vehicle's OTA step (OtaStatus): handed to the OTA state machine. A
 * report that does not fit the vehicle's current state is rejected and
 * logged there, not counted as malformed input: late or repeated reports
 * are normal on a flaky link. Only undecodable payloads are malformed.
 */
export function createOtaStatusHandler (ota: Pick<Ota, 'report'>): ChannelHandler {
  return async (vehicle, payload) => {
    const d = decodeOtaStatus(payload)
    if (!d.ok) return { ok: false, reason: d.error.code, detail: d.error.detail }
    const r = await ota.report(vehicle, d.value)
    return r.ok || r.error.code === 'GW_OTA_UNKNOWN_OFFER' ? HANDLED : { ok: false, reason: r.error.code, detail: r.error.detail }
  }
}
