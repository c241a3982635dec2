/**
 * Detects gaps and late arrivals in a vehicle's telemetry sequence numbers
 * (Sparkplug-style, but 64-bit so they never wrap in practice). Missing seqs
 * are remembered (bounded) so a store-and-forward batch that arrives later
 * fills its gap instead of being counted as a duplicate.
 */
export interface SequenceState {
  highest: number | undefined
  missing: Set<number>
}

export type SequenceVerdict =
  | { kind: 'in_order' }
  | { kind: 'gap', missing: number }
  | { kind: 'late_fill' }
  | { kind: 'replay' }

export const MAX_TRACKED_MISSING = 1024

export function createSequenceState (): SequenceState {
  return { highest: undefined, missing: new Set() }
}

export function observe (state: SequenceState, seq: number): SequenceVerdict {
  if (state.highest === undefined || seq === state.highest + 1) {
    state.highest = seq
    return { kind: 'in_order' }
  }
  if (seq > state.highest) {
    const missing = seq - state.highest - 1
    // Remember at most the newest MAX_TRACKED_MISSING holes.
    for (let s = Math.max(state.highest + 1, seq - MAX_TRACKED_MISSING); s < seq; s++) state.missing.add(s)
    while (state.missing.size > MAX_TRACKED_MISSING) {
      const oldest = state.missing.values().next().value as number
      state.missing.delete(oldest)
    }
    state.highest = seq
    return { kind: 'gap', missing }
  }
  if (state.missing.delete(seq)) return { kind: 'late_fill' }
  return { kind: 'replay' }
}
