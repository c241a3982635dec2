import { readFile, rename, writeFile } from 'node:fs/promises'
import type { VehicleSpec } from './fleet-plan.core.js'

/** What the gateway needs to register a vehicle (POST /vehicles). */
export interface VehicleRegistration {
  readonly id: string
  readonly model: string
  readonly region: string
  readonly fleet: string
  readonly timeZone: string
  readonly country: string
}

/** Registers one vehicle and returns its MQTT secret. Passed in as a function, so an embedding gateway can register in-process. */
export type Registrar = (v: VehicleRegistration) => Promise<string>

export function registrationOf (v: VehicleSpec): VehicleRegistration {
  return { id: v.vin, model: v.model, region: v.region, fleet: v.fleet, timeZone: v.timeZone, country: v.city.country }
}

/**
 * Registers through the gateway's REST API with the admin token. A vehicle
 * that already exists (409) gets new credentials (rotate), since the old
 * secret was shown only once.
 */
export function restRegistrar (opts: { apiUrl: string, token: string }): Registrar {
  const base = opts.apiUrl.replace(/\/+$/, '')
  const headers = { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' }
  return async (v) => {
    const res = await fetch(`${base}/vehicles`, { method: 'POST', headers, body: JSON.stringify(v) })
    if (res.status === 201) return ((await res.json()) as { credentials: { password: string } }).credentials.password
    if (res.status === 409) {
      const rot = await fetch(`${base}/vehicles/${v.id}/credentials/rotate`, { method: 'POST', headers: { authorization: headers.authorization } })
      if (rot.ok) return ((await rot.json()) as { password: string }).password
      throw new Error(`rotating credentials of ${v.id}: HTTP ${rot.status} ${await rot.text()}`)
    }
    throw new Error(`registering ${v.id}: HTTP ${res.status} ${await res.text()}`)
  }
}

/** Registers every vehicle without a secret yet, `concurrency` requests at a time. */
export async function provisionAll (vehicles: readonly VehicleSpec[], register: Registrar, known: ReadonlyMap<string, string> = new Map(), concurrency = 16): Promise<Map<string, string>> {
  const out = new Map(known)
  const todo = vehicles.filter((v) => !out.has(v.vin))
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < todo.length; i = next++) {
      const v = todo[i] as VehicleSpec
      out.set(v.vin, await register(registrationOf(v)))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker))
  return out
}

/**
 * Credentials file: `{ "<VIN>": "<secret>", ... }` (or an array of
 * `{ username, password }`, as the API returns them). Missing file = empty.
 */
export async function readCredentialsFile (path: string): Promise<Map<string, string>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
    throw err
  }
  const json: unknown = JSON.parse(text)
  if (Array.isArray(json)) {
    return new Map(json.map((c: { username?: unknown, password?: unknown }) => {
      if (typeof c.username !== 'string' || typeof c.password !== 'string') throw new Error(`${path}: entries need username and password`)
      return [c.username, c.password]
    }))
  }
  if (typeof json !== 'object' || json === null) throw new Error(`${path}: expected an object of VIN → secret`)
  return new Map(Object.entries(json as Record<string, unknown>).map(([k, v]) => {
    if (typeof v !== 'string') throw new Error(`${path}: the secret of ${k} must be a string`)
    return [k, v]
  }))
}

/** Written with mode 0600 and an atomic rename: it holds secrets. */
export async function writeCredentialsFile (path: string, creds: ReadonlyMap<string, string>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`
  await writeFile(tmp, JSON.stringify(Object.fromEntries(creds), null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, path)
}
