/**
 * Simulated time. The gateway rejects samples stamped more than a few minutes
 * ahead of its wall clock, so simulated time must never run ahead of real
 * time. With `speed` > 1 the clock therefore starts `horizonMs` in the past
 * and runs up to `speed` times faster than the wall clock until it has caught
 * up with it; from then on it is the wall clock (speed 1). With speed 1 it
 * starts at now and never leads or lags.
 *
 * Accelerated time is paced by back-pressure: the caller passes the fleet's
 * unacknowledged backlog at every step, and simulated time runs at full speed
 * while the backlog is at or below `lowWater`, slows linearly above it and
 * holds at `highWater`. Without that, a gateway on a busy machine falls
 * behind, the vehicles' spools grow (or overflow), and what a run measures
 * depends on the machine's load rather than on the simulated fleet. A real
 * step is also capped at `maxStepMs`, so a stalled event loop does not turn
 * into hours of simulated time in one leap.
 *
 * Example: --speed 3600 --days 24 starts 24 simulated days ago and catches
 * up after at least 24 d / 3599 ≈ 9.6 real minutes (longer when the gateway
 * cannot keep up), during which weeks of wear play out; every timestamp sent
 * is in the past, none older than the horizon (which must stay below the
 * gateway's 30-day store-and-forward limit).
 */
export interface Pacing {
  /** Backlog (messages) at or below which simulated time runs at full speed. */
  readonly lowWater: number
  /** Backlog at or above which simulated time holds. */
  readonly highWater: number
  /** Longest real interval one step may advance by. Default 1000 ms. */
  readonly maxStepMs?: number
}

export interface SimClock {
  readonly speed: number
  readonly simStartMs: number
  readonly realStartMs: number
  /** Advances to real epoch ms `realMs`, paced by `backlog` (unacknowledged messages); returns the simulated epoch ms. */
  step(realMs: number, backlog?: number): number
  /** Simulated epoch ms as of the last step. */
  now(): number
  /** True once simulated time has reached real time (then it is the wall clock). */
  caughtUp(): boolean
  /** Fraction of full speed of the last step: 1 full, 0 held by the backlog. */
  pace(): number
}

export const MAX_HORIZON_MS = 29 * 86_400_000

const DAY_MS = 86_400_000

/**
 * A simulated start pinned to a time of day: the latest `utcHour`:00 UTC at
 * least `daysBack` days before `realMs` (so the horizon is between `daysBack`
 * and `daysBack` + 1 days). Departures, sleep and wake-ups follow each
 * vehicle's local time of day; a run started from it replays the same
 * daily schedule whatever the wall clock says, which a test needs.
 */
export function pinnedSimStart (realMs: number, daysBack: number, utcHour: number): number {
  if (!(utcHour >= 0 && utcHour < 24)) throw new Error(`utcHour must be in [0, 24), got ${utcHour}`)
  const latest = realMs - daysBack * DAY_MS
  const sameDay = Math.floor(latest / DAY_MS) * DAY_MS + utcHour * 3_600_000
  return sameDay <= latest ? sameDay : sameDay - DAY_MS
}

/** Share of full speed for a backlog: 1 up to lowWater, 0 from highWater, linear between. */
export function paceFactor (pacing: Pacing | undefined, backlog: number): number {
  if (pacing === undefined || backlog <= pacing.lowWater) return 1
  if (backlog >= pacing.highWater) return 0
  return (pacing.highWater - backlog) / (pacing.highWater - pacing.lowWater)
}

export function createSimClock (opts: { speed: number, horizonMs: number, realStartMs: number, pacing?: Pacing }): SimClock {
  const { speed, realStartMs, pacing } = opts
  if (!(speed >= 1) || !Number.isFinite(speed)) throw new Error(`speed must be a finite number >= 1, got ${speed}`)
  if (!(opts.horizonMs > 0) || opts.horizonMs > MAX_HORIZON_MS) throw new Error(`horizon must be within (0, ${MAX_HORIZON_MS}] ms`)
  if (pacing !== undefined && !(pacing.lowWater >= 0 && pacing.highWater > pacing.lowWater)) throw new Error('pacing needs 0 <= lowWater < highWater')
  const maxStepMs = pacing?.maxStepMs ?? 1000
  const simStartMs = realStartMs - (speed > 1 ? opts.horizonMs : 0)
  let sim = simStartMs
  let lastReal = realStartMs
  let caughtUp = speed === 1
  let lastPace = 1
  return {
    speed,
    simStartMs,
    realStartMs,
    step (realMs, backlog = 0) {
      if (caughtUp) {
        sim = Math.max(sim, realMs)
      } else if (realMs > lastReal) {
        lastPace = paceFactor(pacing, backlog)
        const dt = pacing === undefined ? realMs - lastReal : Math.min(maxStepMs, realMs - lastReal)
        sim += dt * speed * lastPace
        if (sim >= realMs) {
          sim = realMs
          caughtUp = true
          lastPace = 1
        }
      }
      lastReal = Math.max(lastReal, realMs)
      return sim
    },
    now: () => sim,
    caughtUp: () => caughtUp,
    pace: () => lastPace,
  }
}
