import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SIGNALS, fleetwire, signalId } from './src/index.js'

describe('wire contract', () => {
  it('generated/ is what `npm run proto:gen` makes from the .proto files', () => {
    const out = mkdtempSync(join(tmpdir(), 'fw-proto-'))
    try {
      execFileSync(process.execPath, [join(import.meta.dirname, 'scripts', 'generate.mjs'), out], { stdio: 'pipe' })
      for (const f of ['fleetwire.js', 'fleetwire.d.ts']) {
        expect(readFileSync(join(out, f), 'utf8'), `${f} is stale: run npm run proto:gen`).toBe(readFileSync(join(import.meta.dirname, 'generated', f), 'utf8'))
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 60_000)

  it('round-trips a telemetry batch with 64-bit fields as plain numbers', () => {
    const batch = { seq: 2 ** 40 + 7, baseTimeMs: Date.UTC(2026, 10, 27), session: 3, samples: [{ signalId: signalId('Vehicle.Speed'), value: 88.5, offsetMs: 250 }] }
    const decoded = fleetwire.v1.TelemetryBatch.decode(fleetwire.v1.TelemetryBatch.encode(batch).finish())
    expect(decoded.seq).toBe(batch.seq)
    expect(decoded.baseTimeMs).toBe(batch.baseTimeMs)
    expect(fleetwire.v1.TelemetryBatch.decode(fleetwire.v1.TelemetryBatch.encode({ seq: 0, baseTimeMs: 1, samples: [] }).finish()).seq).toBe(0)
  })

  it('has a catalog of at least 20 signals with unique ids and names, VSS-named, with sane ranges', () => {
    expect(SIGNALS.length).toBeGreaterThanOrEqual(20)
    expect(new Set(SIGNALS.map((s) => s.id)).size).toBe(SIGNALS.length)
    expect(new Set(SIGNALS.map((s) => s.name)).size).toBe(SIGNALS.length)
    for (const s of SIGNALS) {
      expect(s.name.startsWith('Vehicle.'), s.name).toBe(true)
      expect(s.min, s.name).toBeLessThan(s.max)
      expect(s.id, s.name).toBeLessThan(2 ** 15) // stored as smallint
    }
  })
})
