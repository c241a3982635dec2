import type { IncidentsService } from '../../incidents/index.js'
import { decodeNoticeAck } from '../decode.js'
import { HANDLED, type ChannelHandler } from '../dispatch.js'

const DAY_MS = 86_400_000

/**
 * A vehicle's receipt for a safety notice (delivered, displayed,
 * acknowledged by the driver, or rejected): recorded before the PUBACK, so
 * the vehicle sends it again if the gateway could not write it.
 */
export function createNoticeAckHandler (incidents: Pick<IncidentsService, 'receipt'>): ChannelHandler {
  return async (vehicle, payload) => {
    const d = decodeNoticeAck(payload)
    if (!d.ok) return { ok: false, reason: d.error.code, detail: d.error.detail }
    // The vehicle's time says when the driver saw it (receipts wait in its spool while offline);
    // a clock off by more than a day is not believed.
    const nowMs = Date.now()
    const atMs = Math.abs(d.value.timeMs - nowMs) < DAY_MS ? d.value.timeMs : nowMs
    await incidents.receipt({ incidentId: d.value.incidentId, vehicleKey: vehicle.key, state: d.value.state, atMs, reason: d.value.reason })
    return HANDLED
  }
}
