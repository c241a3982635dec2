import { readFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { startFleet, faultSelection } from './fleet.js'
import { parseScenario, type FaultSelection } from './faults/scenario.core.js'
import { readCredentialsFile, writeCredentialsFile, provisionAll, restRegistrar } from './provision.js'
import { planFleet } from './fleet-plan.core.js'
import { parseScenarioFile, planOptionsOf, type ScenarioFile } from './scenarios/scenario-file.core.js'
import { createSimClock } from './sim-clock.core.js'
import type { FleetStats } from './fleet-stats.js'

const HELP = `Usage: npm run sim -- [options]

  --vehicles N        vehicles to simulate (default 100)
  --rate R            telemetry batches per second per vehicle (default 1)
  --speed S           simulated seconds per real second (default 1); with S > 1 the
                      clock starts --days in the past and catches up with real time
  --days D            simulated span faults are planned in (default 24, max 29)
  --faults X          share of vehicles with a fault ("10%") or a scenario JSON file
  --scenario FILE     a scenarios/*.json fleet: climate, sensor noise, healthy
                      baselines per model, fault shapes and rates
  --seed N            seed of the fleet, faults and physics (default 1)
  --url URL           broker (default mqtt://localhost:1883)
  --provision         register vehicles through the gateway API (admin token:
                      --token or FLEETWIRE_ADMIN_TOKEN / ADMIN_TOKEN)
  --api URL           gateway HTTP API (default http://<url host>:8080)
  --token T           admin API token
  --credentials FILE  VIN → secret JSON (default .data/sim/credentials.json);
                      read first, written after --provision
  --ground-truth FILE where the fault ground truth goes (default .data/sim/ground-truth.json)
  --keep-awake        telematics never sleeps (every vehicle stays online)
  --outages E:F       coverage losses: on average every E s per vehicle, ~F s long
  --spool N           store-and-forward bound per vehicle, messages (default 3600)
  --connect-rate N    fleet-wide connects per second (default 250)
  --duration S        stop after S real seconds
  --log-level L       library log level on stderr (default warn)
  --quiet             no progress line
`

const { values: a } = parseArgs({
  options: {
    vehicles: { type: 'string', default: '100' },
    rate: { type: 'string', default: '1' },
    speed: { type: 'string', default: '1' },
    days: { type: 'string', default: '24' },
    faults: { type: 'string' },
    scenario: { type: 'string' },
    seed: { type: 'string', default: '1' },
    url: { type: 'string', default: 'mqtt://localhost:1883' },
    provision: { type: 'boolean', default: false },
    api: { type: 'string' },
    token: { type: 'string' },
    credentials: { type: 'string', default: '.data/sim/credentials.json' },
    'ground-truth': { type: 'string', default: '.data/sim/ground-truth.json' },
    'keep-awake': { type: 'boolean', default: false },
    outages: { type: 'string' },
    spool: { type: 'string', default: '3600' },
    'connect-rate': { type: 'string', default: '250' },
    duration: { type: 'string' },
    'log-level': { type: 'string', default: 'warn' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})

function num (name: string, text: string | undefined): number {
  const n = Number(text)
  if (text === undefined || !Number.isFinite(n)) fail(`--${name} wants a number, got "${text}"`)
  return n
}

function fail (msg: string): never {
  process.stderr.write(`firmware-sim: ${msg}\n`)
  process.exit(2)
}

async function faultsOption (text: string | undefined): Promise<FaultSelection> {
  if (text === undefined) return faultSelection(undefined)
  if (/\.json$/i.test(text)) {
    const parsed = parseScenario(JSON.parse(await readFile(text, 'utf8')))
    if (!parsed.ok) fail(`${text}: ${parsed.error.detail}`)
    return parsed.value
  }
  try {
    return faultSelection(text)
  } catch (err) {
    fail((err as Error).message)
  }
}

async function scenarioOption (file: string | undefined): Promise<ScenarioFile | undefined> {
  if (file === undefined) return undefined
  const r = parseScenarioFile(await readFile(file, 'utf8'), file)
  if (!r.ok) fail(r.error.detail)
  return r.value
}

if (a.help) {
  process.stdout.write(HELP)
  process.exit(0)
}

const log = pino({ level: a['log-level'] }, pino.destination(2))
const url = new URL(a.url)
const vehicles = num('vehicles', a.vehicles)
const speed = num('speed', a.speed)
const days = num('days', a.days)
const seed = num('seed', a.seed)
const scenario = await scenarioOption(a.scenario)
const faults = await faultsOption(a.faults ?? scenario?.faults)
let outages: { everyS: number, forS: number } | undefined
if (a.outages !== undefined) {
  const [every, dur] = a.outages.split(':').map(Number)
  if (!(every !== undefined && every > 0 && dur !== undefined && dur > 0)) fail('--outages wants EVERY:FOR in seconds, e.g. 300:20')
  outages = { everyS: every, forS: dur }
}

// The plan is a pure function of the options, so it can be made here to provision first.
const startedAtMs = Date.now()
const clockForPlan = createSimClock({ speed, horizonMs: days * 86_400_000, realStartMs: startedAtMs })
const plan = planFleet({ count: vehicles, seed, simStartMs: clockForPlan.simStartMs, horizonMs: days * 86_400_000, faults, ...planOptionsOf(scenario) })
let creds = await readCredentialsFile(a.credentials)
if (a.provision) {
  // An empty variable is unset (docker-compose passes FLEETWIRE_ADMIN_TOKEN through as '' when it is not set).
  const token = [a.token, process.env.FLEETWIRE_ADMIN_TOKEN, process.env.ADMIN_TOKEN].find((x) => x !== undefined && x !== '')
  if (token === undefined) fail('--provision needs --token or FLEETWIRE_ADMIN_TOKEN')
  const apiUrl = a.api ?? `http://${url.hostname}:8080`
  process.stderr.write(`provisioning ${plan.filter((v) => !creds.has(v.vin)).length} vehicles through ${apiUrl} …\n`)
  creds = await provisionAll(plan, restRegistrar({ apiUrl, token }), creds)
  await mkdir(dirname(a.credentials), { recursive: true })
  await writeCredentialsFile(a.credentials, creds)
}
const missing = plan.filter((v) => !creds.has(v.vin)).length
if (missing > 0) fail(`${missing} of ${plan.length} vehicles have no credentials in ${a.credentials}; run with --provision`)
await mkdir(dirname(a['ground-truth']), { recursive: true })

const fleet = await startFleet({
  url: a.url,
  vehicles: plan,
  rate: num('rate', a.rate),
  speed,
  days,
  seed,
  credentials: creds,
  keepAwake: a['keep-awake'],
  ...(outages === undefined ? {} : { outages }),
  spoolLimit: num('spool', a.spool),
  connectRatePerS: num('connect-rate', a['connect-rate']),
  groundTruthFile: a['ground-truth'],
  ...(scenario === undefined ? {} : { scenario }),
  startedAtMs,
  log,
})
const faulty = plan.filter((v) => v.faults.length > 0).length
process.stderr.write(`${plan.length} vehicles (${faulty} with faults, ground truth in ${a['ground-truth']}); simulated time starts ${new Date(fleet.simStartMs).toISOString()}; Ctrl-C stops\n`)

const tty = process.stderr.isTTY
const progress = setInterval(() => {
  if (a.quiet) return
  const line = progressLine(fleet.stats())
  process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`)
}, 2000)

let stopping = false
async function shutdown (why: string): Promise<void> {
  if (stopping) process.exit(130)
  stopping = true
  clearInterval(progress)
  process.stderr.write(`${tty ? '\n' : ''}${why}: stopping (death certificates, ground truth) …\n`)
  await fleet.stop()
  const s = fleet.stats()
  process.stdout.write(JSON.stringify({ sim: 'stopped', vehicles: s.vehicles, acked: s.acked, batches: s.batches, samples: s.samples, dropped: s.dropped, buffered: s.buffered, reconnects: s.reconnects, dtcsSet: s.dtcsSet }) + '\n')
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
if (a.duration !== undefined) setTimeout(() => void shutdown('duration reached'), num('duration', a.duration) * 1000)

function progressLine (s: FleetStats): string {
  const lagD = (Date.now() - s.simTimeMs) / 86_400_000
  const sim = new Date(s.simTimeMs).toISOString().slice(0, 16).replace('T', ' ')
  return `sim ${sim}Z${s.caughtUp ? '' : ` (-${lagD.toFixed(1)} d, pace ${Math.round(s.pace * 100)} %)`} | connected ${s.connected}/${s.vehicles} sleeping ${s.sleeping} | ` +
    `${Math.round(s.msgsPerS)} msg/s | buffered ${s.buffered} dropped ${s.dropped} | reconnects ${s.reconnects} outages ${s.outages} | ` +
    `driving ${s.driving} charging ${s.charging} | DTCs ${s.dtcsSet}`
}
