import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { type Provisioned, type TestGateway, api, closed, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

// Certificates are made here with the openssl CLI (present on the build
// machines; no npm dependency for test-only PKI): a CA, the broker's
// certificate for 127.0.0.1, and client certificates with a vehicle id as CN.
const dir = mkdtempSync(path.join(tmpdir(), 'fleetwire-tls-'))
const file = (name: string) => path.join(dir, name)
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })

function makeCa (name: string): void {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.crt`), '-subj', `/CN=${name}`, '-days', '2')
}

function makeCert (name: string, cn: string, ca: string, ext?: string): void {
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${cn}`)
  const args = ['x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.crt`), '-CAkey', file(`${ca}.key`), '-CAcreateserial', '-out', file(`${name}.crt`), '-days', '2']
  if (ext !== undefined) {
    writeFileSync(file(`${name}.ext`), ext)
    args.push('-extfile', file(`${name}.ext`))
  }
  openssl(...args)
}

let gw: TestGateway
let tlsUrl: string
let car: Provisioned
let other: Provisioned

beforeAll(async () => {
  makeCa('ca')
  makeCa('rogue-ca')
  makeCert('server', '127.0.0.1', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\n')
  gw = await startGateway({ MQTT_TLS_PORT: '0', MQTT_TLS_CERT: file('server.crt'), MQTT_TLS_KEY: file('server.key'), MQTT_TLS_CA: file('ca.crt') })
  tlsUrl = `mqtts://127.0.0.1:${gw.app.broker.tlsAddress()?.port}`
  car = await provision(gw)
  other = await provision(gw)
  makeCert('car', car.id, 'ca')
  makeCert('other', other.id, 'ca')
  makeCert('rogue', car.id, 'rogue-ca')
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
  rmSync(dir, { recursive: true, force: true })
})

/** A vehicle over TLS; `cert` names a client certificate made above. Rejects with the CONNACK code or the TLS error. */
function connectTls (clientId: string, cert?: string, extra: IClientOptions = {}): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const c = mqtt.connect(tlsUrl, {
      clientId,
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 5000,
      ca: readFileSync(file('ca.crt')),
      ...(cert === undefined ? {} : { cert: readFileSync(file(`${cert}.crt`)), key: readFileSync(file(`${cert}.key`)) }),
      ...extra,
    })
    c.once('connect', () => resolve(c))
    c.once('error', (err) => { c.end(true); reject(err) })
    c.once('close', () => reject(new Error('closed before CONNACK')))
  })
}

const refusal = (p: Promise<unknown>) => p.then(() => 'connected', (e: { code?: number, message: string }) => e.code ?? e.message)

describe('MQTT over TLS with client certificates', () => {
  it('accepts a vehicle whose certificate CN is its id, without a password, and stores its data', async () => {
    const c = await connectTls(car.id, 'car')
    await publish(c, car.id, 'telemetry', telemetryPayload(1, Date.now(), [[signalId('Vehicle.Speed'), 42]]))
    c.end(true)
    const stats = await (await api(gw, `/vehicles/${car.id}/ingest`)).json() as { samplesAccepted: number }
    expect(stats.samplesAccepted).toBe(1)
  })

  it('refuses a certificate whose CN is another vehicle (return code 5), even with that vehicle\'s right password', async () => {
    expect(await refusal(connectTls(other.id, 'car'))).toBe(5)
    expect(await refusal(connectTls(other.id, 'car', { username: other.id, password: other.password }))).toBe(5)
  })

  it('refuses a certificate from another CA before MQTT starts', async () => {
    expect(await refusal(connectTls(car.id, 'rogue'))).not.toBe('connected')
  })

  it('still takes password logins over TLS, and refuses a TLS client with neither', async () => {
    const c = await connectTls(other.id, undefined, { username: other.id, password: other.password })
    c.end(true)
    expect(await refusal(connectTls(other.id))).toBe(4)
  })

  it('disconnects a revoked certificate vehicle within 5 s and refuses it afterwards', async () => {
    const c = await connectTls(other.id, 'other')
    const gone = closed(c)
    const t0 = Date.now()
    expect((await api(gw, `/vehicles/${other.id}/credentials/revoke`, { method: 'POST', body: '{}' })).status).toBe(204)
    await gone
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(await waitFor(() => refusal(connectTls(other.id, 'other')), 2000)).toBe(5)
  })
})
