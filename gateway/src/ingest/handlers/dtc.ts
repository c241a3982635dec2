import { fleetwire } from '@fleetwire/proto'
import type { DiagnosticsRepository } from '../../storage/diagnostics.repository.js'
import type { AuthenticatedVehicle } from '../../vehicles/index.js'
import type { DiagnosticEvent } from '../../rules/types.js'
import { decodeDiagnostic } from '../decode.js'
import { HANDLED, type ChannelHandler, type HandlerContext } from '../dispatch.js'

export interface DtcHandlerDeps extends HandlerContext {
  diagnostics: DiagnosticsRepository
  /** Called once for each newly stored event (rules). */
  onStored: (vehicle: AuthenticatedVehicle, event: DiagnosticEvent) => void
}

/** A DTC set or cleared on an ECU, with its freeze frame; stored idempotently. */
export function createDtcHandler ({ diagnostics, log, now, durably, onStored }: DtcHandlerDeps): ChannelHandler {
  return async (vehicle, payload) => {
    const d = decodeDiagnostic(payload)
    if (!d.ok) return { ok: false, reason: d.error.code, detail: d.error.detail }
    const e = d.value
    const action = e.action === fleetwire.v1.DiagnosticEvent.Action.ACTION_CLEARED ? 'cleared' : 'set'
    const tsMs = e.timeMs > 0 ? e.timeMs : now()
    const freezeFrame = e.freezeFrame.map((s) => ({ signalId: s.signalId ?? 0, value: s.value ?? 0, tsMs: tsMs + (s.offsetMs ?? 0) }))
    const status = e.status & 0xff
    const inserted = await durably('DTC write', () => diagnostics.insert({ vehicleKey: vehicle.key, tsMs, code: e.code, action, ecuId: e.ecuId, status, freezeFrame }))
    if (inserted) {
      log.info({ vehicleId: vehicle.id, code: e.code, action, status }, 'diagnostic event')
      onStored(vehicle, { code: e.code, status, action, tsMs, freezeFrame })
    }
    return HANDLED
  }
}
