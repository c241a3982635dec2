import type { DiagnosticsService } from '../../diagnostics/diagnostics.service.js'
import { HANDLED, type ChannelHandler } from '../dispatch.js'

/** A vehicle's answer to a remote diagnostic command: handed to the waiting request. */
export function createCommandResponseHandler (diagnostics: Pick<DiagnosticsService, 'onResponse'>): ChannelHandler {
  return async (vehicle, payload) => {
    const r = await diagnostics.onResponse(vehicle, payload)
    return r.ok ? HANDLED : { ok: false, reason: r.error.code, detail: r.error.detail }
  }
}
