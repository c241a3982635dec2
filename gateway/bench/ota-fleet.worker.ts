/**
 * bench:ota's simulated vehicles, on their own thread: 10,000 firmware-sim
 * OtaAgents verify offers (Ed25519), ask their drivers, download over real
 * HTTP and report. Running them beside the gateway's event loop would charge
 * the vehicles' work (signature checks, hashing, HTTP clients) to the
 * gateway being measured; a worker thread keeps them in process but off it.
 *
 * Protocol (structured-clone messages, see OtaFleetMessage in ota-fleet.ts):
 * main → worker `offer` (an ota/offer payload for one vehicle) and `ack`
 * (a report was processed, or failed); worker → main `report` (an OtaStatus
 * to hand to ingest; the agent waits for its ack, as for a PUBACK).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { OtaAgent } from '../../firmware-sim/src/ota/ota-agent.js'
import { pinKey } from '../../firmware-sim/src/ota/verify-offer.core.js'
import { mulberry32 } from '../../firmware-sim/src/prng.core.js'
import { limiter } from './limiter.js'
import type { OtaFleetInit, ToFleet, FromFleet } from './ota-fleet.js'

const port = parentPort
if (port === null) throw new Error('ota-fleet.worker must run as a worker thread')
const init = workerData as OtaFleetInit
const post = (m: FromFleet) => port.postMessage(m)
const pinned = pinKey(Buffer.from(init.publicKeyRaw))
const fetchLimit = limiter(init.fetchConcurrency)
const waiting = new Map<number, { resolve: () => void, reject: (err: Error) => void }>()
let nextReport = 0

const agents = init.vehicles.map((v, n) => new OtaAgent({
  vehicleId: v.id, password: v.password, pinned, inventory: init.ecus.map((e) => ({ ...e })), rng: mulberry32(n + 1),
  driver: { accept: 1, postpone: 0, decline: 0 }, installFailureRate: 0, soakDtcRate: 0, downloadDropRate: 0, stepMs: 0, soakMs: () => 0,
  preconditions: () => ({ parked: true, socPct: 80, charging: false, auxBatteryV: 12.6 }),
  send: (status) => new Promise<void>((resolve, reject) => {
    const id = nextReport++
    waiting.set(id, { resolve, reject })
    post({ type: 'report', id, vehicle: n, payload: status })
  }),
  fetch: (url, opts) => fetchLimit(() => fetch(url, opts)),
}))

port.on('message', (m: ToFleet) => {
  if (m.type === 'ack') {
    const w = waiting.get(m.id)
    waiting.delete(m.id)
    if (m.error === undefined) w?.resolve()
    else w?.reject(new Error(m.error))
    return
  }
  if (m.type === 'driver') {
    for (const n of m.vehicles) if (agents[n] !== undefined) (agents[n] as OtaAgent).o.driver = m.profile
    return
  }
  const a = agents[m.vehicle]
  if (a !== undefined) void a.onOffer(Buffer.from(m.payload)).catch((err: unknown) => post({ type: 'error', vehicle: m.vehicle, error: String(err) }))
})
post({ type: 'ready' })
