/**
 * Simulated time. The gateway rejects samples stamped more than a few minutes
 * ahead of its wall clock, so simulated time must never run ahead of real
 * time. With `speed` > 1 the clock therefore starts `horizonMs` in the past
 * and runs `speed` times faster than the wall clock until it has caught up
 * with it; from then on it runs at real speed (speed 1), clamped to "now".
 * With speed 1 it starts at now and never leads or lags.
 *
 * Example: --speed 3600 --days 24 starts 24 simulated days ago and catches
 * up after 24 d / 3599 ≈ 9.6 real minutes, during which weeks of wear play
 * out; every timestamp sent is in the past, none older than the horizon
 * (which must stay below the gateway's 30-day store-and-forward limit).
 */
export interface SimClock {
  readonly speed: number
  readonly simStartMs: number
  readonly realStartMs: number
  /** Simulated epoch ms at the given real epoch ms. */
  now(realMs: number): number
  /** True once simulated time has reached real time (then it runs at speed 1). */
  caughtUp(realMs: number): boolean
  /** Real epoch ms at which simulated time reaches real time. */
  readonly catchUpAtRealMs: number
}

export const MAX_HORIZON_MS = 29 * 86_400_000

export function createSimClock (opts: { speed: number, horizonMs: number, realStartMs: number }): SimClock {
  const { speed, realStartMs } = opts
  if (!(speed >= 1) || !Number.isFinite(speed)) throw new Error(`speed must be a finite number >= 1, got ${speed}`)
  if (!(opts.horizonMs > 0) || opts.horizonMs > MAX_HORIZON_MS) throw new Error(`horizon must be within (0, ${MAX_HORIZON_MS}] ms`)
  const lead = speed > 1 ? opts.horizonMs : 0
  const simStartMs = realStartMs - lead
  const catchUpAtRealMs = speed > 1 ? realStartMs + lead / (speed - 1) : realStartMs
  return {
    speed,
    simStartMs,
    realStartMs,
    catchUpAtRealMs,
    now: (realMs) => Math.min(realMs, simStartMs + (realMs - realStartMs) * speed),
    caughtUp: (realMs) => realMs >= catchUpAtRealMs,
  }
}
