import { afterAll, beforeAll } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import pino from 'pino'
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt'
import { fleetwire, vehicleTopic } from '@fleetwire/proto'
import { loadConfig } from '../src/config/load.js'
import { buildApp } from '../src/app.js'
import { createTestDatabase } from './support/postgres.js'

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef'

export interface TestGateway {
  app: FastifyInstance
  httpUrl: string
  mqttUrl: string
  wsUrl: string
  databaseUrl: string
  /** Closes the gateway; the database stays until dropDatabase(). */
  close(): Promise<void>
  dropDatabase(): Promise<void>
}

/**
 * A real gateway on free ports against a fresh database of the test
 * PostgreSQL server. `env` overrides configuration; pass `databaseUrl` to
 * restart on the same data.
 */
export async function startGateway (env: Record<string, string> = {}, databaseUrl?: string): Promise<TestGateway> {
  const db = databaseUrl === undefined ? await createTestDatabase() : { url: databaseUrl, drop: async () => {} }
  return listen({ DATABASE_URL: db.url, ...env }, db)
}

/** A gateway on its own embedded PostgreSQL (no DATABASE_URL), as `npm start` runs it. */
/**
 * One gateway for a test file: started before its tests (handed to `onStarted`), and after them the MQTT
 * clients pushed onto the returned array end, the gateway closes and its database is dropped.
 */
export function gatewayPerFile (env: Record<string, string>, onStarted: (gw: TestGateway) => void): MqttClient[] {
  const clients: MqttClient[] = []
  let gw: TestGateway | undefined
  beforeAll(async () => {
    gw = await startGateway(env)
    onStarted(gw)
  })
  afterAll(async () => {
    for (const c of clients) c.end(true)
    await gw?.close()
    await gw?.dropDatabase()
  })
  return clients
}

export function startEmbedded (env: Record<string, string>): Promise<TestGateway> {
  return listen(env, { url: '', drop: async () => {} })
}

async function listen (env: Record<string, string>, db: { url: string, drop(): Promise<void> }): Promise<TestGateway> {
  // Each gateway gets its own state directory (telemetry spool) unless the test shares one on purpose.
  const dataDir = env.DATA_DIR ?? await mkdtemp(path.join(tmpdir(), 'fleetwire-test-gw-'))
  const loaded = loadConfig({ HTTP_PORT: '0', MQTT_PORT: '0', LOG_LEVEL: 'silent', ADMIN_TOKEN, DATA_DIR: dataDir, ...env })
  if (!loaded.ok) throw new Error(loaded.error.detail)
  const app = await buildApp({ config: loaded.value, logger: pino({ level: loaded.value.logLevel }) })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    app,
    httpUrl: `http://127.0.0.1:${port}`,
    // MQTT_TCP_ENABLED=false: no plain listener (the test connects over TLS or WebSocket).
    mqttUrl: loaded.value.mqtt.tcpEnabled ? `mqtt://127.0.0.1:${app.broker.tcpAddress().port}` : '',
    wsUrl: `ws://127.0.0.1:${port}/mqtt`,
    databaseUrl: db.url,
    close: async () => {
      await app.close()
      if (env.DATA_DIR === undefined) await rm(dataDir, { recursive: true, force: true })
    },
    dropDatabase: db.drop,
  }
}

export interface Provisioned {
  id: string
  password: string
}

let vinCounter = 0
/** A syntactically valid, unique test VIN (check digit not enforced by the gateway). */
export function testVin (): string {
  vinCounter++
  return `TST${String(process.pid % 100000).padStart(5, '0')}${String(vinCounter).padStart(9, '0')}`.slice(0, 17)
}

export async function provision (gw: TestGateway, overrides: Partial<{ id: string, model: string, region: string, fleet: string, timeZone: string, country: string }> = {}): Promise<Provisioned> {
  const id = overrides.id ?? testVin()
  const res = await fetch(`${gw.httpUrl}/vehicles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id, model: 'FW-E1', region: 'EU', fleet: 'fleet-a', ...overrides }),
  })
  if (res.status !== 201) throw new Error(`provision ${id}: ${res.status} ${await res.text()}`)
  const body = await res.json() as { credentials: { password: string } }
  return { id, password: body.credentials.password }
}

export function api (gw: TestGateway, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${gw.httpUrl}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers } })
}

/** Connects a real mqtt.js client; rejects with the CONNACK error when refused. */
export function connectVehicle (url: string, v: Provisioned, opts: IClientOptions = {}): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, { clientId: v.id, username: v.id, password: v.password, reconnectPeriod: 0, connectTimeout: 5000, protocolVersion: 4, ...opts })
    client.once('connect', () => resolve(client))
    client.once('error', (err) => {
      client.end(true)
      reject(err)
    })
    client.once('close', () => reject(new Error('connection closed before CONNACK')))
  })
}

export function telemetryPayload (seq: number, baseTimeMs: number, samples: Array<[signalId: number, value: number, offsetMs?: number]>): Buffer {
  return Buffer.from(fleetwire.v1.TelemetryBatch.encode({
    seq,
    baseTimeMs,
    session: 1,
    samples: samples.map(([signalId, value, offsetMs]) => ({ signalId, value, offsetMs: offsetMs ?? 0 })),
  }).finish())
}

export function publish (client: MqttClient, vehicleId: string, channel: 'telemetry' | 'status' | 'death' | 'dtc', payload: Buffer, qos: 0 | 1 = 1): Promise<void> {
  return new Promise((resolve, reject) => client.publish(vehicleTopic(vehicleId, channel), payload, { qos }, (err) => err ? reject(err) : resolve()))
}

/** Resolves when the client's connection closes (e.g. the broker dropped it). */
export function closed (client: MqttClient): Promise<void> {
  return new Promise((resolve) => {
    if (!client.connected) return resolve()
    client.once('close', () => resolve())
  })
}

export async function waitFor<T> (probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v !== undefined && v !== false) return v
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
