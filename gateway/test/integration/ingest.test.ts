import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fleetwire, signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

const SPEED = signalId('Vehicle.Speed')
const SOC = signalId('Vehicle.Powertrain.TractionBattery.StateOfCharge.Current')
const LV = signalId('Vehicle.LowVoltageBattery.CurrentVoltage')

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

async function rowsOf (v: Provisioned): Promise<Array<{ signal_id: number, ts: Date, value: number }>> {
  const { rows } = await db.query(
    'SELECT t.signal_id, t.ts, t.value FROM telemetry_samples t JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1 ORDER BY t.ts, t.signal_id', [v.id])
  return rows
}

describe('telemetry ingest over real MQTT into PostgreSQL', () => {
  it('stores a batch with the right values and times, committed by the time the PUBACK arrives', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const base = Date.UTC(2026, 10, 27, 8, 0, 0) + (Date.now() % 1000) // a recent, exact millisecond
    const t0 = Math.min(base, Date.now() - 60_000)
    await publish(c, v.id, 'telemetry', telemetryPayload(1, t0, [[SPEED, 87.25, 0], [SOC, 64.5, 0], [SPEED, 88.5, 1000], [LV, 12.61, 1500]]))
    // no waiting: QoS 1 is acknowledged only after the commit
    const rows = await rowsOf(v)
    expect(rows.map((r) => [r.signal_id, r.ts.getTime() - t0, r.value])).toEqual([
      [SPEED, 0, 87.25], [SOC, 0, 64.5], [SPEED, 1000, 88.5], [LV, 1500, 12.61],
    ])
    c.end(true)
  })

  it('a replayed batch adds no rows', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const payload = telemetryPayload(7, Date.now() - 5000, [[SPEED, 50, 0], [SOC, 80, 0]])
    await publish(c, v.id, 'telemetry', payload)
    await publish(c, v.id, 'telemetry', payload)
    await publish(c, v.id, 'telemetry', payload)
    expect(await rowsOf(v)).toHaveLength(2)
    const stats = await (await api(gw, `/vehicles/${v.id}/ingest`)).json()
    expect(stats).toMatchObject({ messages: 3, replayedBatches: 2 })
    c.end(true)
  })

  it('works the same over MQTT over WebSocket', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.wsUrl, v)
    await publish(c, v.id, 'telemetry', telemetryPayload(1, Date.now() - 1000, [[SPEED, 33, 0]]))
    expect(await rowsOf(v)).toHaveLength(1)
    c.end(true)
  })

  it('stores the good samples of a batch and counts the rejected ones per reason', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const now = Date.now()
    await publish(c, v.id, 'telemetry', telemetryPayload(1, now - 1000, [[SPEED, 10], [SOC, 150], [4242, 1], [SPEED, 11, 10]]))
    await publish(c, v.id, 'telemetry', telemetryPayload(2, now + 3_600_000, [[SPEED, 12]]))
    expect((await rowsOf(v)).map((r) => r.value)).toEqual([10, 11])
    const stats = await (await api(gw, `/vehicles/${v.id}/ingest`)).json()
    expect(stats).toMatchObject({ samplesAccepted: 2, samplesRejected: { out_of_range: 1, unknown_signal: 1, future_timestamp: 1 } })
    const metrics = await (await fetch(`${gw.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/fleetwire_ingest_samples_rejected_total\{reason="unknown_signal"\} [1-9]/)
    c.end(true)
  })

  it('counts sequence gaps and stores late store-and-forward batches in time order', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const t = Date.now() - 600_000
    await publish(c, v.id, 'telemetry', telemetryPayload(10, t, [[SPEED, 1]]))
    await publish(c, v.id, 'telemetry', telemetryPayload(13, t + 3000, [[SPEED, 4]]))
    expect(await (await api(gw, `/vehicles/${v.id}/ingest`)).json()).toMatchObject({ sequenceGaps: 2 })
    await publish(c, v.id, 'telemetry', telemetryPayload(12, t + 2000, [[SPEED, 3]]))
    await publish(c, v.id, 'telemetry', telemetryPayload(11, t + 1000, [[SPEED, 2]]))
    expect((await rowsOf(v)).map((r) => r.value)).toEqual([1, 2, 3, 4])
    expect(await (await api(gw, `/vehicles/${v.id}/ingest`)).json()).toMatchObject({ lateBatches: 2 })
    c.end(true)
  })

  it('serves the latest value per signal and raw and bucketed history', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const t = Date.now() - 3_600_000
    const samples: Array<[number, number, number]> = []
    for (let i = 0; i < 60; i++) samples.push([SPEED, i, i * 60_000])
    samples.push([SOC, 55, 0])
    await publish(c, v.id, 'telemetry', telemetryPayload(1, t, samples))
    const latest = await (await api(gw, `/vehicles/${v.id}/signals/latest`)).json() as Array<{ name: string, value: number }>
    expect(latest.find((s) => s.name === 'Vehicle.Speed')?.value).toBe(59)
    expect(latest.find((s) => s.name.endsWith('StateOfCharge.Current'))?.value).toBe(55)

    const from = new Date(t).toISOString()
    const to = new Date(t + 3_600_000).toISOString()
    const raw = await (await api(gw, `/vehicles/${v.id}/signals/Vehicle.Speed/history?from=${from}&to=${to}`)).json() as { resolution: string, points: unknown[] }
    expect(raw.resolution).toBe('raw')
    expect(raw.points).toHaveLength(60)
    const bucketed = await (await api(gw, `/vehicles/${v.id}/signals/${SPEED}/history?from=${from}&to=${to}&bucket=900`)).json() as { resolution: string, points: Array<{ count: number, min: number, max: number }> }
    expect(bucketed.resolution).toBe('bucket')
    expect(bucketed.points.reduce((n, p) => n + p.count, 0)).toBe(60)
    expect(Math.min(...bucketed.points.map((p) => p.min))).toBe(0)
    expect(Math.max(...bucketed.points.map((p) => p.max))).toBe(59)
    c.end(true)
  })

  it('birth makes a vehicle online with its inventory; the will makes it offline', async () => {
    const v = await provision(gw)
    const will = { topic: `v/${v.id}/death`, payload: Buffer.from(fleetwire.v1.DeathCertificate.encode({ session: 3, reason: 1 }).finish()), qos: 1 as const, retain: false }
    const c = await connectVehicle(gw.mqttUrl, v, { will })
    await publish(c, v.id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({
      session: 3, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_DRIVING, ignitionOn: true,
      ecus: [{ ecuId: 'BMS', hardwareId: 'BMS-HW-2', softwareVersion: '4.1.0' }], catalogVersion: '1.0.0',
    }).finish()))
    const online = await (await api(gw, `/vehicles/${v.id}`)).json()
    expect(online).toMatchObject({ online: true, powerState: 'driving', session: 3, ecus: [{ ecuId: 'BMS', softwareVersion: '4.1.0' }] })
    c.stream.destroy() // link lost: the broker publishes the will
    const offline = await waitFor(async () => {
      const body = await (await api(gw, `/vehicles/${v.id}`)).json() as { online: boolean, powerState: string }
      return body.powerState === 'offline' && !body.online ? body : undefined
    }, 5000, 'death certificate applied')
    expect(offline.online).toBe(false)
  })

  it('stores DTC events idempotently with their freeze frame', async () => {
    const v = await provision(gw)
    const c = await connectVehicle(gw.mqttUrl, v)
    const payload = Buffer.from(fleetwire.v1.DiagnosticEvent.encode({
      code: 'P0A80', ecuId: 'BMS', status: 0x09, action: 1, timeMs: Date.now() - 1000, freezeFrame: [{ signalId: SOC, value: 41, offsetMs: 0 }],
    }).finish())
    await publish(c, v.id, 'dtc', payload)
    await publish(c, v.id, 'dtc', payload)
    const { rows } = await db.query('SELECT d.code, d.status, d.freeze_frame FROM diagnostic_events d JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1', [v.id])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ code: 'P0A80', status: 9, freeze_frame: [{ signalId: SOC, value: 41 }] })
    c.end(true)
  })
})
