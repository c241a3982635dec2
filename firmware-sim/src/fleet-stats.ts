import type { SimulatedVehicle } from './vehicle.js'

/** A snapshot of the fleet for progress lines, benchmarks and tests. */
export interface FleetStats {
  vehicles: number
  /** Link states. */
  connected: number
  connecting: number
  sleeping: number
  offline: number
  inOutage: number
  /** What the vehicles are doing (simulated). */
  driving: number
  charging: number
  parked: number
  asleep: number
  /** Messages acknowledged by the broker (PUBACK), in total and per second over the last few seconds. */
  acked: number
  msgsPerS: number
  /** rate × vehicles: what the options ask for when every vehicle is awake. */
  askedMsgsPerS: number
  batches: number
  samples: number
  /** Held in store-and-forward spools (waiting or in flight), and dropped because a spool was full. */
  buffered: number
  inFlight: number
  dropped: number
  reconnects: number
  connectFailures: number
  authFailures: number
  outages: number
  dtcsSet: number
  commandsIgnored: number
  simTimeMs: number
  caughtUp: boolean
  /** Share of full speed the simulated clock ran at in its last step (1 full, 0 held by the backlog). */
  pace: number
}

export function collectStats (vehicles: readonly SimulatedVehicle[], extra: { rate: number, msgsPerS: number, dtcsSet: number, simTimeMs: number, caughtUp: boolean, pace: number }): FleetStats {
  const s: FleetStats = {
    vehicles: vehicles.length, connected: 0, connecting: 0, sleeping: 0, offline: 0, inOutage: 0,
    driving: 0, charging: 0, parked: 0, asleep: 0,
    acked: 0, msgsPerS: extra.msgsPerS, askedMsgsPerS: vehicles.length * extra.rate, batches: 0, samples: 0,
    buffered: 0, inFlight: 0, dropped: 0, reconnects: 0, connectFailures: 0, authFailures: 0, outages: 0,
    dtcsSet: extra.dtcsSet, commandsIgnored: 0, simTimeMs: extra.simTimeMs, caughtUp: extra.caughtUp, pace: extra.pace,
  }
  for (const v of vehicles) {
    if (v.link === 'online') s.connected++
    else if (v.link === 'connecting') s.connecting++
    else if (v.link === 'sleeping') s.sleeping++
    else if (v.link === 'outage') s.inOutage++
    else if (v.link === 'offline') s.offline++
    const p = v.state.phase
    if (p === 'driving') s.driving++
    else if (p === 'charging') s.charging++
    else if (p === 'parked') s.parked++
    else s.asleep++
    const sp = v.recorder.spool.stats()
    s.acked += sp.acked
    s.buffered += sp.size
    s.inFlight += sp.inFlight
    s.dropped += sp.dropped
    s.batches += v.recorder.batches
    s.samples += v.recorder.samples
    s.reconnects += v.reconnects
    s.connectFailures += v.connectFailures
    s.authFailures += v.authFailures
    s.outages += v.outages
    s.commandsIgnored += v.commandsIgnored
  }
  return s
}

/** Acknowledged messages per second over a sliding window of about `windowMs`. */
export class RateMeter {
  private points: Array<[number, number]> = []
  constructor (private readonly windowMs = 5000) {}
  record (nowMs: number, total: number): void {
    this.points.push([nowMs, total])
    while (this.points.length > 2 && nowMs - (this.points[0] as [number, number])[0] > this.windowMs) this.points.shift()
  }

  perSecond (): number {
    if (this.points.length < 2) return 0
    const [t0, c0] = this.points[0] as [number, number]
    const [t1, c1] = this.points[this.points.length - 1] as [number, number]
    return t1 > t0 ? ((c1 - c0) * 1000) / (t1 - t0) : 0
  }
}
