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
})
