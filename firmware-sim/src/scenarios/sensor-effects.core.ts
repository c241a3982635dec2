import { signalById } from '@fleetwire/proto'
import type { SensorEffect } from './scenario-file.core.js'

/**
 * Applies a scenario's sensor effects to readings as they are reported.
 * Per (vehicle, signal) state (drift offset, stuck value and until when) is
 * kept beside the vehicle, not in it, so the vehicle state keeps one shape
 * with or without a scenario. Random draws come from the vehicle's own
 * generator: a run stays reproducible from its seed.
 */
export interface SensorEffects {
  /** The reading to report, or NaN to drop it. */
  apply(owner: object, normal: () => number, uniform: () => number, signalId: number, value: number, tMs: number): number
}

interface SensorState { drift: number, stuckUntilMs: number, stuckValue: number, lastMs: number, lastValue: number }

const DAY_MS = 86_400_000

export function compileSensorEffects (effects: readonly SensorEffect[]): SensorEffects | undefined {
  if (effects.length === 0) return undefined
  const bySignal = new Map<number, SensorEffect | null>()
  const effectOf = (id: number): SensorEffect | null => {
    let e = bySignal.get(id)
    if (e === undefined) {
      const name = signalById(id)?.name ?? ''
      e = effects.find((x) => (x.signal.endsWith('.') ? name.startsWith(x.signal) : name === x.signal)) ?? null
      bySignal.set(id, e)
    }
    return e
  }
  const states = new WeakMap<object, Map<number, SensorState>>()
  return {
    apply (owner, normal, uniform, id, value, tMs) {
      const e = effectOf(id)
      if (e === null) return value
      let perVehicle = states.get(owner)
      if (perVehicle === undefined) states.set(owner, perVehicle = new Map())
      let s = perVehicle.get(id)
      if (s === undefined) perVehicle.set(id, s = { drift: 0, stuckUntilMs: -Infinity, stuckValue: value, lastMs: tMs, lastValue: value })
      const sinceMs = Math.max(0, tMs - s.lastMs)
      s.lastMs = tMs
      if (e.dropout !== undefined && uniform() < e.dropout) return Number.NaN
      if (tMs < s.stuckUntilMs) return s.stuckValue
      if (e.stuck !== undefined && uniform() < e.stuck.perDay * (sinceMs / DAY_MS)) {
        s.stuckUntilMs = tMs + e.stuck.hours * 3_600_000
        s.stuckValue = s.lastValue
        return s.stuckValue
      }
      let x = value
      if (e.drift !== undefined) {
        s.drift = e.drift.phi * s.drift + e.drift.sigma * normal()
        x += s.drift
      }
      if (e.noise !== undefined) x += e.noise * normal()
      if (e.relativeNoise !== undefined) x *= 1 + e.relativeNoise * normal()
      if (e.quantum !== undefined) x = Math.round(x / e.quantum) * e.quantum
      s.lastValue = x
      return x
    },
  }
}
