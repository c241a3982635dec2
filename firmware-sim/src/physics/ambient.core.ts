import type { City } from '../markets.core.js'

const DAY_MS = 86_400_000
const YEAR_MS = 365.25 * DAY_MS

/**
 * Outdoor air temperature: annual mean, a seasonal wave (coldest mid-January
 * in the north, mid-July in the south), a daily wave (coldest around 05:00
 * local solar time, warmest in the late afternoon) and a slow per-vehicle weather
 * offset. Smooth and deterministic, so any step size gives the same value.
 */
export function ambientTempC (city: City, epochMs: number, weatherOffsetC: number): number {
  const yearPhase = ((epochMs % YEAR_MS) / YEAR_MS) * 2 * Math.PI // 0 at 1 January
  const seasonal = -city.hemisphere * city.seasonalSwingC * Math.cos(yearPhase - (15 / 365.25) * 2 * Math.PI)
  const solarHour = ((epochMs % DAY_MS) / 3_600_000 + city.lon / 15 + 48) % 24
  const daily = -city.dailySwingC * Math.cos(((solarHour - 5) / 24) * 2 * Math.PI)
  return city.meanTempC + seasonal + daily + weatherOffsetC
}

/** A weather front: a slow wave of a few degrees over several days, different per vehicle. */
export function weatherOffsetC (epochMs: number, phase: number): number {
  const days = epochMs / DAY_MS
  return 2.5 * Math.sin(days * 2 * Math.PI / 5.3 + phase) + 1.2 * Math.sin(days * 2 * Math.PI / 2.1 + 2 * phase)
}

/** Daylight (0 at night, up to 1 around solar noon): solar gain on a parked cabin. */
export function daylight (city: City, epochMs: number): number {
  const solarHour = ((epochMs % DAY_MS) / 3_600_000 + city.lon / 15 + 48) % 24
  return Math.max(0, Math.sin(((solarHour - 6) / 12) * Math.PI))
}
