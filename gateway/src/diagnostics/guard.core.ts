import { type Result, fail, ok } from '../common/result.js'
import { type TokenBucket, tryTake } from '../ingest/token-bucket.core.js'

export type CommandKind = 'read_dtc' | 'clear_dtc' | 'read_data'

export type GuardFailure = 'GW_DIAG_VEHICLE_OFFLINE' | 'GW_DIAG_VEHICLE_ASLEEP' | 'GW_DIAG_NOT_PARKED' | 'GW_DIAG_RATE_LIMITED'

export interface VehicleCommandState {
  readonly connected: boolean
  readonly powerState: 'unknown' | 'awake' | 'driving' | 'asleep' | 'offline'
  readonly ignitionOn: boolean
}

export interface RateLimit {
  readonly perMinute: number
}

/**
 * Whether a command may be sent now. Clearing fault memory changes what a
 * workshop will see, so it is allowed only on a parked vehicle (ignition off,
 * not driving); every command is rate-limited per vehicle.
 */
export function checkCommand (kind: CommandKind, v: VehicleCommandState, bucket: TokenBucket, limit: RateLimit, nowMs: number): Result<true, GuardFailure> {
  if (!v.connected) return fail('GW_DIAG_VEHICLE_OFFLINE', 'the vehicle is not connected')
  if (v.powerState === 'asleep') return fail('GW_DIAG_VEHICLE_ASLEEP', 'the vehicle announced it is asleep; retry when it wakes up')
  if (kind === 'clear_dtc' && (v.powerState === 'driving' || v.ignitionOn)) return fail('GW_DIAG_NOT_PARKED', 'DTCs can be cleared only while the vehicle is parked with the ignition off')
  if (!tryTake(bucket, 1, limit.perMinute / 60, limit.perMinute, nowMs)) return fail('GW_DIAG_RATE_LIMITED', `at most ${limit.perMinute} commands per minute per vehicle`)
  return ok(true)
}

/**
 * A command queued for an offline or asleep vehicle takes a token from the
 * same per-vehicle bucket: otherwise a caller could pile up any number of
 * commands while the vehicle sleeps, all due at its wake-up.
 */
export function checkQueueRate (bucket: TokenBucket, limit: RateLimit, nowMs: number): Result<true, 'GW_DIAG_RATE_LIMITED'> {
  if (!tryTake(bucket, 1, limit.perMinute / 60, limit.perMinute, nowMs)) return fail('GW_DIAG_RATE_LIMITED', `at most ${limit.perMinute} commands per minute per vehicle, queued ones included`)
  return ok(true)
}

/** Refusals that end when the vehicle wakes up: the caller may queue the command instead. */
export const waitsForWakeUp = (f: GuardFailure): boolean => f === 'GW_DIAG_VEHICLE_OFFLINE' || f === 'GW_DIAG_VEHICLE_ASLEEP'
