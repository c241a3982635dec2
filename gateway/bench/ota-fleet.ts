/** The gateway's side of bench:ota's vehicle thread (ota-fleet.worker.ts): types and the bridge. */
import { Worker } from 'node:worker_threads'

export interface OtaFleetInit {
  readonly vehicles: ReadonlyArray<{ readonly id: string, readonly password: string }>
  readonly ecus: ReadonlyArray<{ readonly ecuId: string, readonly hardwareId: string, readonly softwareVersion: string }>
  /** The signer's raw Ed25519 public key: what the vehicles pin. */
  readonly publicKeyRaw: Uint8Array
  readonly fetchConcurrency: number
}
export type ToFleet =
  | { type: 'offer', vehicle: number, payload: Uint8Array }
  | { type: 'driver', vehicles: number[], profile: { accept: number, postpone: number, decline: number } }
  | { type: 'ack', id: number, error?: string }
export type FromFleet =
  | { type: 'ready' }
  | { type: 'report', id: number, vehicle: number, payload: Uint8Array }
  | { type: 'error', vehicle: number, error: string }

/**
 * Starts the vehicles' thread. `onReport` is what the broker would do with
 * the vehicle's QoS 1 publish; its settling is the PUBACK the agent awaits.
 */
export async function startOtaFleet (init: OtaFleetInit, onReport: (vehicle: number, payload: Buffer) => Promise<void>, onError: (vehicle: number, error: string) => void) {
  // tsx's loader is registered inside the worker (ota-fleet.boot.mjs): workers do not inherit it on Node 20.
  const worker = new Worker(new URL('./ota-fleet.boot.mjs', import.meta.url), {
    workerData: { ...init, entry: new URL('./ota-fleet.worker.ts', import.meta.url).href },
  })
  // Never what keeps the bench process alive (a failed run must still exit).
  worker.unref()
  const send = (m: ToFleet) => worker.postMessage(m)
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.on('message', (m: FromFleet) => {
      if (m.type === 'ready') resolve()
      else if (m.type === 'error') onError(m.vehicle, m.error)
      else {
        onReport(m.vehicle, Buffer.from(m.payload)).then(
          () => send({ type: 'ack', id: m.id }),
          (err: unknown) => send({ type: 'ack', id: m.id, error: String(err) }))
      }
    })
  })
  return {
    offer: (vehicle: number, payload: Buffer) => send({ type: 'offer', vehicle, payload }),
    /** How these vehicles' drivers answer from now on. */
    driver: (vehicles: number[], profile: { accept: number, postpone: number, decline: number }) => send({ type: 'driver', vehicles, profile }),
    stop: () => worker.terminate(),
  }
}
