import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { spawnSync, execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

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

/** Signs in by pasting an API token on the login screen. */
export async function signInWithToken (page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/#/`)
  await page.getByTestId('login-token').locator('input[name=token]').fill(token)
  await page.getByTestId('login-token').locator('button[type=submit]').click()
  const overview = page.getByTestId('view-overview')
  const refused = page.getByTestId('login-error')
  await overview.or(refused).first().waitFor()
  if (await refused.isVisible()) throw new Error(`sign-in refused: ${await refused.textContent()}`)
}
