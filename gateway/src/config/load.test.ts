import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './load.js'
import { EnvSchema } from './schema.js'

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const r = loadConfig({})
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.mqtt.port).toBe(1883)
    expect(r.value.db.url).toBeUndefined()
    expect(r.value.ingest.maxFutureMs).toBe(300_000)
    expect(Object.isFrozen(r.value.mqtt)).toBe(true)
  })

  it('converts numbers and keeps DATABASE_URL', () => {
    const r = loadConfig({ MQTT_PORT: '2883', DATABASE_URL: 'postgres://x@db/fleetwire' })
    expect(r.ok && r.value.mqtt.port === 2883 && r.value.db.url === 'postgres://x@db/fleetwire').toBe(true)
  })

  it('reports every invalid variable at once', () => {
    const r = loadConfig({ MQTT_PORT: 'abc', HTTP_PORT: '70000', LOG_LEVEL: 'loud' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.detail).toContain('MQTT_PORT')
    expect(r.error.detail).toContain('HTTP_PORT')
    expect(r.error.detail).toContain('LOG_LEVEL')
  })

  it('.env.example lists exactly the variables of the schema', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8')
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort()
    expect(documented).toEqual(Object.keys(EnvSchema.properties).sort())
  })

  it('never repeats secret values in its errors (tokens, keys, URL passwords)', () => {
    const r = loadConfig({
      ADMIN_TOKEN: 'short-secret-admin',
      OTA_SIGNING_KEY: 'tiny-secret-key',
      METRICS_TOKEN: 'tiny-metrics',
      SMTP_URL: 'ftp://mailer:smtp-pass-123@mail.example',
      DATABASE_URL: 'postgres://gw:db-pass-456@db/fleetwire',
      MIGRATION_DATABASE_URL: 'postgres://owner:owner-pass-789@db/fleetwire',
      MQTT_PORT: 'abc',
      DB_POOL_SIZE: 'x', // forces the report while the URLs themselves are valid
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    for (const secret of ['short-secret-admin', 'tiny-secret-key', 'tiny-metrics', 'smtp-pass-123', 'db-pass-456', 'owner-pass-789']) expect(r.error.detail).not.toContain(secret)
    expect(r.error.detail).toContain('ADMIN_TOKEN="[redacted]"')
    expect(r.error.detail).toContain('SMTP_URL="ftp://mailer:***@mail.example/"')
  })

  it('turns plain MQTT off only when TLS is configured', () => {
    const off = loadConfig({ MQTT_TCP_ENABLED: 'false' })
    expect(!off.ok && off.error.detail).toContain('MQTT_TCP_ENABLED=false')
    const tls = loadConfig({ MQTT_TCP_ENABLED: 'false', MQTT_TLS_CERT: 'c.pem', MQTT_TLS_KEY: 'k.pem' })
    expect(tls.ok && tls.value.mqtt.tcpEnabled).toBe(false)
    expect(loadConfig({}).ok && (loadConfig({}) as { value: { mqtt: { tcpEnabled: boolean } } }).value.mqtt.tcpEnabled).toBe(true)
  })

  it('wants an https OTA_PUBLIC_URL unless DEV_MODE says development', () => {
    const http = loadConfig({ OTA_PUBLIC_URL: 'http://ota.example' })
    expect(!http.ok && http.error.detail).toContain('must be https')
    expect(loadConfig({ OTA_PUBLIC_URL: 'http://ota.example', DEV_MODE: 'true' }).ok).toBe(true)
    expect(loadConfig({ OTA_PUBLIC_URL: 'https://ota.example' }).ok).toBe(true)
    expect(loadConfig({ OTA_PUBLIC_URL: 'not a url' }).ok).toBe(false)
    expect(loadConfig({}).ok).toBe(true) // unset: the listener address (the embedded default)
  })

  it('takes MIGRATION_DATABASE_URL only beside DATABASE_URL', () => {
    const both = loadConfig({ DATABASE_URL: 'postgres://gw@db/f', MIGRATION_DATABASE_URL: 'postgres://owner@db/f' })
    expect(both.ok && both.value.db.migrationUrl).toBe('postgres://owner@db/f')
    expect(loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db/f' }).ok).toBe(false)
  })
})
