import type { HistogramData } from './latency-histogram.js'

/** IPC between the bench orchestrator and its load-generator processes. */

/** Batch i of a vehicle holds sample j as signal SIGNALS[j mod n] at base + j ms (load-generator.ts). */
export interface AckedBatches {
  readonly vehicleId: string
  readonly bases: number[]
}

export interface VehicleLogin {
  readonly username: string
  readonly password: string
}

/**
 * What the samples say. `uniform`: anywhere in each signal's catalog range
 * (the worst case for the rules: many alerts). `healthy`: what a healthy,
 * parked vehicle of the simulator reads, with its sensor noise (a fleet in
 * normal service: rules evaluate every sample, few raise).
 */
export type SampleValues = 'uniform' | 'healthy'

/**
 * `closed`: every client keeps `window` publishes outstanding (measures the
 * most the server can take). `open`: publishes are paced at `msgsPerS`
 * whatever the server does, each client still holding at most `window`.
 */
export interface LoadSpec {
  readonly mode: 'open' | 'closed'
  readonly qos: 0 | 1
  /** This worker's share of the offered rate (open loop only). */
  readonly msgsPerS: number
  readonly window: number
}

export type GeneratorCommand =
  | { type: 'connect', url: string, logins: VehicleLogin[], samples: number, values: SampleValues }
  | { type: 'load', spec: LoadSpec }
  | { type: 'stop-load' }
  | { type: 'snapshot' }
  | { type: 'disconnect' }
  /** The base time of every batch acknowledged so far, per vehicle (outage bench: lost = acked − stored). */
  | { type: 'acked' }

/** Counts since the previous snapshot; completed = PUBACK received (QoS 1) or written (QoS 0). */
export interface WindowCounters {
  intervalMs: number
  sent: number
  completed: number
  errors: number
  /** Open loop: publishes due that no client could take (all windows full) for too long. */
  missed: number
  disconnects: number
  latency: HistogramData
}

export type GeneratorReport =
  | { type: 'connected', clients: number }
  | { type: 'failed', detail: string }
  | { type: 'snapshot', counters: WindowCounters }
  | { type: 'stopped', inflight: number }
  | { type: 'disconnected' }
  | { type: 'acked', vehicles: AckedBatches[] }
