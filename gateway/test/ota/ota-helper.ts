import { PASSWORD, createUser, login } from '../security/support.js'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startOtaVehicle, type OtaVehicle, type OtaVehicleOptions } from '../../../firmware-sim/src/ota/ota-vehicle.js'
import { api, provision, waitFor, type TestGateway } from '../helper.js'

export const BMS = { ecuId: 'BMS', hardwareId: 'HW-BMS-1', softwareVersion: '1.0.0' }

/** Gateway settings for fast OTA tests: a short scheduler period, artifacts and keys in a temp dir. */
export function otaEnv (extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-ota-'))
  return { OTA_TICK_MS: '100', DATA_DIR: dir, OTA_ARTIFACT_DIR: join(dir, 'artifacts'), OTA_SOAK_S: '1', ...extra }
}

export async function uploadArtifact (gw: TestGateway, body: Buffer, meta: Partial<{ ecu: string, version: string, hardwareIds: string, releaseNotes: Record<string, string> }> = {}): Promise<{ status: number, artifact: { id: string, size: number } }> {
  const q = new URLSearchParams({ ecu: meta.ecu ?? 'BMS', version: meta.version ?? '1.1.0', hardwareIds: meta.hardwareIds ?? BMS.hardwareId, releaseNotes: JSON.stringify(meta.releaseNotes ?? { en: 'Better range estimate', de: 'Bessere Reichweitenschätzung' }) })
  const res = await api(gw, `/ota/artifacts?${q.toString()}`, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'application/octet-stream' } })
  return { status: res.status, artifact: await res.json() as { id: string, size: number } }
}

export async function publicKey (gw: TestGateway): Promise<Uint8Array> {
  const res = await fetch(`${gw.httpUrl}/ota/keys`)
  const body = await res.json() as { keys: Array<{ publicKeyRaw: string }> }
  return Buffer.from((body.keys[0] as { publicKeyRaw: string }).publicKeyRaw, 'base64')
}

export interface TestFleet {
  readonly vehicles: OtaVehicle[]
  readonly ids: string[]
  readonly byId: Map<string, OtaVehicle>
  stop(): Promise<void>
}

/** Provisions n vehicles and connects an OTA-capable simulated unit for each (over real MQTT). */
export async function startFleet (gw: TestGateway, n: number, opts: Partial<OtaVehicleOptions> & { fleet?: (i: number) => string, timeZone?: (i: number) => string } = {}): Promise<TestFleet> {
  const key = await publicKey(gw)
  const vehicles: OtaVehicle[] = []
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, n - i) }, async (_, j) => {
      const p = await provision(gw, { fleet: opts.fleet?.(i + j) ?? 'fleet-a', ...(opts.timeZone === undefined ? {} : { timeZone: opts.timeZone(i + j) }) })
      return startOtaVehicle({ url: gw.mqttUrl, vehicleId: p.id, password: p.password, publicKeyRaw: key, ecus: [BMS], seed: i + j + 1, ...opts })
    }))
    vehicles.push(...batch)
  }
  const ids = vehicles.map((v) => v.agent.o.vehicleId)
  // Offers go only to vehicles whose birth has been recorded.
  await waitFor(async () => {
    const res = await api(gw, '/vehicles?limit=1000')
    const body = await res.json() as { items: Array<{ id: string, powerState: string, ecus: unknown[] }> }
    return ids.every((id) => body.items.some((v) => v.id === id && v.powerState === 'awake' && v.ecus.length > 0)) || undefined
  }, 15_000, 'births')
  return { vehicles, ids, byId: new Map(vehicles.map((v) => [v.agent.o.vehicleId, v])), stop: async () => { await Promise.all(vehicles.map((v) => v.stop())) } }
}

export interface CampaignView {
  id: string
  state: string
  currentWave: number
  pauseReason: string | null
  counts: Record<string, number>
  progress: { byState: Record<string, number>, byWave: Array<{ wave: number, size: number, byState: Record<string, number> }> }
  failureReasons: Record<string, number>
  events: Array<{ kind: string, actor: string, detail: unknown }>
}

export async function campaign (gw: TestGateway, id: string): Promise<CampaignView> {
  const res = await api(gw, `/ota/campaigns/${id}`)
  if (res.status !== 200) throw new Error(`campaign ${id}: ${res.status} ${await res.text()}`)
  return await res.json() as CampaignView
}

export async function createCampaign (gw: TestGateway, body: Record<string, unknown>): Promise<string> {
  const res = await api(gw, '/ota/campaigns', { method: 'POST', body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`create campaign: ${res.status} ${await res.text()}`)
  return (await res.json() as { id: string }).id
}

export async function control (gw: TestGateway, id: string, what: string): Promise<Response> {
  return api(gw, `/ota/campaigns/${id}/${what}`, { method: 'POST', body: '{}' })
}

export function waitForCampaign (gw: TestGateway, id: string, ok: (c: CampaignView) => boolean, timeoutMs = 30_000, what = 'campaign state'): Promise<CampaignView> {
  return waitFor(async () => {
    const c = await campaign(gw, id)
    return ok(c) ? c : undefined
  }, timeoutMs, what)
}

/** A token of another role, stored as the auth plugin stores tokens (until users arrive with the trust-api work). */
/** A fleet owner (of a tenant owning `fleets`) logged in through the users API. */
export async function ownerToken (gw: TestGateway, fleets: string[]): Promise<string> {
  const username = `ota-owner-${randomBytes(4).toString('hex')}`
  await createUser(gw, { username, password: PASSWORD, role: 'fleet_owner', tenantId: `tenant-${username}`, fleets })
  return login(gw, username, PASSWORD)
}

export const plan = (over: Record<string, unknown> = {}) => ({ waves: [{ percent: 100 }], successThreshold: 0.9, errorThreshold: 0.5, autoAdvance: true, ...over })
