import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MqttClient } from 'mqtt'
import { ADMIN_TOKEN, type TestGateway, startGateway } from '../../gateway/test/helper.js'
import { PASSWORD, call, createUser, login } from '../../gateway/test/security/support.js'
import { berlinVehicle, openAlertOf, seedNetwork } from '../../gateway/test/work-orders/fixtures.js'
import { type Browser, ensureDashboardsBuilt, launchBrowser, screenshot, signInWithToken } from './browser.js'

/** The service views in Debian chromium: a technician's centre and its workshop steps, the staff forecast, the vehicle page's work orders. */
let gw: TestGateway
let browser: Browser
let client: MqttClient
let vin = ''
let techToken = ''

beforeAll(async () => {
  ensureDashboardsBuilt()
  gw = await startGateway()
  await seedNetwork(gw)
  const tech = await createUser(gw, { username: 'browser-tech', password: PASSWORD, role: 'technician' })
  await call(gw, 'PUT', `/service-centers/c-near/technicians/${tech.id}`)
  techToken = await login(gw, 'browser-tech', PASSWORD)
  const v = await berlinVehicle(gw, 'browser-fleet', { odometerKm: 1000, weak: true })
  client = v.client
  vin = v.v.id
  const alertId = await openAlertOf(gw, vin)
  const booked = await call(gw, 'POST', '/work-orders', { body: { alertId, centerId: 'c-near' } })
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  client?.end(true)
  await browser?.close()
  await gw?.close()
  await gw?.dropDatabase()
})

describe('service views', () => {
  it('a technician sees its centre\'s work order and moves it through the workshop', async () => {
    const { page } = browser
    await signInWithToken(page, gw.httpUrl, techToken)
    await page.goto(`${gw.httpUrl}/#/service`)
    const row = page.getByTestId('work-order-row')
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.first().getAttribute('data-state')).toBe('booked')
    await row.first().getByTestId('wo-next').click()
    await page.locator('[data-testid=work-order-row][data-state=vehicle_arrived]').waitFor()
    expect(await page.getByTestId('parts-forecast').count()).toBe(0)
    await screenshot(page, 'service-technician')
  }, 60_000)

  it('staff see the parts forecast per country and the vehicle page lists its work orders', async () => {
    const { page } = browser
    await page.evaluate(() => localStorage.removeItem('fw.session'))
    await page.reload()
    await signInWithToken(page, gw.httpUrl, ADMIN_TOKEN)
    await page.goto(`${gw.httpUrl}/#/service`)
    await page.locator('[data-testid=forecast-row][data-part=BAT-12V-70AH]').first().waitFor()
    expect(await page.locator('[data-testid=forecast-country] table').first().getAttribute('data-country')).toBe('DE')
    // The map has a marker for each country's table, red exactly where a table has a part running short.
    const map = page.getByTestId('forecast-map')
    await map.waitFor()
    const tables = page.locator('[data-testid=forecast-country] table')
    const countries = await tables.evaluateAll((ts) => ts.map((x) => x.getAttribute('data-country')).join(' '))
    const short = await tables.evaluateAll((ts) => ts.filter((x) => x.querySelector('[data-shortfall=yes]') !== null).map((x) => x.getAttribute('data-country')).join(' '))
    expect(await map.getAttribute('data-countries')).toBe(countries)
    expect(await map.getAttribute('data-shortfall-countries')).toBe(short)
    await screenshot(page, 'service-forecast')
    await page.goto(`${gw.httpUrl}/#/vehicles/${vin}`)
    await page.getByTestId('work-orders-panel').locator('[data-testid=work-order-row][data-center=c-near]').waitFor()
    await screenshot(page, 'vehicle-work-orders')
  }, 90_000)
})
