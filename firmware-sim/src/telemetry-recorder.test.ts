import { describe, expect, it } from 'vitest'
import { CATALOG_VERSION, fleetwire } from '@fleetwire/proto'
import { MAX_SAMPLES_PER_BATCH, TelemetryRecorder } from './telemetry-recorder.js'
import { encodeDeath, encodeStatus } from './wire-codec.js'

describe('telemetry batches on the wire', () => {
  it('batches the recorded samples with seq +1 per batch, base time and offsets', () => {
    const r = new TelemetryRecorder(10)
    r.add(1, 50.5, 1_000_000)
    r.add(10, 64.2, 1_000_000)
    r.add(1, 52, 1_001_000)
    expect(r.flush(3)).toBe(1)
    expect(r.flush(3)).toBe(0) // nothing new: no empty batch
    r.add(1, 53, 1_002_000)
    r.flush(4)
    const [a, b] = [r.spool.take()!, r.spool.take()!]
    const first = fleetwire.v1.TelemetryBatch.decode(a.message.payload)
    expect(first).toMatchObject({ seq: 1, baseTimeMs: 1_000_000, session: 3 })
    expect(first.samples.map((s) => [s.signalId, s.value, s.offsetMs])).toEqual([[1, 50.5, 0], [10, 64.2, 0], [1, 52, 1000]])
    expect(fleetwire.v1.TelemetryBatch.decode(b.message.payload)).toMatchObject({ seq: 2, session: 4 })
    expect(r.lastSeq).toBe(2)
  })

  it('splits a large backlog into several batches', () => {
    const r = new TelemetryRecorder(10)
    for (let i = 0; i < MAX_SAMPLES_PER_BATCH * 2 + 5; i++) r.add(1, i % 300, 1000 + i)
    expect(r.flush(1)).toBe(3)
    expect(r.spool.size).toBe(3)
  })

  it('encodes births and deaths per the contract', () => {
    const status = fleetwire.v1.VehicleStatus.decode(encodeStatus({ session: 2, timeMs: 5, phase: 'driving', ignitionOn: true, ecus: [{ ecuId: 'BMS', hardwareId: 'H', softwareVersion: '1.0.0' }], lastSeq: 9 }))
    expect(status).toMatchObject({ session: 2, powerState: fleetwire.v1.PowerState.POWER_STATE_DRIVING, ignitionOn: true, catalogVersion: CATALOG_VERSION, lastSeq: 9 })
    expect(fleetwire.v1.DeathCertificate.decode(encodeDeath(2, 'going-to-sleep'))).toMatchObject({ session: 2, reason: fleetwire.v1.DeathCertificate.Reason.REASON_GOING_TO_SLEEP })
  })
})
