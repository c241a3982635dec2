import closeWithGrace from 'close-with-grace'
import pino from 'pino'
import { loadConfig } from './config/load.js'
import { buildApp, SHUTDOWN_GRACE_MS } from './app.js'
import { ensureDemoUsers } from './api/auth/demo-users.js'
import { ensureDemoNetwork } from './service-network/demo-network.js'
import { demoWorkshopPort } from './work-orders/demo-workshop.js'

/** The process: one root logger, listen, print where to look, close with grace. */
const loaded = loadConfig(process.env)
if (!loaded.ok) {
  process.stderr.write(`fleetwire: invalid configuration\n${loaded.error.detail}\n`)
  process.exit(2)
}
const config = loaded.value

// A person at a terminal reads pino-pretty lines; anything else (a file, a pipe, a container log) gets JSON.
const pretty = process.stdout.isTTY === true
  ? { transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
  : {}
const logger = pino({
  level: config.logLevel,
  redact: { paths: ['req.headers.authorization', 'password', '*.password', 'secret', '*.secret', 'adminToken'], censor: '[redacted]' },
  ...pretty,
})

const app = await buildApp({ config, logger })
// Installed before listening: a SIGTERM that arrives while the rest of start-up runs still closes gracefully.
let stopDemo: (() => Promise<void>) | undefined
closeWithGrace({ delay: SHUTDOWN_GRACE_MS, logger }, async ({ signal, err }) => {
  if (err !== undefined) logger.error({ err }, 'closing after an error')
  else logger.info({ signal }, 'shutting down')
  await stopDemo?.()
  await app.close()
})
await app.listen({ host: config.http.host, port: config.http.port })

const http = app.server.address()
const httpPort = typeof http === 'object' && http !== null ? http.port : config.http.port
const mqttPort = config.mqtt.tcpEnabled ? app.broker.tcpAddress().port : undefined
const host = (h: string) => (h === '0.0.0.0' || h === '::' ? 'localhost' : h)
const banner = [
  '',
  'Fleetwire gateway is running',
  `  dashboard        http://${host(config.http.host)}:${httpPort}/`,
  `  REST API + docs  http://${host(config.http.host)}:${httpPort}/docs`,
  ...(mqttPort === undefined ? [] : [`  MQTT over TCP    mqtt://${host(config.mqtt.host)}:${mqttPort}`]),
  ...(config.mqtt.tls === undefined ? [] : [`  MQTT over TLS    mqtts://${host(config.mqtt.host)}:${app.broker.tlsAddress()?.port}${config.mqtt.tls.caFile === undefined ? '' : ' (client certificates accepted)'}`]),
  `  MQTT over WS     ws://${host(config.http.host)}:${httpPort}/mqtt`,
  `  metrics          http://${host(config.http.host)}:${httpPort}/metrics`,
  `  database         ${config.db.url === undefined ? `embedded PostgreSQL, data in ${config.db.dataDir}/pg` : 'DATABASE_URL'}${app.storage.timescale ? ' (TimescaleDB)' : ''}`,
  ...(app.auth.generatedAdminToken === undefined
    ? []
    : ['', `  admin API token (shown once, store it now): ${app.auth.generatedAdminToken}`]),
  '',
]

// A small simulated fleet, so a new user sees live data at once (DEMO_VEHICLES=0 turns it off).
// Its vehicles are registered directly; the same seed gives the same VINs on every start. On the
// first start (its vehicles unknown) it plays a few days of history first, so alerts are there at once.
const demoFleets: string[] = []
const sim = config.demoVehicles === 0 ? undefined : await import('@fleetwire/firmware-sim')
const firstDemoVin = sim?.demoVins(1)[0]
const demoHistory = firstDemoVin !== undefined && await app.vehicles.scopeOf(firstDemoVin) === undefined
const demoFleet = sim === undefined
  ? undefined
  : await sim.startDemoFleet({
    mqttUrl: mqttPort === undefined ? `ws://127.0.0.1:${httpPort}/mqtt` : `mqtt://127.0.0.1:${mqttPort}`,
    vehicles: config.demoVehicles,
    historyDays: demoHistory ? sim.DEMO_FLEET.historyDays : 0,
    onProgress: (p) => process.stdout.write(sim.formatBackfillProgress(p) + '\n'),
    provision: async (v) => {
      demoFleets.push(v.fleet)
      const r = await app.vehicles.register(v)
      if (r.ok) return r.value.credentials.password
      const c = await app.vehicles.rotateCredentials(v.id)
      if (c === undefined) throw new Error(`demo vehicle ${v.id}: ${r.error.detail}`)
      return c.password
    },
    // The demo units pin the gateway's key, so safety notices issued in the demo are shown and confirmed.
    noticeKeyRaw: app.ota.signer.publicKeyRaw,
    log: logger.child({ module: 'demo-fleet' }),
  })
if (demoFleet !== undefined) {
  // The after-sales loop in the demo: a centre in each of its cities, an owner who books what the gateway
  // proposes and a workshop that repairs the simulated vehicle on the booked day.
  const cities = new Map(demoFleet.vehicles.map((v) => [v.city.name, { ...v.city, region: v.region }]))
  await ensureDemoNetwork(app.serviceNetwork, [...cities.values()])
  const workshop = sim?.startWorkshopAgent({
    port: demoWorkshopPort(app.workOrders.service, [...new Set(demoFleets)]),
    repair: (vin, family) => demoFleet.repair(vin, family),
    simNow: () => demoFleet.stats().simTimeMs,
    log: logger.child({ module: 'demo-workshop' }),
  })
  stopDemo = async () => {
    await workshop?.stop()
    await demoFleet.stop()
  }
  banner.splice(banner.findIndex((l) => l.startsWith('  database')) + 1, 0, `  demo fleet       ${config.demoVehicles} simulated vehicles (DEMO_VEHICLES=0 to turn off)${demoHistory ? `; playing ${sim?.DEMO_FLEET.historyDays} days of history first (about a minute)` : ''}`)
}
// Demo people to log in as (POST /auth/login); passwords shown on the first start only.
const demoUsers = demoFleet === undefined ? [] : await ensureDemoUsers(app.auth.users, demoFleets)
if (demoUsers.length > 0) {
  banner.splice(-1, 0, '', '  demo users (sign in on the dashboard or POST /auth/login; passwords shown once, store them now):',
    ...demoUsers.map((u) => `    ${u.username.padEnd(9)} ${u.password}   ${u.about}`))
}
process.stdout.write(banner.join('\n') + '\n')
