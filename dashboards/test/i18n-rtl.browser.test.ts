import { beforeAll, describe, expect, it } from 'vitest'
import { localise } from '@fleetwire/i18n'
import { ADMIN_TOKEN, type TestGateway, api } from '../../gateway/test/helper.js'
import { type Browser, dashboardsWithFleet, screenshot, signInWithToken } from './browser.js'

/**
 * Every view (an incident's page and printable report too) in Arabic (right to left: <html dir="rtl">, the header mirrored)
 * and in Thai, in Debian's chromium against a real gateway with two simulated
 * vehicles. The screenshots show the glyphs (DejaVu for Arabic,
 * fonts-thai-tlwg for Thai).
 */
const SIM_VEHICLES = 2
let gw: TestGateway
let browser: Browser
let vin = ''
let incidentId = ''

dashboardsWithFleet({ vehicles: SIM_VEHICLES, seed: 5 }, (f) => {
  ({ gw, browser } = f)
  vin = f.fleet.vehicles[0]!.vin
})
beforeAll(async () => {
  // An incident, so that its page and printable report are among the views rendered.
  const res = await api(gw, '/incidents', { method: 'POST', body: JSON.stringify({ title: { en: 'Battery check', ar: 'فحص البطارية', th: 'ตรวจแบตเตอรี่' }, message: { en: 'Visit a service centre.' }, severity: 'warning', requiredAction: 'visit_centre', affected: { vinRanges: [{ from: vin, to: vin }] } }) })
  if (res.status !== 201) throw new Error(`POST /incidents: ${res.status} ${await res.text()}`)
  incidentId = (await res.json() as { incident: { id: string } }).incident.id
})

const views = (): ReadonlyArray<readonly [string, string]> => [
  ['#/', 'overview'], ['#/alerts', 'alerts'], [`#/vehicles/${vin}`, 'vehicle'], ['#/campaigns', 'campaigns'],
  ['#/campaigns/new', 'campaign-new'], ['#/owner', 'owner'], ['#/service', 'service'],
  [`#/incidents/${incidentId}`, 'incident'], [`#/incidents/${incidentId}/report`, 'incident-report'],
]

async function renderAll (lang: string): Promise<void> {
  const { page } = browser
  for (const [hash, name] of views()) {
    await page.goto(`${gw.httpUrl}/${hash}`)
    await page.locator('main h1, main h2').first().waitFor()
    await page.waitForLoadState('networkidle')
    // every list has loaded (no "loading…" left), so the screenshot shows the translated content
    await expect.poll(() => page.getByText(localise(lang, 'common.loading')).count(), { timeout: 15_000 }).toBe(0)
    await screenshot(page, `i18n-${lang}-${name}`)
  }
}

describe('right-to-left Arabic and Thai in chromium', () => {
  it('Arabic sets dir=rtl, mirrors the header and keeps charts left to right', async () => {
    const { page } = browser
    await page.goto(`${gw.httpUrl}/`)
    await signInWithToken(page, gw.httpUrl, ADMIN_TOKEN)
    const nav = page.getByTestId('nav-overview')
    const width = page.viewportSize()?.width ?? 1280
    const ltrBox = await nav.boundingBox()
    expect(ltrBox!.x).toBeLessThan(width / 2)
    await page.getByTestId('language').selectOption('ar')
    await expect.poll(() => nav.textContent()).toBe(localise('ar', 'nav.overview'))
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar'])
    // The brand and nav start at the right edge now: the header is mirrored.
    const rtlBox = await nav.boundingBox()
    expect(rtlBox!.x + rtlBox!.width).toBeGreaterThan(width / 2)
    const brand = await page.locator('header.top .brand').boundingBox()
    expect(brand!.x).toBeGreaterThan(width / 2)
    await renderAll('ar')
    // the vehicle page's charts keep their time axis left to right
    await page.goto(`${gw.httpUrl}/#/vehicles/${vin}`)
    const chart = page.locator('.chart').first()
    await chart.waitFor({ state: 'attached' })
    expect(await chart.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
    // the choice survives a reload and still mirrors
    await page.reload()
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl')
  })

  it('Thai renders every view left to right in Thai', async () => {
    const { page } = browser
    await page.getByTestId('language').selectOption('th')
    const nav = page.getByTestId('nav-overview')
    await expect.poll(() => nav.textContent()).toBe(localise('th', 'nav.overview'))
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['ltr', 'th'])
    await renderAll('th')
    await page.getByTestId('language').selectOption('en')
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr')
  })
})
