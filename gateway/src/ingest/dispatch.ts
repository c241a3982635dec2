import type { AuthenticatedVehicle } from '../vehicles/index.js'
import type { Log } from '../common/log.js'
import type { UplinkChannel } from '@fleetwire/proto'
import type { VehicleIntakeState } from './vehicle-intake-state.js'

/** `spooled`: acknowledged from the local spool, not yet in the database (telemetry during an outage). */
export type HandlerOutcome = { ok: true, spooled?: boolean } | { ok: false, reason: string, detail: string }

/** Handles one decoded-on-demand payload of one uplink channel. */
export type ChannelHandler = (vehicle: AuthenticatedVehicle, payload: Buffer, state: VehicleIntakeState) => Promise<HandlerOutcome>

export type ChannelHandlers = Readonly<Record<UplinkChannel, ChannelHandler>> & Readonly<Record<string, ChannelHandler | undefined>>

export const HANDLED: HandlerOutcome = { ok: true }

/** What every handler that writes vehicle state needs besides its repository. */
export interface HandlerContext {
  log: Log
  now: () => number
  /** Writes that must not be lost are retried until done (common/retry.ts). */
  durably: <T>(what: string, fn: () => Promise<T>) => Promise<T>
}
