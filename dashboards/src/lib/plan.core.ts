/**
 * Parses the campaign form's wave list, e.g. "1%, 10%, 50%, 100%" or
 * "5, 50, 100%": a percentage of the target or a vehicle count per wave.
 * Pure; returns the waves or the 1-based position of the first bad entry.
 */
export type Wave = { percent: number } | { count: number }

export function parseWaves (text: string): { ok: true, waves: Wave[] } | { ok: false, position: number } {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '')
  const waves: Wave[] = []
  for (const [i, p] of parts.entries()) {
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(p)
    if (pct !== null) {
      const n = Number(pct[1])
      if (!(n > 0 && n <= 100)) return { ok: false, position: i + 1 }
      waves.push({ percent: n })
    } else if (/^\d+$/.test(p) && Number(p) > 0) {
      waves.push({ count: Number(p) })
    } else {
      return { ok: false, position: i + 1 }
    }
  }
  return waves.length === 0 ? { ok: false, position: 1 } : { ok: true, waves }
}

/** "EU, LATAM" → ["EU", "LATAM"]; empty → undefined (no restriction). */
export function parseList (text: string): string[] | undefined {
  const xs = text.split(',').map((s) => s.trim()).filter((s) => s !== '')
  return xs.length === 0 ? undefined : xs
}
