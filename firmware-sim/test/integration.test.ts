import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
// Test-only glue: the simulator's src never imports gateway code.
import { ADMIN_TOKEN, api, startGateway, waitFor, type TestGateway } from '../../gateway/test/helper.js'
import { pinnedSimStart, startFleet, type Fleet } from '../src/index.js'

let gw: TestGateway
let db: pg.Pool

beforeAll(async () => {
  gw = await startGateway()
  db = new pg.Pool({ connectionString: gw.databaseUrl, max: 2 })
})
afterAll(async () => {
  await db.end()
  await gw.close()
  await gw.dropDatabase()
})

async function rowCount (vin: string, fromMs = 0, toMs = 8.64e15): Promise<number> {
  const { rows } = await db.query(
    'SELECT count(*)::int AS n FROM telemetry_samples t JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1 AND t.ts >= $2 AND t.ts < $3',
    [vin, new Date(fromMs), new Date(toMs)])
  return rows[0].n as number
}

async function ingest (vin: string): Promise<Record<string, unknown>> {
  return await (await api(gw, `/vehicles/${vin}/ingest`)).json() as Record<string, unknown>
}

const H = 3_600_000
// Accelerated runs start at a fixed UTC time of day (13:00 in Europe, 20:00 in Singapore): departures, sleep
// and wake-ups follow the vehicles' local time, so a start that followed the wall clock gave every run of the
// day a different schedule (at 21:00 UTC the first sleeper's next departure was 27 simulated hours away).
const pinned = (days: number) => pinnedSimStart(Date.now(), days, 12)

const allConnected = (fleet: Fleet, n: number) => () => fleet.stats().connected === n ? true : undefined

describe('firmware-sim against the real gateway', () => {
  it('provisions its vehicles, connects, and its births and telemetry land in the database', async () => {
    const fleet = await startFleet({ url: gw.mqttUrl, vehicles: 6, seed: 41, rate: 4, keepAwake: true, provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN } })
    try {
      await waitFor(allConnected(fleet, 6), 10_000, 'six vehicles connected')
      await new Promise((resolve) => setTimeout(resolve, 2500))
      for (const spec of fleet.vehicles) {
        const v = await (await api(gw, `/vehicles/${spec.vin}`)).json() as Record<string, unknown>
        expect(v).toMatchObject({ online: true, model: spec.model, region: spec.region, fleet: spec.fleet, timeZone: spec.timeZone, session: 1 })
        expect(v.ecus).toEqual(spec.ecus.map((e) => ({ ecuId: e.ecuId, hardwareId: e.hardwareId, softwareVersion: e.softwareVersion })))
        expect(await rowCount(spec.vin)).toBeGreaterThan(20)
        const counters = await ingest(spec.vin)
        expect(counters).toMatchObject({ malformed: {}, sequenceGaps: 0, lateBatches: 0 })
        expect(counters.samplesRejected).toEqual({})
      }
      const latest = await (await api(gw, `/vehicles/${fleet.vehicles[0]!.vin}/signals/latest`)).json() as Array<{ signalId: number }>
      expect(latest.map((s) => s.signalId)).toContain(signalId('Vehicle.Powertrain.TractionBattery.StateOfCharge.Current'))
    } finally {
      await fleet.stop()
    }
    const after = await (await api(gw, `/vehicles/${fleet.vehicles[0]!.vin}`)).json() as Record<string, unknown>
    expect(after.online).toBe(false)
  }, 60_000)

  it('bridges an outage: buffered batches arrive afterwards with their original times, nothing lost, nothing twice', async () => {
    // Same seed and size as above: the vehicles exist, so provisioning rotates their credentials (409 path).
    const fleet = await startFleet({ url: gw.mqttUrl, vehicles: 6, seed: 41, rate: 4, keepAwake: true, provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN } })
    const vin = fleet.vehicles[2]!.vin
    const before = await rowCount(vin)
    let outageStart = 0
    let outageEnd = 0
    try {
      await waitFor(allConnected(fleet, 6), 10_000, 'six vehicles connected')
      await new Promise((resolve) => setTimeout(resolve, 1000))
      outageStart = Date.now()
      fleet.outage(vin, 3000)
      await waitFor(async () => ((await (await api(gw, `/vehicles/${vin}`)).json()) as { online: boolean }).online ? undefined : true, 5000, 'will published on link loss')
      expect(fleet.unit(vin)!.link).toBe('outage')
      let buffered = 0
      await waitFor(() => {
        const u = fleet.unit(vin)!
        buffered = Math.max(buffered, u.recorder.spool.size)
        return u.link === 'online' ? true : undefined
      }, 10_000, 'reconnected')
      expect(buffered).toBeGreaterThan(6) // ~3 s at 4 batches/s
      outageEnd = Date.now()
      await waitFor(() => (fleet.unit(vin)!.recorder.spool.size === 0 ? true : undefined), 10_000, 'spool drained')
      await new Promise((resolve) => setTimeout(resolve, 500))
    } finally {
      await fleet.stop()
    }
    const unit = fleet.unit(vin)!
    expect(unit.outages).toBe(1)
    expect(unit.recorder.spool.stats()).toMatchObject({ size: 0, dropped: 0 })
    // Every sample recorded made it into the database exactly once (PK: vehicle, signal, ts).
    expect(await rowCount(vin) - before).toBe(unit.recorder.samples)
    // Including those recorded while the vehicle was off the air, stamped when they were taken.
    expect(await rowCount(vin, outageStart + 500, outageStart + 2500)).toBeGreaterThan(10)
    const counters = await ingest(vin)
    expect(counters).toMatchObject({ sequenceGaps: 0, lateBatches: 0 })
    expect(counters.samplesRejected).toEqual({})
    const v = await (await api(gw, `/vehicles/${vin}`)).json() as { session: number }
    expect(v.session).toBe(2) // a new birth after the outage
    expect(outageEnd).toBeGreaterThan(outageStart)
  }, 60_000)

  it('time-accelerated, stamps weeks of simulated time in the past, none rejected, and its faults set their DTCs', async () => {
    const fleet = await startFleet({ url: gw.mqttUrl, vehicles: 4, seed: 77, speed: 3600 * 24, simStartMs: pinned(12), faults: '100%', provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN } })
    try {
      // 12 simulated days at one simulated day per real second: caught up after about 12 s.
      await waitFor(() => (fleet.stats().dtcsSet >= 4 ? true : undefined), 40_000, 'every faulty vehicle set its DTC')
      await waitFor(() => (fleet.stats().buffered === 0 ? true : undefined), 10_000, 'spools drained')
    } finally {
      await fleet.stop()
    }
    const truth = fleet.groundTruth()
    expect(truth.faults).toHaveLength(4)
    for (const f of truth.faults) {
      expect(f.dtcSetAt).not.toBeNull()
      const { rows } = await db.query('SELECT d.code FROM diagnostic_events d JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1', [f.vehicleId])
      expect(rows.map((r) => r.code)).toContain(f.dtc)
      const counters = await ingest(f.vehicleId)
      expect(counters.samplesRejected).toEqual({})
      const { rows: span } = await db.query('SELECT min(t.ts) AS first, max(t.ts) AS last FROM telemetry_samples t JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1', [f.vehicleId])
      expect(Date.now() - (span[0].first as Date).getTime()).toBeGreaterThan(10 * 86_400_000)
      expect((span[0].last as Date).getTime()).toBeLessThanOrEqual(Date.now())
    }
  }, 90_000)

  it('a vehicle that goes to sleep says so (GOING_TO_SLEEP) and comes back with a new session when it wakes', async () => {
    // At 3600x a night's sleep is seconds of real time; sleeps of more than 1 s really disconnect.
    const fleet = await startFleet({ url: gw.mqttUrl, vehicles: 4, seed: 5, speed: 3600, simStartMs: pinned(2), minRealSleepMs: 1000, provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN } })
    try {
      // A sleeper that wakes to drive off 3 to 15 simulated hours from now (seconds at 3600x): long enough for
      // the gateway to see it asleep, short enough to wait for. Periodic check-ins (3 simulated minutes) are
      // over before the link could come up at this speed, so they do not count.
      const sleeper = await waitFor(() => fleet.vehicles.find((v) => {
        const u = fleet.unit(v.vin)!
        const left = u.state.phaseEndMs - fleet.stats().simTimeMs
        return u.link === 'sleeping' && u.session > 0 && u.state.phaseEndMs === u.state.nextDepartureMs && left > 3 * H && left < 15 * H
      }), 30_000, 'a vehicle asleep until its next trip')
      const session = fleet.unit(sleeper.vin)!.session
      const record = await waitFor(async () => {
        const v = await (await api(gw, `/vehicles/${sleeper.vin}`)).json() as { online: boolean, powerState: string }
        return v.powerState === 'asleep' && !v.online ? v : undefined
      }, 5000, 'gateway sees the vehicle asleep')
      expect(record.powerState).toBe('asleep')
      await waitFor(() => (fleet.unit(sleeper.vin)!.link === 'online' && fleet.unit(sleeper.vin)!.session > session ? true : undefined), 20_000, 'woke up and reconnected')
      await waitFor(async () => ((await (await api(gw, `/vehicles/${sleeper.vin}`)).json()) as { online: boolean }).online ? true : undefined, 5000, 'online again')
    } finally {
      await fleet.stop()
    }
  }, 90_000)

  it('answers the gateway\'s remote diagnostics from its own state: read DTCs with freeze frames, read the VIN, clear on a parked vehicle', async () => {
    // 100 % faults at 3600x over 20 simulated days: every vehicle has reached its hard failure and holds its DTC.
    const fleet = await startFleet({ url: gw.mqttUrl, vehicles: 2, seed: 77, speed: 3600 * 24, simStartMs: pinned(12), faults: '100%', keepAwake: true, provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN } })
    try {
      const f = await waitFor(() => fleet.groundTruth().faults.find((x) => x.dtcSetAt !== null), 30_000, 'a DTC set')
      await waitFor(() => fleet.unit(f.vehicleId)?.link === 'online' ? true : undefined, 10_000, 'vehicle online')
      const post = (cmd: string, body: object) => api(gw, `/vehicles/${f.vehicleId}/diagnostics/${cmd}`, { method: 'POST', body: JSON.stringify(body) })
      const read = await (await post('read-dtcs', { statusMask: 0x08 })).json() as { result: { dtcs: Array<{ code: string, freezeFrame: unknown[] }> } }
      const dtc = read.result.dtcs.find((d) => d.code === f.dtc)
      expect(dtc?.freezeFrame.length).toBeGreaterThan(0)
      expect(await (await post('read-data', { did: 0xf190 })).json()).toMatchObject({ result: { kind: 'read_data', text: f.vehicleId } })
      const simBeforeClear = fleet.stats().simTimeMs
      const clear = await post('clear-dtcs', {})
      // Parked (ignition off) it clears; while driving the gateway refuses before asking the vehicle.
      if (clear.status === 200) {
        const cleared = await clear.json() as { result: { kind: string, cleared: number } }
        expect(cleared.result.kind).toBe('clear_dtc')
        expect(cleared.result.cleared).toBeGreaterThanOrEqual(1)
        const after = await (await post('read-dtcs', { statusMask: 0x08 })).json() as { result: { dtcs: Array<{ code: string }> } }
        // A fault still present sets its code again at the vehicle's next check (at 86,400x within
        // milliseconds, and whether it shows depends on the simulated time of day): then it is a new
        // record, first set after the clear, not the one cleared.
        if (after.result.dtcs.some((d) => d.code === f.dtc)) {
          expect(fleet.unit(f.vehicleId)!.state.dtc.get(f.dtc)!.firstSetMs).toBeGreaterThanOrEqual(simBeforeClear)
        }
      } else {
        expect(await clear.json()).toMatchObject({ code: 'GW_DIAG_NOT_PARKED' })
      }
    } finally {
      await fleet.stop()
    }
  }, 90_000)
})
