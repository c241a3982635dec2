import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadConfig } from '../../src/config/load.js'
import { gatewayWritePaths, parseRuntimeStage, writeProblems } from './dockerfile.js'

/**
 * The Docker deployment, checked without a Docker engine (the build machines
 * have none): the Dockerfile's runtime user can write every path the gateway
 * writes, on a volume; `docker-compose config` (Debian's docker-compose,
 * installed by .ci/run) accepts the compose file, whose images are pinned
 * and whose default services start no demo fleet.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url))
const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8')
const stage = parseRuntimeStage(dockerfile)
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0

interface ComposeService { image?: string, profiles?: string[], environment?: Record<string, string>, ports?: Array<{ target: number, published: number }>, volumes?: Array<string | { source?: string, target: string, type?: string }>, command?: string[] }
interface ComposeFile { services: Record<string, ComposeService>, volumes?: Record<string, unknown> }

/** `docker-compose config` with no FLEETWIRE_* overrides and no local .env: the file as a fresh checkout deploys it. */
function composeConfig (profile?: string): ComposeFile {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FLEETWIRE_') && !k.startsWith('COMPOSE_')))
  const emptyEnvFile = join(mkdtempSync(join(tmpdir(), 'fw-compose-')), '.env')
  writeFileSync(emptyEnvFile, '')
  const out = execFileSync('docker-compose', ['--env-file', emptyEnvFile, ...(profile === undefined ? [] : ['--profile', profile]), 'config'], { cwd: root, env, encoding: 'utf8' })
  return parse(out) as ComposeFile
}

function configFor (env: Record<string, string>) {
  const loaded = loadConfig(env)
  if (!loaded.ok) throw new Error(loaded.error.detail)
  return loaded.value
}

describe('Dockerfile', () => {
  it('runs as a non-root user who owns every path the gateway writes, all on the volume', () => {
    expect(stage.user).toBe('node')
    expect(stage.workdir).toBe('/app')
    const paths = gatewayWritePaths(configFor(stage.env))
    expect(Object.keys(paths)).toEqual(['spool', 'artifacts', 'signing key', 'embedded PostgreSQL'])
    expect(writeProblems(stage, paths)).toEqual([])
  })

  it('catches the shape that failed: DATA_DIR relative to a root-owned WORKDIR, no volume', () => {
    const broken = parseRuntimeStage('FROM node:20.20.2-bookworm-slim\nWORKDIR /app\nCOPY . .\nENV HTTP_HOST=0.0.0.0\nUSER node\nCMD ["node"]\n')
    const problems = writeProblems(broken, gatewayWritePaths(configFor(broken.env)))
    expect(problems).toContain('spool (/app/.data/spool) is not in a directory owned by node')
    expect(problems).toContain('signing key (/app/.data/ota-signing-key.pem) is not on a volume')
  })

  it('starts no demo fleet and pins its base image', () => {
    expect(stage.env.DEMO_VEHICLES).toBe('0')
    for (const image of stage.images) expect(image).toMatch(/^node:\d+\.\d+\.\d+-/)
  })
})

describe.skipIf(!hasCompose)(hasCompose ? 'docker-compose.yml' : 'docker-compose.yml (skipped: the docker-compose binary is not installed; apt-get install docker-compose)', () => {
  it('passes `docker-compose config` with every image pinned to a version', () => {
    const compose = composeConfig('demo')
    for (const [name, s] of Object.entries(compose.services)) {
      expect(s.image, name).toMatch(/:[^:/]*\d[^:/]*$/)
      expect(s.image, name).not.toMatch(/:latest/)
    }
  })

  it('deploys the gateway with its state on a named volume the image user owns, OTA_PUBLIC_URL set and 8883 published', () => {
    const compose = composeConfig()
    const gw = compose.services.gateway
    expect(gw).toBeDefined()
    const env = Object.fromEntries(Object.entries({ ...stage.env, ...gw?.environment }).filter(([, v]) => v !== ''))
    const config = configFor(env)
    expect(config.db.url).toMatch(/@timescaledb:5432\//)
    expect(config.demoVehicles).toBe(0)
    expect(config.ota.publicUrl).toMatch(/^https?:\/\//)
    const named = (gw?.volumes ?? []).flatMap((v) => {
      const [source, target] = typeof v === 'string' ? v.split(':') : [v.source, v.target]
      return source !== undefined && target !== undefined && compose.volumes?.[source] !== undefined ? [target] : []
    })
    expect(writeProblems(stage, gatewayWritePaths(config), named)).toEqual([])
    expect((gw?.ports ?? []).map((p) => Number(p.target)).sort()).toEqual([1883, 8080, 8883])
  })

  it('runs the demo fleet only in the `demo` profile', () => {
    const compose = composeConfig('demo')
    const demo = Object.entries(compose.services).filter(([, s]) => s.command?.some((c) => c.includes('firmware-sim')) === true || (s.environment?.DEMO_VEHICLES ?? '0') !== '0')
    expect(demo.map(([n]) => n)).toEqual(['demo-fleet'])
    for (const [, s] of demo) expect(s.profiles).toEqual(['demo'])
    for (const [name, s] of Object.entries(compose.services)) {
      if (name !== 'demo-fleet') expect(s.profiles ?? [], name).not.toContain('demo')
    }
  })
})

describe('docker-compose.yml, cluster profile', () => {
  it('runs three gateway replicas on Redis behind HAProxy, each with its own spool volume, and the proxy config parses', () => {
    const compose = composeConfig('cluster')
    const replicas = Object.entries(compose.services).filter(([n]) => /^gateway-\d$/.test(n))
    expect(replicas.map(([n]) => n).sort()).toEqual(['gateway-1', 'gateway-2', 'gateway-3'])
    const volumes = new Set<string>()
    for (const [name, s] of replicas) {
      expect(s.profiles, name).toEqual(['cluster'])
      expect(s.environment?.INSTANCE_ID, name).toBe(name)
      expect(s.environment?.REDIS_URL, name).toBe('redis://redis:6379')
      expect(s.environment?.PROXY_PROTOCOL, name).toBe('true')
      expect(s.ports ?? [], name).toEqual([]) // only HAProxy publishes ports
      // docker-compose prints a volume as `source:target:mode` or as an object.
      const data = (s.volumes ?? []).map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v)).find((v) => v.target === '/var/lib/fleetwire')
      expect(data?.source, name).toMatch(/^gateway-\d-data$/)
      volumes.add(data?.source ?? '')
    }
    expect(volumes.size).toBe(3)
    expect(compose.services.haproxy?.image).toMatch(/^haproxy:\d+\.\d+\.\d+$/)
    expect(compose.services.redis?.image).toMatch(/^redis:\d+\.\d+\.\d+$/)
    expect((compose.services.haproxy?.ports ?? []).map((p) => Number(p.target)).sort()).toEqual([1883, 8080, 8883])
    // Debian's haproxy (installed by .ci/run) checks the configuration the haproxy service mounts.
    expect(execFileSync('haproxy', ['-c', '-f', 'deploy/haproxy.cfg'], { cwd: root, encoding: 'utf8' })).toMatch(/valid/)
  })
})
