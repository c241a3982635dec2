import type { AuthenticatedVehicle } from '../vehicles/index.js'
import type { UplinkChannel } from '@fleetwire/proto'
import type { VehicleIntakeState } from './vehicle-intake-state.js'

export type HandlerOutcome = { ok: true } | { ok: false, reason: string, detail: string }

/** Handles one decoded-on-demand payload of one uplink channel. */
export type ChannelHandler = (vehicle: AuthenticatedVehicle, payload: Buffer, state: VehicleIntakeState) => Promise<HandlerOutcome>

export type ChannelHandlers = Readonly<Record<UplinkChannel, ChannelHandler>> & Readonly<Record<string, ChannelHandler | undefined>>

export const HANDLED: HandlerOutcome = { ok: true }
