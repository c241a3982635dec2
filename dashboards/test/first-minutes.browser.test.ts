import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import type { Page } from 'playwright-core'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type Provisioned, type TestGateway, api, connectVehicle, provision, publish, startGateway, telemetryPayload } from '../../gateway/test/helper.js'
import { type Browser, ensureDashboardsBuilt, launchBrowser, screenshot, signInWithToken } from './browser.js'

/**
 * What a newcomer meets first, in Debian's chromium against a real gateway:
 * who a pasted token is, what an administrator's "My fleet" shows, empty
 * charts, the world map, and signal names in the chosen language.
 */
const SPEED = 'Vehicle.Speed'
const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'

let gw: TestGateway
let browser: Browser
let car: MqttClient | undefined
let v: Provisioned

beforeAll(async () => {
  ensureDashboardsBuilt()
  gw = await startGateway()
  v = await provision(gw, { fleet: 'fleet-newcomer' })
  car = await connectVehicle(gw.mqttUrl, v)
  // Samples from three hours ago only: the last hour of history is empty, the last six hours are not.
  const t0 = Date.now() - 3 * 3_600_000
  await publish(car, v.id, 'telemetry', telemetryPayload(1, t0, [0, 60_000, 120_000].flatMap((o, i) => [[signalId(SPEED), 40 + i, o], [signalId(COOLANT), 85 + i, o]] as Array<[number, number, number]>)))
  browser = await launchBrowser()
  await signInWithToken(browser.page, gw.httpUrl, ADMIN_TOKEN)
}, 90_000)

afterAll(async () => {
  await browser?.close()
  car?.end(true)
  await gw?.close()
  await gw?.dropDatabase()
})

/** Rows of the map canvas that are almost entirely something other than ocean: a line drawn across the world. */
function rowsAcrossTheMap (page: Page): Promise<number[]> {
  return page.getByTestId('fleet-map').evaluate((el) => {
    const c = el as HTMLCanvasElement
    const ctx = c.getContext('2d') as CanvasRenderingContext2D
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height)
    const ocean = [0xdb, 0xe9, 0xf6]
    const rows: number[] = []
    for (let y = 0; y < height; y++) {
      let other = 0
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4
        if (Math.abs((data[i] as number) - (ocean[0] as number)) + Math.abs((data[i + 1] as number) - (ocean[1] as number)) + Math.abs((data[i + 2] as number) - (ocean[2] as number)) > 24) other++
      }
      if (other > width * 0.85) rows.push(y)
    }
    return rows
  })
}

describe('a newcomer\'s first minutes in the dashboards', () => {
  it('a pasted API token shows as "API token", its label and its role, not as a token id; no "My fleet" tab for an administrator', async () => {
    const { page } = browser
    await page.goto(`${gw.httpUrl}/#/`)
    const who = await page.getByTestId('whoami').textContent()
    expect(who).toBe('API token “ADMIN_TOKEN” · administrator')
    expect(who).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
    expect(await page.getByTestId('nav-alerts').count()).toBe(1)
    expect(await page.getByTestId('nav-owner').count()).toBe(0)
    await page.goto(`${gw.httpUrl}/#/owner`)
    await page.getByTestId('owner-staff-hint').waitFor()
    expect(await page.getByText('Your role may not see this.').count()).toBe(0)
    await expect.poll(() => page.getByTestId('owner-vehicle').count()).toBe(1)
    await screenshot(page, '30-owner-as-admin')
  })

  it('a service token, which may not list tokens, shows as "API token" and its role', async () => {
    const res = await api(gw, '/tokens', { method: 'POST', body: JSON.stringify({ label: 'telematics integration' }) })
    expect(res.status).toBe(201)
    const { token } = await res.json() as { token: string }
    const other = await launchBrowser()
    try {
      await signInWithToken(other.page, gw.httpUrl, token)
      const who = await other.page.getByTestId('whoami').textContent()
      expect(who).toMatch(/^API token · /)
      expect(who).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
    } finally {
      await other.close()
    }
  })

  it('draws the world map without a line across it', async () => {
    const { page } = browser
    await page.goto(`${gw.httpUrl}/#/`)
    await page.getByTestId('view-overview').waitFor()
    // No vehicle has a position: the whole world shows, Fiji and Chukotka at its edges.
    await page.waitForLoadState('networkidle')
    await expect.poll(async () => (await rowsAcrossTheMap(page)).length, { timeout: 5000 }).toBe(0)
    // The coastlines are drawn (land pixels exist), so the check above looked at a real map.
    const land = await page.getByTestId('fleet-map').evaluate((el) => {
      const c = el as HTMLCanvasElement
      const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height)
      let n = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0xf6 && data[i + 1] === 0xf4 && data[i + 2] === 0xee) n++
      return n
    })
    expect(land).toBeGreaterThan(10_000)
    await screenshot(page, '31-world-map')
  })

  it('labels signals in the chosen language and shows an empty chart as "No data in this range"', async () => {
    const { page } = browser
    await page.goto(`${gw.httpUrl}/#/vehicles/${v.id}`)
    const row = page.locator(`[data-testid="latest-values"] tr[data-signal="${SPEED}"] .signal-name`)
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toBe('Speed')
    expect(await row.getAttribute('title')).toBe(SPEED)
    expect(await page.locator(`[data-testid="latest-values"] tr[data-signal="${COOLANT}"] .signal-name`).textContent()).toBe('Coolant temperature')
    // History: nothing in the last hour (the samples are three hours old), so no bare time axis.
    const empty = page.getByTestId('history-chart-empty')
    await empty.waitFor()
    expect(await empty.textContent()).toBe('No data in this range.')
    expect(await page.getByTestId('history-chart').getAttribute('data-empty')).toBe('true')
    expect(await page.getByTestId('history-signal').locator('option:checked').textContent()).toBe('Speed')
    await screenshot(page, '32-history-empty')
    await page.getByTestId('history-range').selectOption(String(6 * 3600))
    await expect.poll(() => page.getByTestId('history-chart').getAttribute('data-empty'), { timeout: 10_000 }).toBe('false')
    expect(await empty.count()).toBe(0)
    expect(Number(await page.getByTestId('history-chart').getAttribute('data-points'))).toBe(3)
    for (const [lang, speed, coolant, noData] of [['de', 'Geschwindigkeit', 'Kühlmitteltemperatur', 'Keine Daten in diesem Zeitraum.'], ['zh-CN', '车速', '冷却液温度', '此范围内没有数据。'], ['es', 'Velocidad', 'Temperatura del refrigerante', 'Sin datos en este rango.']] as const) {
      await page.getByTestId('language').selectOption(lang)
      await expect.poll(() => row.textContent()).toBe(speed)
      expect(await page.locator(`[data-testid="latest-values"] tr[data-signal="${COOLANT}"] .signal-name`).textContent()).toBe(coolant)
      await page.getByTestId('history-range').selectOption(String(3600))
      await expect.poll(() => page.getByTestId('history-chart-empty').textContent(), { timeout: 10_000 }).toBe(noData)
      await page.getByTestId('history-range').selectOption(String(6 * 3600))
      await screenshot(page, `33-vehicle-${lang}`)
    }
    await page.getByTestId('language').selectOption('en')
  })
})
