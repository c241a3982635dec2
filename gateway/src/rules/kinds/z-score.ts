/** Keeps z finite (and JSON-serialisable) when a signal has been perfectly steady. */
const STD_FLOOR = 1e-9

export function zScore (x: number, mean: number, std: number, minStd: number): number {
  return (x - mean) / Math.max(std, minStd, STD_FLOOR)
}

/** How far z is on the side the rule cares about (negative = the harmless side). */
export function zSide (op: 'above' | 'below' | 'both' | undefined): (z: number) => number {
  if (op === 'above') return (z) => z
  if (op === 'below') return (z) => -z
  return Math.abs
}
