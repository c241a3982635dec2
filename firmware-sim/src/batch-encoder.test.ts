import { describe, expect, it } from 'vitest'
import { fleetwire } from '@fleetwire/proto'
import { mulberry32 } from './prng.core.js'
import { encodeTelemetryBatch } from './batch-encoder.js'

describe('hand-written TelemetryBatch encoder', () => {
  it('decodes with the generated code to exactly what was encoded', () => {
    const r = mulberry32(9)
    for (let round = 0; round < 300; round++) {
      const n = r.int(1, 60)
      const base = r.int(0, 2) === 0 ? r.int(0, 1000) : Date.UTC(2026, 0, 1) + r.int(0, 1e9)
      const ids = Array.from({ length: n }, () => r.int(1, 300))
      const values = Array.from({ length: n }, () => (r.chance(0.2) ? 0 : r.chance(0.5) ? r.int(-1000, 1000) : r.normal(0, 1e4)))
      const ts: number[] = []
      for (let i = 0, t = base; i < n; i++, t += r.int(0, 400_000)) ts.push(t) // samples come in time order
      const seq = r.chance(0.1) ? 2 ** 40 + r.int(0, 1e6) : r.int(1, 1e6)
      const session = r.int(0, 70_000)
      const from = r.int(0, n - 1)
      const to = r.int(from + 1, n)
      const d = fleetwire.v1.TelemetryBatch.decode(encodeTelemetryBatch(seq, session, ids, values, ts, from, to))
      expect(d.seq).toBe(seq)
      expect(d.session).toBe(session)
      expect(d.baseTimeMs).toBe(ts[from])
      expect(d.samples.map((s) => [s.signalId, s.value, s.offsetMs])).toEqual(
        ids.slice(from, to).map((id, k) => [id, values[from + k], ts[from + k]! - ts[from]!]))
    }
  })
})
