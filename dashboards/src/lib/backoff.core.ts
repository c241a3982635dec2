/**
 * Reconnect delay for the live channel: exponential from `baseMs`, capped,
 * with "full jitter" so a gateway restart is not met by every tab at once.
 * Pure: the random draw is passed in.
 */
export function reconnectDelayMs (attempt: number, random: number, baseMs = 500, capMs = 15_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))
  return Math.round(baseMs / 2 + random * (ceiling - baseMs / 2))
}
