/**
 * Vehicle local time: install windows and quiet hours are minutes after the
 * vehicle's local midnight in its IANA time zone. Pure (Intl only).
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter (timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    }
    formatters.set(timeZone, f)
  }
  return f
}

/** Minutes after local midnight (0..1439) at `atMs` in `timeZone` (unknown zones count as UTC). */
export function localMinute (atMs: number, timeZone: string): number {
  let h = 0
  let m = 0
  for (const p of formatter(timeZone).formatToParts(atMs)) {
    if (p.type === 'hour') h = Number(p.value)
    else if (p.type === 'minute') m = Number(p.value)
  }
  return h * 60 + m
}

/** Whether a local minute lies in [start, end); a window with start > end wraps past midnight; start == end is always. */
export function inWindow (minute: number, start: number, end: number): boolean {
  if (start === end) return true
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

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
