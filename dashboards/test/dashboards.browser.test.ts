import { afterAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { signalId } from '@fleetwire/proto'
import type { Fleet } from '@fleetwire/firmware-sim'
import { ADMIN_TOKEN, type TestGateway, api, connectVehicle, provision, publish, telemetryPayload } from '../../gateway/test/helper.js'
import { type Browser, dashboardsWithFleet, screenshot, signInWithToken } from './browser.js'

/**
 * The dashboards in Debian's chromium against a real gateway (real
 * PostgreSQL, MQTT over TCP) with simulated vehicles streaming at 1 Hz.
 */
const SIM_VEHICLES = 4
const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
const RULE = {
  id: 'browser-coolant-hot',
  name: 'Coolant too hot (browser test)',
  enabled: true,
  severity: 'critical',
  signal: COOLANT,
  kind: { type: 'threshold', op: 'above', raise: 110, clear: 100, forS: 60, clearForS: 60 },
}

let gw: TestGateway
let fleet: Fleet
let browser: Browser
const cars: MqttClient[] = []

dashboardsWithFleet({ vehicles: SIM_VEHICLES, seed: 11 }, (f) => ({ gw, fleet, browser } = f))
afterAll(() => { for (const c of cars) c.end(true) })

describe('dashboards in chromium', () => {
  it('serves the app at / and the REST API beside it', async () => {
    const res = await fetch(`${gw.httpUrl}/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="app">')
    expect((await fetch(`${gw.httpUrl}/vehicles`)).status).toBe(401)
  })

  it('signs in with a pasted API token; the overview shows the online count and the map', async () => {
    const { page } = browser
    await page.goto(`${gw.httpUrl}/`)
    await page.getByTestId('login-token').waitFor()
    await screenshot(page, '01-login')
    await signInWithToken(page, gw.httpUrl, ADMIN_TOKEN)
    await expect.poll(() => page.getByTestId('count-online').locator('.n').textContent(), { timeout: 10_000 }).toBe(String(SIM_VEHICLES))
    await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')
    await expect.poll(() => page.getByTestId('fleet-map').getAttribute('data-clusters'), { timeout: 20_000 }).not.toBeNull()
    expect(Number(await page.getByTestId('fleet-map').getAttribute('data-clusters'))).toBeGreaterThan(0)
    expect(await page.getByTestId('vehicle-list').locator('tbody tr').count()).toBe(SIM_VEHICLES)
    await screenshot(page, '02-overview')
  })

  it('streams live values on the vehicle page without a reload, in the chosen units', async () => {
    const { page } = browser
    const vin = fleet.vehicles[0]!.vin
    await page.getByTestId('vehicle-list').getByText(vin).click()
    await page.getByTestId('view-vehicle').waitFor()
    const table = page.getByTestId('latest-values')
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(3)
    const navigations: string[] = []
    page.on('framenavigated', (f) => navigations.push(f.url()))
    const first = Number(await table.getAttribute('data-updates'))
    await expect.poll(async () => Number(await table.getAttribute('data-updates')), { timeout: 10_000 }).toBeGreaterThan(first + 1)
    // a value cell really changed its text (not only a counter)
    const cells = table.locator('td[data-testid^="value-"]')
    const before = await cells.allTextContents()
    await expect.poll(async () => (await cells.allTextContents()).join('|'), { timeout: 10_000 }).not.toBe(before.join('|'))
    expect(navigations.filter((u) => !u.includes('#/vehicles/'))).toEqual([])
    await page.getByTestId('unit-distance').selectOption('mi')
    await expect.poll(() => table.locator(`tr[data-signal="Vehicle.Speed"] td[data-testid="value-1"]`).textContent()).toContain('mph')
    await page.getByTestId('unit-distance').selectOption('km')
    await expect.poll(async () => Number(await page.getByTestId('live-chart-1').getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThan(1)
    await screenshot(page, '03-vehicle')
  })

  it('reconnects the live channel after a drop and resubscribes', async () => {
    const { page } = browser
    const table = page.getByTestId('latest-values')
    await page.evaluate(() => (window as unknown as { fleetwireLive: { dropForTest(): void } }).fleetwireLive.dropForTest())
    await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 5000, interval: 20 }).toBe('reconnecting')
    await screenshot(page, '04-reconnecting')
    await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')
    const after = Number(await table.getAttribute('data-updates'))
    await expect.poll(async () => Number(await table.getAttribute('data-updates')), { timeout: 10_000 }).toBeGreaterThan(after)
  })

  it('shows an injected fault\'s alert in the queue within seconds, acknowledges it, and resolves it with a verdict', async () => {
    const { page } = browser
    await page.goto(`${gw.httpUrl}/#/alerts`)
    await page.getByTestId('view-alerts').waitFor()
    await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')
    expect((await api(gw, '/rules', { method: 'POST', body: JSON.stringify(RULE) })).status).toBe(201)
    const v = await provision(gw, { fleet: 'fleet-fault' })
    const car = await connectVehicle(gw.mqttUrl, v)
    cars.push(car)
    const coolant = signalId(COOLANT)
    const t0 = Date.now() - 600_000
    await publish(car, v.id, 'telemetry', telemetryPayload(1, t0, [[coolant, 90]]))
    const injectedAt = Date.now()
    await publish(car, v.id, 'telemetry', telemetryPayload(2, t0 + 60_000, [0, 60_000, 120_000, 180_000].map((o) => [coolant, 116, o] as [number, number, number])))
    // The default coolant over-temperature rule raises on this vehicle too: follow the test rule's row.
    const row = page.locator(`tr[data-testid="alert-row"][data-vehicle="${v.id}"][data-rule="${RULE.id}"]`)
    await row.waitFor({ timeout: 5000 })
    const seenAfterMs = Date.now() - injectedAt
    expect(seenAfterMs).toBeLessThan(5000)
    expect(await row.getAttribute('data-state')).toBe('open')
    await expect.poll(() => row.locator('td.clock').textContent()).toMatch(/^\d\d:\d\d:\d\d$/)
    await screenshot(page, '05-alert-queue')
    await row.getByTestId('alert-note').fill('calling the driver')
    await row.getByTestId('alert-ack').click()
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 5000 }).toBe('acknowledged')
    const alerts = await (await api(gw, `/alerts?vehicle=${v.id}`)).json() as { items: Array<{ state: string, ruleId: string, acknowledgedBy: string }> }
    expect(alerts.items.find((a) => a.ruleId === RULE.id)).toMatchObject({ state: 'acknowledged' })
    // The queue names the rule (its catalogue name for a default rule, the given name for this one).
    await row.getByRole('link', { name: RULE.name }).click()
    await page.getByTestId('alert-evidence').getByText('116').first().waitFor()
    await page.getByTestId('evidence-chart').waitFor()
    await screenshot(page, '06-alert-evidence')
    // Resolved with the engineer's verdict: a confirmed fault needs the part found, and it counts in the rule's precision.
    await row.getByTestId('alert-note').fill('pump seized, replaced')
    await row.getByTestId('alert-verdict').selectOption('confirmed')
    expect(await row.getByTestId('alert-resolve').isDisabled()).toBe(true)
    await row.getByTestId('alert-part').fill('coolant pump')
    await row.getByTestId('alert-resolve').click()
    const confirmedOf = async () => ((await (await api(gw, '/kpis/rules')).json()) as { rules: Array<{ ruleId: string, confirmed: number }> }).rules.find((r) => r.ruleId === RULE.id)?.confirmed
    await expect.poll(confirmedOf, { timeout: 5000 }).toBe(1)
  })

  it('switches language at run time, remembers it, and formats in the locale', async () => {
    const { page } = browser
    const nav = page.getByTestId('nav-overview')
    expect(await nav.textContent()).toBe('Fleet overview')
    await page.getByTestId('language').selectOption('zh-CN')
    await expect.poll(() => nav.textContent()).toBe('车队总览')
    expect(await page.locator('h1').first().textContent()).toBe('告警队列')
    await screenshot(page, '07-alerts-zh-CN')
    await page.reload()
    await expect.poll(() => page.getByTestId('nav-overview').textContent()).toBe('车队总览')
    await page.getByTestId('language').selectOption('de')
    await expect.poll(() => nav.textContent()).toBe('Flottenübersicht')
    await page.getByTestId('nav-overview').click()
    await page.getByTestId('view-overview').waitFor()
    expect(await page.getByTestId('count-online').textContent()).toContain('online')
    await screenshot(page, '08-overview-de')
    await page.getByTestId('language').selectOption('es')
    await expect.poll(() => nav.textContent()).toBe('Resumen de flota')
    await page.getByTestId('language').selectOption('en')
  })

  it('renders the OTA and fleet-owner views (screenshots), the owner view listing every vehicle in scope', async () => {
    const { page } = browser
    for (const [hash, testid, name] of [['#/campaigns', 'view-campaigns', '09-campaigns'], ['#/campaigns/new', 'view-campaign-new', '10-campaign-new'], ['#/owner', 'view-owner', '11-owner']] as const) {
      await page.goto(`${gw.httpUrl}/${hash}`)
      await page.getByTestId(testid).waitFor()
      await page.waitForLoadState('networkidle')
      await screenshot(page, name)
    }
    // the owner view lists vehicles through GET /vehicles (scoped by the gateway)
    await expect.poll(() => page.getByTestId('owner-vehicle').count()).toBe(SIM_VEHICLES + 1)
  })
})
