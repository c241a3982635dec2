import { fleetwire } from '@fleetwire/proto'
import type { VehiclesService } from '../../vehicles/index.js'
import type { PowerState } from '../../storage/vehicles.repository.js'
import { decodeDeath, decodeStatus } from '../decode.js'
import { HANDLED, type ChannelHandler, type HandlerContext } from '../dispatch.js'

const POWER: Record<number, PowerState> = {
  [fleetwire.v1.PowerState.POWER_STATE_AWAKE]: 'awake',
  [fleetwire.v1.PowerState.POWER_STATE_DRIVING]: 'driving',
  [fleetwire.v1.PowerState.POWER_STATE_ASLEEP]: 'asleep',
}

const DEATH_REASON: Record<number, string> = {
  [fleetwire.v1.DeathCertificate.Reason.REASON_LINK_LOST]: 'link_lost',
  [fleetwire.v1.DeathCertificate.Reason.REASON_GOING_TO_SLEEP]: 'going_to_sleep',
  [fleetwire.v1.DeathCertificate.Reason.REASON_SHUTDOWN]: 'shutdown',
}

export interface PresenceHandlerDeps extends HandlerContext {
  vehicles: VehiclesService
}

/** Birth certificate: the vehicle is online, with this session, power state and software inventory. */
export function createStatusHandler ({ vehicles, log, now, durably }: PresenceHandlerDeps): ChannelHandler {
  return async (vehicle, payload) => {
    const d = decodeStatus(payload)
    if (!d.ok) return { ok: false, reason: d.error.code, detail: d.error.detail }
    const s = d.value
    const powerState = POWER[s.powerState] ?? 'unknown'
    const atMs = s.timeMs > 0 ? s.timeMs : now()
    await durably('birth write', () => vehicles.recordBirth(vehicle.key, {
      session: s.session,
      powerState,
      ignitionOn: s.ignitionOn,
      ecus: s.ecus.map((e) => ({ ecuId: e.ecuId ?? '', hardwareId: e.hardwareId ?? '', softwareVersion: e.softwareVersion ?? '' })),
      atMs,
      detail: { catalogVersion: s.catalogVersion, lastSeq: s.lastSeq, powerState },
    }))
    vehicles.touch(vehicle.key, now())
    log.info({ vehicleId: vehicle.id, session: s.session, powerState }, 'vehicle birth')
    return HANDLED
  }
}

/** Death certificate (usually the MQTT will): offline, or asleep when the vehicle said so. */
export function createDeathHandler ({ vehicles, log, now, durably }: PresenceHandlerDeps): ChannelHandler {
  return async (vehicle, payload) => {
    const d = decodeDeath(payload)
    if (!d.ok) return { ok: false, reason: d.error.code, detail: d.error.detail }
    const reason = DEATH_REASON[d.value.reason] ?? 'unspecified'
    const applied = await durably('death write', () => vehicles.recordDeath(vehicle.key, d.value.session, reason, now()))
    log.info({ vehicleId: vehicle.id, session: d.value.session, reason, applied }, 'vehicle death')
    return HANDLED
  }
}
