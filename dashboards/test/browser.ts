import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { spawnSync, execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startFleet, type Fleet } from '@fleetwire/firmware-sim'
import { ADMIN_TOKEN, type TestGateway, api, startGateway, waitFor } from '../../gateway/test/helper.js'

/** Where screenshots of every view go (gitignored; CI keeps them as artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))

/** The flags the project runs Debian's chromium with (headless, no sandbox as root). */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Builds dashboards/dist when missing or stale, as `npm start` does. */
export function ensureDashboardsBuilt (): void {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/ensure-built.mjs', import.meta.url))], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('vite build of the dashboards failed')
}

function chromiumPath (): string {
  if (process.env.CHROMIUM_PATH !== undefined) return process.env.CHROMIUM_PATH
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('Debian chromium is not installed: apt-get install -y chromium (.ci/run does it)')
  }
}

export interface Browser {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** Debian chromium through playwright-core, in a fresh user-data dir that is removed afterwards. */
export async function launchBrowser (): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fw-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  })
  const page = context.pages()[0] ?? await context.newPage()
  recordPageEvents(page)
  mkdirSync(ARTIFACTS, { recursive: true })
  return {
    context,
    page,
    async close () {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

export async function screenshot (page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** The page's recent console errors, uncaught errors, failed requests, HTTP errors and /live closes, newest last. */
const pageEvents = new WeakMap<Page, string[]>()

function recordPageEvents (page: Page): void {
  const events: string[] = []
  pageEvents.set(page, events)
  const note = (line: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${line}`)
    if (events.length > 40) events.shift()
  }
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text()}`) })
  page.on('pageerror', (e) => note(`page error: ${e.message}`))
  page.on('requestfailed', (r) => note(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`))
  page.on('response', (r) => { if (r.status() >= 400) note(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`) })
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) note(`navigated: ${f.url()}`) })
  page.on('websocket', (ws) => {
    note(`websocket opened: ${ws.url()}`)
    ws.on('close', () => note(`websocket closed: ${ws.url()}`))
    ws.on('socketerror', (e) => note(`websocket error: ${e}`))
  })
}

/** What the page showed and went through: for the message of a failed wait. */
export async function describePage (page: Page): Promise<string> {
  const state = await page.evaluate(() => ({
    url: location.href,
    session: localStorage.getItem('fw.session') !== null,
    live: (window as unknown as { fleetwireLive?: { state: { get(): string } } }).fleetwireLive?.state.get(),
    text: (document.body.textContent ?? '').replace(/\s+/g, ' ').slice(0, 400),
  })).catch((e: unknown) => ({ error: String(e) }))
  return `page: ${JSON.stringify(state)}\nrecent events:\n${(pageEvents.get(page) ?? []).join('\n')}`
}

/** Signs in by pasting an API token on the login screen. */
export async function signInWithToken (page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/#/`)
  await page.getByTestId('login-token').locator('input[name=token]').fill(token)
  await page.getByTestId('login-token').locator('button[type=submit]').click()
  const overview = page.getByTestId('view-overview')
  const refused = page.getByTestId('login-error')
  try {
    await overview.or(refused).first().waitFor()
  } catch (e) {
    await screenshot(page, 'sign-in-timed-out').catch(() => undefined)
    throw new Error(`sign-in reached neither the overview nor a log-in error: ${(e as Error).message}\n${await describePage(page)}`)
  }
  if (await refused.isVisible()) throw new Error(`sign-in refused: ${await refused.textContent()}`)
}

export interface DashboardsWithFleet {
  readonly gw: TestGateway
  readonly fleet: Fleet
  readonly browser: Browser
}

/**
 * The browser tests' common set-up: the dashboards built, a gateway, `vehicles`
 * simulated vehicles (awake, provisioned through the API, all online) and
 * chromium, started before the file's tests (handed to `onReady`) and stopped
 * after them.
 */
export function dashboardsWithFleet (opts: { vehicles: number, seed: number }, onReady: (f: DashboardsWithFleet) => void): void {
  let f: Partial<{ gw: TestGateway, fleet: Fleet, browser: Browser }> = {}
  beforeAll(async () => {
    ensureDashboardsBuilt()
    const gw = await startGateway()
    f = { gw }
    f.fleet = await startFleet({ url: gw.mqttUrl, vehicles: opts.vehicles, rate: 1, speed: 1, seed: opts.seed, keepAwake: true, provision: { apiUrl: gw.httpUrl, token: ADMIN_TOKEN } })
    await waitFor(async () => ((await (await api(gw, '/fleet/summary')).json()) as { online: number }).online === opts.vehicles || undefined, 20_000, 'simulated vehicles online')
    f.browser = await launchBrowser()
    onReady(f as DashboardsWithFleet)
  }, 90_000)
  afterAll(async () => {
    await f.browser?.close()
    await f.fleet?.stop(0)
    await f.gw?.close()
    await f.gw?.dropDatabase()
  })
}
