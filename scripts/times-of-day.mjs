#!/usr/bin/env node
/**
 * Runs the test files that depend on the local time of day (vehicles' daily
 * life in the simulator, OTA install windows, reminder quiet hours) again at
 * several faked times of day, with Debian's faketime (libfaketime). The
 * offset is relative (`faketime -f +N`), so every process of a run (vitest's
 * workers, the embedded PostgreSQL, chromium) sees the same faked clock, and
 * time runs on normally from there.
 *
 * A test that passes at one hour and fails at another depends on the wall
 * clock: inject the clock (app.ota.useClock, app.broker.useClock, an OTA
 * agent's clockOffsetMs) or pin the simulated start (pinnedSimStart).
 *
 * PostgreSQL's timeouts do not fire under libfaketime (a 500 ms
 * statement_timeout let pg_sleep(3) finish), deadlock_timeout included: a
 * lock cycle that PostgreSQL breaks after a second elsewhere hangs here until
 * the test's timeout. A hang at one faked hour is worth reading that way.
 */
import { spawn, spawnSync } from 'node:child_process'

// Files whose tests read the wall clock where the local time of day matters (pure cores take fixed instants).
const FILES = [
  'firmware-sim/test/integration.test.ts',
  'gateway/test/ota/install-window.test.ts',
  'gateway/test/ota/consent-reminders.test.ts',
  'dashboards/test/ota-and-tenants.browser.test.ts',
]

// UTC times of day, spread over the day; three of them cross a market's local midnight during the run.
const TIMES = [
  { utc: '02:59:30', why: 'midnight in São Paulo' },
  { utc: '12:59:30', why: 'midnight in Sydney and Melbourne (summer time)' },
  { utc: '21:10:00', why: 'the hour a wall-clock-bound sleep/wake test failed at' },
  { utc: '22:59:30', why: 'midnight in Berlin, Paris, Madrid and Milan (winter time)' },
]

if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  console.error('times-of-day: Debian\'s faketime is needed (apt-get install faketime); .ci/run installs it')
  process.exit(1)
}

// Two runs at a time: most of a run is waiting on simulated and real time, not CPU. Each run has its own
// embedded PostgreSQL on a free port; its output is printed in one piece when it ends.
const CONCURRENCY = 2

function runAt ({ utc, why }) {
  const now = new Date()
  const [h, m, s] = utc.split(':').map(Number)
  const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), h, m, s)
  const offsetS = Math.round((target - now.getTime()) / 1000)
  const spec = offsetS >= 0 ? `+${offsetS}` : `${offsetS}`
  return new Promise((resolve) => {
    const child = spawn('faketime', ['-f', spec, 'npx', 'vitest', 'run', ...FILES], { stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    child.stdout.on('data', (b) => out.push(b))
    child.stderr.on('data', (b) => out.push(b))
    child.on('close', (code) => {
      process.stdout.write(`\n── times of day: ${utc} UTC (${why}); faketime -f ${spec}\n`)
      process.stdout.write(Buffer.concat(out))
      resolve({ utc, ok: code === 0 })
    })
  })
}

const results = []
const queue = [...TIMES]
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  for (let t = queue.shift(); t !== undefined; t = queue.shift()) results.push(await runAt(t))
}))
results.sort((a, b) => a.utc.localeCompare(b.utc))
console.log(`\ntimes of day: ${results.map((r) => `${r.utc} ${r.ok ? 'passed' : 'FAILED'}`).join(', ')}`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
