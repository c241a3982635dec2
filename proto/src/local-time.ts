/**
 * Vehicle local time, as the gateway and the vehicle both read it: install
 * windows and quiet hours are minutes after the vehicle's local midnight in
 * its IANA time zone. Part of the contract because an offer's install window
 * must mean the same minute on both sides. Pure (Intl only).
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
