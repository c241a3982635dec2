/** Quiet hours in the vehicle's local time (the minute arithmetic is shared with the vehicle: @fleetwire/proto). */
import { inWindow, localMinute } from '@fleetwire/proto'

/**
 * The first time at or after `atMs` that is outside the quiet hours
 * [quietStart, quietEnd) of the zone; `atMs` itself when it is not quiet.
 * Resolution is one minute; DST shifts move the answer by at most an hour.
 */
export function nextOutsideQuiet (atMs: number, timeZone: string, quietStart: number, quietEnd: number): number {
  if (quietStart === quietEnd) return atMs
  const minute = localMinute(atMs, timeZone)
  if (!inWindow(minute, quietStart, quietEnd)) return atMs
  const waitMin = (quietEnd - minute + 1440) % 1440
  // Round to the start of the quiet end minute.
  return atMs - (atMs % 60_000) + waitMin * 60_000
}
