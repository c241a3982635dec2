import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { fleetwire, signalId, vehicleTopic } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, connectVehicle, provision, publish, startGateway, waitFor } from '../helper.js'

let gw: TestGateway
beforeAll(async () => { gw = await startGateway({ DIAG_TIMEOUT_MS: '800', DIAG_COMMANDS_PER_MIN: '6' }) })
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

type Req = ReturnType<typeof fleetwire.v1.CommandRequest.decode>

/** A scripted telematics unit: answers each request with what `answer` returns (undefined = stays silent). */
async function scriptedVehicle (v: Provisioned, answer: (r: Req) => Parameters<typeof fleetwire.v1.CommandResponse.encode>[0] | undefined): Promise<MqttClient> {
  const c = await connectVehicle(gw.mqttUrl, v)
  await new Promise((resolve) => c.subscribe(vehicleTopic(v.id, 'cmd/req'), { qos: 1 }, resolve))
  c.on('message', (_topic, payload) => {
    const req = fleetwire.v1.CommandRequest.decode(payload)
    const res = answer(req)
    if (res !== undefined) c.publish(vehicleTopic(v.id, 'cmd/res'), Buffer.from(fleetwire.v1.CommandResponse.encode(res).finish()), { qos: 1 })
  })
  return c
}

async function birth (c: MqttClient, v: Provisioned, powerState: number, ignitionOn: boolean): Promise<void> {
  await publish(c, v.id, 'status', Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: 1, timeMs: Date.now(), powerState, ignitionOn }).finish()))
}

const post = (id: string, cmd: string, body: object) => api(gw, `/vehicles/${id}/diagnostics/${cmd}`, { method: 'POST', body: JSON.stringify(body) })

describe('remote diagnostics over MQTT', () => {
  it('reads DTCs with freeze frames, clears them on a parked vehicle and verifies the clear; all audited', async () => {
    const v = await provision(gw)
    let stored = [{ code: 'P0A80', ecuId: 'BMS', status: 0x09, freezeFrame: [{ signalId: signalId('Vehicle.Powertrain.TractionBattery.StateOfCharge.Current'), value: 41 }] }]
    const c = await scriptedVehicle(v, (r) => {
      if (r.readDtc != null) return { correlationId: r.correlationId, readDtc: { dtcs: stored } }
      if (r.clearDtc != null) {
        const cleared = stored.length
        stored = []
        return { correlationId: r.correlationId, clearDtc: { cleared } }
      }
      return { correlationId: r.correlationId, readData: { did: r.readData?.did ?? 0, value: Buffer.from(v.id), text: v.id } }
    })
    await birth(c, v, fleetwire.v1.PowerState.POWER_STATE_AWAKE, false)
    await publish(c, v.id, 'dtc', Buffer.from(fleetwire.v1.DiagnosticEvent.encode({ code: 'P0A80', ecuId: 'BMS', status: 0x09, action: 1, timeMs: Date.now() - 5000 }).finish()))

    const read = await post(v.id, 'read-dtcs', { statusMask: 0x08 })
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ result: { kind: 'read_dtc', dtcs: [{ code: 'P0A80', statusBits: { confirmed: true }, freezeFrame: [{ signal: 'Vehicle.Powertrain.TractionBattery.StateOfCharge.Current', value: 41 }] }] } })
    expect(await (await api(gw, `/vehicles/${v.id}/dtcs`)).json()).toMatchObject([{ code: 'P0A80', phase: 'confirmed' }])

    expect((await post(v.id, 'clear-dtcs', {})).status).toBe(200)
    expect(await (await api(gw, `/vehicles/${v.id}/dtcs`)).json()).toMatchObject([{ code: 'P0A80', phase: 'cleared' }])
    await post(v.id, 'read-dtcs', {})
    expect(await (await api(gw, `/vehicles/${v.id}/dtcs`)).json()).toMatchObject([{ code: 'P0A80', phase: 'verified_cleared' }])

    const vin = await post(v.id, 'read-data', { did: 0xf190 })
    expect(await vin.json()).toMatchObject({ result: { kind: 'read_data', did: 0xf190, text: v.id } })
    const audit = await (await api(gw, `/vehicles/${v.id}/diagnostics/commands`)).json() as Array<{ kind: string, status: string, requestedBy: string }>
    expect(audit.map((a) => `${a.kind}:${a.status}`)).toEqual(['read_data:succeeded', 'read_dtc:succeeded', 'clear_dtc:succeeded', 'read_dtc:succeeded'])
    expect(audit[0]?.requestedBy).toMatch(/^token:/)
    c.end(true)
  })

  it('refuses to clear DTCs while driving (409), maps a negative response (502) and times out a silent vehicle (504)', async () => {
    const v = await provision(gw)
    let silent = false
    const c = await scriptedVehicle(v, (r) => silent ? undefined : { correlationId: r.correlationId, negative: { serviceId: 0x22, code: 0x31 } })
    await birth(c, v, fleetwire.v1.PowerState.POWER_STATE_DRIVING, true)
    const clear = await post(v.id, 'clear-dtcs', {})
    expect(clear.status).toBe(409)
    expect(await clear.json()).toMatchObject({ code: 'GW_DIAG_NOT_PARKED' })
    const neg = await post(v.id, 'read-data', { did: 0x1234 })
    expect(neg.status).toBe(502)
    expect((await neg.json() as { message: string }).message).toContain('requestOutOfRange')
    silent = true
    const timeout = await post(v.id, 'read-dtcs', {})
    expect(timeout.status).toBe(504)
    // 6 per minute: the refused clear took none; commands 3 to 6 are allowed (and time out), the 7th is limited
    for (let i = 0; i < 4; i++) await post(v.id, 'read-dtcs', {})
    expect((await post(v.id, 'read-dtcs', {})).status).toBe(429)
    c.end(true)
  })

  it('answers 409 for an offline vehicle and 409 for one that said it is asleep', async () => {
    const offline = await provision(gw)
    expect(await (await post(offline.id, 'read-dtcs', {})).json()).toMatchObject({ code: 'GW_DIAG_VEHICLE_OFFLINE' })
    const sleeper = await provision(gw)
    const c = await scriptedVehicle(sleeper, () => undefined)
    await birth(c, sleeper, fleetwire.v1.PowerState.POWER_STATE_ASLEEP, false)
    await waitFor(async () => (await api(gw, `/vehicles/${sleeper.id}`)).ok || undefined)
    const r = await post(sleeper.id, 'read-dtcs', {})
    expect(r.status).toBe(409)
    expect(await r.json()).toMatchObject({ code: 'GW_DIAG_VEHICLE_ASLEEP' })
    c.end(true)
  })

  it('queues a command for an offline vehicle when asked (202), sends it when the vehicle wakes up, and a clear only once it is parked', async () => {
    const v = await provision(gw)
    const read = await post(v.id, 'read-data', { did: 0xf190, queue: { expiresInS: 600 } })
    expect(read.status).toBe(202)
    const queued = await read.json() as { commandId: string, status: string, expiresAt: string, poll: string }
    expect(queued).toMatchObject({ status: 'queued', poll: `/vehicles/${v.id}/diagnostics/commands/${queued.commandId}` })
    expect(Date.parse(queued.expiresAt) - Date.now()).toBeGreaterThan(590_000)
    const clear = await (await post(v.id, 'clear-dtcs', { queue: {} })).json() as { commandId: string }
    const status = async (id: string) => (await (await api(gw, `/vehicles/${v.id}/diagnostics/commands/${id}`)).json() as { status: string, result: unknown }).status
    expect(await status(queued.commandId)).toBe('queued')

    const seen: string[] = []
    const c = await scriptedVehicle(v, (r) => {
      seen.push(r.readData != null ? 'read_data' : r.clearDtc != null ? 'clear_dtc' : 'other')
      if (r.clearDtc != null) return { correlationId: r.correlationId, clearDtc: { cleared: 0 } }
      return { correlationId: r.correlationId, readData: { did: 0xf190, value: Buffer.from(v.id), text: v.id } }
    })
    await birth(c, v, fleetwire.v1.PowerState.POWER_STATE_AWAKE, true)
    await waitFor(async () => await status(queued.commandId) === 'succeeded' || undefined, 5000, 'queued read sent on wake-up')
    const done = await (await api(gw, queued.poll)).json() as { result: unknown, requestedBy: string }
    expect(done).toMatchObject({ result: { kind: 'read_data', text: v.id }, requestedBy: expect.stringMatching(/^token:/) })
    expect(await status(clear.commandId)).toBe('queued') // ignition on: not parked yet
    await birth(c, v, fleetwire.v1.PowerState.POWER_STATE_AWAKE, false)
    await waitFor(async () => await status(clear.commandId) === 'succeeded' || undefined, 5000, 'queued clear sent once parked')
    expect(seen).toEqual(['read_data', 'clear_dtc'])
    c.end(true)
  })

  it('expires a queued command the vehicle did not wake up for, and never sends it afterwards', async () => {
    const v = await provision(gw)
    const q = await (await post(v.id, 'read-dtcs', { queue: { expiresInS: 1 } })).json() as { commandId: string, poll: string }
    await waitFor(async () => (await (await api(gw, q.poll)).json() as { status: string }).status === 'expired' || undefined, 8000, 'expiry')
    expect(await (await api(gw, q.poll)).json()).toMatchObject({ result: { code: 'GW_DIAG_QUEUE_EXPIRED' } })
    const seen: string[] = []
    const c = await scriptedVehicle(v, (r) => {
      seen.push(r.readDtc != null ? 'read_dtc' : r.readData != null ? 'read_data' : 'other')
      return r.readData != null ? { correlationId: r.correlationId, readData: { did: 0xf190, value: Buffer.from(v.id), text: v.id } } : undefined
    })
    await birth(c, v, fleetwire.v1.PowerState.POWER_STATE_AWAKE, false)
    await waitFor(async () => ((await (await api(gw, `/vehicles/${v.id}`)).json()) as { powerState: string }).powerState === 'awake' || undefined, 5000, 'awake')
    // A dispatch pass for the woken vehicle, run to its end, then a live command: whatever that pass had sent
    // would have reached the vehicle before the live command (one MQTT connection delivers in order).
    const { rows } = await gw.app.storage.pool.query<{ vehicle_key: number }>('SELECT vehicle_key FROM vehicles WHERE vehicle_id = $1', [v.id])
    expect(await gw.app.diagnostics.service.dispatchQueued(rows[0]!.vehicle_key)).toBe(0)
    const live = await post(v.id, 'read-data', { did: 0xf190 })
    expect(live.status).toBe(200)
    expect(seen).toEqual(['read_data'])
    c.end(true)
  })

  it('refuses queue options that make no sense, naming the field', async () => {
    const v = await provision(gw)
    const r = await post(v.id, 'read-dtcs', { queue: { expiresInS: 0 } })
    expect(r.status).toBe(400)
    expect((await r.json() as { message: string }).message).toContain('expiresInS')
    expect((await api(gw, `/vehicles/${v.id}/diagnostics/commands/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
  })
})
